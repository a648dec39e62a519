// Runs queries against an open database: parse, match, rank, snippets.
#ifndef LEDE_SEARCHER_SEARCHER_H_
#define LEDE_SEARCHER_SEARCHER_H_

#include <string>
#include <vector>

#include "searcher/date_filter.h"
#include "searcher/facets.h"
#include "searcher/index_reader.h"
#include "searcher/query_builder.h"
#include "searcher/ranking.h"
#include "searcher/remote_shard.h"
#include "searcher/search_result.h"
#include "searcher/sort_order.h"

namespace lede {

struct QueryOptions {
  size_t limit = 10;
  size_t offset = 0;
  size_t snippet_bytes = 280;
  RankingOptions ranking;

  // Filters, order and extras. Filters never change the ranking
  // of what remains: they are boolean, outside the ranked query.
  std::vector<std::string> sources;  // any of these, as publisher or agency (SourceKey match)
  std::vector<std::string> publishers;  // any of these as publisher
  std::vector<std::string> agencies;    // any of these as agency
  DayRange dates;                    // --since/--until
  SortOrder sort = SortOrder::kRelevance;
  bool all_copies = false;  // do not collapse near-duplicate copies
  bool facets = false;
  bool exact = false;       // count every match (--count, --facets)
  bool explain = false;     // per-result matching terms and weights
  // Words join with OR only (--any). Otherwise articles with every word come
  // first and are what is counted; articles with some follow.
  bool any_word = false;
};

class Searcher {
 public:
  // Opens the database once (db_path, "" for none, plus the remote
  // shards; see IndexReader); reuse the Searcher for many queries.
  // today_days (days since 1970-01-01) anchors relative dates.
  explicit Searcher(const std::string& db_path, long today_days = 0,
                    const std::vector<RemoteShard>& remotes = {});

  // Throws QueryError for a query with no searchable words, IndexError for
  // database failures.
  SearchResult Search(const std::string& query, const QueryOptions& options);
  // Articles like the one with this id (--like); QueryError when there is no
  // such article.
  SearchResult Related(const std::string& id, const QueryOptions& options);

 private:
  struct Tier;
  SearchResult Run(const std::string& query, const ParsedQuery& pq, const QueryOptions& options);
  // The all-words tier, then the partial matches when the page has room.
  void Match(const std::string& query, const ParsedQuery& pq, const QueryOptions& options,
             SearchResult* result);
  Tier RunTier(const Xapian::Query& query, const Xapian::Query& query_filter,
               const QueryOptions& options, Xapian::doccount first, Xapian::doccount count,
               FacetCollector* spies);
  void AddHits(const Tier& tier, const ParsedQuery& pq, const QueryOptions& options,
               Xapian::doccount rank_base, SearchResult* result);
  void Explain(Tier& tier, size_t from, SearchResult* result);
  // Notes the words of a several-word query that no article contains.
  void NameMissingWords(const std::string& text, const Xapian::Query& words,
                        SearchResult* result);
  // Other handles on the local database for a phrase check split across
  // the cores nothing else is using (PhraseThreads); null when there is
  // nothing to split onto.
  std::vector<Xapian::Database>* PhraseHandles();

  IndexReader reader_;
  QueryBuilder builder_;
  std::vector<Xapian::Database> split_handles_;  // PhraseHandles' choice
};

}  // namespace lede

#endif  // LEDE_SEARCHER_SEARCHER_H_

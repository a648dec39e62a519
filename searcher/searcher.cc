// Query execution with BM25 ranking and lede's own snippets.
#include "searcher/searcher.h"

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "common/index/stem.h"
#include "searcher/copies.h"
#include "searcher/explain.h"
#include "searcher/facets.h"
#include "searcher/filters.h"
#include "searcher/phrase_check.h"
#include "searcher/related.h"
#include "searcher/spelling.h"

namespace lede {

Searcher::Searcher(const std::string& db_path, long today_days,
                   const std::vector<RemoteShard>& remotes)
    : reader_(db_path, remotes), builder_(reader_.db(), today_days) {}

SearchResult Searcher::Search(const std::string& query, const QueryOptions& options) {
  return Run(query, builder_.Parse(query), options);
}

SearchResult Searcher::Related(const std::string& id, const QueryOptions& options) {
  ParsedQuery pq = reader_.WithRetry([&] {
    return RelatedQuery(reader_.db(), ResolveArticleId(reader_.db(), id), !options.all_copies);
  });
  return Run("like:" + id, pq, options);
}

SearchResult Searcher::Run(const std::string& query, const ParsedQuery& pq,
                           const QueryOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SearchResult result;
  result.query = query;
  result.note = pq.fallback_note;
  result.collapsed = !options.all_copies;
  // Filters stay outside the ranked query, so they remove documents without
  // changing any remaining document's weight.
  const Xapian::Query filter = FilterQuery(options.sources, options.dates);

  reader_.WithRetry([&] {
    result.hits.clear();
    // date:/source: written in the query filter like the flags do: ranking
    // (feedback included) sees only the scored part.
    const auto [scored, query_filter] = SplitFilter(pq.query);
    // Phrases matched once for all the matches below (searcher/phrase_check.h),
    // on one local database, when there are two: with one, Xapian's own
    // phrase check costs less than finding the set first.
    const bool matches_twice = FeedbackOn(options.ranking) || options.sort == SortOrder::kOldest;
    const std::shared_ptr<const PhraseMatches> phrases =
        reader_.local() && matches_twice ? PhraseMatches::Find(reader_.db(), scored) : nullptr;
    Xapian::Query ranked = RankedQuery(reader_.db(), scored, options.ranking, phrases.get());
    if (!query_filter.empty())
      ranked = Xapian::Query(Xapian::Query::OP_FILTER, ranked, query_filter);
    if (!filter.empty()) ranked = Xapian::Query(Xapian::Query::OP_FILTER, ranked, filter);
    const std::unique_ptr<Xapian::Weight> weight = MakeWeight(options.ranking);
    const EnquireMaker make = [&](const Xapian::Query& q) {
      Xapian::Enquire e(reader_.db());
      e.set_query(q);
      e.set_weighting_scheme(*weight);
      if (!options.all_copies) CollapseCopies(e);
      return e;
    };
    FacetCollector spies;
    const bool count_all = options.exact || options.facets;
    const std::optional<Xapian::Query> rewritten =
        phrases ? phrases->Rewrite(ranked) : std::optional<Xapian::Query>();
    const Xapian::Query& to_run = rewritten ? *rewritten : ranked;
    Xapian::Enquire enquire = make(to_run);
    if (count_all) spies.Attach(enquire);
    const ResultPage page = GetPage(
        enquire, to_run, options.sort, make, static_cast<Xapian::doccount>(options.offset),
        static_cast<Xapian::doccount>(options.limit), count_all ? reader_.db().get_doccount() : 0);
    const Xapian::MSet& mset = page.all;
    result.estimate = mset.get_matches_estimated();
    result.lower = mset.get_matches_lower_bound();
    result.upper = mset.get_matches_upper_bound();
    if (count_all) {
      result.exact = true;
      result.estimate = result.lower = result.upper =
          options.all_copies ? spies.Collect().articles : spies.Stories();
    }
    if (options.facets) result.facets = spies.Collect();
    std::vector<Xapian::docid> docids;
    for (const Xapian::MSetIterator& it : page.hits) {
      Hit hit;
      // get_rank() already counts the offset.
      hit.rank = static_cast<size_t>(it.get_rank()) + 1;
      hit.score = it.get_weight();
      Xapian::Document doc = it.get_document();
      hit.article = schema::DecodeData(doc.get_data());
      // Highlight with the stemmer the article was indexed with.
      const Xapian::Stem& stemmer = StemmerNamed(StemmerGroupFor(hit.article.language));
      hit.title = HighlightAll(hit.article.title, pq.highlight_terms, stemmer);
      hit.snippet = MakeSnippet(hit.article.body, pq.highlight_terms, stemmer,
                                options.snippet_bytes);
      // Not get_collapse_count(): the matcher need not look at every copy
      // of a story it has already placed, so it can report 0 when there are.
      if (!options.all_copies)
        hit.copies = MatchingCopies(reader_.db(), ranked, doc.get_value(schema::kSlotCluster));
      docids.push_back(*it);
      result.hits.push_back(std::move(hit));
    }
    if (options.explain) {
      for (size_t i = 0; i < docids.size(); ++i)
        result.hits[i].explain = ExplainMatch(enquire, ranked, docids[i],
                                              schema::IdTerm(result.hits[i].article.id));
    }
    if (result.hits.empty() && result.estimate == 0 && query.compare(0, 5, "like:") != 0)
      result.suggestion = SuggestSpelling(reader_.db(), query);
    return 0;
  });
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace lede

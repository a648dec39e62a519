// Query execution with BM25 ranking and lede's own snippets.
#include "searcher/searcher.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "common/error.h"
#include "common/index/stem.h"
#include "common/text/tokenizer.h"
#include "searcher/copies.h"
#include "searcher/explain.h"
#include "searcher/facets.h"
#include "searcher/filters.h"
#include "searcher/phrase_check.h"
#include "searcher/related.h"
#include "searcher/spelling.h"
#include "searcher/term_freqs.h"

namespace lede {

// One ranked match: the all-words query, or the partial matches after it.
struct Searcher::Tier {
  RankedParts parts;
  Xapian::Query ranked;  // parts combined, with the filters
  std::optional<Xapian::Enquire> enquire;
  ResultPage page;
  Xapian::doccount first = 0;  // the page's first position in the tier
};

namespace {

void AddNote(SearchResult* result, const std::string& note) {
  result->note += (result->note.empty() ? "" : "; ") + note;
}

// Feedback takes docs (best first) for relevant, so they keep their places
// at the top: page (the expanded query's results from the first, enough for
// [first, first + count) once they are taken out) becomes docs that match
// ranked (filters included; one per story when collapsing), then the rest,
// cut to [first, first + count).
void KeepFeedbackDocs(const Xapian::Database& db, const EnquireMaker& make,
                      const Xapian::Query& ranked, const std::vector<Xapian::docid>& docs,
                      bool collapse, Xapian::doccount first, Xapian::doccount count,
                      ResultPage* page) {
  std::vector<Xapian::Query> ids;
  for (const Xapian::docid d : docs) {
    const std::string id = db.get_document(d).get_value(schema::kSlotId);
    if (!id.empty()) ids.emplace_back(schema::IdTerm(id));
  }
  const Xapian::MSet kept =
      make(Xapian::Query(Xapian::Query::OP_FILTER, ranked,
                         Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end())))
          .get_mset(0, static_cast<Xapian::doccount>(docs.size()));
  std::vector<Xapian::MSetIterator> hits;
  std::set<Xapian::docid> taken;
  std::set<std::string> stories;
  for (const Xapian::docid d : docs) {
    for (auto it = kept.begin(); it != kept.end(); ++it) {
      if (*it != d) continue;
      hits.push_back(it);
      taken.insert(d);
      const std::string cluster = it.get_document().get_value(schema::kSlotCluster);
      if (!cluster.empty()) stories.insert(cluster);
    }
  }
  for (const Xapian::MSetIterator& it : page->hits) {
    if (taken.count(*it)) continue;
    if (collapse && stories.count(it.get_document().get_value(schema::kSlotCluster))) continue;
    hits.push_back(it);
  }
  const size_t from = std::min<size_t>(first, hits.size());
  const size_t to = std::min<size_t>(static_cast<size_t>(first) + count, hits.size());
  page->hits.assign(hits.begin() + static_cast<std::ptrdiff_t>(from),
                    hits.begin() + static_cast<std::ptrdiff_t>(to));
}

}  // namespace

Searcher::Searcher(const std::string& db_path, long today_days,
                   const std::vector<RemoteShard>& remotes)
    : reader_(db_path, remotes),
      // The builder reads the database (its stemmer groups): an indexer
      // committing meanwhile is retried as a search is.
      builder_(reader_.WithRetry([&] { return QueryBuilder(reader_.db(), today_days); })) {}

SearchResult Searcher::Search(const std::string& query, const QueryOptions& options) {
  // Parsing reads the database too (wildcards, spelling groups): a commit
  // landing meanwhile is retried like the match.
  const ParsedQuery pq = reader_.WithRetry([&] { return builder_.Parse(query, options.any_word); });
  SearchResult result = Run(query, pq, options);
  if (!pq.any_words.empty()) NameMissingWords(query, pq.any_words, &result);
  return result;
}

SearchResult Searcher::Related(const std::string& id, const QueryOptions& options) {
  ParsedQuery pq = reader_.WithRetry([&] {
    return RelatedQuery(reader_.db(), ResolveArticleId(reader_.db(), id), !options.all_copies);
  });
  return Run("like:" + id, pq, options);
}

void Searcher::NameMissingWords(const std::string& text, const Xapian::Query& words,
                                SearchResult* result) {
  std::set<std::string> missing;
  reader_.WithRetry([&] {
    const std::vector<std::string> terms = PositiveWordTerms(words);
    TermFreqs freqs(reader_.db(), !reader_.local());
    freqs.Prefetch(terms);
    for (const std::string& term : terms)
      if (freqs(term) == 0) missing.insert(term);
    return 0;
  });
  if (missing.empty()) return;
  // Name the words as the user wrote them where the stem maps back.
  std::string names;
  std::set<std::string> named;
  for (const Token& t : Tokenize(text)) {
    const std::string term = schema::StemTerm(builder_.stemmer(), t.term);
    if (missing.count(term) && named.insert(term).second)
      names += (names.empty() ? "" : ", ") + t.term;
  }
  for (const std::string& term : missing)
    if (!named.count(term)) names += (names.empty() ? "" : ", ") + ReadableTerm(term);
  AddNote(result, "no article contains: " + names);
}

namespace {

// How many other threads are running or ready to run now (Linux's
// /proc/loadavg, whose fourth field counts this one too); 0 when unknown.
unsigned OthersRunning() {
  std::ifstream in("/proc/loadavg");
  std::string averages[3], tasks;
  if (!(in >> averages[0] >> averages[1] >> averages[2] >> tasks)) return 0;
  const unsigned running = static_cast<unsigned>(std::strtoul(tasks.c_str(), nullptr, 10));
  return running > 1 ? running - 1 : 0;
}

}  // namespace

std::vector<Xapian::Database>* Searcher::PhraseHandles() {
  const unsigned threads = PhraseThreads(std::thread::hardware_concurrency(), OthersRunning());
  if (threads < 2 || !reader_.local()) return nullptr;
  const std::vector<Xapian::Database>& open = reader_.Handles(threads - 1);
  // Copies share the handles' state, used by one thread each.
  split_handles_.assign(open.begin(), open.begin() + std::min<size_t>(open.size(), threads - 1));
  return split_handles_.empty() ? nullptr : &split_handles_;
}

// Ranks query (the scored part; query_filter and the options' filters
// applied after) and reads the page [first, first + count).
Searcher::Tier Searcher::RunTier(const Xapian::Query& query, const Xapian::Query& query_filter,
                                 const QueryOptions& options, Xapian::doccount first,
                                 Xapian::doccount count, FacetCollector* spies) {
  Tier tier;
  const Xapian::Database& db = reader_.db();
  // Phrases matched once for all the matches below (searcher/phrase_check.h),
  // on one local database, when there are two: with one, Xapian's own
  // phrase check costs less than finding the set first.
  const bool matches_twice =
      FeedbackOn(options.ranking, query) || options.sort == SortOrder::kOldest;
  // A phrase of common words is checked on the idle cores (split by docid).
  const bool many = reader_.local() && ManyPhraseCandidates(db, query);
  std::vector<Xapian::Database>* more = many ? PhraseHandles() : nullptr;
  std::shared_ptr<const PhraseMatches> phrases =
      reader_.local() && matches_twice ? PhraseMatches::Find(db, query, more) : nullptr;
  tier.parts = RankedQueryParts(db, query, options.ranking, phrases.get(), !reader_.local());
  tier.ranked = tier.parts.Combined();
  // Filters stay outside the ranked query, so they remove documents without
  // changing any remaining document's weight.
  const Xapian::Query filter =
      FilterQuery(options.sources, options.dates, options.publishers, options.agencies);
  if (!query_filter.empty())
    tier.ranked = Xapian::Query(Xapian::Query::OP_FILTER, tier.ranked, query_filter);
  if (!filter.empty()) tier.ranked = Xapian::Query(Xapian::Query::OP_FILTER, tier.ranked, filter);
  const std::shared_ptr<Xapian::Weight> weight = MakeWeight(options.ranking);
  const std::vector<Xapian::docid>& keep = tier.parts.feedback_docs;
  const bool keeping =
      options.ranking.feedback_keep && !keep.empty() && options.sort == SortOrder::kRelevance;
  const auto kept = static_cast<Xapian::doccount>(keeping ? keep.size() : 0);
  // A phrase the set above was not found for: checked on the best matches
  // of its words first, when nothing needs every match; else, when its
  // words are common, its documents are found first (on the idle cores),
  // which also makes its counts exact.
  std::optional<ResultPage> by_rank;
  if (!phrases && !spies && !keeping && reader_.local() && options.sort == SortOrder::kRelevance)
    by_rank = PhrasePageByRank(db, tier.ranked, *weight, !options.all_copies, first, count,
                               kMinPhraseWordMatches, more);
  if (!by_rank && !phrases && many) phrases = PhraseMatches::Find(db, query, more);
  const std::optional<Xapian::Query> rewritten =
      phrases ? phrases->Rewrite(tier.ranked) : std::optional<Xapian::Query>();
  const Xapian::Query& to_run = rewritten ? *rewritten : tier.ranked;
  const EnquireMaker make = [&](const Xapian::Query& q) {
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(*weight);
    if (!options.all_copies) CollapseCopies(e);
    return e;
  };
  tier.enquire = make(to_run);
  if (spies) spies->Attach(*tier.enquire);
  // Equal weights come in article id order (GetPage): the order then
  // depends on the articles, not on the docids a build gave them.
  tier.page = by_rank
                  ? std::move(*by_rank)
                  : GetPage(*tier.enquire, to_run, options.sort, make, keeping ? 0 : first,
                            keeping ? first + count + kept : count, spies ? db.get_doccount() : 0);
  if (keeping)
    KeepFeedbackDocs(db, make, to_run, keep, !options.all_copies, first, count, &tier.page);
  tier.first = first;
  return tier;
}

void Searcher::AddHits(const Tier& tier, const ParsedQuery& pq, const QueryOptions& options,
                       Xapian::doccount rank_base, SearchResult* result) {
  const size_t first_hit = result->hits.size();
  // The page's story sizes at once (on a remote shard a round trip each
  // otherwise). Its documents cannot be: Xapian 1.4's remote protocol reads
  // them one by one, and MSet::fetch() crashed on a page past the first.
  std::vector<Xapian::Document> docs;
  std::vector<std::string> clusters;
  for (const Xapian::MSetIterator& it : tier.page.hits) {
    docs.push_back(it.get_document());
    clusters.push_back(docs.back().get_value(schema::kSlotCluster));
  }
  TermFreqs story_sizes(reader_.db(), !reader_.local());
  if (!options.all_copies) StorySizes(clusters, &story_sizes);
  for (size_t i = 0; i < docs.size(); ++i) {
    const Xapian::MSetIterator& it = tier.page.hits[i];
    const Xapian::Document& doc = docs[i];
    Hit hit;
    hit.rank = rank_base + tier.first + (result->hits.size() - first_hit) + 1;
    hit.score = it.get_weight();
    hit.article = schema::DecodeData(doc.get_data());
    // Not get_collapse_count(): the matcher need not look at every copy
    // of a story it has already placed, so it can report 0 when there are.
    if (!options.all_copies)
      hit.copies = MatchingCopies(reader_.db(), tier.ranked, clusters[i], &story_sizes);
    if (options.sort != SortOrder::kRelevance && !hit.copies.empty()) {
      const CopyInfo* shown = ShownCopy(hit.copies, hit.article.id);
      if (shown && shown->id != hit.article.id)
        hit.article = schema::DecodeData(reader_.db().get_document(shown->docid).get_data());
    }
    // Highlight with the stemmer the article was indexed with.
    const Xapian::Stem& stemmer = StemmerNamed(StemmerGroupFor(hit.article.language));
    hit.title = HighlightAll(hit.article.title, pq.highlight_terms, stemmer);
    hit.snippet = MakeSnippet(hit.article.body, pq.highlight_terms, stemmer, options.snippet_bytes);
    result->hits.push_back(std::move(hit));
  }
}

void Searcher::Explain(Tier& tier, size_t from, SearchResult* result) {
  for (size_t i = from; i < result->hits.size(); ++i)
    result->hits[i].explain =
        ExplainMatch(*tier.enquire, tier.parts, schema::IdTerm(result->hits[i].article.id));
}

void Searcher::Match(const std::string& query, const ParsedQuery& pq, const QueryOptions& options,
                     SearchResult* result) {
  result->hits.clear();
  result->partial = 0;
  const auto offset = static_cast<Xapian::doccount>(options.offset);
  const auto limit = static_cast<Xapian::doccount>(options.limit);
  // date:/source: written in the query filter like the flags do: ranking
  // (feedback included) sees only the scored part.
  const auto [scored, query_filter] = SplitFilter(pq.query);
  FacetCollector spies;
  const bool count_all = options.exact || options.facets;
  Tier all = RunTier(scored, query_filter, options, offset, limit, count_all ? &spies : nullptr);
  const MatchCounts counts = all.page.Counts();
  result->estimate = counts.estimate;
  result->lower = counts.lower;
  result->upper = counts.upper;
  std::optional<Tier> rest;
  Xapian::doccount rest_base = 0;
  if (!pq.any_words.empty() && all.page.hits.size() < limit) {
    // Fewer all-words matches than the page holds (so they are counted
    // exactly): the partial matches follow them.
    const auto [any_scored, any_filter] = SplitFilter(pq.any_words);
    if (result->upper == 0) {
      rest = RunTier(any_scored, any_filter, options, offset, limit, count_all ? &spies : nullptr);
      result->partial = rest->page.Counts().estimate;
      AddNote(result, "no article has all the words; showing those with some of them");
    } else {
      rest_base = result->upper;
      const Xapian::Query others(Xapian::Query::OP_AND_NOT, any_scored, scored);
      rest = RunTier(others, any_filter, options, offset > rest_base ? offset - rest_base : 0,
                     limit - static_cast<Xapian::doccount>(all.page.hits.size()), nullptr);
    }
  }
  if (count_all) {
    result->exact = true;
    const Xapian::doccount counted =
        options.all_copies ? spies.Collect().articles : spies.Stories();
    result->estimate = result->lower = result->upper = result->partial ? 0 : counted;
    if (result->partial) result->partial = counted;
  }
  if (options.facets) result->facets = spies.Collect();
  AddHits(all, pq, options, 0, result);
  const size_t first_rest = result->hits.size();
  if (rest) AddHits(*rest, pq, options, rest_base, result);
  if (options.explain) {
    Explain(all, 0, result);
    if (rest) Explain(*rest, first_rest, result);
  }
  if (result->hits.empty() && result->estimate == 0 && result->partial == 0 &&
      query.compare(0, 5, "like:") != 0)
    result->suggestion = SuggestSpelling(reader_.db(), query);
}

SearchResult Searcher::Run(const std::string& query, const ParsedQuery& pq,
                           const QueryOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SearchResult result;
  result.query = query;
  result.collapsed = !options.all_copies;
  reader_.WithRetry([&] {
    result.note = pq.fallback_note;
    try {
      Match(query, pq, options, &result);
    } catch (const Xapian::WildcardError&) {
      throw QueryError("a wildcard in '" + query + "' stands for more than " +
                       std::to_string(kMaxWildcardTerms) +
                       " different words: give it a longer start");
    }
    return 0;
  });
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace lede

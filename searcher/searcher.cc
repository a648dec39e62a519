// Query execution with BM25 ranking and lede's own snippets.
#include "searcher/searcher.h"

#include <chrono>

namespace lede {

Searcher::Searcher(const std::string& db_path) : reader_(db_path), builder_(reader_.db()) {}

SearchResult Searcher::Search(const std::string& query, const QueryOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SearchResult result;
  result.query = query;
  ParsedQuery pq = builder_.Parse(query);
  result.note = pq.fallback_note;

  reader_.WithRetry([&] {
    result.hits.clear();
    Xapian::Enquire enquire(reader_.db());
    enquire.set_query(pq.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                         static_cast<Xapian::doccount>(options.limit));
    result.estimate = mset.get_matches_estimated();
    result.lower = mset.get_matches_lower_bound();
    result.upper = mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.rank = options.offset + static_cast<size_t>(it.get_rank()) + 1;
      hit.score = it.get_weight();
      hit.article = schema::DecodeData(it.get_document().get_data());
      hit.title = HighlightAll(hit.article.title, pq.highlight_terms, builder_.stemmer());
      hit.snippet = MakeSnippet(hit.article.body, pq.highlight_terms, builder_.stemmer(),
                                options.snippet_bytes);
      result.hits.push_back(std::move(hit));
    }
    return 0;
  });
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace lede

// What a search returns, independent of how it is printed.
#ifndef LEDE_SEARCHER_SEARCH_RESULT_H_
#define LEDE_SEARCHER_SEARCH_RESULT_H_

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/index/schema.h"
#include "searcher/copies.h"
#include "searcher/explain.h"
#include "searcher/facets.h"
#include "searcher/snippet.h"

namespace lede {

struct Hit {
  size_t rank = 0;  // 1-based, counting the offset
  double score = 0;
  schema::StoredArticle article;
  Snippet title;    // whole title with highlights
  Snippet snippet;  // best passage of the body with highlights
  // When collapsed: every matching copy of this story, this one included
  // (empty when it has no other matching copy).
  std::vector<CopyInfo> copies;
  std::vector<TermWeight> explain;  // with --explain
};

struct SearchResult {
  std::string query;
  Xapian::doccount estimate = 0;
  Xapian::doccount lower = 0;
  Xapian::doccount upper = 0;
  // When no article has every word of the query (estimate 0): how many have
  // some of them, the matches shown instead.
  Xapian::doccount partial = 0;
  std::vector<Hit> hits;
  std::string note;       // e.g. the fallback interpretation of a bad query
  double took_ms = 0;     // time spent on this query, snippets included
  bool exact = false;     // estimate == lower == upper, every match counted
  bool collapsed = true;  // totals count stories (copies collapsed), not articles
  std::optional<Facets> facets;
  std::string suggestion;  // spelling correction when nothing matched
};

}  // namespace lede

#endif  // LEDE_SEARCHER_SEARCH_RESULT_H_

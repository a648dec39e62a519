// What a search returns, independent of how it is printed.
#ifndef LEDE_SEARCHER_SEARCH_RESULT_H_
#define LEDE_SEARCHER_SEARCH_RESULT_H_

#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.h"
#include "searcher/snippet.h"

namespace lede {

struct Hit {
  size_t rank = 0;  // 1-based, counting the offset
  double score = 0;
  schema::StoredArticle article;
  Snippet title;    // whole title with highlights
  Snippet snippet;  // best passage of the body with highlights
};

struct SearchResult {
  std::string query;
  Xapian::doccount estimate = 0;
  Xapian::doccount lower = 0;
  Xapian::doccount upper = 0;
  std::vector<Hit> hits;
  std::string note;    // e.g. the fallback interpretation of a bad query
  double took_ms = 0;  // time spent on this query, snippets included
};

}  // namespace lede

#endif  // LEDE_SEARCHER_SEARCH_RESULT_H_

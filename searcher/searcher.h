// Runs queries against an open database: parse, match, rank, snippets.
#ifndef LEDE_SEARCHER_SEARCHER_H_
#define LEDE_SEARCHER_SEARCHER_H_

#include <string>

#include "searcher/index_reader.h"
#include "searcher/query_builder.h"
#include "searcher/search_result.h"

namespace lede {

struct QueryOptions {
  size_t limit = 10;
  size_t offset = 0;
  size_t snippet_bytes = 280;
};

class Searcher {
 public:
  // Opens the database once; reuse the Searcher for many queries.
  explicit Searcher(const std::string& db_path);

  // Throws QueryError for a query with no searchable words, IndexError for
  // database failures.
  SearchResult Search(const std::string& query, const QueryOptions& options);

 private:
  IndexReader reader_;
  QueryBuilder builder_;
};

}  // namespace lede

#endif  // LEDE_SEARCHER_SEARCHER_H_

// lede-search's job once the command line is parsed: one query, or a batch.
#ifndef LEDE_SEARCHER_SEARCH_COMMAND_H_
#define LEDE_SEARCHER_SEARCH_COMMAND_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "searcher/printer.h"
#include "searcher/remote_shard.h"
#include "searcher/searcher.h"

namespace lede {

struct SearchOptions {
  std::string db_path;               // "" with only remote shards
  std::vector<RemoteShard> remotes;  // --remote
  std::string query;                 // words joined by spaces
  std::string batch_file;            // "-" for stdin; empty when not batching
  QueryOptions query_options;
  OutputFormat format = OutputFormat::kText;
  TextStyle style;
  bool count_only = false;
  std::string like_id;  // --like: articles similar to this one instead of a query
  std::string show_ref;     // --show: print this article (id or path) in full
  bool files_only = false;  // -l: print the results' paths only
  bool nul_separated = false;  // -0: paths end with NUL instead of a newline
  long today = 0;       // days since 1970-01-01, for relative dates
};

// Returns the exit code: 0 when something matched, 1 when nothing did
// (for a batch: when no query matched). Throws lede::Error on failure.
int RunSearch(const SearchOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace lede

#endif  // LEDE_SEARCHER_SEARCH_COMMAND_H_

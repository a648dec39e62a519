// Single and batch query runs; in a batch a bad query is an error object on
// its line and the batch goes on.
#include "searcher/search_command.h"

#include <fstream>

#include "common/error.h"
#include "searcher/terminal_safe.h"

namespace lede {
namespace {

int PrintOne(const SearchResult& r, const SearchOptions& o, std::ostream& out) {
  if (o.count_only) {
    out << r.estimate << "\n";
  } else {
    switch (o.format) {
      case OutputFormat::kText:
        PrintText(r, o.style, out);
        break;
      case OutputFormat::kJson:
        out << DumpJson(ResultToJson(r), 2) << "\n";
        break;
      case OutputFormat::kJsonl:
        for (const Hit& h : r.hits) out << DumpJson(HitToJson(h)) << "\n";
        break;
      case OutputFormat::kTsv:
        PrintTsv(r, true, out);
        break;
    }
  }
  return r.hits.empty() && r.estimate == 0 ? kExitNoMatch : kExitMatch;
}

int RunBatch(Searcher& searcher, const SearchOptions& o, std::istream& in, std::ostream& out) {
  bool any = false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    nlohmann::json j;
    try {
      if (line.find_first_not_of(" \t") == std::string::npos) throw QueryError("empty query");
      SearchResult r = searcher.Search(line, o.query_options);
      j = ResultToJson(r);
      if (!r.hits.empty()) any = true;
    } catch (const QueryError& e) {
      j = ErrorToJson(line, e);
    } catch (const UsageError& e) {
      j = ErrorToJson(line, e);
    }
    out << DumpJson(j) << "\n";
  }
  return any ? kExitMatch : kExitNoMatch;
}

}  // namespace

int RunSearch(const SearchOptions& o, std::istream& in, std::ostream& out, std::ostream& err) {
  Searcher searcher(o.db_path, o.today, o.remotes);
  if (!o.batch_file.empty()) {
    if (o.batch_file == "-") return RunBatch(searcher, o, in, out);
    std::ifstream f(o.batch_file);
    if (!f) throw InputError("cannot read batch file " + o.batch_file);
    return RunBatch(searcher, o, f, out);
  }
  SearchResult r = o.like_id.empty() ? searcher.Search(o.query, o.query_options)
                                     : searcher.Related(o.like_id, o.query_options);
  // A reinterpreted query is said on stderr in every format, so it shows
  // even when stdout goes to a script.
  if (!r.note.empty()) err << "lede-search: note: " << TerminalSafe(r.note) << "\n";
  if (!r.suggestion.empty() && (o.format != OutputFormat::kText || o.count_only))
    err << "lede-search: did you mean: " << TerminalSafe(r.suggestion) << "?\n";
  return PrintOne(r, o, out);
}

}  // namespace lede

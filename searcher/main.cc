// lede-search: command line → SearchOptions → RunSearch.
#include <unistd.h>
#include <sys/ioctl.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "common/db_path.h"
#include "common/error.h"
#include "searcher/search_command.h"

namespace {

size_t TerminalWidth() {
  struct winsize ws;
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return 100;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_DFL);  // lede-search ... | head ends quietly
  lede::SearchOptions options;
  std::vector<std::string> words;
  std::string color = "auto";

  CLI::App app{
      "lede-search: ranked full-text search over a lede database of news articles.\n\n"
      "QUERY uses Xapian's syntax: words (any form: 'negotiate' finds 'negotiations'),\n"
      "\"exact phrases\", AND, OR, NOT (upper case), +required, -excluded, (groups),\n"
      "title:word, source:name. Accents and case do not matter.",
      "lede-search"};
  app.footer(
      "Examples:\n"
      "  lede-search \"Geneva communiqué\"           ranked results with snippets\n"
      "  lede-search '\"Geneva communique\"'         the exact phrase\n"
      "  lede-search lavrov AND kerry NOT geneva\n"
      "  lede-search title:lavrov source:xinhua\n"
      "  lede-search --format json -n 5 syria talks\n"
      "  lede-search --batch queries.txt           one JSON line per query line\n\n"
      "Database: --db, else $LEDE_DB, else $XDG_DATA_HOME/lede/index\n"
      "          (~/.local/share/lede/index).\n"
      "Exit status: 0 something matched, 1 nothing matched, 2 error.");
  app.add_option("query", words, "Query words");
  app.add_option("--db", options.db_path, "Database path");
  app.add_option("-n,--limit", options.query_options.limit, "Number of results (default 10)")
      ->check(CLI::Range(size_t{0}, size_t{100000}));
  app.add_option("--offset", options.query_options.offset, "Skip this many results first");
  std::map<std::string, lede::OutputFormat> formats = {{"text", lede::OutputFormat::kText},
                                                       {"json", lede::OutputFormat::kJson},
                                                       {"jsonl", lede::OutputFormat::kJsonl},
                                                       {"tsv", lede::OutputFormat::kTsv}};
  app.add_option("--format", options.format, "text|json|jsonl|tsv (default text)")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  app.add_option("--color", color, "auto|always|never (default auto; NO_COLOR respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--count", options.count_only, "Print only the number of matching articles");
  app.add_option("--batch", options.batch_file,
                 "Run one query per line of FILE ('-' for stdin); one JSON line per query");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : lede::kExitError;
  }
  for (const auto& w : words) options.query += (options.query.empty() ? "" : " ") + w;
  if (options.query.empty() && options.batch_file.empty()) {
    std::cerr << "lede-search: error: no query given (try: lede-search \"Geneva communiqué\")\n";
    return lede::kExitError;
  }
  if (options.db_path.empty()) options.db_path = lede::DefaultDbPathFromEnv();
  const bool tty = ::isatty(STDOUT_FILENO) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  options.style.color =
      color == "always" || (color == "auto" && tty && !(no_color && *no_color));
  options.style.width = tty ? TerminalWidth() : 100;

  try {
    int code = lede::RunSearch(options, std::cin, std::cout, std::cerr);
    std::cout.flush();
    return code;
  } catch (const lede::Error& e) {
    std::cerr << "lede-search: error: " << e.what() << "\n";
    return e.exit_code();
  } catch (const Xapian::Error& e) {
    std::cerr << "lede-search: error: " << e.get_description() << "\n";
    return lede::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "lede-search: error: " << e.what() << "\n";
    return lede::kExitError;
  }
}

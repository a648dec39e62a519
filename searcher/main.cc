// lede-search: command line → SearchOptions → RunSearch.
#include <unistd.h>
#include <sys/ioctl.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "common/index/db_path.h"
#include "common/error.h"
#include "searcher/date_filter.h"
#include "searcher/remote_shard.h"
#include "searcher/search_command.h"
#include "searcher/sort_order.h"
#include "searcher/terminal_safe.h"

namespace {

size_t TerminalWidth() {
  struct winsize ws;
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return 100;
}

// Today in local time, as days since 1970-01-01: what "7d" counts back from.
long Today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return lede::TodayFromCivil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
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
      "title:word, source:name, date:DATE or date:DATE..DATE. Accents and case do not\n"
      "matter. DATE is YYYY, YYYY-MM, YYYY-MM-DD, today, or Nd/Nw/Nm/Ny (days, weeks,\n"
      "months, years ago); range ends are inclusive and either may be left open.\n"
      "Near-identical copies of one story are shown once, with their outlets.",
      "lede-search"};
  app.footer(
      "Examples:\n"
      "  lede-search \"Geneva communiqué\"           ranked results with snippets\n"
      "  lede-search '\"Geneva communique\"'         the exact phrase\n"
      "  lede-search lavrov AND kerry NOT geneva\n"
      "  lede-search title:lavrov source:xinhua\n"
      "  lede-search --format json -n 5 syria talks\n"
      "  lede-search --batch queries.txt           one JSON line per query line\n"
      "  lede-search --source xinhua --source VOA syria     either outlet\n"
      "  lede-search --since 2012-12 --until 2013 syria     inclusive, rounded outward\n"
      "  lede-search 'syria date:2012..2013'       the same inside the query\n"
      "  lede-search 'syria date:2012-12..2013-01' months; date:2013-01-22 one day\n"
      "  lede-search --since 7d syria              the last week; also date:30d..\n"
      "  lede-search --facets syria                counts per source and a month histogram\n"
      "  lede-search --sort newest syria           or oldest; ties by relevance\n"
      "  lede-search --all-copies syria            list every copy of a story\n"
      "  lede-search -n 10 --offset 10 syria       the second page\n"
      "  lede-search --count lavrov                the exact number of matching stories\n"
      "  lede-search --format tsv syria | cut -f3  id column (also json, jsonl)\n"
      "  lede-search --explain geneva communique   matching terms and their weights\n"
      "  lede-search --like 000_6ff154a62b2e8375.txt   articles similar to this one\n"
      "  lede-search --remote 10.0.0.12:8100 --remote 10.0.0.13:8100 syria\n"
      "                                            shards served by xapian-tcpsrv\n"
      "  lede-search --color=never syria           no colors (also NO_COLOR=1)\n\n"
      "JSON output: docs/search-json.md. Nothing matched: a spelling suggestion.\n"
      "Database: --db, else $LEDE_DB, else $XDG_DATA_HOME/lede/index\n"
      "          (~/.local/share/lede/index); with --remote only, just the remote\n"
      "          shards (docs/scaling.md).\n"
      "Exit status: 0 something matched, 1 nothing matched, 2 error.");
  app.add_option("query", words, "Query words");
  app.add_option("--db", options.db_path, "Database path");
  std::vector<std::string> remotes;
  app.add_option("--remote", remotes,
                 "Also search the shard xapian-tcpsrv serves at HOST:PORT (repeatable; "
                 "without --db: only these)")
      ->allow_extra_args(false);
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
  std::string ranking_spec;
  app.add_option("--ranking", ranking_spec,
                 "Ranking settings key=value,... (k1, b, title, prox, window, prf, prf_terms, "
                 "prf_weight, scheme); for experiments, see docs/ranking.md");
  app.add_option("--batch", options.batch_file,
                 "Run one query per line of FILE ('-' for stdin); one JSON line per query");
  std::string since, until;
  std::string sort = "relevance";
  app.add_option("--source", options.query_options.sources,
                 "Only articles from this source (repeatable: any of them)")
      ->allow_extra_args(false);
  auto* since_opt = app.add_option("--since", since, "Only articles dated DATE or later");
  auto* until_opt = app.add_option("--until", until, "Only articles dated DATE or earlier (--until 2012: to its end)");
  app.add_option("--sort", sort, "relevance|newest|oldest (default relevance)")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  app.add_flag("--facets", options.query_options.facets,
               "Also count matches per source, year and month (histogram)");
  app.add_flag("--all-copies", options.query_options.all_copies,
               "Show every near-identical copy of a story (default: one per story)");
  app.add_flag("--explain", options.query_options.explain,
               "Show why each result matched: its query terms and their weights");
  app.add_option("--like", options.like_id,
                 "List articles similar to the one with this ID (instead of a query)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : lede::kExitError;
  }
  for (const auto& w : words) options.query += (options.query.empty() ? "" : " ") + w;
  if (options.query.empty() && options.batch_file.empty() && options.like_id.empty()) {
    std::cerr << "lede-search: error: no query given (try: lede-search \"Geneva communiqué\")\n";
    return lede::kExitError;
  }
  if (options.db_path.empty() && remotes.empty()) options.db_path = lede::DefaultDbPathFromEnv();
  const bool tty = ::isatty(STDOUT_FILENO) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  options.style.color =
      color == "always" || (color == "auto" && tty && !(no_color && *no_color));
  options.style.width = tty ? TerminalWidth() : 100;

  try {
    for (const std::string& r : remotes) options.remotes.push_back(lede::ParseRemoteShard(r));
    options.query_options.ranking = lede::ParseRankingSpec(ranking_spec);
    options.today = Today();
    // Given but empty (--since "$UNSET") is an invalid date, not "no filter".
    if (since_opt->count() > 0)
      options.query_options.dates.first = lede::ParseDateBound(since, options.today, false);
    if (until_opt->count() > 0)
      options.query_options.dates.last = lede::ParseDateBound(until, options.today, true);
    if (options.query_options.dates.first && options.query_options.dates.last &&
        *options.query_options.dates.first > *options.query_options.dates.last)
      throw lede::UsageError("--since " + since + " is after --until " + until +
                             " (e.g. --since 2012-12 --until 2013)");
    options.query_options.sort = lede::ParseSortOrder(sort);
    if (options.count_only) options.query_options.exact = true;
    if (!options.like_id.empty() && !options.query.empty())
      throw lede::UsageError("--like takes an article id instead of a query, not both");
    int code = lede::RunSearch(options, std::cin, std::cout, std::cerr);
    std::cout.flush();
    return code;
  } catch (const lede::Error& e) {
    std::cerr << "lede-search: error: " << lede::TerminalSafe(e.what()) << "\n";
    return e.exit_code();
  } catch (const Xapian::Error& e) {
    std::cerr << "lede-search: error: " << e.get_description() << "\n";
    return lede::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "lede-search: error: " << e.what() << "\n";
    return lede::kExitError;
  }
}

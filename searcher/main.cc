// lede-search: command line (and config file) → SearchOptions → RunSearch.
#include <unistd.h>
#include <sys/ioctl.h>

#include <cctype>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "cli/command_line.h"
#include "cli/config_file.h"
#include "cli/terminal.h"
#include "common/error.h"
#include "common/index/db_path.h"
#include "searcher/date_filter.h"
#include "searcher/remote_shard.h"
#include "searcher/search_command.h"
#include "searcher/sort_order.h"
#include "searcher/terminal_safe.h"

namespace {

constexpr const char* kProgram = "lede-search";

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

// What the command line holds before it becomes SearchOptions, and the
// options whose presence matters (given by the user, not defaulted).
struct CommandLine {
  lede::SearchOptions options;
  std::vector<std::string> words, remotes;
  std::string color = "auto", ranking_spec, since, until, sort = "relevance";
  bool json = false;
  std::map<std::string, CLI::Option*> opt;  // by long name, without "--"
};

const std::map<std::string, lede::OutputFormat>& Formats() {
  static const std::map<std::string, lede::OutputFormat> formats = {
      {"text", lede::OutputFormat::kText},
      {"json", lede::OutputFormat::kJson},
      {"jsonl", lede::OutputFormat::kJsonl},
      {"tsv", lede::OutputFormat::kTsv}};
  return formats;
}

void Describe(CLI::App& app) {
  app.description(
      "lede-search: ranked full-text search over a lede database of news articles.\n\n"
      "QUERY uses Xapian's syntax: words (any form: 'negotiate' finds 'negotiations'),\n"
      "\"exact phrases\", AND, OR, NOT (upper case), +required, -excluded, (groups),\n"
      "title:word, source:name (publisher or agency; publisher:name, agency:name for\n"
      "one of them), date:DATE or date:DATE..DATE. Accents and case do not\n"
      "matter. DATE is YYYY, YYYY-MM, YYYY-MM-DD, today, or Nd/Nw/Nm/Ny (days, weeks,\n"
      "months, years ago); range ends are inclusive and either may be left open.\n"
      "Near-identical copies of one story are shown once, with their outlets.\n"
      "Several words: articles with all of them come first and are the ones counted;\n"
      "those with only some follow (said on stderr when none has them all, naming any\n"
      "word no article contains). --any: any of the words, ranked together.\n"
      "negotiat* finds words that start so (up to 500 different words).\n"
      "The query language in full: man 7 lede.");
  app.footer(
      "Examples:\n"
      "  lede-search \"Geneva communiqué\"           ranked results with snippets\n"
      "  lede-search '\"Geneva communique\"'         the exact phrase\n"
      "  lede-search lavrov AND kerry NOT geneva\n"
      "  lede-search title:lavrov source:xinhua\n"
      "  lede-search --json -n 5 syria talks       (= --format json)\n"
      "  lede-search -l syria | xargs grep -l Kerry   paths only (-0: NUL-ended)\n"
      "  lede-search --show 001_e4b2fa0a8cde2f3a.txt geneva   read an article\n"
      "  lede-search --batch queries.txt           one JSON line per query line\n"
      "  lede-search --source xinhua --source VOA syria     either outlet\n"
      "  lede-search --agency xinhua --publisher \"People's Daily\" syria\n"
      "                                            Xinhua copy as People's Daily ran it\n"
      "  lede-search --since 2012-12 --until 2013 syria     inclusive, rounded out\n"
      "  lede-search 'syria date:2012..2013'       the same inside the query\n"
      "  lede-search 'syria date:2012-12..2013-01' months; date:2013-01-22 one day\n"
      "  lede-search --since 7d syria              the last week; also date:30d..\n"
      "  lede-search --facets syria                counts per publisher, agency, month\n"
      "  lede-search --sort newest syria           or oldest; ties by relevance\n"
      "  lede-search --all-copies syria            list every copy of a story\n"
      "  lede-search -n 10 --offset 10 syria       the second page\n"
      "  lede-search --count lavrov                the number of matching stories\n"
      "  lede-search --format tsv syria | cut -f3  id column (also json, jsonl)\n"
      "  lede-search --explain geneva communique   matching terms and weights\n"
      "  lede-search --like corpus/000_6ff154a62b2e8375.txt   similar articles\n"
      "  lede-search --remote 10.0.0.12:8100 syria shards served by xapian-tcpsrv\n"
      "  lede-search --color=never syria           no colors (also NO_COLOR=1)\n\n"
      "An article is named by its id (JSON and TSV output) or by the path the\n"
      "text output prints; --like and --show take either.\n"
      "JSON output: docs/search-json.md. Nothing matched: a spelling suggestion.\n"
      "Database: --db, else $LEDE_DB, else db in the config file, else\n"
      "$XDG_DATA_HOME/lede/index (~/.local/share/lede/index); with --remote only,\n"
      "just the remote shards (docs/scaling.md).\n"
      "Config file: $XDG_CONFIG_HOME/lede/config (~/.config/lede/config), lines\n"
      "like 'limit = 20', 'color = never', 'format = json', 'db = ~/news/index';\n"
      "options given on the command line win (docs/config.md).\n"
      "Exit status: 0 something matched, 1 nothing matched, 2 error.");
}

void AddOptions(CLI::App& app, CommandLine& c) {
  lede::SearchOptions& o = c.options;
  auto& opt = c.opt;
  app.add_option("query", c.words, "Query words")->option_text("QUERY...");
  opt["db"] = app.add_option("--db", o.db_path, "Database path")->option_text("PATH");
  opt["remote"] = app.add_option("--remote", c.remotes,
                                 "Also search the shard xapian-tcpsrv serves at HOST:PORT "
                                 "(repeatable; without --db: only these)")
                      ->allow_extra_args(false)
                      ->option_text("HOST:PORT");
  opt["limit"] = app.add_option("-n,--limit", o.query_options.limit, "Number of results (default 10)")
                     ->check(CLI::Range(size_t{0}, size_t{100000}))
                     ->option_text("N");
  // Bounded so that offset + limit stays a Xapian document count.
  opt["offset"] = app.add_option("--offset", o.query_options.offset, "Skip this many results first")
                      ->check(CLI::Range(size_t{0}, size_t{1000000000}))
                      ->option_text("N");
  opt["format"] = app.add_option("--format", o.format, "text, json, jsonl or tsv (default text)")
                      ->transform(CLI::CheckedTransformer(Formats(), CLI::ignore_case))
                      ->option_text("FORMAT");
  opt["json"] = app.add_flag("--json", c.json, "The same as --format json");
  opt["color"] = app.add_option("--color", c.color,
                                "auto, always or never (default auto: on a terminal, unless "
                                "NO_COLOR is set or TERM=dumb)")
                     ->check(CLI::IsMember({"auto", "always", "never"}))
                     ->option_text("WHEN");
  opt["count"] = app.add_flag("--count", o.count_only,
                              "Print only the number of matching stories (with all the words)");
  opt["any"] = app.add_flag("--any", o.query_options.any_word,
                            "Match articles with any of the words, ranked together");
  opt["files-with-matches"] =
      app.add_flag("-l,--files-with-matches", o.files_only,
                   "Print only the paths of the results, one per line (as rg -l)");
  opt["null"] = app.add_flag("-0,--null", o.nul_separated, "With -l: end each path with NUL, not newline");
  opt["show"] = app.add_option("--show", o.show_ref,
                               "Print the indexed article ID (or the path lede printed) in "
                               "full: title, date, source, path, cleaned text; a QUERY "
                               "highlights its words")
                    ->option_text("ID");
  opt["ranking"] = app.add_option("--ranking", c.ranking_spec,
                                  "Ranking settings key=value,... (k1, b, title, prox, window, "
                                  "prf, prf_terms, prf_weight, scheme); see docs/ranking.md")
                       ->option_text("SETTINGS");
  opt["batch"] = app.add_option("--batch", o.batch_file,
                                "Run one query per line of FILE ('-': standard input); one "
                                "JSON line per query")
                     ->option_text("FILE");
  opt["source"] = app.add_option("--source", o.query_options.sources,
                                 "Only articles this outlet published or whose copy it is: "
                                 "publisher or agency (repeatable: any of them)")
                      ->allow_extra_args(false)
                      ->option_text("NAME");
  opt["publisher"] = app.add_option("--publisher", o.query_options.publishers,
                                    "Only articles this site or outlet published (repeatable: "
                                    "any of them)")
                         ->allow_extra_args(false)
                         ->option_text("NAME");
  opt["agency"] = app.add_option("--agency", o.query_options.agencies,
                                 "Only articles crediting this agency (repeatable: any of them)")
                      ->allow_extra_args(false)
                      ->option_text("NAME");
  opt["since"] = app.add_option("--since", c.since, "Only articles dated DATE or later")
                     ->option_text("DATE");
  opt["until"] = app.add_option("--until", c.until,
                                "Only articles dated DATE or earlier (--until 2012: to its end)")
                     ->option_text("DATE");
  opt["sort"] = app.add_option("--sort", c.sort, "relevance, newest or oldest (default relevance)")
                    ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
                    ->option_text("ORDER");
  opt["facets"] = app.add_flag("--facets", o.query_options.facets,
                               "Also count matches per publisher, agency, year and month "
                               "(histogram)");
  opt["all-copies"] = app.add_flag("--all-copies", o.query_options.all_copies,
                                   "Show every near-identical copy of a story (default: one "
                                   "per story)");
  opt["explain"] = app.add_flag("--explain", o.query_options.explain,
                                "Show why each result matched: its query terms and weights");
  opt["like"] = app.add_option("--like", o.like_id,
                               "List articles similar to this one (its ID or path) instead "
                               "of a query")
                    ->option_text("ID");
}

bool Given(const CommandLine& c, const std::string& name) { return c.opt.at(name)->count() > 0; }

// Config values fill in what the command line left out. The database:
// --db, then $LEDE_DB (a per-shell choice), then the file, then the default.
void ApplyConfig(const lede::Config& config, CommandLine& c) {
  const std::string where = " (config file " + config.path + ")";
  if (auto v = config.Get("limit"); v && !Given(c, "limit")) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || (*v)[0] == '-' || n > 100000)
      throw lede::UsageError("limit = " + *v + " is not a number from 0 to 100000" + where);
    c.options.query_options.limit = static_cast<size_t>(n);
  }
  if (auto v = config.Get("color"); v && !Given(c, "color")) {
    if (*v != "auto" && *v != "always" && *v != "never")
      throw lede::UsageError("color = " + *v + " is not auto, always or never" + where);
    c.color = *v;
  }
  if (auto v = config.Get("format"); v && !Given(c, "format") && !Given(c, "json")) {
    auto it = Formats().find(*v);
    if (it == Formats().end())
      throw lede::UsageError("format = " + *v + " is not text, json, jsonl or tsv" + where);
    c.options.format = it->second;
  }
  if (c.options.db_path.empty() && c.remotes.empty()) {
    const char* env = std::getenv("LEDE_DB");
    auto v = config.Get("db");
    c.options.db_path = (env && *env) || !v ? lede::DefaultDbPathFromEnv() : *v;
  }
}

// Throws UsageError naming the first given option that names does not take.
void Reject(const CommandLine& c, const std::string& mode, const std::vector<std::string>& names) {
  for (const std::string& n : names)
    if (Given(c, n)) throw lede::UsageError("--" + n + " does not apply to " + mode);
}

// Options that would be silently ignored are refused instead.
void CheckCombinations(const CommandLine& c) {
  const lede::SearchOptions& o = c.options;
  // A format from the config file is a default, not a demand.
  const bool text = (!Given(c, "format") && !c.json) || o.format == lede::OutputFormat::kText;
  if (!o.batch_file.empty()) {
    if (!o.query.empty()) throw lede::UsageError("--batch reads its queries from FILE: give no QUERY");
    Reject(c, "--batch (one JSON line per query)",
           {"like", "show", "count", "files-with-matches", "null"});
    if (!text && o.format != lede::OutputFormat::kJson && o.format != lede::OutputFormat::kJsonl)
      throw lede::UsageError("--batch prints JSON lines: --format text or tsv does not apply");
  } else if (!o.show_ref.empty()) {
    Reject(c, "--show (one article)",
           {"like", "count", "files-with-matches", "null", "limit", "offset", "sort", "facets",
            "all-copies", "explain", "source", "publisher", "agency", "since", "until",
            "ranking"});
    if (!text && o.format != lede::OutputFormat::kJson)
      throw lede::UsageError("--show prints text or --format json");
  } else if (o.count_only) {
    Reject(c, "--count (one number)",
           {"files-with-matches", "null", "limit", "offset", "sort", "facets", "explain", "json"});
    if (!text) throw lede::UsageError("--count prints one number: --format does not apply to it");
  } else if (o.files_only) {
    Reject(c, "-l (paths only)", {"facets", "explain", "format", "json"});
  }
  if (Given(c, "null") && !o.files_only) throw lede::UsageError("-0 goes with -l (paths only)");
  if (!o.like_id.empty() && !o.query.empty())
    throw lede::UsageError("--like takes an article id instead of a query, not both");
  if (o.query.empty() && o.batch_file.empty() && o.like_id.empty() && o.show_ref.empty())
    throw lede::UsageError("no query given (try: lede-search \"Geneva communiqué\")");
}

// The parts of SearchOptions that need parsing or the environment.
void Complete(CommandLine& c) {
  lede::SearchOptions& o = c.options;
  const bool tty = ::isatty(STDOUT_FILENO) != 0;
  o.style.color = lede::WantColor(c.color, tty, std::getenv("NO_COLOR"), std::getenv("TERM"));
  o.style.width = tty ? TerminalWidth() : 100;
  std::error_code ec;
  o.style.cwd = std::filesystem::current_path(ec).string();
  for (const std::string& r : c.remotes) o.remotes.push_back(lede::ParseRemoteShard(r));
  o.query_options.ranking = lede::ParseRankingSpec(c.ranking_spec);
  o.today = Today();
  // Given but empty (--since "$UNSET") is an invalid date, not "no filter".
  auto& dates = o.query_options.dates;
  if (Given(c, "since")) dates.first = lede::ParseDateBound(c.since, o.today, false);
  if (Given(c, "until")) dates.last = lede::ParseDateBound(c.until, o.today, true);
  if (dates.first && dates.last && *dates.first > *dates.last)
    throw lede::UsageError("--since " + c.since + " is after --until " + c.until +
                           " (e.g. --since 2012-12 --until 2013)");
  o.query_options.sort = lede::ParseSortOrder(c.sort);
  if (o.count_only) o.query_options.exact = true;
}

// The arguments with every -word that is not an option moved after "--", so
// that CLI11 takes it as query text: `lede-search syria -geneva` excludes
// geneva. A -word is an argument of one dash and a non-digit that names no
// option and is not the value of the option before it.
std::vector<std::string> QueryDashWordsLast(int argc, char** argv, const CLI::App& app) {
  std::vector<std::string> args, dash_words;
  bool value_next = false, positional_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool dash_word = !positional_only && !value_next && a.size() > 1 && a[0] == '-' &&
                           a[1] != '-' && !std::isdigit(static_cast<unsigned char>(a[1])) &&
                           app.get_option_no_throw(a.substr(0, 2)) == nullptr;
    if (dash_word) {
      dash_words.push_back(a);
      continue;
    }
    if (a == "--") positional_only = true;
    const CLI::Option* opt = !positional_only && a[0] == '-' && a.find('=') == std::string::npos
                                 ? app.get_option_no_throw(a)
                                 : nullptr;
    value_next = opt != nullptr && opt->get_type_size() != 0 && a.size() > 1;
    args.push_back(a);
  }
  if (!dash_words.empty() && !positional_only) args.emplace_back("--");
  args.insert(args.end(), dash_words.begin(), dash_words.end());
  return args;
}

int Fail(const std::string& what, int code) {
  std::cerr << kProgram << ": error: " << lede::TerminalSafe(what) << "\n";
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_DFL);  // lede-search ... | head ends quietly
  CommandLine c;
  CLI::App app{"", kProgram};
  Describe(app);
  AddOptions(app, c);
  lede::SetUpCommandLine(app, kProgram);
  std::vector<std::string> args = QueryDashWordsLast(argc, argv, app);
  std::vector<char*> argv2 = {argv[0]};
  for (std::string& a : args) argv2.push_back(a.data());
  if (auto code = lede::ParseCommandLine(app, static_cast<int>(argv2.size()), argv2.data(),
                                         kProgram, std::cout, std::cerr))
    return *code;
  for (const auto& w : c.words) c.options.query += (c.options.query.empty() ? "" : " ") + w;
  try {
    ApplyConfig(lede::LoadConfigFromEnv(), c);
    if (c.json && Given(c, "format") && c.options.format != lede::OutputFormat::kJson)
      throw lede::UsageError("--json and --format disagree: give one of them");
    if (c.json) c.options.format = lede::OutputFormat::kJson;
    CheckCombinations(c);
    Complete(c);
    int code = lede::RunSearch(c.options, std::cin, std::cout, std::cerr);
    std::cout.flush();
    return code;
  } catch (const lede::Error& e) {
    return Fail(e.what(), e.exit_code());
  } catch (const Xapian::Error& e) {
    return Fail(e.get_description(), lede::kExitError);
  } catch (const std::exception& e) {
    return Fail(e.what(), lede::kExitError);
  }
}

// lede-index: command line (and config file) → IndexOptions →
// RunIndex/RunExtract/RunExplain.
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "cli/command_line.h"
#include "cli/config_file.h"
#include "cli/terminal.h"
#include "common/error.h"
#include "common/index/db_path.h"
#include "indexer/indexer.h"
#include "indexer/inputs/record_target.h"
#include "indexer/memory_budget.h"
#include "indexer/path_text.h"
#include "indexer/stop_signal.h"

namespace {

constexpr const char* kProgram = "lede-index";

struct CommandLine {
  lede::IndexOptions options;
  bool extract = false, explain = false;
  std::string memory;
  std::vector<std::string> include, exclude, fields;
  CLI::Option* threads = nullptr;
};

void Describe(CLI::App& app) {
  app.description(
      "lede-index: index news articles into a lede database: text dumps (.txt),\n"
      "HTML pages (.html, .htm), WARC web archives (.warc, .warc.gz) and JSON\n"
      "lines (.jsonl, .ndjson, also .gz); docs/input-formats.md.\n\n"
      "Each article is read (any common encoding), stripped of page boilerplate,\n"
      "its title, date and source found, and its text indexed for lede-search.\n"
      "Re-running updates the database: only files whose content changed are read\n"
      "and extracted again, articles whose files are gone from the roots given are\n"
      "removed, and the rest is left untouched.");
  app.footer(
      "Examples:\n"
      "  lede-index corpus/                 index a folder (recursively)\n"
      "  lede-index --db /tmp/news.db a/ b/  index two folders into a chosen database\n"
      "  lede-index --explain corpus/002_ef892e6c562261fc.txt\n"
      "                                     show why each line was kept or dropped\n"
      "  lede-index --explain crawl.warc.gz#3   the third page of a web archive\n"
      "  lede-index --field title=heading export.jsonl\n"
      "                                     read JSON lines whose title is 'heading'\n"
      "  lede-index --extract corpus/ > articles.jsonl\n"
      "                                     print title/date/source/body as JSON lines\n"
      "  lede-index --report - corpus/ | jq .outcome\n"
      "                                     JSON lines on stdout, the summary on stderr\n\n"
      "Database: --db, else $LEDE_DB, else db in the config file, else\n"
      "$XDG_DATA_HOME/lede/index (~/.local/share/lede/index).\n"
      "Config file: $XDG_CONFIG_HOME/lede/config (~/.config/lede/config), lines\n"
      "like 'db = ~/news/index' or 'threads = 2'; options given on the command\n"
      "line win (docs/config.md).\n"
      "Exit status: 0 success, 2 error (including: a path that does not exist,\n"
      "nothing could be indexed, the database is locked by another lede-index),\n"
      "128+N when stopped by signal N (130 Ctrl-C, 143 SIGTERM) after committing\n"
      "what was done.");
}

void AddOptions(CLI::App& app, CommandLine& c) {
  lede::IndexOptions& o = c.options;
  app.add_option("paths", o.paths, "Files or directories to index")
      ->required()
      ->option_text("PATH...");
  app.add_option("--db", o.db_path, "Database path")->option_text("PATH");
  app.add_flag("--rebuild", o.rebuild,
               "Start from an empty database (built beside the old one, which stays "
               "searchable and is replaced only when the rebuild completes)");
  app.add_option("--report", o.report_file,
                 "Write one JSON line per input file (path, id, outcome indexed|unchanged|"
                 "skipped|removed, reason) to FILE ('-': standard output, and the summary "
                 "goes to standard error)")
      ->option_text("FILE");
  app.add_flag("--plain", o.plain, "Inputs are clean text: keep every line, first line is the title");
  app.add_option("--include", c.include,
                 "Only files matching this glob (default: every format lede reads); repeatable")
      ->option_text("GLOB");
  app.add_option("--exclude", c.exclude, "Skip files matching this glob; repeatable")
      ->option_text("GLOB");
  app.add_option("--field", c.fields,
                 "JSON lines: read the article field NAME (title, date, publisher, agency, url, "
                 "language, id, text, html) from KEY first, e.g. title=headline or "
                 "date=meta.published; repeatable")
      ->option_text("NAME=KEY");
  app.add_option("--publisher", o.publisher,
                 "Who published every article of these paths (an archive of one site's pages), "
                 "over what the pages say; a JSON line's own publisher field still wins")
      ->check([](const std::string& v) {
        for (char ch : v)
          if (std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80)
            return std::string();
        return std::string("a publisher's name needs a letter or a digit");
      })
      ->option_text("NAME");
  app.add_option("--sources", o.sources_file,
                 "File of source-name aliases, lines 'alias = Canonical Name'")
      ->option_text("FILE");
  app.add_option("--batch-size", o.batch_size,
                 "Documents per commit (default 1000; a --rebuild flushes each writer every 200)")
      ->check(CLI::Range(1u, 1000000u))
      ->option_text("N");
  c.threads = app.add_option("--threads", o.threads,
                             "Worker threads reading and extracting articles (default: "
                             "$LEDE_THREADS, else threads in the config file, else one per core)")
                  ->check(CLI::Range(1u, 256u))
                  ->option_text("N");
  app.add_option("--writers", o.writers,
                 "Xapian writer threads of a --rebuild: the database is written as N parts side "
                 "by side and merged (default: as many as --threads; a sharded database has one "
                 "writer per shard)")
      ->check(CLI::Range(1u, 256u))
      ->option_text("N");
  app.add_option("--shards", o.shards,
                 "Make a new or rebuilt database a directory of N shards plus a Xapian stub file "
                 "XAPIANDB (see docs/scaling.md); an existing one keeps its shards")
      ->check(CLI::Range(1u, 256u))
      ->option_text("N");
  app.add_option("--memory", c.memory,
                 "Memory budget, e.g. 512M or 2G: the text cache, the line statistics and the "
                 "Xapian writers' pending documents stay within it (default: a quarter of the "
                 "machine's memory, at least 256M, at most 1G)")
      ->option_text("SIZE");
  app.add_flag("-q,--quiet", o.quiet, "Do not list skipped files nor draw the progress line (summary only)");
  auto* ex = app.add_flag("--extract", c.extract,
                          "Print one JSON object per article (id, path, title, date, "
                          "date_precision, source, language, body); index nothing");
  app.add_flag("--explain", c.explain,
               "Print every line with KEEP/DROP and the reason, then title/date/source; "
               "index nothing. FILE#N picks the N-th page of a WARC file or line N of a "
               "JSON-lines file, FILE#URL a page by its URL")
      ->excludes(ex);
}

// Config values fill in what the command line left out. The database:
// --db, then $LEDE_DB (a per-shell choice), then the file, then the default.
void ApplyConfig(const lede::Config& config, CommandLine& c) {
  lede::IndexOptions& o = c.options;
  if (auto v = config.Get("threads"); v && c.threads->count() == 0 && !std::getenv("LEDE_THREADS")) {
    char* end = nullptr;
    const unsigned long n = std::strtoul(v->c_str(), &end, 10);
    if (*end != '\0' || (*v)[0] == '-' || n < 1 || n > 256)
      throw lede::UsageError("threads = " + *v + " is not a number from 1 to 256 (config file " +
                             config.path + ")");
    o.threads = static_cast<unsigned>(n);
  }
  if (o.db_path.empty()) {
    const char* env = std::getenv("LEDE_DB");
    auto v = config.Get("db");
    o.db_path = (env && *env) || !v ? lede::DefaultDbPathFromEnv() : *v;
  }
}

// A path that does not exist is a mistake (a typo, an unmounted disk), not an
// empty folder: refused before the database is created or touched.
void CheckPathsExist(const std::vector<std::string>& paths, bool targets) {
  for (const std::string& arg : paths) {
    // --explain FILE#N names an article inside FILE.
    const std::string p = targets ? lede::SplitRecordTarget(arg).path : arg;
    struct stat st;
    if (::stat(p.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
      throw lede::InputError(lede::DisplayPath(p) + ": " + std::strerror(errno));
  }
}

int Fail(const std::string& what, int code) {
  std::cerr << kProgram << ": error: " << what << "\n";
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (lede-index --extract | head) ends quietly, like ripgrep.
  std::signal(SIGPIPE, SIG_DFL);
  CommandLine c;
  CLI::App app{"", kProgram};
  Describe(app);
  AddOptions(app, c);
  lede::SetUpCommandLine(app, kProgram);
  if (auto code = lede::ParseCommandLine(app, argc, argv, kProgram, std::cout, std::cerr))
    return *code;
  lede::IndexOptions& options = c.options;
  options.walk.include = c.include;
  options.walk.exclude = c.exclude;
  // The progress line redraws itself with escape sequences.
  options.progress = !options.quiet && ::isatty(STDERR_FILENO) &&
                     lede::TerminalHandlesEscapes(std::getenv("TERM"));
  try {
    ApplyConfig(lede::LoadConfigFromEnv(), c);
    if (!c.memory.empty()) options.memory = lede::ParseMemorySize(c.memory);
    for (const std::string& f : c.fields) lede::MapJsonlField(&options.read.jsonl, f);
    CheckPathsExist(options.paths, c.explain);
    if (c.extract) return lede::RunExtract(options, std::cout, std::cerr);
    if (c.explain) return lede::RunExplain(options, std::cout, std::cerr);
    lede::InstallStopHandlers();
    // With the report on stdout, stdout holds JSON lines only.
    std::ostream& summary = options.report_file == "-" ? std::cerr : std::cout;
    return lede::RunIndex(options, summary, std::cerr);
  } catch (const lede::Error& e) {
    return Fail(e.what(), e.exit_code());
  } catch (const Xapian::Error& e) {
    return Fail(e.get_description(), lede::kExitError);
  } catch (const std::exception& e) {
    return Fail(e.what(), lede::kExitError);
  }
}

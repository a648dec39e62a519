// lede-index: command line → IndexOptions → RunIndex/RunExtract/RunExplain.
#include <unistd.h>

#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "common/index/db_path.h"
#include "common/error.h"
#include "indexer/indexer.h"
#include "indexer/memory_budget.h"
#include "indexer/stop_signal.h"

int main(int argc, char** argv) {
  // A closed pipe (lede-index --extract | head) ends quietly, like ripgrep.
  std::signal(SIGPIPE, SIG_DFL);
  lede::IndexOptions options;
  bool extract = false;
  bool explain = false;
  std::vector<std::string> include, exclude;
  std::string memory;

  CLI::App app{
      "lede-index: index news article dumps (.txt) into a lede database.\n\n"
      "Each file is read (any common encoding), stripped of page boilerplate,\n"
      "its title, date and source found, and its text indexed for lede-search.\n"
      "Re-running updates the database: only files whose content changed are read\n"
      "and extracted again, articles whose files are gone from the roots given are\n"
      "removed, and the rest is left untouched.",
      "lede-index"};
  app.footer(
      "Examples:\n"
      "  lede-index corpus/                 index a folder (recursively)\n"
      "  lede-index --db /tmp/news.db a/ b/  index two folders into a chosen database\n"
      "  lede-index --explain corpus/002_ef892e6c562261fc.txt\n"
      "                                     show why each line was kept or dropped\n"
      "  lede-index --extract corpus/ > articles.jsonl\n"
      "                                     print title/date/source/body as JSON lines\n\n"
      "Database: --db, else $LEDE_DB, else $XDG_DATA_HOME/lede/index\n"
      "          (~/.local/share/lede/index).\n"
      "Exit status: 0 success, 2 error (including: nothing could be indexed, the\n"
      "database is locked by another lede-index), 128+N when stopped by signal N\n"
      "(130 Ctrl-C, 143 SIGTERM) after committing what was done.");
  app.add_option("paths", options.paths, "Files or directories to index")->required();
  app.add_option("--db", options.db_path, "Database path");
  app.add_flag("--rebuild", options.rebuild,
               "Start from an empty database (built beside the old one, which stays "
               "searchable and is replaced only when the rebuild completes)");
  app.add_option("--report", options.report_file,
                 "Write one JSON line per input file (path, outcome indexed|unchanged|"
                 "skipped|removed, reason) to this file ('-': standard output)");
  app.add_flag("--plain", options.plain,
               "Inputs are clean text: keep every line, first line is the title");
  app.add_option("--include", include, "Only files matching this glob (default *.txt); repeatable");
  app.add_option("--exclude", exclude, "Skip files matching this glob; repeatable");
  app.add_option("--sources", options.sources_file,
                 "File of source-name aliases, lines 'alias = Canonical Name'");
  app.add_option("--batch-size", options.batch_size,
                 "Documents per commit (default 1000; a --rebuild flushes each writer every "
                 "200)")
      ->check(CLI::Range(1u, 1000000u));
  app.add_option("--threads", options.threads,
                 "Worker threads reading and extracting articles (default: $LEDE_THREADS, "
                 "else one per core)")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--writers", options.writers,
                 "Xapian writer threads of a --rebuild: the database is written as N parts "
                 "side by side and merged (default: as many as --threads; a sharded "
                 "database has one writer per shard)")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--shards", options.shards,
                 "Make a new or rebuilt database a directory of N shards plus a Xapian stub "
                 "file XAPIANDB (see docs/scaling.md); an existing one keeps its shards")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--memory", memory,
                 "Memory budget, e.g. 512M or 2G: the text cache, the line statistics and "
                 "the Xapian writers' pending documents stay within it (default: a quarter "
                 "of the machine's memory, at least 256M, at most 1G)");
  app.add_flag("-q,--quiet", options.quiet,
               "Do not list skipped files nor draw the progress line (summary only)");
  auto* ex = app.add_flag("--extract", extract,
                          "Print one JSON object per article (id, path, title, date, "
                          "date_precision, source, language, body); index nothing");
  app.add_flag("--explain", explain,
               "Print every line with KEEP/DROP and the reason, then title/date/source; "
               "index nothing")
      ->excludes(ex);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : lede::kExitError;
  }
  options.walk.include = include;
  options.walk.exclude = exclude;
  if (options.db_path.empty()) options.db_path = lede::DefaultDbPathFromEnv();
  options.progress = !options.quiet && ::isatty(STDERR_FILENO);

  try {
    if (!memory.empty()) options.memory = lede::ParseMemorySize(memory);
    if (extract) return lede::RunExtract(options, std::cout, std::cerr);
    if (explain) return lede::RunExplain(options, std::cout, std::cerr);
    lede::InstallStopHandlers();
    return lede::RunIndex(options, std::cout, std::cerr);
  } catch (const lede::Error& e) {
    std::cerr << "lede-index: error: " << e.what() << "\n";
    return e.exit_code();
  } catch (const Xapian::Error& e) {
    std::cerr << "lede-index: error: " << e.get_description() << "\n";
    return lede::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "lede-index: error: " << e.what() << "\n";
    return lede::kExitError;
  }
}

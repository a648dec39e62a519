// lede-index's three jobs: index files into the database, print extraction
// results as JSON lines (--extract), explain one file's extraction (--explain).
#ifndef LEDE_INDEXER_INDEXER_H_
#define LEDE_INDEXER_INDEXER_H_

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "indexer/inputs/record_readers.h"
#include "indexer/walker.h"

namespace lede {

// Documents per commit when --batch-size is not given. An update's commits
// are what a crash keeps; a rebuild's are invisible until the swap, so each
// writer flushes at the size measured fastest (docs/performance.md: Xapian's
// in-memory posting maps stay small; 200 beat 1,000 by ~15% of CPU at 10k).
// Either is lowered to fit the memory budget (MemoryBudget::DocsPerWriter).
inline constexpr unsigned kUpdateBatch = 1000;
inline constexpr unsigned kRebuildBatch = 200;

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> paths;
  WalkOptions walk;
  bool rebuild = false;
  bool plain = false;          // inputs are clean text: no boilerplate removal
  bool quiet = false;          // no per-file warnings
  unsigned batch_size = 0;     // documents per commit; 0: kUpdateBatch or kRebuildBatch
  unsigned threads = 0;        // extraction worker threads; 0: DefaultWorkerThreads()
  unsigned shards = 1;         // shards of a new or rebuilt database (docs/scaling.md)
  unsigned writers = 0;        // parallel parts of a rebuilt single database; 0: = threads
  size_t memory = 0;           // memory budget in bytes (MemoryBudget); 0: DefaultMemoryBytes()
  std::string sources_file;    // user source-name aliases
  std::string publisher;       // --publisher: every article's publisher, "" for none
  std::string report_file;     // --report: one JSON line per input file
  bool progress = false;       // draw a progress line on err (a terminal)
  ReadOptions read;            // how inputs are read (--field)
};

// Indexes; prints warnings for skipped files on err and the summary on out.
// Returns the exit code (0, or 2 when nothing could be indexed because of an
// error). Throws lede::Error for fatal problems (database locked, ...).
int RunIndex(const IndexOptions& options, std::ostream& out, std::ostream& err);

// One JSON object per article on out (format: docs/indexing.md, "--extract").
int RunExtract(const IndexOptions& options, std::ostream& out, std::ostream& err);

// Every line with KEEP/DROP and its reason, then title, date, source.
int RunExplain(const IndexOptions& options, std::ostream& out, std::ostream& err);

// Parses a source alias file: "alias = Canonical Name" per line, '#' comments.
// Throws InputError on an unreadable file or a malformed line.
std::map<std::string, std::string> LoadSourceAliases(const std::string& path);

}  // namespace lede

#endif  // LEDE_INDEXER_INDEXER_H_

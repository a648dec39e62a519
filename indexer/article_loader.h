// Reads one input file and splits it into records (common/extract/record.h),
// or says why the file is skipped (too large, unreadable). The one place
// where a file's format picks its reader.
#ifndef LEDE_INDEXER_ARTICLE_LOADER_H_
#define LEDE_INDEXER_ARTICLE_LOADER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/record.h"

namespace lede {

// Files above this size are skipped: no news article is this long, and one
// runaway dump must not exhaust memory. Documented in README.md.
inline constexpr uint64_t kMaxFileBytes = 64ull << 20;

// A record the reader could not make (a malformed line of an export): the
// rest of the file is still read.
struct RecordProblem {
  std::string locator;  // where in the file ("line 12")
  std::string reason;
};

struct InputRead {
  std::vector<Record> records;  // in file order, ids unique
  std::vector<RecordProblem> problems;
  // Set when the whole file is skipped; records is then empty.
  std::string skip_reason;
  // The file could not be read (permission, I/O error, vanished): it may
  // still hold articles, so earlier versions in the index are kept. False
  // when the bytes were read and hold nothing to index (too large).
  bool unreadable = false;
};

// Reads the file at path and splits it into records whose ids start with
// file_id (RecordId). Every failure is a skip reason, never an exception.
InputRead ReadInputFile(const std::string& path, const std::string& file_id);

// The records of a file's bytes (no I/O): what ReadInputFile does after
// reading. A text dump is one record, its id the file id.
InputRead SplitIntoRecords(const std::string& path, const std::string& file_id, std::string bytes);

}  // namespace lede

#endif  // LEDE_INDEXER_ARTICLE_LOADER_H_

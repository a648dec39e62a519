// Reads one input file and splits it into records (common/extract/record.h),
// or says why the file is skipped (too large, unreadable). The one place
// where a file's format picks its reader.
#ifndef LEDE_INDEXER_ARTICLE_LOADER_H_
#define LEDE_INDEXER_ARTICLE_LOADER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/record.h"
#include "indexer/inputs/record_readers.h"

namespace lede {

// Files above this size are skipped: no news article is this long, and one
// runaway dump must not exhaust memory. Documented in README.md.
inline constexpr uint64_t kMaxFileBytes = 64ull << 20;

// A record the reader could not make (a malformed line of an export): the
// rest of the file is still read.
struct RecordProblem {
  std::string locator;  // where in the file ("line 12")
  std::string reason;   // what the summary counts ("not valid JSON")
  std::string detail;   // what the warning adds (" (at byte 12)")
};

struct InputRead {
  std::vector<Record> records;  // in file order, ids unique
  std::vector<RecordProblem> problems;
  // Parts of the file that are not articles, by reason (a WARC's request and
  // metadata records, images...): counted, not warned about.
  std::map<std::string, size_t> passed_over;
  // Set when the whole file is skipped; records is then empty.
  std::string skip_reason;
  // The file could not be read (permission, I/O error, vanished): it may
  // still hold articles, so earlier versions in the index are kept. False
  // when the bytes were read and hold nothing to index (too large).
  bool unreadable = false;
};

// Reads the file at path and splits it into records whose ids start with
// file_id (RecordId). Every failure is a skip reason, never an exception.
// The reader is chosen by the file's name (FormatOfInput): WARC and JSON
// lines are streamed record by record (kMaxFileBytes does not apply to
// them, kMaxRecordBytes to each record), text dumps and HTML pages (gunzipped
// when compressed) are one record each.
InputRead ReadInputFile(const std::string& path, const std::string& file_id,
                        const ReadOptions& options = {});

// The records of a file's bytes (no I/O): what ReadInputFile does after
// reading. A text dump is one record, its id the file id.
InputRead SplitIntoRecords(const std::string& path, const std::string& file_id, std::string bytes);

}  // namespace lede

#endif  // LEDE_INDEXER_ARTICLE_LOADER_H_

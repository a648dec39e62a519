// Names one article inside a file that holds many, as --explain takes it:
// "crawl.warc.gz#3" (the third page), "feed.jsonl#12" (line 12),
// "crawl.warc.gz#https://example.com/story" (by URL or key).
#ifndef LEDE_INDEXER_INPUTS_RECORD_TARGET_H_
#define LEDE_INDEXER_INPUTS_RECORD_TARGET_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/record.h"

namespace lede {

struct RecordTarget {
  std::string path;                     // the file (or directory) to read
  std::optional<std::string> fragment;  // what follows '#', when given
};

// Splits "PATH#FRAGMENT" at the first '#' whose left side exists on disk, so
// file names and URLs holding '#' both work; an argument that exists as it
// is has no fragment.
RecordTarget SplitRecordTarget(const std::string& arg);

// The record a fragment names among one file's records (in file order): a
// number N is line N of a JSON-lines file (locator "line N") or else the
// N-th record; anything else is a record key or URL (a URL captured more
// than once names its first capture). nullopt when none matches.
std::optional<size_t> FindRecord(const std::vector<Record>& records, std::string_view fragment);

}  // namespace lede

#endif  // LEDE_INDEXER_INPUTS_RECORD_TARGET_H_

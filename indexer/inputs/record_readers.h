// Turns the pages of a WARC file and the lines of a JSON-lines export into
// records (common/extract/record.h): one article's bytes each, with what the
// input says about it (URL, title, date, source) as record metadata.
#ifndef LEDE_INDEXER_INPUTS_RECORD_READERS_H_
#define LEDE_INDEXER_INPUTS_RECORD_READERS_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/article.h"
#include "common/extract/record.h"
#include "indexer/inputs/byte_stream.h"
#include "indexer/inputs/input_format.h"
#include "indexer/inputs/jsonl_reader.h"

namespace lede {

// Payloads and lines above this size are skipped: no article is this long.
inline constexpr size_t kMaxRecordBytes = size_t{64} << 20;

// How inputs are read, as the command line sets it.
struct ReadOptions {
  JsonlFields jsonl = DefaultJsonlFields();  // --field NAME=KEY
};

// A record or line that could not be read.
struct ReadProblem {
  std::string locator;  // "line 7", "record 12, offset 4096"; "" for the whole file
  std::string reason;   // what the summary counts: "not valid JSON"
  std::string detail;   // what the warning adds: " (at byte 12)"
};

struct RecordsRead {
  std::vector<Record> records;  // in file order, ids unique within the file
  std::vector<ReadProblem> problems;  // in file order
  // WARC records that are not pages, by reason ("request record": 12).
  std::map<std::string, size_t> passed_over;
};

// Every page of a WARC file. Keys are the target URIs (WarcPageId); locators
// "record N, offset O". The URL is the record's metadata url, the WARC-Date
// its fallback date, the HTTP charset its charset.
RecordsRead ReadWarcRecords(std::unique_ptr<ByteStream> in, const std::string& path,
                            const std::string& file_id);

// Every usable line of a JSON-lines file. Keys: the url field, else the id
// field, else "line N"; locators "line N". The fields given are the
// metadata and win over extraction.
RecordsRead ReadJsonlRecords(std::unique_ptr<ByteStream> in, const std::string& path,
                             const std::string& file_id, const JsonlFields& fields);

// Reads a WARC (format kWarc) or JSON-lines file (kJsonl) from path,
// streaming it, gunzipped when it is gzip. When the file cannot be opened or
// read, *io_error says why (what was read before an I/O error is dropped).
RecordsRead ReadRecordsFile(InputFormat format, const std::string& path,
                            const std::string& file_id, const ReadOptions& options,
                            std::string* io_error);

// A date as metadata gives it ("2024-03-05", "2024-03-05T10:00:00Z",
// "Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024"): the first date with a
// year in it, or nothing.
std::optional<Date> MetadataDate(std::string_view value);

}  // namespace lede

#endif  // LEDE_INDEXER_INPUTS_RECORD_READERS_H_

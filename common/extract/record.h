// A record is one article's worth of input: a whole text dump or HTML page,
// one line of a JSONL export, one response of a WARC file. Input readers turn
// files into records; everything after them (change detection, line
// statistics, extraction, reports, removal of what is gone) works on records,
// so a file holding many articles needs nothing special downstream.
#ifndef LEDE_COMMON_EXTRACT_RECORD_H_
#define LEDE_COMMON_EXTRACT_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/extract/article.h"
#include "common/extract/extract.h"
#include "common/text/decode.h"

namespace lede {

// How a record's bytes are to be read.
enum class RecordFormat {
  kText,  // a text dump of a page (or clean text with --plain)
  kHtml,  // an HTML page
};

// "text" or "html", as shown in messages.
std::string_view RecordFormatName(RecordFormat format);

// What the input already says about the article (a JSONL line's fields, a
// WARC record's headers). Every field is optional; a set field wins over what
// extraction finds in the text.
struct RecordMeta {
  std::optional<std::string> title;
  std::optional<Date> date;
  std::optional<std::string> publisher;  // the site or outlet, as displayed
  std::optional<std::string> agency;     // the agency whose copy it is
  std::optional<std::string> url;
  std::optional<std::string> language;  // ISO 639-1
  // A date to use only when neither the input nor the text gives one (a WARC
  // record's capture date).
  std::optional<Date> fallback_date;

  bool empty() const { return !title && !date && !publisher && !agency && !url && !language && !fallback_date; }
};

struct Record {
  // Unique in a database and stable across runs: RecordId(file id, key). The
  // file id names the file within its archive (docs/schema.md, "Ids").
  std::string id;
  // The id of the file the record came from (all records of one file share it).
  std::string file_id;
  // The record's name within its file; "" for a whole file.
  std::string key;
  std::string path;  // the file, as opened
  // Where in the file: "" for a whole file, "line 12" (JSONL), "offset 4096"
  // (WARC). For messages and --explain; not part of the id.
  std::string locator;
  RecordFormat format = RecordFormat::kText;
  std::string bytes;    // the raw bytes, not yet decoded
  std::string charset;  // a declared charset (HTTP header), "" when none
  RecordMeta meta;
  // What change detection compares: equal hashes mean the article is the same
  // (RecordContentHash, filled by the reader).
  std::string content_hash;
};

// The id of a record inside a file: the file id for a whole file (key empty),
// else file_id + "#" + key. key names the record within the file (a URL, an
// "id" field, a line number) and must be unique there (see RecordKeys).
std::string RecordId(std::string_view file_id, std::string_view key);

// Sets a record's file id, key and id (RecordId).
void NameRecord(Record* record, std::string_view file_id, std::string_view key);

// Makes keys unique within one file, the same way on every run: the second
// "k" becomes "k~2", the third "k~3".
class RecordKeys {
 public:
  std::string Unique(const std::string& key);

 private:
  std::vector<std::pair<std::string, unsigned>> seen_;
};

// A record's bytes decoded for extraction.
using DecodedRecord = std::variant<ArticleText, NotText>;

// Decodes a record: its text (a dump) or its page source (HTML), valid
// UTF-8, long lines cut. Pure.
DecodedRecord DecodeRecord(const Record& record);

// The LineStats keys (LineStats::KeyOf) of the distinct non-blank lines the
// extractor sees in a decoded record, sorted: what the collection's
// recurring-line statistics count for it.
std::vector<uint64_t> RecordLineKeys(RecordFormat format, std::string_view text);

// ExtractRecord and RecordLineKeys of the same decoded record at once: a
// page is parsed once for both (the parse is most of an HTML page's cost).
Article ExtractRecordAndKeys(const Record& record, const ArticleText& text,
                             const ExtractContext& context, std::vector<uint64_t>* line_keys);

// Extracts the article of a decoded record: the one place that chooses the
// extractor by format. The record's metadata wins over what the text says.
// Pure.
Article ExtractRecord(const Record& record, const ArticleText& text, const ExtractContext& context);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_RECORD_H_

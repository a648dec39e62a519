// Reads articles from JSON lines (.jsonl, .ndjson, gzip-compressed or not):
// one JSON object per line, as news APIs and scrapers export them, with the
// fields found by name. The mapping is documented in docs/input-formats.md.
#ifndef LEDE_INDEXER_INPUTS_JSONL_READER_H_
#define LEDE_INDEXER_INPUTS_JSONL_READER_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/inputs/byte_stream.h"

namespace lede {

// Which JSON keys feed which article field, tried in order; the first present
// with a usable value wins. A key may be a dotted path into nested objects
// ("meta.title"). Fields: id, title, date, publisher, agency, url, language,
// text, html ("source" is another name of publisher).
struct JsonlFields {
  std::map<std::string, std::vector<std::string>> keys;
};

// title: title, headline; date: date, published, publishedAt, published_at,
// datePublished, pubDate; publisher: publisher, source, site, site_name,
// source_name; agency: agency;
// url: url, link, canonical_url; language: language, lang; id: id, guid;
// text: text, body, content, article, maintext; html: html, raw_html.
JsonlFields DefaultJsonlFields();

// Applies one "--field name=key" setting: key is tried first for name. Throws
// UsageError for an unknown name or an empty key.
void MapJsonlField(JsonlFields* fields, std::string_view setting);

struct JsonlArticle {
  size_t line = 0;  // 1-based line number in the (decompressed) file
  std::optional<std::string> id, title, date, publisher, agency, url, language;
  std::string content;   // the article text or page
  bool html = false;     // content is HTML (the html field, or markup in a text field)
  std::string raw;       // the line as read, for the content hash
};

struct JsonlProblem {
  size_t line = 0;  // 0: damage outside any line (gzip)
  std::string what;    // "not valid JSON", "not a JSON object"...: counted by it
  std::string detail;  // the particulars: " (at byte 12)"
};

class JsonlReader {
 public:
  // Lines longer than max_line bytes are skipped ("line too long").
  JsonlReader(std::unique_ptr<ByteStream> in, JsonlFields fields, size_t max_line);

  // The next article, or nullopt when the file is done. A bad line (not
  // JSON, not an object, no text or html) is recorded in problems() with its
  // line number; blank lines are passed over. Throws InputError only on an
  // I/O error.
  std::optional<JsonlArticle> Next();

  // After Next returned nullopt: bad lines and gzip damage, in order.
  std::vector<JsonlProblem> problems() const;
  size_t lines() const { return line_; }

 private:
  bool ReadLine(std::string* line, bool* too_long);

  std::unique_ptr<ByteStream> in_;
  JsonlFields fields_;
  size_t max_line_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  size_t line_ = 0;
  std::vector<JsonlProblem> problems_;
};

// Parses one line (exposed for tests). Returns the article, or why the line
// is unusable in *problem.
std::optional<JsonlArticle> ParseJsonlLine(std::string_view line, const JsonlFields& fields,
                                           JsonlProblem* problem);

}  // namespace lede

#endif  // LEDE_INDEXER_INPUTS_JSONL_READER_H_

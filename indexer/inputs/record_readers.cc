// Pages and lines to records; the content hash covers the metadata too, so a
// JSONL line whose title alone changed is re-indexed.
#include "indexer/inputs/record_readers.h"

#include "common/error.h"
#include "common/extract/date_parse.h"
#include "indexer/file_identity.h"
#include "indexer/inputs/warc_reader.h"

namespace lede {
namespace {

std::string HashOf(const Record& r) {
  std::string all = r.bytes;
  for (const std::optional<std::string>* f :
       {&r.meta.title, &r.meta.publisher, &r.meta.agency, &r.meta.url, &r.meta.language}) {
    all += '\0';
    if (*f) all += **f;
  }
  all += '\0';
  if (r.meta.date) all += FormatIsoDate(*r.meta.date);
  all += '\0';
  if (r.meta.fallback_date) all += FormatIsoDate(*r.meta.fallback_date);
  all += '\0';
  all += r.charset;
  all += r.format == RecordFormat::kHtml ? "\0html" : "\0text";
  return ContentHash(all);
}

// "en", "en-US", "pt_BR" give the ISO 639-1 code; anything else (a language
// name, a three-letter code) is left to detection.
std::optional<std::string> LanguageCode(const std::optional<std::string>& value) {
  if (!value || value->size() < 2) return std::nullopt;
  const std::string& v = *value;
  if (v.size() > 2 && v[2] != '-' && v[2] != '_') return std::nullopt;
  std::string code;
  for (size_t i = 0; i < 2; ++i) {
    const char c = v[i];
    if (c >= 'A' && c <= 'Z') code += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z') code += c;
    else return std::nullopt;
  }
  return code;
}

}  // namespace

std::optional<Date> MetadataDate(std::string_view value) {
  for (const DateMatch& m : FindDates(value))
    if (m.has_year) return m.date;
  return std::nullopt;
}

RecordsRead ReadWarcRecords(std::unique_ptr<ByteStream> in, const std::string& path,
                            const std::string& file_id) {
  RecordsRead out;
  WarcReader reader(std::move(in), kMaxRecordBytes);
  std::map<std::string, size_t> seen;
  while (std::optional<WarcPage> page = reader.Next()) {
    Record r;
    NameRecord(&r, file_id, WarcPageId(*page, &seen));
    r.path = path;
    r.locator = "record " + std::to_string(page->number) + ", offset " +
                std::to_string(page->offset);
    r.format = page->html ? RecordFormat::kHtml : RecordFormat::kText;
    r.charset = page->media.charset;
    if (!page->url.empty()) r.meta.url = page->url;
    r.meta.fallback_date = MetadataDate(page->warc_date);
    r.bytes = std::move(page->body);
    r.content_hash = HashOf(r);
    out.records.push_back(std::move(r));
  }
  for (const WarcProblem& p : reader.problems()) {
    std::string where = p.number ? "record " + std::to_string(p.number) + ", offset "
                                 : "offset ";
    out.problems.push_back({where + std::to_string(p.offset), p.what, p.detail});
  }
  out.passed_over = reader.skipped();
  return out;
}

RecordsRead ReadJsonlRecords(std::unique_ptr<ByteStream> in, const std::string& path,
                             const std::string& file_id, const JsonlFields& fields) {
  RecordsRead out;
  JsonlReader reader(std::move(in), fields, kMaxRecordBytes);
  RecordKeys keys;
  while (std::optional<JsonlArticle> a = reader.Next()) {
    Record r;
    const std::string line = "line " + std::to_string(a->line);
    NameRecord(&r, file_id, keys.Unique(a->url ? *a->url : a->id ? *a->id : line));
    r.path = path;
    r.locator = line;
    r.format = a->html ? RecordFormat::kHtml : RecordFormat::kText;
    r.meta.title = a->title;
    if (a->date) r.meta.date = MetadataDate(*a->date);
    r.meta.publisher = a->publisher;
    r.meta.agency = a->agency;
    r.meta.url = a->url;
    r.meta.language = LanguageCode(a->language);
    if (!a->html && r.meta.title) {
      // A text field is the story alone: the title goes first, as in a dump,
      // so the extractor reads the body as the body and not as a headline.
      r.bytes = *r.meta.title + "\n\n" + a->content;
    } else {
      r.bytes = std::move(a->content);
    }
    r.content_hash = HashOf(r);
    out.records.push_back(std::move(r));
  }
  for (const JsonlProblem& p : reader.problems())
    out.problems.push_back({p.line ? "line " + std::to_string(p.line) : "", p.what, p.detail});
  return out;
}

RecordsRead ReadRecordsFile(InputFormat format, const std::string& path,
                            const std::string& file_id, const ReadOptions& options,
                            std::string* io_error) {
  try {
    auto in = std::make_unique<ByteStream>(path);
    if (format == InputFormat::kWarc) return ReadWarcRecords(std::move(in), path, file_id);
    return ReadJsonlRecords(std::move(in), path, file_id, options.jsonl);
  } catch (const InputError& e) {
    *io_error = e.what();
    return RecordsRead();
  }
}

}  // namespace lede

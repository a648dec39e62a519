// Records: ids, and the one place that picks a record's decoder and extractor.
#include "common/extract/record.h"

#include "common/error.h"
#include "common/extract/html_dom.h"
#include "common/extract/html_extract.h"
#include "common/extract/line_stats.h"

namespace lede {

std::string_view RecordFormatName(RecordFormat format) {
  switch (format) {
    case RecordFormat::kText:
      return "text";
    case RecordFormat::kHtml:
      return "html";
  }
  return "text";
}

std::string RecordId(std::string_view file_id, std::string_view key) {
  std::string id(file_id);
  if (!key.empty()) {
    id += '#';
    id += key;
  }
  return id;
}

void NameRecord(Record* record, std::string_view file_id, std::string_view key) {
  record->file_id = std::string(file_id);
  record->key = std::string(key);
  record->id = RecordId(file_id, key);
}

std::string RecordKeys::Unique(const std::string& key) {
  for (auto& [k, n] : seen_) {
    if (k == key) return key + "~" + std::to_string(++n);
  }
  seen_.emplace_back(key, 1);
  return key;
}

DecodedRecord DecodeRecord(const Record& record) {
  if (record.format == RecordFormat::kHtml) {
    // The page's own charset rules (HTTP header, BOM, <meta charset>); its
    // lines are not cut, as a minified page is one long line.
    auto r = DecodeHtml(record.bytes, record.charset);
    if (auto* d = std::get_if<DecodedText>(&r)) {
      ArticleText t;
      t.text = std::move(d->utf8);
      t.encoding = std::move(d->encoding);
      t.repaired = d->repaired;
      return t;
    }
    return std::get<NotText>(r);
  }
  return DecodeArticleBytes(record.bytes);
}

std::vector<uint64_t> RecordLineKeys(RecordFormat format, std::string_view text) {
  // A page counts the lines a reader sees, the same units its extraction
  // weighs.
  if (format == RecordFormat::kHtml) return LineStats::KeysOf(HtmlPageText(ParseHtml(text)));
  return LineStats::KeysOf(text);
}

namespace {

void ApplyMeta(const RecordMeta& meta, const ExtractContext& context, Article* a) {
  if (!context.publisher.empty()) {
    a->publisher = context.publisher;
    a->publisher_evidence = "given with --publisher";
  }
  if (meta.title) a->title = *meta.title;
  if (meta.date) {
    a->date = meta.date;
    a->date_evidence = "given by the input";
  } else if (!a->date && meta.fallback_date) {
    a->date = meta.fallback_date;
    a->date_evidence = "the input's capture date";
  }
  if (meta.publisher) {
    a->publisher = meta.publisher;
    a->publisher_evidence = "given by the input";
  }
  if (meta.agency) {
    a->agency = meta.agency;
    a->agency_evidence = "given by the input";
  }
  if (meta.url) a->url = meta.url;
  if (meta.language) a->language = *meta.language;
}

}  // namespace

Article ExtractRecord(const Record& record, const ArticleText& text,
                      const ExtractContext& context) {
  Article a;
  switch (record.format) {
    case RecordFormat::kText:
      a = Extract(text.text, context);
      break;
    case RecordFormat::kHtml:
      a = ExtractHtmlText(text.text, context);
      break;
  }
  ApplyMeta(record.meta, context, &a);
  return a;
}

Article ExtractRecordAndKeys(const Record& record, const ArticleText& text,
                             const ExtractContext& context, std::vector<uint64_t>* line_keys) {
  if (record.format != RecordFormat::kHtml) {
    *line_keys = RecordLineKeys(record.format, text.text);
    return ExtractRecord(record, text, context);
  }
  Article a = ExtractHtmlText(text.text, context, line_keys);
  ApplyMeta(record.meta, context, &a);
  return a;
}

}  // namespace lede

// Tests for common/extract/record: ids of records, unique keys within a file,
// and the dispatch that decodes and extracts a record, its metadata winning.
#include "common/extract/record.h"

#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(RecordId, WholeFileIsTheFileIdAndKeysFollowAHash) {
  EXPECT_EQ(RecordId("corpus/a.txt", ""), "corpus/a.txt");
  EXPECT_EQ(RecordId("feeds/2024.jsonl", "17"), "feeds/2024.jsonl#17");
  Record r;
  NameRecord(&r, "crawl.warc.gz", "https://example.org/a");
  EXPECT_EQ(r.id, "crawl.warc.gz#https://example.org/a");
  EXPECT_EQ(r.file_id, "crawl.warc.gz");
  EXPECT_EQ(r.key, "https://example.org/a");
}

TEST(RecordKeys, RepeatsGetANumberInOrder) {
  RecordKeys keys;
  EXPECT_EQ(keys.Unique("u"), "u");
  EXPECT_EQ(keys.Unique("v"), "v");
  EXPECT_EQ(keys.Unique("u"), "u~2");
  EXPECT_EQ(keys.Unique("u"), "u~3");
  EXPECT_EQ(keys.Unique("v"), "v~2");
}

Record TextRecord(const std::string& bytes) {
  Record r;
  NameRecord(&r, "a.txt", "");
  r.path = "dir/a.txt";
  r.bytes = bytes;
  return r;
}

TEST(DecodeRecord, TextIsDecodedAndBinaryIsAReason) {
  DecodedRecord d = DecodeRecord(TextRecord("Caf\xE9 au lait\n"));
  ASSERT_TRUE(std::holds_alternative<ArticleText>(d));
  EXPECT_EQ(std::get<ArticleText>(d).text, "Caf\xC3\xA9 au lait\n");
  d = DecodeRecord(TextRecord(std::string("\0\1\2", 3)));
  ASSERT_TRUE(std::holds_alternative<NotText>(d));
  EXPECT_EQ(std::get<NotText>(d), NotText::kBinary);
}

TEST(RecordLineKeys, DistinctNonBlankLinesSorted) {
  const auto keys = RecordLineKeys(RecordFormat::kText, "a\n\nb\na\n  \n");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_LT(keys[0], keys[1]);
  EXPECT_EQ(RecordLineKeys(RecordFormat::kText, "b\na\n"), keys);
}

constexpr char kDump[] =
    "Talks resume in Geneva\n"
    "\n"
    "GENEVA, March 3, 2014 (Reuters) - Negotiators met again on Monday to discuss the "
    "ceasefire, officials said, and agreed to meet again next week.\n"
    "\n"
    "The talks, which broke down last month, are expected to last several days.\n";

TEST(ExtractRecord, TextRecordIsExtractedLikeExtract) {
  const Record r = TextRecord(kDump);
  const ArticleText text = std::get<ArticleText>(DecodeRecord(r));
  ExtractContext ctx;
  const Article a = ExtractRecord(r, text, ctx);
  const Article b = Extract(text.text, ctx);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.Body(), b.Body());
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.publisher, b.publisher);
  EXPECT_EQ(a.agency, b.agency);
  EXPECT_FALSE(a.url);
}

// One parse for both: the same article and keys as the two calls apart,
// for a dump and for a page (with its own metadata, which still wins).
TEST(ExtractRecordAndKeys, SameAsExtractRecordAndRecordLineKeys) {
  Record page = TextRecord(
      "<html><head><title>Talks resume in Geneva</title></head><body>"
      "<nav><a href=/>Home</a> <a href=/world>World</a></nav>"
      "<article><h1>Talks resume in Geneva</h1>"
      "<p>GENEVA, March 3, 2014 (Reuters) - Negotiators met again on Monday to discuss "
      "the ceasefire, officials said, and agreed to meet again next week.</p>"
      "<p>The talks, which broke down last month, are expected to last several days.</p>"
      "</article><footer>Most popular</footer></body></html>");
  page.format = RecordFormat::kHtml;
  page.meta.publisher = "Example News";
  for (const Record& r : {TextRecord(kDump), page}) {
    const ArticleText text = std::get<ArticleText>(DecodeRecord(r));
    const ExtractContext ctx;
    std::vector<uint64_t> keys;
    const Article a = ExtractRecordAndKeys(r, text, ctx, &keys);
    const Article b = ExtractRecord(r, text, ctx);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.Body(), b.Body());
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.publisher, b.publisher);
    EXPECT_EQ(a.agency, b.agency);
    EXPECT_EQ(a.language, b.language);
    EXPECT_NE(a.Body().find("ceasefire"), std::string::npos);
    EXPECT_EQ(keys, RecordLineKeys(r.format, text.text));
    EXPECT_GE(keys.size(), 3u);
  }
}

TEST(ExtractRecord, TheInputsOwnMetadataWins) {
  Record r = TextRecord(kDump);
  r.meta.title = "Geneva talks resume";
  r.meta.date = Date{2014, 3, 4, DatePrecision::kDay};
  r.meta.publisher = "Example News";
  r.meta.agency = "Example Wire";
  r.meta.url = "https://example.org/geneva";
  r.meta.language = "fr";
  const ArticleText text = std::get<ArticleText>(DecodeRecord(r));
  const Article a = ExtractRecord(r, text, ExtractContext());
  EXPECT_EQ(a.title, "Geneva talks resume");
  EXPECT_EQ(a.date, (Date{2014, 3, 4, DatePrecision::kDay}));
  EXPECT_EQ(a.publisher, "Example News");
  EXPECT_EQ(a.agency, "Example Wire");
  EXPECT_EQ(a.url, "https://example.org/geneva");
  EXPECT_EQ(a.language, "fr");
  EXPECT_NE(a.Body().find("ceasefire"), std::string::npos);
}

TEST(ExtractRecord, FallbackDateOnlyWhenNoneFound) {
  Record r = TextRecord(kDump);
  r.meta.fallback_date = Date{2020, 1, 1, DatePrecision::kDay};
  const ArticleText text = std::get<ArticleText>(DecodeRecord(r));
  const Article found = ExtractRecord(r, text, ExtractContext());
  ASSERT_TRUE(found.date);
  EXPECT_EQ(found.date->year, 2014);  // the text's own date wins
  Record undated = TextRecord("A title\n\nNo date is written anywhere in this text at all.\n");
  undated.meta.fallback_date = Date{2020, 1, 1, DatePrecision::kDay};
  const Article fb =
      ExtractRecord(undated, std::get<ArticleText>(DecodeRecord(undated)), ExtractContext());
  EXPECT_EQ(fb.date, (Date{2020, 1, 1, DatePrecision::kDay}));
}

}  // namespace
}  // namespace lede

#include "indexer/inputs/record_readers.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "tests/indexer/inputs/warc_test_util.h"

namespace lede {
namespace {

using testing::GzipMember;
using testing::WarcRecord;
using testing::WarcResponse;

std::unique_ptr<ByteStream> Bytes(std::string s) {
  return std::make_unique<ByteStream>(std::move(s), ByteStream::kInMemory);
}

const char* kPage = "<html><head><title>A</title></head><body><p>Story.</p></body></html>";

TEST(RecordReaders, WarcPagesBecomeRecords) {
  std::string warc =
      GzipMember(WarcRecord("warcinfo", "", "", "application/warc-fields", "x: y\r\n")) +
      GzipMember(WarcResponse("https://n.example/a", "2024-03-05T10:00:00Z", 200,
                              "text/html; charset=iso-8859-1", kPage)) +
      GzipMember(WarcResponse("https://n.example/a", "2024-04-01T00:00:00Z", 200, "text/html",
                              kPage)) +
      GzipMember(WarcRecord("resource", "urn:x:notes", "", "text/plain", "Notes.\n"));
  RecordsRead r = ReadWarcRecords(Bytes(warc), "/in/c.warc.gz", "c.warc.gz");
  ASSERT_EQ(r.records.size(), 3u);
  const Record& a = r.records[0];
  EXPECT_EQ(a.id, "c.warc.gz#https://n.example/a");
  EXPECT_EQ(a.file_id, "c.warc.gz");
  EXPECT_EQ(a.path, "/in/c.warc.gz");
  EXPECT_EQ(a.format, RecordFormat::kHtml);
  EXPECT_EQ(a.charset, "iso-8859-1");
  EXPECT_EQ(a.bytes, kPage);
  EXPECT_EQ(*a.meta.url, "https://n.example/a");
  ASSERT_TRUE(a.meta.fallback_date);
  EXPECT_EQ(FormatIsoDate(*a.meta.fallback_date), "2024-03-05");
  EXPECT_FALSE(a.meta.date);  // a capture date is not a publication date
  EXPECT_EQ(a.locator.rfind("record 2, offset ", 0), 0u);
  EXPECT_EQ(r.records[1].id, "c.warc.gz#https://n.example/a @ 2024-04-01T00:00:00Z");
  EXPECT_EQ(r.records[2].format, RecordFormat::kText);
  // Same bytes, different capture: different records, different hashes.
  EXPECT_NE(a.content_hash, r.records[1].content_hash);
  EXPECT_EQ(r.passed_over.at("warcinfo record"), 1u);
}

TEST(RecordReaders, WarcProblemsHaveLocators) {
  std::string warc = WarcResponse("https://n.example/a", "", 200, "text/html", kPage);
  warc += warc.substr(0, warc.size() / 2);
  RecordsRead r = ReadWarcRecords(Bytes(warc), "w.warc", "w.warc");
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].locator, "record 2, offset " + std::to_string(warc.size() * 2 / 3));
  EXPECT_NE(r.problems[0].reason.find("truncated"), std::string::npos);
}

TEST(RecordReaders, JsonlLinesBecomeRecords) {
  std::string jsonl =
      R"({"title":"T","date":"Tue, 05 Mar 2024 10:00:00 GMT","source":"S","url":"https://u/1","text":"Body.","language":"en-GB"})"
      "\n"
      R"({"id":"x7","html":"<p>Para</p>"})"
      "\n"
      "oops\n"
      R"({"text":"No key at all."})"
      "\n"
      R"({"text":"Same id again.","id":"x7"})"
      "\n";
  RecordsRead r = ReadJsonlRecords(Bytes(jsonl), "f.jsonl", "f.jsonl", DefaultJsonlFields());
  ASSERT_EQ(r.records.size(), 4u);
  const Record& a = r.records[0];
  EXPECT_EQ(a.id, "f.jsonl#https://u/1");
  EXPECT_EQ(a.locator, "line 1");
  EXPECT_EQ(a.format, RecordFormat::kText);
  EXPECT_EQ(*a.meta.title, "T");
  ASSERT_TRUE(a.meta.date);
  EXPECT_EQ(FormatIsoDate(*a.meta.date), "2024-03-05");
  EXPECT_EQ(*a.meta.publisher, "S");
  EXPECT_EQ(*a.meta.language, "en");
  EXPECT_EQ(a.bytes, "T\n\nBody.");
  EXPECT_EQ(r.records[1].id, "f.jsonl#x7");
  EXPECT_EQ(r.records[1].format, RecordFormat::kHtml);
  EXPECT_EQ(r.records[2].id, "f.jsonl#line 4");
  EXPECT_EQ(r.records[3].id, "f.jsonl#x7~2");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].locator, "line 3");
}

TEST(RecordReaders, MetadataChangesChangeTheHash) {
  auto hash = [](const std::string& line) {
    return ReadJsonlRecords(Bytes(line), "f", "f", DefaultJsonlFields()).records.at(0).content_hash;
  };
  EXPECT_EQ(hash(R"({"title":"A","text":"x"})"), hash(R"({"text":"x","title":"A"})"));
  EXPECT_NE(hash(R"({"title":"A","text":"x","source":"S"})"),
            hash(R"({"title":"A","text":"x","source":"T"})"));
}

TEST(RecordReaders, MetadataDates) {
  EXPECT_EQ(FormatIsoDate(*MetadataDate("2024-03-05T10:00:00Z")), "2024-03-05");
  EXPECT_EQ(FormatIsoDate(*MetadataDate("March 5, 2024")), "2024-03-05");
  EXPECT_FALSE(MetadataDate("yesterday"));
  EXPECT_FALSE(MetadataDate(""));
}

}  // namespace
}  // namespace lede

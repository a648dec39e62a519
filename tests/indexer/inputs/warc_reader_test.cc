#include "indexer/inputs/warc_reader.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/indexer/inputs/warc_test_util.h"

namespace lede {
namespace {

using testing::GzipMember;
using testing::HttpMessage;
using testing::WarcRecord;
using testing::WarcResponse;

constexpr size_t kMax = 1 << 20;

struct ReadOut {
  std::vector<WarcPage> pages;
  std::map<std::string, size_t> skipped;
  std::vector<WarcProblem> problems;
  size_t records = 0;
};

ReadOut ReadWarc(std::string bytes, size_t max = kMax) {
  WarcReader r(std::make_unique<ByteStream>(std::move(bytes), ByteStream::kInMemory), max);
  ReadOut out;
  while (auto p = r.Next()) out.pages.push_back(std::move(*p));
  out.skipped = r.skipped();
  out.problems = r.problems();
  out.records = r.records();
  return out;
}

const char* kPage = "<html><head><title>A</title></head><body><p>Story.</p></body></html>";

// A crawl as wget --warc-file writes it: warcinfo, then request/response
// pairs, metadata; plus a revisit, an image, a redirect and a resource.
std::vector<std::string> MixedRecords() {
  return {
      WarcRecord("warcinfo", "", "2024-03-05T10:00:00Z", "application/warc-fields",
                 "software: test\r\n"),
      WarcRecord("request", "https://news.example/a", "2024-03-05T10:00:01Z",
                 "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n"),
      WarcResponse("https://news.example/a", "2024-03-05T10:00:01Z", 200,
                   "text/html; charset=windows-1252", kPage),
      WarcRecord("metadata", "https://news.example/a", "2024-03-05T10:00:01Z",
                 "application/warc-fields", "outlinks: x\r\n"),
      WarcResponse("https://news.example/logo.png", "2024-03-05T10:00:02Z", 200, "image/png",
                   "\x89PNG..."),
      WarcResponse("https://news.example/old", "2024-03-05T10:00:03Z", 301, "text/html",
                   "<html>moved</html>"),
      WarcResponse("https://news.example/gone", "2024-03-05T10:00:03Z", 404, "text/html",
                   "<html>not found</html>"),
      WarcRecord("revisit", "https://news.example/a", "2024-03-06T10:00:00Z",
                 "application/http; msgtype=response", "HTTP/1.1 304 Not Modified\r\n\r\n"),
      WarcRecord("resource", "file:///saved/b.html", "2024-03-07T00:00:00Z", "text/html",
                 kPage),
      WarcRecord("resource", "file:///saved/notes.txt", "", "text/plain", "Plain notes.\n"),
  };
}

std::string Join(const std::vector<std::string>& records, bool gzip) {
  std::string out;
  for (const auto& r : records) out += gzip ? GzipMember(r) : r;
  return out;
}

TEST(WarcReader, TakesPagesAndCountsTheRest) {
  for (bool gzip : {false, true}) {
    ReadOut r = ReadWarc(Join(MixedRecords(), gzip));
    EXPECT_TRUE(r.problems.empty()) << r.problems[0].what;
    EXPECT_EQ(r.records, 10u);
    ASSERT_EQ(r.pages.size(), 3u) << gzip;
    const WarcPage& a = r.pages[0];
    EXPECT_EQ(a.number, 3u);
    EXPECT_EQ(a.type, "response");
    EXPECT_EQ(a.url, "https://news.example/a");
    EXPECT_EQ(a.warc_date, "2024-03-05T10:00:01Z");
    EXPECT_TRUE(a.html);
    EXPECT_EQ(a.media.charset, "windows-1252");
    EXPECT_EQ(a.body, kPage);
    EXPECT_EQ(r.pages[1].type, "resource");
    EXPECT_EQ(r.pages[1].url, "file:///saved/b.html");
    EXPECT_TRUE(r.pages[1].html);
    EXPECT_FALSE(r.pages[2].html);
    EXPECT_EQ(r.pages[2].body, "Plain notes.\n");
    std::map<std::string, size_t> want = {
        {"warcinfo record", 1}, {"request record", 1}, {"metadata record", 1},
        {"revisit record", 1},  {"non-HTML payload", 1}, {"HTTP redirect", 1},
        {"HTTP error status", 1}};
    EXPECT_EQ(r.skipped, want);
  }
}

TEST(WarcReader, OffsetsAreRecordStarts) {
  const auto records = MixedRecords();
  for (bool gzip : {false, true}) {
    ReadOut r = ReadWarc(Join(records, gzip));
    ASSERT_EQ(r.pages.size(), 3u);
    uint64_t expect = 0;
    for (size_t i = 0; i + 1 < r.pages[0].number; ++i)
      expect += gzip ? GzipMember(records[i]).size() : records[i].size();
    EXPECT_EQ(r.pages[0].offset, expect) << gzip;
  }
}

TEST(WarcReader, RepeatedUrlsGetTheCaptureDate) {
  std::vector<std::string> recs = {
      WarcResponse("https://x.example/p", "2024-01-01T00:00:00Z", 200, "text/html", kPage),
      WarcResponse("https://x.example/p", "2024-02-01T00:00:00Z", 200, "text/html", kPage),
      WarcResponse("https://x.example/p", "2024-02-01T00:00:00Z", 200, "text/html", kPage),
  };
  ReadOut r = ReadWarc(Join(recs, true));
  ASSERT_EQ(r.pages.size(), 3u);
  std::map<std::string, size_t> seen;
  EXPECT_EQ(WarcPageId(r.pages[0], &seen), "https://x.example/p");
  EXPECT_EQ(WarcPageId(r.pages[1], &seen), "https://x.example/p @ 2024-02-01T00:00:00Z");
  EXPECT_EQ(WarcPageId(r.pages[2], &seen), "https://x.example/p @ 2024-02-01T00:00:00Z #3");
}

TEST(WarcReader, TruncatedLastRecordIsReported) {
  for (bool gzip : {false, true}) {
    auto recs = MixedRecords();
    std::string bytes = Join(recs, gzip);
    bytes.resize(bytes.size() - (gzip ? 30 : 20));
    ReadOut r = ReadWarc(bytes);
    EXPECT_EQ(r.pages.size(), 2u) << gzip;
    ASSERT_FALSE(r.problems.empty()) << gzip;
    const std::string all = r.problems[0].what + (r.problems.size() > 1 ? r.problems[1].what : "");
    EXPECT_NE(all.find("truncated"), std::string::npos) << all << " " << gzip;
  }
}

TEST(WarcReader, CorruptGzipMemberCostsOnlyItsRecord) {
  std::vector<std::string> members;
  for (int i = 0; i < 5; ++i)
    members.push_back(GzipMember(WarcResponse("https://x.example/" + std::to_string(i),
                                              "2024-01-01T00:00:00Z", 200, "text/html",
                                              std::string(kPage) + std::string(2000, 'z'))));
  for (size_t k = 20; k < 60; ++k) members[2][k] = static_cast<char>(k * 7);
  std::string bytes;
  for (const auto& m : members) bytes += m;
  ReadOut r = ReadWarc(bytes);
  ASSERT_EQ(r.pages.size(), 4u);
  EXPECT_EQ(r.pages[2].url, "https://x.example/3");
  EXPECT_EQ(r.pages[3].url, "https://x.example/4");
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].offset, members[0].size() + members[1].size());
}

TEST(WarcReader, WrongContentLengthSkipsOneRecord) {
  std::string bad = WarcResponse("https://x.example/bad", "", 200, "text/html", kPage);
  const std::string len = "Content-Length: ";
  // The WARC header's Content-Length (the first): claim a shorter block, so
  // the record end is not where it says.
  size_t at = bad.find(len);
  size_t eol = bad.find("\r\n", at);
  bad.replace(at + len.size(), eol - at - len.size(), "40");
  std::vector<std::string> recs = {
      WarcResponse("https://x.example/1", "", 200, "text/html", kPage), bad,
      WarcResponse("https://x.example/2", "", 200, "text/html", kPage)};
  ReadOut r = ReadWarc(Join(recs, false));
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[1].url, "https://x.example/2");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].number, 2u);
  EXPECT_NE(r.problems[0].what.find("Content-Length"), std::string::npos);
}

TEST(WarcReader, MissingContentLengthAndJunk) {
  std::string no_len = "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>";
  std::vector<std::string> recs = {
      "some junk before\r\n", no_len + "\r\n\r\n",
      WarcResponse("https://x.example/ok", "", 200, "text/html", kPage)};
  ReadOut r = ReadWarc(Join(recs, false));
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].url, "https://x.example/ok");
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].number, 0u);  // junk outside a record
  EXPECT_NE(r.problems[1].what.find("Content-Length"), std::string::npos);
}

TEST(WarcReader, TooLargeAndEmptyPayloads) {
  std::vector<std::string> recs = {
      WarcResponse("https://x.example/big", "", 200, "text/html", std::string(300000, 'a')),
      WarcResponse("https://x.example/empty", "", 200, "text/html", "  \r\n"),
      WarcResponse("https://x.example/ok", "", 200, "text/html", kPage)};
  ReadOut r = ReadWarc(Join(recs, true), 100000);
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.skipped["too large"], 1u);
  EXPECT_EQ(r.skipped["empty payload"], 1u);
}

TEST(WarcReader, UntypedPayloadIsSniffedAndUriBracketsDropped) {
  std::vector<std::string> recs = {
      WarcResponse("<https://x.example/s>", "", 200, "", "<!doctype html><p>x</p>")};
  ReadOut r = ReadWarc(Join(recs, false));
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].url, "https://x.example/s");
  EXPECT_TRUE(r.pages[0].html);
}

TEST(WarcReader, EmptyAndNonWarcInput) {
  EXPECT_TRUE(ReadWarc("").pages.empty());
  ReadOut r = ReadWarc("this is not a warc file\nat all\n");
  EXPECT_TRUE(r.pages.empty());
  EXPECT_EQ(r.problems.size(), 1u);
}

}  // namespace
}  // namespace lede

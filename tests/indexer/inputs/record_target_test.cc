#include "indexer/inputs/record_target.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace lede {
namespace {
namespace fs = std::filesystem;

TEST(RecordTarget, SplitsAtTheFirstHashAfterAnExistingFile) {
  char tmpl[] = "/tmp/lede-target-XXXXXX";
  const fs::path dir = ::mkdtemp(tmpl);
  std::ofstream(dir / "c.warc.gz") << "x";
  std::ofstream(dir / "odd#name.jsonl") << "x";
  const std::string c = (dir / "c.warc.gz").string();
  const std::string odd = (dir / "odd#name.jsonl").string();
  RecordTarget t = SplitRecordTarget(c + "#3");
  EXPECT_EQ(t.path, c);
  EXPECT_EQ(*t.fragment, "3");
  t = SplitRecordTarget(c + "#https://x.example/a#section");
  EXPECT_EQ(t.path, c);
  EXPECT_EQ(*t.fragment, "https://x.example/a#section");
  t = SplitRecordTarget(odd);
  EXPECT_EQ(t.path, odd);
  EXPECT_FALSE(t.fragment);
  t = SplitRecordTarget(odd + "#7");
  EXPECT_EQ(t.path, odd);
  EXPECT_EQ(*t.fragment, "7");
  t = SplitRecordTarget((dir / "missing#1").string());
  EXPECT_FALSE(t.fragment);
  fs::remove_all(dir);
}

Record Rec(const std::string& key, const std::string& locator, const char* url = nullptr) {
  Record r;
  NameRecord(&r, "f", key);
  r.locator = locator;
  if (url) r.meta.url = url;
  return r;
}

TEST(RecordTarget, FindsByNumberKeyOrUrl) {
  std::vector<Record> warc = {Rec("https://a/1", "record 3, offset 0", "https://a/1"),
                              Rec("https://a/1 @ 2024-01-02T00:00:00Z", "record 5, offset 9",
                                  "https://a/1"),
                              Rec("https://a/2", "record 7, offset 20", "https://a/2")};
  EXPECT_EQ(FindRecord(warc, "1"), 0u);
  EXPECT_EQ(FindRecord(warc, "3"), 2u);
  EXPECT_FALSE(FindRecord(warc, "4"));
  EXPECT_FALSE(FindRecord(warc, "0"));
  EXPECT_EQ(FindRecord(warc, "https://a/1"), 0u);
  EXPECT_EQ(FindRecord(warc, "https://a/1 @ 2024-01-02T00:00:00Z"), 1u);
  EXPECT_EQ(FindRecord(warc, "https://a/2"), 2u);
  EXPECT_FALSE(FindRecord(warc, "https://a/3"));
  std::vector<Record> jsonl = {Rec("u1", "line 1"), Rec("u2", "line 4")};
  EXPECT_EQ(FindRecord(jsonl, "4"), 1u);
  EXPECT_FALSE(FindRecord(jsonl, "2"));  // line 2 held no article
}

}  // namespace
}  // namespace lede

// Tests for indexer/path_text: paths in messages and JSON.
#include "indexer/path_text.h"

#include <gtest/gtest.h>

#include "common/text/utf8.h"

namespace lede {
namespace {

TEST(PathText, DisplayKeepsPlainAndUnicodePaths) {
  EXPECT_EQ(DisplayPath("corpus/a b.txt"), "corpus/a b.txt");
  EXPECT_EQ(DisplayPath("corpus/communiqué.txt"), "corpus/communiqué.txt");
}

TEST(PathText, DisplayEscapesControlsAndBadBytes) {
  const struct {
    std::string in, out;
  } cases[] = {
      {"a\nb.txt", "a\\nb.txt"},
      {"a\tb", "a\\tb"},
      {"a\\b", "a\\\\b"},
      {std::string("a\x01z", 3), "a\\x01z"},
      {"bad\xff.txt", "bad\\xff.txt"},
      {"cut\xc3", "cut\\xc3"},
      {"\xed\xa0\x80", "\\xed\\xa0\\x80"},  // a surrogate is not UTF-8
  };
  for (const auto& c : cases) EXPECT_EQ(DisplayPath(c.in), c.out) << c.out;
  for (const auto& c : cases) EXPECT_EQ(DisplayPath(c.in).find('\n'), std::string::npos);
}

TEST(PathText, Base64MatchesRfc4648Vectors) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64("\xff\xfe"), "//4=");
}

TEST(PathText, JsonAddsBytesOnlyForInvalidUtf8) {
  nlohmann::json j;
  SetPathJson(j, "path", "ok/é.txt");
  EXPECT_EQ(j["path"], "ok/é.txt");
  EXPECT_FALSE(j.contains("path_bytes"));

  nlohmann::json k;
  SetPathJson(k, "path", "bad\xff\n.txt");
  const std::string shown = k["path"];
  EXPECT_TRUE(IsValidUtf8(shown));
  EXPECT_EQ(shown, "bad\xEF\xBF\xBD\n.txt");
  EXPECT_EQ(k["path_bytes"], Base64("bad\xff\n.txt"));
  // The dump is valid JSON that parses back.
  EXPECT_EQ(nlohmann::json::parse(k.dump())["path_bytes"], k["path_bytes"]);
}

}  // namespace
}  // namespace lede

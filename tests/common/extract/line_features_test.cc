// Table-driven tests for line features.
#include "common/extract/line_features.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lede {
namespace {

bool EnglishStop(std::string_view w) { return w == "the" || w == "of" || w == "a"; }

TEST(LineFeatures, CountsWordsAndStopWords) {
  LineFeatures f = ComputeLineFeatures("  The Fall of a City.  ", EnglishStop);
  EXPECT_EQ(f.words, 5);
  EXPECT_EQ(f.stop_words, 3);
  EXPECT_EQ(f.capitalised, 3);
  EXPECT_TRUE(f.ends_sentence);
  EXPECT_TRUE(f.has_lower);
}

TEST(LineFeatures, SentenceEnds) {
  struct Case {
    const char* line;
    bool ends;
  } cases[] = {
      {"He said so.", true},     {"He said \"so.\"", true},
      {"Is it?", true},          {"He said \xE2\x80\x9Cso.\xE2\x80\x9D", true},
      {"Most Popular", false},   {"これはペンです。", true},
      {"Read more (3)", false},  {"", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ComputeLineFeatures(c.line, nullptr).ends_sentence, c.ends) << c.line;
  }
}

TEST(LineFeatures, CjkCharactersAreWords) {
  LineFeatures f = ComputeLineFeatures("東京都", nullptr);
  EXPECT_EQ(f.cjk, 3);
  EXPECT_EQ(f.words, 3);
}

TEST(LineFeatures, AllCapitalsHasNoLowerCase) {
  LineFeatures f = ComputeLineFeatures("THE SENATE VOTED ON TUESDAY", nullptr);
  EXPECT_FALSE(f.has_lower);
  EXPECT_EQ(f.capitalised, 5);
}

TEST(LineFeatures, WordsAreLowerCasedWithApostrophes) {
  std::vector<std::string> words;
  ForEachWord("Don't STOP, Ünïcode 東京", [&](std::string_view w) { words.emplace_back(w); });
  std::vector<std::string> want = {"don't", "stop", "ünïcode", "東", "京"};
  EXPECT_EQ(words, want);
}

TEST(LineFeatures, SplitAndTrim) {
  auto lines = SplitLines("a\r\nb\n\nc");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(SplitLines("").size(), 1u);
  EXPECT_EQ(TrimLine("\xC2\xA0 x \t"), "x");
  EXPECT_EQ(LineKey("  Most   Popular!! "), "most popular");
}

TEST(LineFeatures, Utf8PrefixNeverCutsACharacter) {
  EXPECT_EQ(Utf8Prefix("abc", 10), "abc");
  EXPECT_EQ(Utf8Prefix("abcdef", 3), "abc");
  // "é" is two bytes, "日" three: a cut inside either backs up before it.
  EXPECT_EQ(Utf8Prefix("ab\xC3\xA9", 3), "ab");
  EXPECT_EQ(Utf8Prefix("a\xE6\x97\xA5"
                       "b",
                       2),
            "a");
  EXPECT_EQ(Utf8Prefix("a\xE6\x97\xA5"
                       "b",
                       3),
            "a");
  EXPECT_EQ(Utf8Prefix("a\xE6\x97\xA5"
                       "b",
                       4),
            "a\xE6\x97\xA5");
  EXPECT_EQ(Utf8Prefix("", 0), "");
}

TEST(LineFeatures, InvalidBytesAreSafe) {
  std::string junk = "ab\xff\xfe\xc3 cd \xe2\x80";
  LineFeatures f = ComputeLineFeatures(junk, EnglishStop);
  EXPECT_EQ(f.words, 2);
  EXPECT_EQ(LineKey(junk), "ab cd");
}

}  // namespace
}  // namespace lede

// Table-driven tests for line features.
#include "common/extract/line_features.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <utf8proc.h>

#include "common/text/utf8.h"

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

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  ForEachWord(text, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

// The word rules walked one code point at a time, with no shortcut for
// ASCII: what WordIterator's byte scan must agree with on any input.
std::vector<std::string> WordsByCodePoint(std::string_view text) {
  auto is_cjk = [](int32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x20000 && c <= 0x2FA1F);
  };
  auto is_word = [](int32_t c) {
    switch (utf8proc_category(c)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_MN:
      case UTF8PROC_CATEGORY_MC:
      case UTF8PROC_CATEGORY_ND:
        return true;
      default:
        return false;
    }
  };
  auto lower = [](int32_t c) {
    std::string out;
    AppendUtf8(static_cast<char32_t>(utf8proc_tolower(c)), &out);
    return out;
  };
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const int32_t c = DecodeUtf8At(text, i, &len);
    if (c >= 0 && is_cjk(c)) {
      flush();
      words.push_back(lower(c));
    } else if (c >= 0 && is_word(c)) {
      word += lower(c);
    } else if ((c == '\'' || c == 0x2019) && !word.empty() && i + len < text.size()) {
      size_t next_len = 1;
      const int32_t next = DecodeUtf8At(text, i + len, &next_len);
      if (next >= 0 && is_word(next) && !is_cjk(next)) {
        word += '\'';
      } else {
        flush();
      }
    } else {
      flush();
    }
    i += len;
  }
  flush();
  return words;
}

TEST(LineFeatures, WordBoundaries) {
  struct Case {
    const char* text;
    std::vector<std::string> words;
  } cases[] = {
      {"plain words here", {"plain", "words", "here"}},
      {"Capital START", {"capital", "start"}},
      {"it's o'Neil's", {"it's", "o'neil's"}},
      {"trailing' 'leading", {"trailing", "leading"}},
      {"they\xE2\x80\x99re", {"they're"}},
      {"caf\xC3\xA9 na\xC3\xAFve", {"caf\xC3\xA9", "na\xC3\xAFve"}},
      {"CAF\xC3\x89", {"caf\xC3\xA9"}},
      {"abc\xE6\x9D\xB1x", {"abc", "\xE6\x9D\xB1", "x"}},
      {"ab\xFF"
       "cd",
       {"ab", "cd"}},
      {"x'\xE6\x9D\xB1", {"x", "\xE6\x9D\xB1"}},
      {"a.b-c_d 42nd", {"a", "b", "c", "d", "42nd"}},
      {"end'", {"end"}},
      {"", {}},
      {" ,;' ", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Words(c.text), c.words) << c.text;
    EXPECT_EQ(Words(c.text), WordsByCodePoint(c.text)) << c.text;
  }
}

TEST(LineFeatures, WordsAgreeWithACodePointWalk) {
  // Random strings of pieces that sit on the scan's edges: ASCII of both
  // cases, apostrophes, accented and CJK letters, punctuation, broken bytes.
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "q",
                                           "7",
                                           " ",
                                           ".",
                                           ",",
                                           "'",
                                           "\xE2\x80\x99",
                                           "\xC3\xA9",
                                           "\xC3\x89",
                                           "\xE6\x9D\xB1",
                                           "\xE3\x81\x82",
                                           "\xD0\x96",
                                           "\xFF",
                                           "\xC3",
                                           "-",
                                           "\xC2\xA0",
                                           "\t",
                                           "\xCC\x81"};
  std::mt19937 rng(14);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1), length(0, 24);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (size_t n = length(rng); n > 0; --n) text += pieces[piece(rng)];
    ASSERT_EQ(Words(text), WordsByCodePoint(text)) << text;
  }
}

TEST(LineFeatures, KeyComputedWithTheFeaturesIsTheLineKey) {
  // Callers key the line statistics and find copies of a line by this key.
  for (const char* line :
       {"  Most   Popular!! ", "\xC2\xA0\tIt's CAF\xC3\x89 \xE6\x9D\xB1\xE4\xBA\xAC ", "", "...",
        "ab\xff\xfe\xc3 cd \xe2\x80"}) {
    std::string key = "stale";
    ComputeLineFeatures(line, nullptr, &key);
    EXPECT_EQ(key, LineKey(line)) << line;
  }
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

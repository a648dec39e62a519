// Tests for common/normalize: the same term for every spelling of a word.
#include "common/text/normalize.h"

#include <gtest/gtest.h>

#include <string>

namespace lede {
namespace {

struct Case {
  const char* in;
  const char* out;
};

TEST(Normalize, FoldsCaseAccentsAndCompatibilityForms) {
  const Case cases[] = {
      {"Communiqué", "communique"},
      {"COMMUNIQUÉ", "communique"},
      {"communique", "communique"},
      {"Communique\xCC\x81", "communique"},  // e + combining acute (NFD input)
      {"Straße", "strasse"},
      {"ﬁnance", "finance"},                  // ligature (NFKC)
      {"Ｌａｖｒｏｖ", "lavrov"},              // full-width
      {"Øresund", "oresund"},
      {"Łódź", "lodz"},
      {"Ёлка", "елка"},                        // Cyrillic yo loses its diaeresis
      {"ΑΘΉΝΑ", "αθηνα"},
      {"Russia’s", "russia's"},               // curly apostrophe
      {"2012", "2012"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeTerm(c.in), c.out) << c.in;
}

TEST(Normalize, KeepsMarksThatAreLetters) {
  // Japanese dakuten changes the kana; stripping it would merge words.
  EXPECT_EQ(NormalizeTerm("が"), "が");
  EXPECT_EQ(NormalizeTerm("ガ"), "ガ");
  // Devanagari vowel sign stays.
  EXPECT_EQ(NormalizeTerm("कि"), "कि");
}

TEST(Normalize, InvalidUtf8NeverCrashesAndYieldsValidOutput) {
  const std::string bad[] = {"\xff\xfe", "abc\xc3", "\xed\xa0\x80", "\xc0\xaf",
                             std::string("a\0b", 3), "é\x80"};
  for (const std::string& b : bad) {
    std::string out = NormalizeTerm(b);
    // U+FFFD replaces the bad bytes; nothing invalid comes out.
    for (size_t i = 0; i < out.size(); ++i) {
      const auto c = static_cast<unsigned char>(out[i]);
      EXPECT_NE(c, 0xFF);
      EXPECT_NE(c, 0xC0);
    }
  }
  EXPECT_EQ(NormalizeTerm("abc\xc3"), "abc\xEF\xBF\xBD");
}

}  // namespace
}  // namespace lede

// Tests for common/utf8: what counts as valid UTF-8 and how damage is repaired.
#include "common/text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace lede {
namespace {

// U+FFFD as UTF-8.
constexpr const char* kR = "\xEF\xBF\xBD";

struct RepairCase {
  const char* name;
  std::string_view input;
  std::string want;
};

TEST(Utf8, AcceptsWellFormed) {
  const std::string_view good[] = {
      "",
      "plain ASCII, long enough to take the eight-byte fast path",
      std::string_view("nul \0 inside", 12),
      "caf\xC3\xA9",             // U+00E9
      "\xE2\x82\xAC",            // U+20AC
      "\xED\x9F\xBF",            // U+D7FF, last before surrogates
      "\xEE\x80\x80",            // U+E000, first after surrogates
      "\xEF\xBF\xBF",            // U+FFFF
      "\xF0\x90\x80\x80",        // U+10000
      "\xF0\x9F\x98\x80 emoji",  // U+1F600
      "\xF4\x8F\xBF\xBF",        // U+10FFFF, the last code point
  };
  for (const std::string_view s : good) {
    EXPECT_TRUE(IsValidUtf8(s)) << s;
    EXPECT_EQ(RepairUtf8(s), s);
  }
}

TEST(Utf8, RepairsIllFormedWithOneReplacementPerMaximalSubpart) {
  const RepairCase cases[] = {
      {"lone continuation",
       "a\x80"
       "b",
       std::string("a") + kR + "b"},
      {"lone lead at end", "ab\xC3", std::string("ab") + kR},
      {"lead then ASCII", "\xC3(", std::string(kR) + "("},
      {"C0 overlong", "\xC0\xAF", std::string(kR) + kR},
      {"C1 overlong", "\xC1\xBF", std::string(kR) + kR},
      {"E0 overlong", "\xE0\x80\xAF", std::string(kR) + kR + kR},
      {"F0 overlong", "\xF0\x80\x80\xAF", std::string(kR) + kR + kR + kR},
      {"encoded high surrogate", "\xED\xA0\x80", std::string(kR) + kR + kR},
      {"encoded low surrogate", "\xED\xBF\xBF", std::string(kR) + kR + kR},
      {"above U+10FFFF", "\xF4\x90\x80\x80", std::string(kR) + kR + kR + kR},
      {"F5 lead", "\xF5\x80\x80\x80", std::string(kR) + kR + kR + kR},
      {"FF byte", "x\xFFy", std::string("x") + kR + "y"},
      {"truncated 4-byte", "\xF0\x9F\x98", kR},
      {"truncated 3-byte then valid", "\xE2\x82\xC3\xA9",
       std::string(kR) + "\xC3\xA9"},
      {"latin-1 byte in UTF-8", "caf\xE9 cr\xC3\xA8me",
       std::string("caf") + kR + " cr\xC3\xA8me"},
  };
  for (const RepairCase& c : cases) {
    EXPECT_FALSE(IsValidUtf8(c.input)) << c.name;
    const std::string repaired = RepairUtf8(c.input);
    EXPECT_EQ(repaired, c.want) << c.name;
    EXPECT_TRUE(IsValidUtf8(repaired)) << c.name;
  }
}

TEST(Utf8, CountsSequences) {
  const Utf8Census census =
      CountUtf8Sequences("a\xC3\xA9 \xE9 \xF0\x9F\x98\x80 \xC0\xAF");
  EXPECT_EQ(census.multibyte, 2u);
  EXPECT_EQ(census.ill_formed, 3u);
}

TEST(Utf8, AppendsScalarValuesAndReplacesTheRest) {
  const struct {
    char32_t cp;
    const char* want;
  } cases[] = {
      {U'A', "A"},
      {0xE9, "\xC3\xA9"},
      {0x20AC, "\xE2\x82\xAC"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0xD800, kR},
      {0xDFFF, kR},
      {0x110000, kR},
  };
  for (const auto& c : cases) {
    std::string out;
    AppendUtf8(c.cp, &out);
    EXPECT_EQ(out, c.want) << static_cast<unsigned long>(c.cp);
  }
}

}  // namespace
}  // namespace lede

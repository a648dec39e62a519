// Tests for common/decode: every encoding case of issue 5 ("hostile and broken
// input") comes out as the right UTF-8 or as a reason to skip.
#include "common/text/decode.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "common/text/utf8.h"

namespace lede {
namespace {

using namespace std::string_view_literals;  // "..."sv keeps embedded NULs

constexpr const char* kR = "\xEF\xBF\xBD";  // U+FFFD

struct TextCase {
  const char* name;
  std::string_view input;
  std::string want;
  const char* want_encoding;
  bool want_repaired;
};

std::string Describe(const DecodeResult& result) {
  if (const auto* reason = std::get_if<NotText>(&result)) {
    return "not text: " + std::string(NotTextReason(*reason));
  }
  const auto& text = std::get<DecodedText>(result);
  return text.encoding + (text.repaired ? " (repaired): " : ": ") + text.utf8;
}

TEST(Decode, DecodesText) {
  const TextCase cases[] = {
      // Unicode, with and without marks.
      {"ASCII", "Mayor resigns", "Mayor resigns", "UTF-8", false},
      {"UTF-8",
       "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC"
       "5",
       "Café “quoted” €5", "UTF-8", false},
      {"UTF-8 with BOM", "\xEF\xBB\xBFHello \xC3\xA9", "Hello é", "UTF-8 (BOM)",
       false},
      {"UTF-8 BOM then damage",
       "\xEF\xBB\xBF"
       "caf\xE9",
       std::string("caf") + kR, "UTF-8 (BOM)", true},
      {"UTF-16LE with surrogate pair",
       "\xFF\xFE"
       "A\0\x3D\xD8\x00\xDE"sv,
       "A\xF0\x9F\x98\x80", "UTF-16LE", false},
      {"UTF-16BE with surrogate pair", "\xFE\xFF\0A\xD8\x3D\xDE\x00"sv,
       "A\xF0\x9F\x98\x80", "UTF-16BE", false},
      {"UTF-16LE text",
       "\xFF\xFE"
       "C\0a\0f\0\xE9\0\n\0"sv,
       "Café\n", "UTF-16LE", false},
      {"UTF-16LE unpaired high surrogate",
       "\xFF\xFE\x3D\xD8"
       "A\0"sv,
       std::string(kR) + "A", "UTF-16LE", true},
      {"UTF-16LE unpaired low surrogate",
       "\xFF\xFE\x00\xDE"
       "A\0"sv,
       std::string(kR) + "A", "UTF-16LE", true},
      {"UTF-16BE high surrogate at end", "\xFE\xFF\0A\xD8\x3D"sv,
       std::string("A") + kR, "UTF-16BE", true},
      {"UTF-16LE odd byte at end",
       "\xFF\xFE"
       "A\0B"sv,
       std::string("A") + kR, "UTF-16LE", true},
      {"UTF-16LE without BOM", "H\0e\0l\0l\0o\0 \0\xE9\0\n\0"sv, "Hello é\n",
       "UTF-16LE (no BOM)", false},
      {"UTF-16BE without BOM", "\0H\0e\0l\0l\0o"sv, "Hello",
       "UTF-16BE (no BOM)", false},
      {"UTF-32LE",
       "\xFF\xFE\0\0"
       "A\0\0\0\x00\xF6\x01\x00"sv,
       "A\xF0\x9F\x98\x80", "UTF-32LE", false},
      {"UTF-32BE out of range", "\0\0\xFE\xFF\0\0\0A\0\x11\0\0"sv,
       std::string("A") + kR, "UTF-32BE", true},
      // Damaged UTF-8 stays UTF-8: U+FFFD for the bad bytes only.
      {"UTF-8 with a stray Latin-1 byte",
       "cr\xC3\xA8me br\xFBl\xC3\xA9"
       "e",
       std::string("crème br") + kR + "lée", "UTF-8", true},
      {"UTF-8 with an overlong slash", "\xC3\xA9t\xC3\xA9 \xC0\xAF",
       std::string("été ") + kR + kR, "UTF-8", true},
      // Legacy Western: windows-1252 when it uses 0x80..0x9F, else ISO-8859-1.
      {"windows-1252 news",
       "\x93We will not back down,\x94 the mayor said. The caf\xE9 owner paid "
       "\xA3"
       "40 and \x80"
       "50 \x97 twice.",
       "“We will not back down,” the mayor said. The café owner paid £40 and "
       "€50 — twice.",
       "windows-1252", false},
      {"windows-1252 short", "He said \x93hello\x94.", "He said “hello”.",
       "windows-1252", false},
      {"windows-1252 euro",
       "\x80"
       "10 million",
       "€10 million", "windows-1252", false},
      {"windows-1252 undefined byte",
       "a\x81 "
       "b\x8D "
       "c\x8F "
       "d\x90 "
       "e\x9D",
       std::string("a") + kR + " b" + kR + " c" + kR + " d" + kR + " e" + kR,
       "windows-1252", true},
      {"ISO-8859-1 news",
       "Le caf\xE9 co\xFBte 3 \xA3 \xE0 Londres, se\xF1or; na\xEFve "
       "\xE9l\xE8ve.",
       "Le café coûte 3 £ à Londres, señor; naïve élève.", "ISO-8859-1", false},
      {"ISO-8859-1 one byte", "Caf\xE9", "Café", "ISO-8859-1", false},
      {"ISO-8859-1 pound",
       "Price: \xA3"
       "5",
       "Price: £5", "ISO-8859-1", false},
      {"ISO-8859-1 Spanish",
       "El ni\xF1o comi\xF3 ma\xF1"
       "ana en Espa\xF1"
       "a.",
       "El niño comió mañana en España.", "ISO-8859-1", false},
      {"ISO-8859-1 German",
       "M\xFCnchen ist gro\xDF und sch\xF6n. Die Stra\xDF"
       "e ist lang.",
       "München ist groß und schön. Die Straße ist lang.", "ISO-8859-1", false},
      // uchardet 0.0.7 calls these ISO-8859-7 and windows-1250; windows-1252
      // reads more plausibly and wins.
      {"windows-1252 that uchardet calls Greek",
       "The council said on Tuesday that it would not back down. \x93It\x92s "
       "over,\x94 she said \x97 and left. Prices rose 5% to \xA3"
       "40, or "
       "\x80"
       "50.",
       "The council said on Tuesday that it would not back down. “It’s over,” "
       "she said — and left. Prices rose 5% to £40, or €50.",
       "windows-1252", false},
      {"ISO-8859-1 that uchardet calls windows-1250",
       "El presidente dijo el martes que el gobierno no retroceder\xE1.",
       "El presidente dijo el martes que el gobierno no retrocederá.",
       "ISO-8859-1", false},
      // Other legacy encodings, found by uchardet and converted by iconv.
      {"windows-1251",
       "\xCF\xF0\xE5\xE7\xE8\xE4\xE5\xED\xF2 \xE7\xE0\xFF\xE2\xE8\xEB \xE2\xEE "
       "\xE2\xF2\xEE\xF0\xED\xE8\xEA, \xF7\xF2\xEE "
       "\xEF\xF0\xE0\xE2\xE8\xF2\xE5\xEB\xFC\xF1\xF2\xE2\xEE \xED\xE5 "
       "\xEE\xF2\xF1\xF2\xF3\xEF\xE8\xF2.",
       "Президент заявил во вторник, что правительство не отступит.",
       "windows-1251", false},
      {"KOI8-R",
       "\xF0\xD2\xC5\xDA\xC9\xC4\xC5\xCE\xD4 \xDA\xC1\xD1\xD7\xC9\xCC \xD7\xCF "
       "\xD7\xD4\xCF\xD2\xCE\xC9\xCB, \xDE\xD4\xCF "
       "\xD0\xD2\xC1\xD7\xC9\xD4\xC5\xCC\xD8\xD3\xD4\xD7\xCF \xCE\xC5 "
       "\xCF\xD4\xD3\xD4\xD5\xD0\xC9\xD4.",
       "Президент заявил во вторник, что правительство не отступит.", "KOI8-R",
       false},
      {"ISO-8859-2",
       "Prezydent powiedzia\xB3 we wtorek, \xBF"
       "e rz\xB1"
       "d si\xEA nie "
       "wycofa. Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1.",
       "Prezydent powiedział we wtorek, że rząd się nie wycofa. Zażółć gęślą "
       "jaźń.",
       "ISO-8859-2", false},
      {"ISO-8859-9 (Turkish)",
       "Cumhurba\xFEkan\xFD sal\xFD g\xFCn\xFC h\xFCk\xFCmetin geri "
       "ad\xFDm atmayaca\xF0\xFDn\xFD s\xF6yledi.",
       "Cumhurbaşkanı salı günü hükümetin geri adım atmayacağını söyledi.",
       "ISO-8859-9", false},
      {"ISO-8859-7 (Greek)",
       "\xCF \xF0\xF1\xFC\xE5\xE4\xF1\xEF\xF2 \xE4\xDE\xEB\xF9\xF3"
       "\xE5 \xF4\xE7\xED \xD4\xF1\xDF\xF4\xE7 \xFC\xF4\xE9 \xE7 "
       "\xEA\xF5\xE2\xDD\xF1\xED\xE7\xF3\xE7 \xE4\xE5\xED \xE8\xE1 "
       "\xF5\xF0\xEF\xF7\xF9\xF1\xDE\xF3\xE5\xE9.",
       "Ο πρόεδρος δήλωσε την Τρίτη ότι η κυβέρνηση δεν θα υποχωρήσει.",
       "ISO-8859-7", false},
      {"Shift_JIS",
       "\x8E\xF1\x91\x8A\x82\xCD\x89\xCE\x97j\x93\xFA\x81"
       "A\x90\xAD\x95{\x82"
       "\xCD\x93P\x91\xDE\x82\xB5\x82\xC8\x82\xA2\x82\xC6\x8Fq\x82\xD7\x82\xBD"
       "\x81"
       "B",
       "首相は火曜日、政府は撤退しないと述べた。", "Shift_JIS", false},
      {"EUC-JP",
       "\xBC\xF3\xC1\xEA\xA4\xCF\xB2\xD0\xCD\xCB\xC6\xFC\xA1\xA2\xC0\xAF\xC9"
       "\xDC\xA4\xCF\xC5\xB1\xC2\xE0\xA4\xB7\xA4\xCA\xA4\xA4\xA4\xC8\xBD\xD2"
       "\xA4\xD9\xA4\xBF\xA1\xA3",
       "首相は火曜日、政府は撤退しないと述べた。", "EUC-JP", false},
      {"GB18030",
       "\xD7\xDC\xCD\xB3\xD6\xDC\xB6\xFE\xB1\xED\xCA\xBE\xA3\xAC\xD5\xFE\xB8"
       "\xAE\xB2\xBB\xBB\xE1\xCD\xCB\xCB\xF5\xA1\xA3",
       "总统周二表示，政府不会退缩。", "GB18030", false},
  };
  for (const TextCase& c : cases) {
    const DecodeResult result = DecodeToUtf8(c.input);
    const auto* text = std::get_if<DecodedText>(&result);
    ASSERT_NE(text, nullptr) << c.name << ": " << Describe(result);
    EXPECT_EQ(text->utf8, c.want) << c.name;
    EXPECT_EQ(text->encoding, c.want_encoding) << c.name;
    EXPECT_EQ(text->repaired, c.want_repaired) << c.name;
    EXPECT_TRUE(IsValidUtf8(text->utf8)) << c.name;
  }
}

TEST(Decode, SaysWhyBytesAreNotText) {
  const struct {
    const char* name;
    std::string_view input;
    NotText want;
  } cases[] = {
      {"empty", "", NotText::kEmpty},
      {"UTF-8 BOM only", "\xEF\xBB\xBF", NotText::kEmpty},
      {"UTF-16 BOM only", "\xFF\xFE", NotText::kEmpty},
      {"spaces and newlines", " \n\t\r\n  \f\v", NotText::kWhitespaceOnly},
      {"NBSP, ideographic space, ZWSP", "\xC2\xA0\xE3\x80\x80\xE2\x80\x8B\n",
       NotText::kWhitespaceOnly},
      {"UTF-16LE spaces", "\xFF\xFE \0\n\0"sv, NotText::kWhitespaceOnly},
      {"windows-1252 NBSP", " \xA0 ", NotText::kWhitespaceOnly},
      {"PNG header", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10"sv,
       NotText::kBinary},
      {"ELF header",
       "\x7F"
       "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"sv,
       NotText::kBinary},
      {"one NUL in text", "hello\0world"sv, NotText::kBinary},
      {"UTF-16LE BOM then NUL units",
       "\xFF\xFE"
       "A\0\0\0B\0"sv,
       NotText::kBinary},
      {"NULs at odd offsets with controls", "\x01\0\x02\0\x03\0\x04\0"sv,
       NotText::kBinary},
      // No NUL, but not text either (issue: ten random bytes were indexed
      // as an article titled with mojibake).
      {"ten random bytes", "\x9c\x3f\xd1\xe8\x07\xa2\x5b\xf0\x91\x2e", NotText::kBinaryBytes},
      {"ten random bytes, no control", "\xb7\x4a\xe3\x9f\x2d\xc8\x71\xfa\x3c\xd5",
       NotText::kBinaryBytes},
      {"control bytes in ASCII", "GIF89a\x01\x02\x03\x04 header\x05\x06", NotText::kBinaryBytes},
      {"DEL and controls in UTF-8", "caf\xC3\xA9\x7F\x7F\x11\x12", NotText::kBinaryBytes},
  };
  for (const auto& c : cases) {
    const DecodeResult result = DecodeToUtf8(c.input);
    const auto* reason = std::get_if<NotText>(&result);
    ASSERT_NE(reason, nullptr) << c.name << ": " << Describe(result);
    EXPECT_EQ(*reason, c.want) << c.name;
  }
}

TEST(Decode, ReasonsAreOneLine) {
  EXPECT_EQ(NotTextReason(NotText::kEmpty), "empty file");
  EXPECT_EQ(NotTextReason(NotText::kWhitespaceOnly), "whitespace only");
  EXPECT_EQ(NotTextReason(NotText::kBinary), "binary file (NUL bytes)");
  EXPECT_EQ(NotTextReason(NotText::kBinaryBytes), "binary file (control bytes, no words)");
}

// What the binary rules must let through: text with a stray control byte,
// a DOS end-of-file mark, ANSI escapes, and scripts written without spaces.
TEST(Decode, TextWithRareControlsOrNoSpacesStaysText) {
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "A line of an ordinary news article. ";
  const std::string cases[] = {
      long_text + "\x01" + long_text,         // one stray control in 2.8 kB
      "Plain old DOS text.\r\n\x1A",          // Ctrl-Z at the end
      "\x1b[1mBold\x1b[0m and plain words",   // escape sequences
      "\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42",  // Shift_JIS
      "\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0",  // windows-1251 with a space
  };
  for (const std::string& c : cases) {
    const DecodeResult result = DecodeToUtf8(c);
    EXPECT_NE(std::get_if<DecodedText>(&result), nullptr) << Describe(result) << ": " << c;
  }
}

TEST(Decode, ValidUtf8ComesBackByteForByte) {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "Ünïcödé news line \xE2\x80\x94 ok\n";
  const DecodeResult result = DecodeToUtf8(big);
  const auto& text = std::get<DecodedText>(result);
  EXPECT_EQ(text.utf8, big);
  EXPECT_EQ(text.encoding, "UTF-8");
  EXPECT_FALSE(text.repaired);
}

TEST(Decode, NulPastTheSniffedPrefixIsReplaced) {
  std::string input(kBinarySniffBytes + 10, 'a');
  input[kBinarySniffBytes + 5] = '\0';
  const DecodeResult result = DecodeToUtf8(input);
  const auto& text = std::get<DecodedText>(result);
  EXPECT_TRUE(text.repaired);
  EXPECT_EQ(text.utf8.find('\0'), std::string::npos);
  EXPECT_EQ(text.utf8.substr(kBinarySniffBytes + 5, 3), kR);
}

TEST(Decode, LongLegacyFileIsDecodedPastTheDetectorSample) {
  // Longer than the detector and scoring samples, with a cut multi-byte
  // character nowhere in sight of the result.
  std::string input;
  while (input.size() < (size_t{2} << 20)) {
    input += "\xCF\xF0\xE5\xE7\xE8\xE4\xE5\xED\xF2 \xE7\xE0\xFF\xE2\xE8\xEB.\n";
  }
  const DecodeResult result = DecodeToUtf8(input);
  const auto& text = std::get<DecodedText>(result);
  EXPECT_EQ(text.encoding, "windows-1251");
  EXPECT_FALSE(text.repaired);
  EXPECT_EQ(text.utf8.substr(text.utf8.size() - 33), "Президент заявил.\n");
}

TEST(Decode, LegacyTextAfterALongAsciiPreambleIsDetected) {
  // The detector sample starts near the first non-ASCII byte, not at the
  // top of the file, so 100 KiB of ASCII header does not hide the encoding.
  std::string input;
  while (input.size() < (size_t{100} << 10)) input += "X-Header: ascii only\n";
  const size_t preamble = input.size();
  input += "\xCF\xF0\xE5\xE7\xE8\xE4\xE5\xED\xF2 \xE7\xE0\xFF\xE2\xE8\xEB.\n";
  const DecodeResult result = DecodeToUtf8(input);
  const auto& text = std::get<DecodedText>(result);
  EXPECT_EQ(text.encoding, "windows-1251");
  EXPECT_EQ(text.utf8.substr(preamble), "Президент заявил.\n");
}

// Whatever the bytes, the decoder returns, and what it returns is UTF-8.
TEST(Decode, RandomBytesNeverCrashAndAlwaysGiveValidUtf8) {
  std::mt19937 rng(20240605);
  const std::string_view alphabets[] = {
      "",  // any byte
      "ab \n\x80\x93\xC3\xA9\xE9\xED\xA0\xF0\x9F\xF4\x90\xFF\xFE",
      "\xFF\xFE\0\xD8\xDC\x3D A"sv,
  };
  for (int round = 0; round < 3000; ++round) {
    const std::string_view alphabet = alphabets[round % 3];
    const size_t length = rng() % 300;
    std::string input;
    for (size_t i = 0; i < length; ++i) {
      input.push_back(alphabet.empty() ? static_cast<char>(rng() & 0xFF)
                                       : alphabet[rng() % alphabet.size()]);
    }
    const DecodeResult result = DecodeToUtf8(input);
    if (const auto* text = std::get_if<DecodedText>(&result)) {
      EXPECT_TRUE(IsValidUtf8(text->utf8)) << round;
      EXPECT_EQ(text->utf8.find('\0'), std::string::npos) << round;
    }
  }
}

TEST(Decode, IsSafeToCallFromManyThreads) {
  const std::string_view inputs[] = {
      "\xCF\xF0\xE5\xE7\xE8\xE4\xE5\xED\xF2 \xE7\xE0\xFF\xE2\xE8\xEB",
      "\x93quoted\x94 caf\xE9",
      "\x8E\xF1\x91\x8A\x82\xCD\x89\xCE\x97j\x93\xFA",
  };
  std::vector<std::string> expected;
  for (const std::string_view input : inputs) {
    expected.push_back(Describe(DecodeToUtf8(input)));
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(8, 0);
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const size_t k = (t + static_cast<size_t>(i)) % std::size(inputs);
        if (Describe(DecodeToUtf8(inputs[k])) != expected[k]) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const int m : mismatches) EXPECT_EQ(m, 0);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The hostile files the end-to-end tests index decode as their names say.
TEST(Decode, BrokenFixtures) {
  const std::string dir = std::string(LEDE_TEST_DATA_DIR) + "/broken/";
  const struct {
    const char* file;
    const char* want;  // Describe() of the result
  } cases[] = {
      {"binary.txt", "not text: binary file (NUL bytes)"},
      {"empty.txt", "not text: empty file"},
      {"whitespace.txt", "not text: whitespace only"},
      {"latin1.txt", "ISO-8859-1: Le café coûte 3 £ à Londres.\n"},
      {"cp1252.txt", "windows-1252: “Quoted,” she said — café, £5, €10.\n"},
      {"utf16le.txt", "UTF-16LE: Café 😀 in UTF-16LE.\n"},
      {"utf16be.txt", "UTF-16BE: Café 😀 in UTF-16BE.\n"},
      {"bom-utf8.txt", "UTF-8 (BOM): Café with a UTF-8 BOM.\n"},
      {"invalid-utf8.txt",
       "UTF-8 (repaired): Caf\xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD"
       " d\xC3\xA9j\xC3\xA0 vu.\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Describe(DecodeToUtf8(ReadFile(dir + c.file))), c.want) << c.file;
  }
}

TEST(CutLongLines, CutsOnlyLongLinesAtCharacterBoundaries) {
  std::string text = "short\n" + std::string(10, 'a') + "\nend";
  EXPECT_EQ(CutLongLines(text, 10), 0u);
  text = "short\n" + std::string(25, 'a') + "\nmid\n" + std::string(11, 'b');
  EXPECT_EQ(CutLongLines(text, 10), 2u);
  EXPECT_EQ(text, "short\n" + std::string(10, 'a') + "\nmid\n" + std::string(10, 'b'));
  // "é" is two bytes: a cut inside it backs up to its first byte.
  std::string accents = "aaaaaaaaa\xC3\xA9z";
  EXPECT_EQ(CutLongLines(accents, 10), 1u);
  EXPECT_EQ(accents, "aaaaaaaaa");
  EXPECT_TRUE(IsValidUtf8(accents));
}

TEST(CutLongLines, FiftyMegabyteLineBecomesOneShortLine) {
  std::string text = "Title\n\n" + std::string(50u << 20, 'w') + "\nLast line.\n";
  auto decoded = DecodeArticleBytes(text);
  ASSERT_TRUE(std::holds_alternative<ArticleText>(decoded));
  const ArticleText& a = std::get<ArticleText>(decoded);
  EXPECT_EQ(a.lines_cut, 1u);
  EXPECT_EQ(a.text.size(), 7 + kMaxLineBytes + 12);
  EXPECT_TRUE(IsValidUtf8(a.text));
}

TEST(DecodeArticleBytes, NotTextIsAReason) {
  auto decoded = DecodeArticleBytes(std::string("\x89PNG\0\0", 6));
  ASSERT_TRUE(std::holds_alternative<NotText>(decoded));
  EXPECT_EQ(std::get<NotText>(decoded), NotText::kBinary);
}

}  // namespace
}  // namespace lede

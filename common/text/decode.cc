// Input decoding (see decode.h for the contract and the order of decisions).
#include "common/text/decode.h"

#include <iconv.h>
#include <uchardet/uchardet.h>
#include <utf8proc.h>

#include <cerrno>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "common/text/utf8.h"

namespace lede {

namespace {

// uchardet and the plausibility contest see this much of a legacy file:
// uchardet reads about 6 MB/s, and its guess is stable well before 64 KiB.
constexpr size_t kSampleBytes = size_t{64} << 10;
// How much ASCII before the first non-ASCII byte the sample keeps as context.
constexpr size_t kSampleLeadIn = 1024;

// windows-1252 0x80..0x9F (WHATWG index). The five bytes Microsoft leaves
// undefined become U+FFFD: their C1 code points would put invisible control
// characters into the index.
constexpr char32_t kWindows1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void AppendReplacement(std::string* out, bool* repaired) {
  AppendUtf8(kReplacementChar, out);
  *repaired = true;
}

// Also serves ISO-8859-1: outside 0x80..0x9F the two are identical, and C1
// controls inside "ISO-8859-1" text are in practice windows-1252 punctuation
// (the WHATWG encoding standard decodes the label the same way).
void DecodeWindows1252(std::string_view in, std::string* out, bool* repaired) {
  out->reserve(out->size() + in.size() + in.size() / 8);
  for (const char ch : in) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out->push_back(ch);
    } else if (b < 0xA0) {
      const char32_t cp = kWindows1252High[b - 0x80];
      if (cp == kReplacementChar) *repaired = true;
      AppendUtf8(cp, out);
    } else {
      AppendUtf8(b, out);
    }
  }
}

// decode.h, step 3b. A final 0x1A (Ctrl-Z, the DOS end-of-file mark) is
// not counted: old text files end with one.
bool HasBinaryControlBytes(std::string_view head) {
  size_t controls = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    const auto c = static_cast<unsigned char>(head[i]);
    const bool text_control = c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
                              c == 0x1B || (c == 0x1A && i + 1 == head.size());
    if ((c < 0x20 && !text_control) || c == 0x7F) ++controls;
  }
  return controls * 100 > head.size();
}

// decode.h, step 6: bytes a legacy reading turned into something that is
// not writing. decoded_cps: code points the reading gave for bytes.
bool LooksLikeNoWriting(std::string_view head, size_t bytes, size_t decoded_cps, bool repaired) {
  // A CJK multi-byte encoding that read everything cleanly is text without
  // spaces: two bytes or more per character.
  if (!repaired && decoded_cps * 4 < bytes * 3) return false;
  size_t high = 0, space = 0;
  for (const char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) ++high;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') ++space;
  }
  return high * 4 > head.size() && space * 50 < head.size();
}

size_t CodePoints(std::string_view utf8) {
  size_t n = 0;
  for (const char ch : utf8)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

bool HasC1Byte(std::string_view in) {
  for (const char ch : in) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x80 && b < 0xA0) return true;
  }
  return false;
}

void DecodeUtf16(std::string_view in, bool big_endian, std::string* out,
                 bool* repaired) {
  const auto unit = [&](size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(in[i]);
    const auto b = static_cast<unsigned char>(in[i + 1]);
    return big_endian ? char32_t{a} << 8 | b : char32_t{b} << 8 | a;
  };
  const size_t n = in.size() - in.size() % 2;
  out->reserve(out->size() + n);
  for (size_t i = 0; i < n; i += 2) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 2 < n) {
      const char32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      AppendReplacement(out, repaired);
    } else {
      AppendUtf8(u, out);
    }
  }
  if (n != in.size()) AppendReplacement(out, repaired);
}

void DecodeUtf32(std::string_view in, bool big_endian, std::string* out,
                 bool* repaired) {
  const size_t n = in.size() - in.size() % 4;
  out->reserve(out->size() + n);
  for (size_t i = 0; i < n; i += 4) {
    char32_t cp = 0;
    for (size_t k = 0; k < 4; ++k) {
      const auto b =
          static_cast<unsigned char>(in[i + (big_endian ? k : 3 - k)]);
      cp = cp << 8 | b;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      AppendReplacement(out, repaired);
    } else {
      AppendUtf8(cp, out);
    }
  }
  if (n != in.size()) AppendReplacement(out, repaired);
}

// Mostly-ASCII UTF-16 without a BOM has a NUL in every other byte and none in
// the others; a binary file's NULs fall on both parities. Returns the byte
// order, or nothing when head does not look like that or decodes to controls.
std::optional<bool> SniffBomlessUtf16BigEndian(std::string_view head) {
  const size_t n = head.size() - head.size() % 2;
  if (n < 4) return std::nullopt;
  size_t nul_even = 0;
  size_t nul_odd = 0;
  for (size_t i = 0; i < n; ++i) {
    if (head[i] == '\0') ++(i % 2 == 0 ? nul_even : nul_odd);
  }
  const size_t units = n / 2;
  bool big_endian;
  if (nul_even == 0 && nul_odd * 2 >= units) {
    big_endian = false;
  } else if (nul_odd == 0 && nul_even * 2 >= units) {
    big_endian = true;
  } else {
    return std::nullopt;
  }
  std::string text;
  bool repaired = false;
  // The head may end inside a surrogate pair; drop that last unit.
  DecodeUtf16(head.substr(0, n - 2), big_endian, &text, &repaired);
  if (repaired) return std::nullopt;
  for (const char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' &&
        b != '\v') {
      return std::nullopt;
    }
  }
  return big_endian;
}

struct UchardetDeleter {
  void operator()(uchardet* detector) const { uchardet_delete(detector); }
};

// uchardet's charset name for in, "" when it has no idea.
std::string GuessCharset(std::string_view in) {
  std::unique_ptr<uchardet, UchardetDeleter> detector(uchardet_new());
  if (!detector) return {};
  if (uchardet_handle_data(detector.get(), in.data(), in.size()) != 0) {
    return {};
  }
  uchardet_data_end(detector.get());
  const char* charset = uchardet_get_charset(detector.get());
  return charset != nullptr ? charset : "";
}

// Guesses that mean "read it as windows-1252": no guess, or one the bytes
// already contradict (they are not valid UTF-8 or ASCII, and UTF-16/32 would
// have had a BOM or NULs, handled before detection).
bool MeansWindows1252(const std::string& charset) {
  return charset.empty() || charset == "ASCII" || StartsWith(charset, "UTF-") ||
         charset == "WINDOWS-1252" || charset == "ISO-8859-1";
}

// Converts in from charset with glibc iconv. Each byte iconv rejects becomes
// one U+FFFD so that one bad byte does not lose the rest of the file. When
// in_is_cut (a sample), a sequence cut off at the end is dropped silently.
// Returns false when iconv does not know charset.
bool IconvDecode(const std::string& charset, std::string_view in,
                 bool in_is_cut, std::string* out, bool* repaired) {
  const iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  const std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  // iconv's prototype takes char** but never writes through the input.
  char* in_ptr = const_cast<char*>(in.data());
  size_t in_left = in.size();
  char buffer[16384];
  while (true) {
    char* out_ptr = buffer;
    size_t out_left = sizeof buffer;
    const size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out->append(buffer, static_cast<size_t>(out_ptr - buffer));
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) continue;
    if (errno == EINVAL) {
      if (!in_is_cut) AppendReplacement(out, repaired);
      break;
    }
    AppendReplacement(out, repaired);  // EILSEQ
    ++in_ptr;
    --in_left;
  }
  // Return a stateful encoding (ISO-2022-*) to its initial shift state.
  char* out_ptr = buffer;
  size_t out_left = sizeof buffer;
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  out->append(buffer, static_cast<size_t>(out_ptr - buffer));
  if (!IsValidUtf8(*out)) {
    *out = RepairUtf8(*out);
    *repaired = true;
  }
  return true;
}

enum class Script {
  kOther,
  kLatin,
  kGreek,
  kCyrillic,
  kHebrew,
  kArabic,
  kThai
};

Script ScriptOf(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xC0 && cp < 0x250) ||
      (cp >= 0x1E00 && cp < 0x1F00)) {
    return Script::kLatin;
  }
  if ((cp >= 0x370 && cp < 0x400) || (cp >= 0x1F00 && cp < 0x2000)) {
    return Script::kGreek;
  }
  if (cp >= 0x400 && cp < 0x530) return Script::kCyrillic;
  if (cp >= 0x590 && cp < 0x600) return Script::kHebrew;
  if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780)) {
    return Script::kArabic;
  }
  if (cp >= 0xE00 && cp < 0xE80) return Script::kThai;
  return Script::kOther;
}

enum class CharClass { kLetter, kMark, kOther };

CharClass ClassOf(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    default:
      return CharClass::kOther;
  }
}

bool IsLetter(char32_t cp) { return ClassOf(cp) == CharClass::kLetter; }

bool IsLatinLetter(char32_t cp) {
  return IsLetter(cp) && ScriptOf(cp) == Script::kLatin;
}

// Two adjacent letters from different scripts, where one is Latin or both are
// alphabets we know. Han or kana next to Latin does occur ("Windows版"), but
// seldom next to the number of such joins in Western text read as a CJK
// encoding, where nearly every accented letter fuses with its neighbour.
bool ScriptsClash(char32_t a, char32_t b) {
  if (!IsLetter(a) || !IsLetter(b)) return false;
  const Script sa = ScriptOf(a);
  const Script sb = ScriptOf(b);
  if (sa == sb) return false;
  return sa == Script::kLatin || sb == Script::kLatin ||
         (sa != Script::kOther && sb != Script::kOther);
}

// Superscripts, fractions and spacing accents ("¹", "¾", "´") end words
// ("m²") but never begin one; Czech "že" read as windows-1252 is "¾e".
bool StartsNoWord(char32_t cp) {
  const utf8proc_category_t category =
      utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_NO || category == UTF8PROC_CATEGORY_SK;
}

bool IsAlnum(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || ClassOf(cp) == CharClass::kLetter;
}

// Latin-1 letters that only Icelandic and Faroese use much (ý also Czech and
// Slovak, which are not windows-1252 languages). They are what Turkish turns
// into when read as windows-1252 (ğ ı ş become ð ý þ), and otherwise the
// decodings differ letter for letter with no symbol to give them away.
bool IsRareLatin1Letter(char32_t cp) {
  switch (cp) {
    case 0xD0:  // Ð
    case 0xDD:  // Ý
    case 0xDE:  // Þ
    case 0xF0:  // ð
    case 0xFD:  // ý
    case 0xFE:  // þ
      return true;
    default:
      return false;
  }
}

// Non-letters that real text does put between two letters.
bool IsIntraWordPunctuation(char32_t cp) {
  switch (cp) {
    case 0x00A0:  // no-break space
    case 0x00AD:  // soft hyphen
    case 0x00B4:  // acute accent, typed for an apostrophe ("it´s")
    case 0x00B7:  // middle dot (Catalan l·l)
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2013:  // en dash
    case 0x2014:  // em dash, often set without spaces
    case 0x2018:
    case 0x2019:  // apostrophe
    case 0x2026:  // ellipsis
      return true;
    default:
      return false;
  }
}

// How implausible text is as human writing; lower is better. Reading bytes in
// the wrong 8-bit encoding turns letters into symbols inside words (Polish
// "ł" read as windows-1252 is "³"), mixes scripts inside a word ("Cafй"), or
// gives runs of accented letters no Western word has (Russian read as
// windows-1252 is "Ïðèâåò"), or uses letters few languages need; bytes the
// encoding cannot map weigh most.
int Implausibility(std::string_view utf8) {
  std::vector<char32_t> cps;
  cps.reserve(utf8.size());
  const auto* s = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  auto left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(s, left, &cp);
    if (len <= 0) break;  // input is valid UTF-8; defensive only
    cps.push_back(static_cast<char32_t>(cp));
    s += len;
    left -= len;
  }
  int score = 0;
  int accented_run = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    if (cp < 0x80) {
      accented_run = 0;
      continue;
    }
    if (cp == kReplacementChar || cp < 0xA0) {  // U+FFFD or a C1 control
      score += 4;
      accented_run = 0;
      continue;
    }
    const char32_t prev = i > 0 ? cps[i - 1] : U' ';
    const char32_t next = i + 1 < cps.size() ? cps[i + 1] : U' ';
    const CharClass char_class = ClassOf(cp);
    if (char_class == CharClass::kOther) {
      accented_run = 0;
      if (IsLatinLetter(next) &&
          (IsLatinLetter(prev) ? !IsIntraWordPunctuation(cp)
                               : StartsNoWord(cp) && !IsAlnum(prev))) {
        ++score;
      }
      continue;
    }
    if (char_class == CharClass::kMark) continue;
    // Each join is counted once: at its non-ASCII side, looking back, and
    // looking ahead only when the next character is ASCII.
    if (ScriptsClash(prev, cp)) ++score;
    if (next < 0x80 && ScriptsClash(cp, next)) ++score;
    if (IsRareLatin1Letter(cp)) ++score;
    if (ScriptOf(cp) == Script::kLatin) {
      if (++accented_run == 3) ++score;
    } else {
      accented_run = 0;
    }
  }
  return score;
}

// uchardet says "WINDOWS-1251" and "SHIFT_JIS"; print the IANA spelling.
std::string DisplayName(const std::string& charset) {
  if (StartsWith(charset, "WINDOWS-")) return "windows-" + charset.substr(8);
  if (charset == "SHIFT_JIS") return "Shift_JIS";
  return charset;
}

// The part of a legacy file that tells its encoding: a long ASCII preamble
// (headers, markup) says nothing, so the sample starts shortly before the
// first non-ASCII byte. Cutting inside ASCII cannot split a character.
std::string_view LegacySample(std::string_view bytes) {
  size_t first_high = 0;
  while (first_high < bytes.size() &&
         static_cast<unsigned char>(bytes[first_high]) < 0x80) {
    ++first_high;
  }
  const size_t start =
      first_high > kSampleLeadIn ? first_high - kSampleLeadIn : 0;
  return bytes.substr(start, kSampleBytes);
}

void DecodeLegacy(std::string_view bytes, DecodedText* text) {
  const std::string_view sample = LegacySample(bytes);
  const std::string charset = GuessCharset(sample);
  if (!MeansWindows1252(charset)) {
    const bool sample_is_cut =
        sample.data() + sample.size() < bytes.data() + bytes.size();
    std::string guessed;
    bool guessed_repaired = false;
    if (IconvDecode(charset, sample, sample_is_cut, &guessed,
                    &guessed_repaired)) {
      std::string baseline;
      bool baseline_repaired = false;
      DecodeWindows1252(sample, &baseline, &baseline_repaired);
      if (Implausibility(guessed) < Implausibility(baseline)) {
        bool converted = true;
        if (sample.size() != bytes.size()) {
          guessed.clear();
          guessed_repaired = false;
          converted =
              IconvDecode(charset, bytes, false, &guessed, &guessed_repaired);
        }
        if (converted) {
          text->utf8 = std::move(guessed);
          text->repaired = guessed_repaired;
          text->encoding = DisplayName(charset);
          return;
        }
      }
    }
  }
  DecodeWindows1252(bytes, &text->utf8, &text->repaired);
  text->encoding = HasC1Byte(bytes) ? "windows-1252" : "ISO-8859-1";
}

bool IsWhitespace(char32_t cp) {
  switch (cp) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\v':
    case U'\f':
    case U'\r':
    case 0x0085:  // next line
    case 0x180E:  // Mongolian vowel separator
    case 0x200B:  // zero-width space
    case 0x2060:  // word joiner
    case 0xFEFF:  // a stray BOM
      return true;
    default:
      break;
  }
  if (cp < 0x80) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return true;
    default:
      return false;
  }
}

bool IsWhitespaceOnly(std::string_view utf8) {
  const auto* s = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  auto left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(s, left, &cp);
    if (len <= 0 || !IsWhitespace(static_cast<char32_t>(cp))) return false;
    s += len;
    left -= len;
  }
  return true;
}

// The checks every decoding path ends with (decode.h, step 7).
DecodeResult Finish(DecodedText text) {
  if (text.utf8.empty()) return NotText::kEmpty;
  const size_t nul = text.utf8.find('\0');
  if (nul != std::string::npos) {
    if (nul < kBinarySniffBytes) return NotText::kBinary;
    std::string cleaned;
    cleaned.reserve(text.utf8.size() + 16);
    for (const char ch : text.utf8) {
      if (ch == '\0') {
        AppendUtf8(kReplacementChar, &cleaned);
      } else {
        cleaned.push_back(ch);
      }
    }
    text.utf8 = std::move(cleaned);
    text.repaired = true;
  }
  if (IsWhitespaceOnly(text.utf8)) return NotText::kWhitespaceOnly;
  return DecodeResult(std::move(text));
}

}  // namespace

std::string_view NotTextReason(NotText reason) {
  switch (reason) {
    case NotText::kEmpty:
      return "empty file";
    case NotText::kWhitespaceOnly:
      return "whitespace only";
    case NotText::kBinary:
      return "binary file (NUL bytes)";
    case NotText::kBinaryBytes:
      return "binary file (control bytes, no words)";
  }
  return "not text";
}

DecodeResult DecodeToUtf8(std::string_view bytes) {
  if (bytes.empty()) return NotText::kEmpty;
  DecodedText text;

  // UTF-32 first: its LE mark begins with the UTF-16 LE one.
  if (StartsWith(bytes, std::string_view("\xFF\xFE\0\0", 4)) ||
      StartsWith(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
    const bool big_endian = bytes[0] == '\0';
    DecodeUtf32(bytes.substr(4), big_endian, &text.utf8, &text.repaired);
    text.encoding = big_endian ? "UTF-32BE" : "UTF-32LE";
    return Finish(std::move(text));
  }
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    const bool big_endian = bytes[0] == '\xFE';
    DecodeUtf16(bytes.substr(2), big_endian, &text.utf8, &text.repaired);
    text.encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
    return Finish(std::move(text));
  }
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    // A UTF-8 mark outweighs any detector: repair rather than reinterpret.
    const std::string_view body = bytes.substr(3);
    if (IsValidUtf8(body)) {
      text.utf8.assign(body);
    } else {
      text.utf8 = RepairUtf8(body);
      text.repaired = true;
    }
    text.encoding = "UTF-8 (BOM)";
    return Finish(std::move(text));
  }

  const std::string_view head = bytes.substr(0, kBinarySniffBytes);
  if (head.find('\0') != std::string_view::npos) {
    const std::optional<bool> big_endian = SniffBomlessUtf16BigEndian(head);
    if (!big_endian) return NotText::kBinary;
    DecodeUtf16(bytes, *big_endian, &text.utf8, &text.repaired);
    text.encoding = *big_endian ? "UTF-16BE (no BOM)" : "UTF-16LE (no BOM)";
    return Finish(std::move(text));
  }

  if (HasBinaryControlBytes(head)) return NotText::kBinaryBytes;

  if (IsValidUtf8(bytes)) {
    text.utf8.assign(bytes);
    text.encoding = "UTF-8";
    return Finish(std::move(text));
  }
  const Utf8Census census = CountUtf8Sequences(bytes);
  if (census.multibyte > 0 && census.multibyte >= census.ill_formed) {
    text.utf8 = RepairUtf8(bytes);
    text.repaired = true;
    text.encoding = "UTF-8";
    return Finish(std::move(text));
  }
  DecodeLegacy(bytes, &text);
  if (LooksLikeNoWriting(head, bytes.size(), CodePoints(text.utf8), text.repaired))
    return NotText::kBinaryBytes;
  return Finish(std::move(text));
}

size_t CutLongLines(std::string& text, size_t max_bytes) {
  size_t cut = 0;
  std::string out;
  size_t pos = 0, copied = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl;
    if (end - pos > max_bytes) {
      if (cut == 0) out.reserve(text.size());
      size_t keep = pos + max_bytes;
      // Back up to a lead byte so the cut never splits a character.
      while (keep > pos && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
      out.append(text, copied, keep - copied);
      copied = end;
      ++cut;
    }
    pos = end + 1;
  }
  if (cut) {
    out.append(text, copied, std::string::npos);
    text = std::move(out);
  }
  return cut;
}

std::variant<ArticleText, NotText> DecodeArticleBytes(std::string_view bytes) {
  DecodeResult decoded = DecodeToUtf8(bytes);
  if (const NotText* nt = std::get_if<NotText>(&decoded)) return *nt;
  DecodedText& d = std::get<DecodedText>(decoded);
  ArticleText a{std::move(d.utf8), std::move(d.encoding), d.repaired, 0};
  a.lines_cut = CutLongLines(a.text, kMaxLineBytes);
  return a;
}

}  // namespace lede

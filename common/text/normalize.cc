// Normalization with utf8proc: decompose (NFKD + case fold), drop the combining
// marks of the "diacritical marks" blocks, recompose (NFC).
#include "common/text/normalize.h"

#include <utf8proc.h>

#include <vector>

namespace lede {
namespace {

// Combining marks used as accents on Latin/Greek/Cyrillic letters. Other marks
// (U+3099 dakuten, Devanagari vowel signs...) are part of the letter.
bool IsAccentMark(utf8proc_int32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Letters with a "built-in" stroke that Unicode does not decompose, but that
// readers type without it.
utf8proc_int32_t FoldStroke(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x00F8:  // ø
      return 'o';
    case 0x0142:  // ł
      return 'l';
    case 0x0111:  // đ
      return 'd';
    case 0x0127:  // ħ
      return 'h';
    case 0x0131:  // dotless ı
      return 'i';
    case 0x2019:  // ’ right single quotation mark, used as apostrophe
    case 0x2018:
    case 0x201B:
    case 0x02BC:  // modifier letter apostrophe
    case 0xFF07:
      return '\'';
    default:
      return cp;
  }
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

std::string NormalizeTerm(std::string_view word) {
  if (IsAscii(word)) {
    // Fast path: most news text is ASCII; NFKC and folding reduce to tolower.
    std::string out(word);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }

  // Decode, replacing invalid bytes with U+FFFD so any input is safe.
  std::vector<utf8proc_int32_t> cps;
  cps.reserve(word.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(word.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    cps.push_back(cp);
    p += n;
    left -= n;
  }

  // NFKD + case folding, one code point at a time.
  const auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
  std::vector<utf8proc_int32_t> decomposed;
  decomposed.reserve(cps.size() * 2);
  utf8proc_int32_t buf[32];
  for (utf8proc_int32_t cp : cps) {
    int last_boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 32, options, &last_boundclass);
    if (n < 0 || n > 32) {
      decomposed.push_back(0xFFFD);
      continue;
    }
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
      utf8proc_int32_t c = buf[i];
      if (IsAccentMark(c)) continue;
      decomposed.push_back(FoldStroke(c));
    }
  }
  if (decomposed.empty()) return {};

  // Canonical ordering + recomposition (NFC) so Hangul and kana stay composed.
  std::vector<utf8proc_int32_t> work(decomposed.size() + 1);
  std::copy(decomposed.begin(), decomposed.end(), work.begin());
  utf8proc_ssize_t len = utf8proc_normalize_utf32(
      work.data(), static_cast<utf8proc_ssize_t>(decomposed.size()),
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (len < 0) len = 0;

  std::string out;
  out.reserve(static_cast<size_t>(len) * 3);
  utf8proc_uint8_t enc[4];
  for (utf8proc_ssize_t i = 0; i < len; ++i) {
    utf8proc_ssize_t n = utf8proc_encode_char(work[static_cast<size_t>(i)], enc);
    out.append(reinterpret_cast<const char*>(enc), static_cast<size_t>(n));
  }
  return out;
}

}  // namespace lede

// UTF-8 validation and repair (see utf8.h for the contract).
#include "common/text/utf8.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

#include <utf8proc.h>

namespace lede {

namespace {

// Length of the well-formed sequence starting at s[0] (1..4), or 0 when the
// sequence is ill-formed, in which case *bad receives the length of its
// maximal subpart (>= 1). Follows Unicode Table 3-7: the second byte range
// depends on the lead byte, which is what rules out overlongs (E0, F0),
// surrogates (ED) and values above U+10FFFF (F4) without decoding.
size_t ScanSequence(const unsigned char* s, size_t n, size_t* bad) {
  const unsigned char lead = s[0];
  if (lead < 0x80) return 1;
  size_t trail = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail = 2;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail = 3;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t i = 1; i <= trail; ++i) {
    if (i >= n || s[i] < lo || s[i] > hi) {
      *bad = i;
      return 0;
    }
    lo = 0x80;
    hi = 0xBF;
  }
  return trail + 1;
}

// Skips the ASCII prefix of s[i..n) eight bytes at a time: news text is mostly
// ASCII, and this keeps validation of a large file close to memchr speed.
size_t SkipAscii(const unsigned char* s, size_t i, size_t n) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, s + i, sizeof word);
    if ((word & kHighBits) != 0) break;
    i += 8;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (true) {
    i = SkipAscii(s, i, n);
    if (i >= n) return true;
    size_t bad = 0;
    const size_t len = ScanSequence(s + i, n - i, &bad);
    if (len == 0) return false;
    i += len;
  }
}

std::string RepairUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  std::string out;
  out.reserve(n + 16);
  size_t i = 0;
  while (i < n) {
    const size_t ascii_end = SkipAscii(s, i, n);
    out.append(bytes.data() + i, ascii_end - i);
    i = ascii_end;
    if (i >= n) break;
    size_t bad = 0;
    const size_t len = ScanSequence(s + i, n - i, &bad);
    if (len > 0) {
      out.append(bytes.data() + i, len);
      i += len;
    } else {
      AppendUtf8(kReplacementChar, &out);
      i += bad;
    }
  }
  return out;
}

Utf8Census CountUtf8Sequences(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  Utf8Census census;
  size_t i = 0;
  while (true) {
    i = SkipAscii(s, i, n);
    if (i >= n) return census;
    size_t bad = 0;
    const size_t len = ScanSequence(s + i, n - i, &bad);
    if (len > 0) {
      ++census.multibyte;
      i += len;
    } else {
      ++census.ill_formed;
      i += bad;
    }
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int32_t DecodeMultibyteUtf8At(std::string_view bytes, size_t i, size_t* len) {
  utf8proc_int32_t c = -1;
  const utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + i),
      static_cast<utf8proc_ssize_t>(bytes.size() - i), &c);
  if (n <= 0) {
    *len = 1;
    return -1;
  }
  *len = static_cast<size_t>(n);
  return c;
}

}  // namespace lede

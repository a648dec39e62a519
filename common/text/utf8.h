// UTF-8 well-formedness: the one place that decides what valid UTF-8 is and
// how broken bytes are repaired, so the index never holds invalid UTF-8.
#ifndef LEDE_COMMON_TEXT_UTF8_H_
#define LEDE_COMMON_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lede {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// True when bytes is well-formed UTF-8 as defined by Unicode (Table 3-7):
// no overlong forms, no encoded surrogates (U+D800..U+DFFF), nothing above
// U+10FFFF, no truncated or stray continuation bytes. NUL bytes are valid.
bool IsValidUtf8(std::string_view bytes);

// bytes with every ill-formed sequence replaced by U+FFFD, one U+FFFD per
// "maximal subpart" (the Unicode/WHATWG recommended practice, also what
// Python and browsers do): "\xF0\x9F\x98" (truncated) gives one U+FFFD,
// "\xC0\xAF" (overlong) and "\xED\xA0\x80" (a surrogate) give one per byte.
// Valid input comes back unchanged.
std::string RepairUtf8(std::string_view bytes);

// What a pass over bytes finds: well-formed sequences of two to four bytes,
// and ill-formed maximal subparts (each one U+FFFD in RepairUtf8). The
// decoder weighs the two to tell damaged UTF-8 from a legacy encoding.
struct Utf8Census {
  size_t multibyte = 0;
  size_t ill_formed = 0;
};
Utf8Census CountUtf8Sequences(std::string_view bytes);

// Appends code point cp to *out as UTF-8. A surrogate or a value above
// U+10FFFF is not a Unicode scalar value and is appended as U+FFFD.
void AppendUtf8(char32_t cp, std::string* out);

// The code point at bytes[i] (i < bytes.size()) and its length in *len. An
// ill-formed sequence gives -1 with *len = 1, so a loop always advances and
// treats each bad byte as one unknown character. Every module that walks code
// points walks them with this.
int32_t DecodeMultibyteUtf8At(std::string_view bytes, size_t i, size_t* len);
inline int32_t DecodeUtf8At(std::string_view bytes, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(bytes[i]);
  if (b < 0x80) {  // most text is ASCII: no library call
    *len = 1;
    return b;
  }
  return DecodeMultibyteUtf8At(bytes, i, len);
}

}  // namespace lede

#endif  // LEDE_COMMON_TEXT_UTF8_H_

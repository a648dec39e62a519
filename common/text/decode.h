// Input decoding: turns the raw bytes of an input file into valid UTF-8, or
// says why the file is not text, so everything after reading sees only UTF-8.
#ifndef LEDE_COMMON_TEXT_DECODE_H_
#define LEDE_COMMON_TEXT_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace lede {

// Why a file is skipped instead of indexed. Not an error: an archive holds
// images and empty files, and the indexer reports them and moves on, so the
// decoder returns the reason as a value (an expected absence is a
// value). Callers that do want an exception can throw
// InputError(std::string(NotTextReason(r))).
enum class NotText {
  kEmpty,           // no bytes, or nothing left after a byte order mark
  kWhitespaceOnly,  // only spaces, tabs, line breaks, NBSP, U+3000, ZWSP...
  kBinary,          // a U+0000 in the first kBinarySniffBytes bytes
  kBinaryBytes,     // no NUL, but control bytes or no words (steps 3b and 6)
};

// One line for the summary and the --report file: "empty file",
// "whitespace only", "binary file (NUL bytes)", "binary file (control bytes,
// no words)".
std::string_view NotTextReason(NotText reason);

// How far into a file a NUL marks it as binary (git and grep look at the same
// order of bytes). NULs further in become U+FFFD and set `repaired`.
inline constexpr size_t kBinarySniffBytes = 8192;

struct DecodedText {
  std::string
      utf8;  // always valid UTF-8 (IsValidUtf8), byte order mark removed
  // What the bytes were read as: "UTF-8", "UTF-8 (BOM)", "UTF-16LE",
  // "UTF-16BE", "UTF-16LE (no BOM)", "UTF-16BE (no BOM)", "UTF-32LE",
  // "UTF-32BE", "windows-1252", "ISO-8859-1", or a name from uchardet for
  // other legacy encodings ("KOI8-R", "windows-1251", "Shift_JIS",
  // "ISO-8859-2", "GB18030", "EUC-JP", ...).
  std::string encoding;
  // True when some input could not be decoded (invalid UTF-8, an unpaired
  // UTF-16 surrogate, a byte the encoding leaves undefined, a NUL past the
  // sniffed prefix) and was replaced with U+FFFD.
  bool repaired = false;
};

using DecodeResult = std::variant<DecodedText, NotText>;

// Decodes the whole content of one file. Never throws on any input (only
// std::bad_alloc can escape), and always returns valid UTF-8.
//
// Order of decisions:
//  1. Zero bytes: kEmpty.
//  2. A byte order mark decides: UTF-32 LE/BE, UTF-8, UTF-16 LE/BE. UTF-16 and
//     UTF-32 pair surrogates; unpaired ones and a dangling odd byte become
//     U+FFFD.
//  3. A NUL byte in the first kBinarySniffBytes: UTF-16 without a BOM when the
//     NULs sit only at odd (LE) or only at even (BE) offsets and the text
//     decodes cleanly (mostly-ASCII UTF-16 from Windows tools); else kBinary.
//  3b. Without a BOM, control bytes no text uses (C0 but tab, line feed,
//     vertical tab, form feed, carriage return and escape; DEL) making up
//     more than 1% of the first kBinarySniffBytes: kBinaryBytes.
//  4. Valid UTF-8 (ASCII included) comes back unchanged: the fast path costs a
//     NUL scan and one validation pass plus the copy.
//  5. Invalid UTF-8 that nevertheless holds at least as many well-formed
//     multi-byte sequences as ill-formed ones is damaged UTF-8: repaired with
//     RepairUtf8.
//  6. Otherwise it is a legacy 8-bit or CJK encoding. libuchardet guesses
//     from 64 KiB starting just before the first non-ASCII byte. Its guess,
//     converted with glibc iconv, is kept only when it reads more plausibly
//     than windows-1252 (fewer symbols inside words, no words mixing
//     scripts, no undecodable bytes): uchardet 0.0.7 has no confidence score
//     and labels short Western text ISO-8859-2, -4 or windows-1258 at random.
//     Anything else, including an encoding iconv does not know, is read as
//     windows-1252, which maps every byte; its five undefined bytes (0x81
//     0x8D 0x8F 0x90 0x9D) become U+FFFD rather than C1 controls. Such text
//     is labelled "ISO-8859-1" when it has no byte in 0x80..0x9F (the two
//     encodings then agree), "windows-1252" otherwise. Bytes iconv rejects
//     become U+FFFD one by one.
//     A legacy reading of bytes that look like no writing is refused as
//     kBinaryBytes: over a quarter of the sniffed bytes are non-ASCII, under
//     1 in 50 is ASCII whitespace, and no multi-byte (CJK) encoding read them
//     cleanly. Words in every alphabetic script are separated by spaces;
//     random or compressed bytes have about 1 in 64.
//  7. Decoded text that is only whitespace: kWhitespaceOnly; nothing at all
//     (a lone BOM): kEmpty. A NUL in the first kBinarySniffBytes of decoded
//     text (e.g. UTF-16 with a BOM holding NUL code units): kBinary.
//
// Not detected: 7-bit encodings (ISO-2022-JP, HZ) pass as ASCII, and UTF-16
// without a BOM whose text is mostly outside Latin-1 is not recognised.
//
// Thread-safe and reentrant: no shared state; every call makes its own
// uchardet and iconv handles.
DecodeResult DecodeToUtf8(std::string_view bytes);

// Lines longer than this are cut (at a character boundary) before
// extraction: a news paragraph is a few KiB, and a single line of tens of
// MiB (a minified page, a log) would only feed junk to the index and time to
// the line classifiers (docs/indexing.md, "Hostile input").
inline constexpr size_t kMaxLineBytes = 64u << 10;

// An article's bytes made ready for extraction.
struct ArticleText {
  std::string text;      // valid UTF-8, no line over kMaxLineBytes
  std::string encoding;  // DecodedText::encoding
  bool repaired = false;
  size_t lines_cut = 0;  // lines shortened to kMaxLineBytes
};

// DecodeToUtf8, then CutLongLines(kMaxLineBytes). Pure; never throws on any
// input (only std::bad_alloc can escape).
std::variant<ArticleText, NotText> DecodeArticleBytes(std::string_view bytes);

// Cuts every line of text (valid UTF-8) longer than max_bytes at the last
// character boundary within max_bytes. Returns how many lines were cut.
size_t CutLongLines(std::string& text, size_t max_bytes);

}  // namespace lede

#endif  // LEDE_COMMON_TEXT_DECODE_H_

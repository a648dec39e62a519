// Reads one input file into text ready for extraction, or says why it is
// skipped (too large, unreadable, not text).
#ifndef LEDE_INDEXER_ARTICLE_LOADER_H_
#define LEDE_INDEXER_ARTICLE_LOADER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lede {

// Files above this size are skipped: no news article is this long, and one
// runaway dump must not exhaust memory. Documented in README.md.
inline constexpr uint64_t kMaxFileBytes = 64ull << 20;

// Lines longer than this are cut (at a character boundary) before
// extraction: a news paragraph is a few KiB, and a single line of tens of
// MiB (a minified page, a log) would only feed junk to the index and time to
// the line classifiers. Documented in README.md and docs/indexing.md.
inline constexpr size_t kMaxLineBytes = 64u << 10;

struct LoadedFile {
  std::string text;      // valid UTF-8
  std::string encoding;  // as detected
  bool repaired = false;
  size_t lines_cut = 0;  // lines shortened to kMaxLineBytes
};

struct LoadOutcome {
  std::optional<LoadedFile> file;  // set when the file is text
  std::string skip_reason;         // set otherwise
  // The file could not be read (permission, I/O error, vanished): it may
  // still hold an article, so an earlier version in the index is kept. False
  // when the bytes were read and are not an article (binary, empty, too large).
  bool unreadable = false;
  std::string content_hash;  // ContentHash of the bytes, when they were read
};

LoadOutcome LoadArticleFile(const std::string& path);

// The part after reading, for tests: decode, cut long lines.
LoadOutcome DecodeArticleBytes(std::string_view bytes);

// Cuts every line of text (valid UTF-8) longer than max_bytes at the last
// character boundary within max_bytes. Returns how many lines were cut.
size_t CutLongLines(std::string& text, size_t max_bytes);

}  // namespace lede

#endif  // LEDE_INDEXER_ARTICLE_LOADER_H_

// Reads one input file into text ready for extraction, or says why it is
// skipped (too large, unreadable, not text).
#ifndef LEDE_INDEXER_ARTICLE_LOADER_H_
#define LEDE_INDEXER_ARTICLE_LOADER_H_

#include <cstdint>
#include <optional>
#include <string>

namespace lede {

// Files above this size are skipped: no news article is this long, and one
// runaway dump must not exhaust memory. Documented in README.md.
inline constexpr uint64_t kMaxFileBytes = 64ull << 20;

struct LoadedFile {
  std::string text;      // valid UTF-8
  std::string encoding;  // as detected
  bool repaired = false;
};

struct LoadOutcome {
  std::optional<LoadedFile> file;  // set when the file is text
  std::string skip_reason;         // set otherwise
};

LoadOutcome LoadArticleFile(const std::string& path);

}  // namespace lede

#endif  // LEDE_INDEXER_ARTICLE_LOADER_H_

// Article extraction: from a text dump of a scraped news page to a clean
// Article (title, body paragraphs, date, source, language), with a reason for
// every line kept or dropped. Pure and deterministic: no I/O, no clock.
#ifndef LEDE_COMMON_EXTRACT_EXTRACT_H_
#define LEDE_COMMON_EXTRACT_EXTRACT_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/extract/article.h"

namespace lede {

// Collection-level evidence: how many files of the collection contain each
// (normalized) line. A line that recurs in many files is boilerplate.
struct LineStats {
  std::unordered_map<uint64_t, uint32_t> files_with_line;  // line hash -> files
  uint32_t total_files = 0;

  // Hash of a line as the stats key it (whitespace-trimmed, case-folded).
  static uint64_t KeyOf(std::string_view line);
  // Adds one file's distinct lines.
  void AddFile(std::string_view text);
  // Adds one file given the KeyOf its distinct non-blank lines (what
  // AddFile would count), e.g. as stored in the index.
  void AddKeys(const std::vector<uint64_t>& keys);
  uint32_t Count(std::string_view line) const;
};

struct ExtractContext {
  const LineStats* line_stats = nullptr;  // may be null (no collection evidence)
  // User overrides: lower-cased alias -> canonical source name.
  const std::map<std::string, std::string>* source_aliases = nullptr;
  // Clean text: keep every line, first line is the title.
  bool plain = false;
};

// text must be valid UTF-8 (callers decode first); any bytes are safe anyway.
Article Extract(std::string_view text, const ExtractContext& context);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_EXTRACT_H_

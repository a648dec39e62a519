// Article extraction: from a text dump of a scraped news page to a clean
// Article (title, body paragraphs, date, source, language), with a reason for
// every line kept or dropped. Pure and deterministic: no I/O, no clock.
#ifndef LEDE_COMMON_EXTRACT_EXTRACT_H_
#define LEDE_COMMON_EXTRACT_EXTRACT_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/article.h"
#include "common/extract/line_stats.h"

namespace lede {

struct ExtractContext {
  const LineStats* line_stats = nullptr;  // may be null (no collection evidence)
  // User overrides: lower-cased alias -> canonical source name.
  const std::map<std::string, std::string>* source_aliases = nullptr;
  // Clean text: keep every line, first line is the title.
  bool plain = false;
  // The publisher the user names for every article (lede-index --publisher,
  // an archive of one site's pages): it wins over what the page says; the
  // input's own metadata (a JSONL field) wins over it. "" for none.
  std::string publisher;
};

// text must be valid UTF-8 (callers decode first); any bytes are safe anyway.
Article Extract(std::string_view text, const ExtractContext& context);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_EXTRACT_H_

// Printing search results: text for people, JSON/JSONL/TSV for scripts. Kept
// apart from searching (ripgrep's grep-printer split). JSON is documented in
// docs/search-json.md; change both together.
#ifndef LEDE_SEARCHER_PRINTER_H_
#define LEDE_SEARCHER_PRINTER_H_

#include <ostream>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "searcher/search_result.h"

namespace lede {

// Identifies the JSON shape; bump on an incompatible change.
inline constexpr const char* kJsonFormat = "lede.search/1";

enum class OutputFormat { kText, kJson, kJsonl, kTsv };

struct TextStyle {
  bool color = false;
  size_t width = 100;  // terminal width for wrapping snippets
};

void PrintText(const SearchResult& result, const TextStyle& style, std::ostream& out);
// The facets block of the text output: sources, then a month (or year)
// histogram scaled to style.width.
void PrintFacets(const Facets& facets, const TextStyle& style, std::ostream& out);
nlohmann::json FacetsToJson(const Facets& facets);
// A failed query of a batch, as its JSON line.
nlohmann::json ErrorToJson(const std::string& query, const Error& error);
// The whole result as one JSON document.
nlohmann::json ResultToJson(const SearchResult& result);
// One JSON object per hit.
nlohmann::json HitToJson(const Hit& hit);
void PrintTsv(const SearchResult& result, bool header, std::ostream& out);

// JSON text with invalid UTF-8 replaced rather than thrown on, and DEL and
// C1 control characters escaped (\u007f, \u0080..\u009f) so no raw control
// byte reaches a terminal.
std::string DumpJson(const nlohmann::json& j, int indent = -1);

}  // namespace lede

#endif  // LEDE_SEARCHER_PRINTER_H_

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
  std::string cwd;     // the current directory, absolute: paths are shown from it
};

// How a stored path is shown so that it opens from cwd: relative to cwd when
// that is shorter than the absolute path (no "../" climbing past the root),
// else absolute. A relative stored path (older databases) is shown as is.
// Pure.
std::string ShownPath(const std::string& path, const std::string& cwd);

// The paths of the results, each followed by '\n' or, with nul, '\0' (-l).
// Paths are printed as they are, byte for byte, for xargs -0.
void PrintPaths(const SearchResult& result, const TextStyle& style, bool nul, std::ostream& out);

// One article in full (--show): title, date · source · path, id, then the
// cleaned text by paragraph, wrapped, with the words of highlight marked
// (title and paragraphs as HighlightAll makes them; empty: none).
struct ShownArticle {
  schema::StoredArticle article;
  Snippet title;
  std::vector<Snippet> paragraphs;
};
void PrintArticle(const ShownArticle& shown, const TextStyle& style, std::ostream& out);
nlohmann::json ArticleToJson(const ShownArticle& shown, const TextStyle& style);

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

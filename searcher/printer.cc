// Text, JSON and TSV printers.
#include "searcher/printer.h"

#include <cstdio>

#include "searcher/terminal_safe.h"

namespace lede {
namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMatch = "\x1b[1;31m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kPath = "\x1b[35m";
constexpr const char* kReset = "\x1b[0m";

// Snippet text with highlights marked: colors on a terminal, [brackets]
// otherwise so a plain-text reader still sees what matched.
std::string Marked(const Snippet& s, bool color) {
  std::string safe = TerminalSafe(s.text);
  std::string out;
  size_t pos = 0;
  for (const auto& [b, e] : s.highlights) {
    if (b < pos || e > safe.size()) continue;
    out.append(safe, pos, b - pos);
    out += color ? kMatch : "[";
    out.append(safe, b, e - b);
    out += color ? kReset : "]";
    pos = e;
  }
  out.append(safe, pos, std::string::npos);
  return out;
}

// Wraps plain text to width columns (counting code points), indenting lines.
// ANSI sequences are not counted.
std::string Wrap(const std::string& text, size_t width, const std::string& indent) {
  std::string out = indent;
  size_t col = indent.size();
  size_t i = 0;
  while (i < text.size()) {
    size_t sp = text.find(' ', i);
    if (sp == std::string::npos) sp = text.size();
    std::string word = text.substr(i, sp - i);
    size_t visible = 0;
    bool esc = false;
    for (unsigned char c : word) {
      if (c == 0x1b) esc = true;
      else if (esc && c == 'm') esc = false;
      else if (!esc && (c & 0xC0) != 0x80) ++visible;
    }
    if (col > indent.size() && col + 1 + visible > width) {
      out += "\n" + indent;
      col = indent.size();
    } else if (col > indent.size()) {
      out += ' ';
      ++col;
    }
    out += word;
    col += visible;
    i = sp + 1;
  }
  return out;
}

nlohmann::json Ranges(const Snippet& s) {
  nlohmann::json r = nlohmann::json::array();
  for (const auto& [b, e] : s.highlights) r.push_back({b, e});
  return r;
}

}  // namespace

std::string DumpJson(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PrintText(const SearchResult& result, const TextStyle& style, std::ostream& out) {
  if (!result.note.empty()) out << "note: " << result.note << "\n";
  if (result.hits.empty()) {
    out << "no results for: " << TerminalSafe(result.query) << "\n";
    return;
  }
  for (const Hit& h : result.hits) {
    std::string title = h.article.title.empty() ? "(untitled)" : Marked(h.title, style.color);
    out << h.rank << ". " << (style.color ? kBold : "") << title << (style.color ? kReset : "")
        << "\n";
    std::string meta = h.article.date ? FormatIsoDate(*h.article.date) : "date unknown";
    if (h.article.date && h.article.date->precision != DatePrecision::kDay)
      meta = meta.substr(0, h.article.date->precision == DatePrecision::kYear ? 4 : 7);
    meta += " · " + (h.article.source ? TerminalSafe(*h.article.source) : "source unknown");
    out << "   " << (style.color ? kDim : "") << meta << " · " << (style.color ? kReset : "")
        << (style.color ? kPath : "") << TerminalSafe(h.article.path)
        << (style.color ? kReset : "") << "\n";
    if (!h.snippet.text.empty())
      out << Wrap(Marked(h.snippet, style.color), style.width, "   ") << "\n";
    out << "\n";
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s%u matching article%s", result.lower == result.upper ? "" : "about ",
                result.estimate, result.estimate == 1 ? "" : "s");
  out << (style.color ? kDim : "") << buf << " (" << result.hits.size() << " shown)"
      << (style.color ? kReset : "") << "\n";
}

nlohmann::json HitToJson(const Hit& h) {
  nlohmann::json j;
  j["rank"] = h.rank;
  j["score"] = h.score;
  j["id"] = h.article.id;
  j["path"] = h.article.path;
  j["title"] = h.article.title;
  j["date"] = h.article.date ? nlohmann::json(FormatIsoDate(*h.article.date)) : nlohmann::json();
  j["date_precision"] =
      h.article.date ? nlohmann::json(PrecisionName(h.article.date->precision)) : nlohmann::json();
  j["source"] = h.article.source ? nlohmann::json(*h.article.source) : nlohmann::json();
  j["language"] = h.article.language;
  j["snippet"] = h.snippet.text;
  j["snippet_highlights"] = Ranges(h.snippet);
  j["title_highlights"] = Ranges(h.title);
  return j;
}

nlohmann::json ResultToJson(const SearchResult& r) {
  nlohmann::json j;
  j["format"] = kJsonFormat;
  j["query"] = r.query;
  j["total"] = {{"estimate", r.estimate}, {"lower_bound", r.lower}, {"upper_bound", r.upper}};
  j["took_ms"] = r.took_ms;
  if (!r.note.empty()) j["note"] = r.note;
  j["results"] = nlohmann::json::array();
  for (const Hit& h : r.hits) j["results"].push_back(HitToJson(h));
  return j;
}

void PrintTsv(const SearchResult& result, bool header, std::ostream& out) {
  if (header) out << "rank\tscore\tid\tdate\tsource\ttitle\tpath\tsnippet\n";
  // TerminalSafe turns tabs and newlines into '?', so fields never break rows.
  for (const Hit& h : result.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", h.score);
    out << h.rank << '\t' << score << '\t' << TerminalSafe(h.article.id) << '\t'
        << (h.article.date ? FormatIsoDate(*h.article.date) : "") << '\t'
        << TerminalSafe(h.article.source.value_or("")) << '\t' << TerminalSafe(h.article.title)
        << '\t' << TerminalSafe(h.article.path) << '\t' << TerminalSafe(h.snippet.text) << '\n';
  }
}

}  // namespace lede

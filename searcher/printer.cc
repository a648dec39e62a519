// Text, JSON and TSV printers.
#include "searcher/printer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "common/index/schema.h"
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
      if (c == 0x1b)
        esc = true;
      else if (esc && c == 'm')
        esc = false;
      else if (!esc && (c & 0xC0) != 0x80)
        ++visible;
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

// Code points of text, ANSI color sequences not counted.
size_t Visible(const std::string& text) {
  size_t n = 0;
  bool esc = false;
  for (unsigned char c : text) {
    if (c == 0x1b)
      esc = true;
    else if (esc && c == 'm')
      esc = false;
    else if (!esc && (c & 0xC0) != 0x80)
      ++n;
  }
  return n;
}

// Plain text cut to width code points, "…" marking the cut.
std::string Fit(const std::string& text, size_t width) {
  if (Visible(text) <= width || width < 2) return text;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && ++n > width - 1) break;
    out += text[i];
  }
  return out + "\xE2\x80\xA6";
}

// "Xinhua via People's Daily": the agency whose copy it is and the site that
// published it; one name when they are the same outlet or one is unknown.
std::string CreditText(const schema::StoredArticle& a) {
  if (a.agency && a.publisher && schema::SourceKey(*a.agency) != schema::SourceKey(*a.publisher))
    return TerminalSafe(*a.agency) + " via " + TerminalSafe(*a.publisher);
  const std::optional<std::string> credit = a.Source();
  return credit ? TerminalSafe(*credit) : "source unknown";
}

// A field's name in the plural, for the facet lines ("agency" → "agencies").
std::string Plural(std::string_view name) {
  if (!name.empty() && name.back() == 'y') return std::string(name.substr(0, name.size() - 1)) + "ies";
  return std::string(name) + "s";
}

std::string DateText(const std::optional<Date>& date) {
  if (!date) return "date unknown";
  std::string d = FormatIsoDate(*date);
  if (date->precision == DatePrecision::kYear) return d.substr(0, 4);
  if (date->precision == DatePrecision::kMonth) return d.substr(0, 7);
  return d;
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

std::string Weight(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", w);
  return buf;
}

nlohmann::json Ranges(const Snippet& s) {
  nlohmann::json r = nlohmann::json::array();
  for (const auto& [b, e] : s.highlights) r.push_back({b, e});
  return r;
}

// "3 copies of this story: Xinhua, VOA; the others: a/002.txt (VOA),
// b/003.txt": where to find each other copy, at most kCopiesNamed of them.
std::string CopiesLine(const Hit& h, const std::string& cwd) {
  constexpr size_t kCopiesNamed = 5;
  std::vector<std::string> sources;
  for (const std::string& src : CopySources(h.copies)) sources.push_back(TerminalSafe(src));
  std::string line = std::to_string(h.copies.size()) + " copies of this story" +
                     (sources.empty() ? "" : ": " + Join(sources, ", "));
  std::vector<std::string> others;
  size_t more = 0;
  for (const CopyInfo& c : h.copies) {
    if (c.id == h.article.id) continue;
    if (others.size() == kCopiesNamed) {
      ++more;
      continue;
    }
    const std::string where = c.path.empty() ? c.id : ShownPath(c.path, cwd);
    others.push_back(TerminalSafe(where) + (c.source.empty() ? "" : " (" + TerminalSafe(c.source) + ")"));
  }
  if (!others.empty())
    line += "; " + std::string(others.size() + more == 1 ? "the other: " : "the others: ") +
            Join(others, ", ");
  if (more) line += " and " + std::to_string(more) + " more (--all-copies)";
  return line;
}

}  // namespace

std::string ShownPath(const std::string& path, const std::string& cwd) {
  if (path.empty() || path[0] != '/' || cwd.empty() || cwd[0] != '/') return path;
  const std::string rel = std::filesystem::path(path).lexically_relative(cwd).string();
  if (rel.empty() || rel == ".") return path;
  return rel.size() < path.size() ? rel : path;
}

void PrintPaths(const SearchResult& result, const TextStyle& style, bool nul, std::ostream& out) {
  for (const Hit& h : result.hits) out << ShownPath(h.article.path, style.cwd) << (nul ? '\0' : '\n');
}

void PrintArticle(const ShownArticle& shown, const TextStyle& style, std::ostream& out) {
  const char* bold = style.color ? kBold : "";
  const char* dim = style.color ? kDim : "";
  const char* path = style.color ? kPath : "";
  const char* reset = style.color ? kReset : "";
  const size_t width = style.width < 40 ? 40 : style.width;
  const schema::StoredArticle& a = shown.article;
  const std::string title = a.title.empty() ? "(untitled)" : Marked(shown.title, style.color);
  out << bold << Wrap(title, width, "") << reset << "\n";
  out << dim << DateText(a.date) << " · "
      << CreditText(a) << " · " << reset << path
      << TerminalSafe(ShownPath(a.path, style.cwd)) << reset << "\n";
  out << dim << "id: " << TerminalSafe(a.id) << (a.language.empty() ? "" : " · language: " + a.language)
      << reset << "\n";
  for (const Snippet& p : shown.paragraphs) out << "\n" << Wrap(Marked(p, style.color), width, "") << "\n";
}

nlohmann::json ArticleToJson(const ShownArticle& shown, const TextStyle& style) {
  const schema::StoredArticle& a = shown.article;
  nlohmann::json j;
  j["format"] = kJsonFormat;
  j["id"] = a.id;
  j["path"] = a.path;
  j["shown_path"] = ShownPath(a.path, style.cwd);
  j["url"] = a.url ? nlohmann::json(*a.url) : nlohmann::json();
  j["title"] = a.title;
  j["date"] = a.date ? nlohmann::json(FormatIsoDate(*a.date)) : nlohmann::json();
  j["date_precision"] = a.date ? nlohmann::json(PrecisionName(a.date->precision)) : nlohmann::json();
  j["source"] = a.Source() ? nlohmann::json(*a.Source()) : nlohmann::json();
  j["publisher"] = a.publisher ? nlohmann::json(*a.publisher) : nlohmann::json();
  j["agency"] = a.agency ? nlohmann::json(*a.agency) : nlohmann::json();
  j["language"] = a.language;
  j["body"] = a.body;
  j["title_highlights"] = Ranges(shown.title);
  return j;
}

std::string DumpJson(const nlohmann::json& j, int indent) {
  const std::string text = j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  // nlohmann escapes C0 controls only. DEL and the C1 controls (U+0080..
  // U+009F, where U+009B is CSI) would reach a terminal raw through
  // `lede-search --format json | less -R` or a careless jq: escape them too.
  // Their bytes can only occur inside strings, so this keeps the JSON valid.
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto n = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0x7F) {
      out += "\\u007f";
    } else if (c == 0xC2 && n >= 0x80 && n <= 0x9F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(n));
      out += buf;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

void PrintText(const SearchResult& result, const TextStyle& style, std::ostream& out) {
  const char* bold = style.color ? kBold : "";
  const char* dim = style.color ? kDim : "";
  const char* path = style.color ? kPath : "";
  const char* reset = style.color ? kReset : "";
  const size_t width = style.width < 40 ? 40 : style.width;
  // result.note goes to stderr (search_command.cc), not between the results.
  if (result.hits.empty() && (result.estimate > 0 || result.partial > 0)) {
    // -n 0, or an --offset past the end: say what matched.
    out << (result.estimate > 0 ? result.estimate : result.partial) << " matching "
        << (result.collapsed ? "stories" : "articles") << " for: " << TerminalSafe(result.query)
        << "; none shown (-n 0 or --offset past the end)\n";
    if (result.facets) PrintFacets(*result.facets, style, out);
    return;
  }
  if (result.hits.empty()) {
    out << "no results for: " << TerminalSafe(result.query) << "\n";
    if (!result.suggestion.empty())
      out << "did you mean: " << bold << TerminalSafe(result.suggestion) << reset << "?\n";
    if (result.facets) PrintFacets(*result.facets, style, out);
    return;
  }
  for (const Hit& h : result.hits) {
    const std::string number = std::to_string(h.rank) + ". ";
    std::string title = h.article.title.empty() ? "(untitled)" : Marked(h.title, style.color);
    std::string wrapped = Wrap(title, width, std::string(number.size(), ' '));
    out << number << bold << wrapped.substr(number.size()) << reset << "\n";
    std::string meta = DateText(h.article.date) + " · " +
                       CreditText(h.article) +
                       " · ";
    const size_t room = width > 3 + Visible(meta) ? width - 3 - Visible(meta) : 10;
    // An article with a URL (a WARC page, a JSONL line) is shown by it: its
    // file may hold thousands of articles.
    const std::string where =
        h.article.url ? *h.article.url : ShownPath(h.article.path, style.cwd);
    out << "   " << dim << meta << reset << path << Fit(TerminalSafe(where), room) << reset << "\n";
    if (!h.snippet.text.empty()) out << Wrap(Marked(h.snippet, style.color), width, "   ") << "\n";
    if (h.copies.size() > 1) out << Wrap(dim + CopiesLine(h, style.cwd) + reset, width, "   ") << "\n";
    if (!h.explain.empty()) {
      std::string line = "why: score " + Weight(h.score) + " =";
      for (const TermWeight& t : h.explain)
        line += " " + TerminalSafe(t.term) + " " + Weight(t.weight);
      out << Wrap(dim + line + reset, width, "   ") << "\n";
    }
    out << "\n";
  }
  char buf[128];
  const char* unit = result.collapsed ? "stor" : "article";
  if (result.partial > 0 && result.estimate == 0) {
    std::snprintf(buf, sizeof buf, "no %s has every word; %u %s some (%zu shown)",
                  result.collapsed ? "story" : "article", result.partial,
                  result.partial == 1 ? "has" : "have", result.hits.size());
    out << dim << Wrap(buf, width, "") << reset << "\n";
    if (result.facets) PrintFacets(*result.facets, style, out);
    return;
  }
  const bool one = result.estimate == 1;
  std::snprintf(buf, sizeof buf, "%s%u matching %s%s", result.lower == result.upper ? "" : "about ",
                result.estimate, unit, result.collapsed ? (one ? "y" : "ies") : (one ? "" : "s"));
  // Copies are said to be collapsed only when a result shown stands for some.
  const bool any_copies = std::any_of(result.hits.begin(), result.hits.end(),
                                      [](const Hit& h) { return h.copies.size() > 1; });
  std::string footer =
      std::string(buf) + " (" + std::to_string(result.hits.size()) + " shown" +
      (any_copies ? "; near-identical copies collapsed, --all-copies lists them" : "") + ")";
  out << dim << Wrap(footer, width, "") << reset << "\n";
  if (result.facets) PrintFacets(*result.facets, style, out);
}

void PrintFacets(const Facets& f, const TextStyle& style, std::ostream& out) {
  const char* dim = style.color ? kDim : "";
  const char* reset = style.color ? kReset : "";
  const size_t width = style.width < 40 ? 40 : style.width;
  out << "\n"
      << dim << "facets over " << f.articles << " matching article" << (f.articles == 1 ? "" : "s")
      << " (copies counted one by one)" << reset << "\n";
  // A line per facet counted by articles ("publishers: VOA 12 · ..."); the
  // credit (source) repeats the publisher or the agency, so only JSON has
  // it; the date facets make the histogram.
  for (const FacetValues& v : f.fields) {
    if (v.order != schema::Facet::kByCount || v.field == schema::FieldId::kSource) continue;
    std::string line = Plural(v.name) + ":";
    for (const FacetCount& c : v.values)
      line += " " + TerminalSafe(c.value) + " " + std::to_string(c.count) + " ·";
    if (v.unknown) line += " unknown " + std::to_string(v.unknown) + " ·";
    if (line.back() == '\xB7') line.resize(line.size() - 3);  // drop the last " ·"
    out << Wrap(line, width, "  ") << "\n";
  }
  const std::vector<HistogramBar> bars = DateHistogram(f, 40);
  if (!bars.empty()) {
    Xapian::doccount most = 1;
    size_t label = 0, digits = 1;
    for (const HistogramBar& b : bars) {
      most = std::max(most, b.count);
      label = std::max(label, b.label.size());
    }
    digits = std::to_string(most).size();
    const size_t room = width > label + digits + 6 ? width - label - digits - 6 : 10;
    out << "  " << (bars.front().label.size() == 4 ? "by year:" : "by month:") << "\n";
    for (const HistogramBar& b : bars) {
      const size_t len =
          b.count == 0 ? 0 : std::max<size_t>(1, static_cast<size_t>(b.count) * room / most);
      std::string bar;
      for (size_t i = 0; i < len; ++i) bar += "\xE2\x96\x88";  // █
      char count[32];
      std::snprintf(count, sizeof count, "%*u", static_cast<int>(digits), b.count);
      out << "  " << b.label << std::string(label - b.label.size(), ' ') << " " << count << " "
          << bar << "\n";
    }
  }
  const Xapian::doccount undated = f.Of(schema::FieldId::kYear).unknown;
  if (undated) out << "  date unknown: " << undated << "\n";
}

nlohmann::json HitToJson(const Hit& h) {
  nlohmann::json j;
  j["rank"] = h.rank;
  j["score"] = h.score;
  j["id"] = h.article.id;
  j["path"] = h.article.path;
  j["url"] = h.article.url ? nlohmann::json(*h.article.url) : nlohmann::json();
  j["title"] = h.article.title;
  j["date"] = h.article.date ? nlohmann::json(FormatIsoDate(*h.article.date)) : nlohmann::json();
  j["date_precision"] =
      h.article.date ? nlohmann::json(PrecisionName(h.article.date->precision)) : nlohmann::json();
  j["source"] = h.article.Source() ? nlohmann::json(*h.article.Source()) : nlohmann::json();
  j["publisher"] = h.article.publisher ? nlohmann::json(*h.article.publisher) : nlohmann::json();
  j["agency"] = h.article.agency ? nlohmann::json(*h.article.agency) : nlohmann::json();
  j["language"] = h.article.language;
  j["snippet"] = h.snippet.text;
  j["snippet_highlights"] = Ranges(h.snippet);
  j["title_highlights"] = Ranges(h.title);
  nlohmann::json copies = nlohmann::json::array();
  for (const CopyInfo& c : h.copies)
    copies.push_back({{"id", c.id},
                      {"path", c.path},
                      {"source", c.source.empty() ? nlohmann::json() : nlohmann::json(c.source)}});
  j["copies"] = {{"count", h.copies.empty() ? size_t{1} : h.copies.size()},
                 {"sources", CopySources(h.copies)},
                 {"articles", copies}};
  if (!h.explain.empty()) {
    nlohmann::json terms = nlohmann::json::array();
    for (const TermWeight& t : h.explain) terms.push_back({{"term", t.term}, {"weight", t.weight}});
    j["explain"] = terms;
  }
  return j;
}

nlohmann::json FacetsToJson(const Facets& f) {
  auto list = [](const std::vector<FacetCount>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const FacetCount& c : v) a.push_back({{"value", c.value}, {"count", c.count}});
    return a;
  };
  nlohmann::json j = {{"counts", "articles"}, {"articles", f.articles}};
  for (const FacetValues& v : f.fields)
    j[std::string(v.name)] = {{"values", list(v.values)}, {"unknown", v.unknown}};
  return j;
}

nlohmann::json ErrorToJson(const std::string& query, const Error& e) {
  return {{"format", kJsonFormat},
          {"query", query},
          {"error", {{"message", e.what()}, {"exit_code", e.exit_code()}}}};
}

nlohmann::json ResultToJson(const SearchResult& r) {
  nlohmann::json j;
  j["format"] = kJsonFormat;
  j["query"] = r.query;
  j["total"] = {{"estimate", r.estimate},
                {"lower_bound", r.lower},
                {"upper_bound", r.upper},
                {"exact", r.exact},
                {"counts", r.collapsed ? "stories" : "articles"}};
  // No match has every word: how many have some (the results shown).
  if (r.partial > 0) j["total"]["partial"] = r.partial;
  j["took_ms"] = r.took_ms;
  if (!r.note.empty()) j["note"] = r.note;
  j["results"] = nlohmann::json::array();
  for (const Hit& h : r.hits) j["results"].push_back(HitToJson(h));
  if (!r.suggestion.empty()) j["suggestion"] = r.suggestion;
  if (r.facets) j["facets"] = FacetsToJson(*r.facets);
  return j;
}

void PrintTsv(const SearchResult& result, bool header, std::ostream& out) {
  if (header) out << "rank\tscore\tid\tdate\tsource\ttitle\tpath\tsnippet\tcopies\n";
  // TerminalSafe turns tabs and newlines into '?', so fields never break rows.
  for (const Hit& h : result.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", h.score);
    out << h.rank << '\t' << score << '\t' << TerminalSafe(h.article.id) << '\t'
        << (h.article.date ? FormatIsoDate(*h.article.date) : "") << '\t'
        << TerminalSafe(h.article.Source().value_or("")) << '\t' << TerminalSafe(h.article.title)
        << '\t' << TerminalSafe(h.article.path) << '\t' << TerminalSafe(h.snippet.text) << '\t'
        << (h.copies.empty() ? size_t{1} : h.copies.size()) << '\n';
  }
}

}  // namespace lede

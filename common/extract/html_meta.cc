// Reading a page's own metadata (see html_meta.h). JSON-LD is parsed with a
// real JSON parser; pages often put raw line breaks inside its strings, which
// are made spaces before a second try.
#include "common/extract/html_meta.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "common/extract/date_parse.h"

namespace lede {
namespace {

using nlohmann::json;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsAbsoluteUrl(std::string_view u) {
  return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0;
}

// Schema.org types whose datePublished and headline are the story's.
bool IsArticleType(const std::string& t) {
  static const char* const kTypes[] = {
      "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
      "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
      "liveblogposting", "report", "scholarlyarticle", "techarticle", "socialmediaposting",
      "posting", "advertisercontentarticle", "satiricalarticle", "medicalscholarlyarticle"};
  std::string l = Lower(t);
  size_t slash = l.find_last_of("/:");
  if (slash != std::string::npos) l = l.substr(slash + 1);
  for (const char* k : kTypes) {
    if (l == k) return true;
  }
  return false;
}

bool HasType(const json& obj, bool (*pred)(const std::string&)) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  if (it->is_string()) return pred(it->get<std::string>());
  if (it->is_array()) {
    for (const json& t : *it) {
      if (t.is_string() && pred(t.get<std::string>())) return true;
    }
  }
  return false;
}

bool IsPageType(const std::string& t) {
  std::string l = Lower(t);
  return l == "webpage" || l == "itempage" || l == "collectionpage";
}

bool IsOrgType(const std::string& t) {
  std::string l = Lower(t);
  return l == "organization" || l == "newsmediaorganization" || l == "website" ||
         l == "corporation";
}

std::string StringOf(const json& v) {
  if (v.is_string()) return std::string(Trim(v.get<std::string>()));
  if (v.is_array() && !v.empty()) return StringOf(v.front());
  if (v.is_object()) {
    for (const char* k : {"name", "@value", "url", "@id"}) {
      auto it = v.find(k);
      if (it != v.end() && it->is_string()) return std::string(Trim(it->get<std::string>()));
    }
  }
  return "";
}

std::string Field(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? std::string() : StringOf(*it);
}

// Every object in a JSON-LD document, depth first (arrays, @graph, nested
// values), at most a bounded number so a huge blob stays cheap.
void CollectObjects(const json& j, std::vector<const json*>* out, int depth) {
  if (depth > 16 || out->size() > 2000) return;
  if (j.is_object()) {
    out->push_back(&j);
    for (const auto& kv : j.items()) {
      if (kv.value().is_structured()) CollectObjects(kv.value(), out, depth + 1);
    }
  } else if (j.is_array()) {
    for (const json& v : j) CollectObjects(v, out, depth + 1);
  }
}

json ParseJsonLd(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_discarded()) return j;
  std::string fixed = text;
  for (char& c : fixed) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  // Stray HTML comment markers and a trailing semicolon.
  std::string_view t = Trim(fixed);
  if (t.rfind("<!--", 0) == 0) t.remove_prefix(4);
  if (t.size() >= 3 && t.substr(t.size() - 3) == "-->") t.remove_suffix(3);
  t = Trim(t);
  if (!t.empty() && t.back() == ';') t.remove_suffix(1);
  return json::parse(t, nullptr, false);
}

int Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool ValidDay(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
  return true;
}

void AddDate(std::optional<MetaDate>* slot, std::string_view value, const std::string& from) {
  if (*slot) return;
  if (auto d = ParseMetaDate(value)) {
    d->from = from;
    *slot = std::move(d);
  }
}

}  // namespace

std::optional<MetaDate> ParseMetaDate(std::string_view value) {
  std::string_view v = Trim(value);
  MetaDate out;
  out.evidence = std::string(v.substr(0, 80));
  const int y = Digits(v, 0, 4);
  if (y >= 0) {
    size_t pos = 4;
    int m = -1, d = -1;
    if (pos < v.size() && (v[pos] == '-' || v[pos] == '/' || v[pos] == '.')) {
      m = Digits(v, pos + 1, 2);
      if (m >= 0 && pos + 3 < v.size() && v[pos + 3] == v[pos]) {
        d = Digits(v, pos + 4, 2);
        pos += 6;
      } else if (m >= 0) {
        pos += 3;
      }
    } else if (Digits(v, 4, 4) >= 0) {  // 20191119
      m = Digits(v, 4, 2);
      d = Digits(v, 6, 2);
      pos = 8;
    }
    if (m >= 1 && d >= 1 && ValidDay(y, m, d)) {
      out.date = Date{y, m, d, DatePrecision::kDay};
      if (pos < v.size() && (v[pos] == 'T' || v[pos] == ' ') && Digits(v, pos + 1, 2) >= 0) {
        out.has_time = true;
        std::string_view rest = v.substr(pos + 1);
        out.utc = rest.find('Z') != std::string_view::npos ||
                  rest.find("+00:00") != std::string_view::npos ||
                  rest.find("+0000") != std::string_view::npos ||
                  rest.find("GMT") != std::string_view::npos ||
                  rest.find("UTC") != std::string_view::npos;
      }
      return out;
    }
    if (m >= 1 && m <= 12 && d < 0 && y >= 1900 && y <= 2100 &&
        (pos >= v.size() || !std::isdigit(static_cast<unsigned char>(v[pos])))) {
      out.date = Date{y, m, 1, DatePrecision::kMonth};
      return out;
    }
  }
  for (const DateMatch& m : FindDates(v)) {
    if (!m.has_year) continue;
    out.date = m.date;
    out.has_time = m.has_time;
    std::string l = Lower(v);
    out.utc = l.find("gmt") != std::string::npos || l.find("utc") != std::string::npos ||
              l.find("+0000") != std::string::npos;
    return out;
  }
  return std::nullopt;
}

std::optional<Date> DateFromUrl(std::string_view url) {
  // Only the path: hosts and query strings carry ids that look like dates.
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view p = url.substr(path);
  p = p.substr(0, p.find_first_of("?#"));
  for (size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] != '/' || (i > 0 && std::isdigit(static_cast<unsigned char>(p[i - 1])))) continue;
    const int y = Digits(p, i + 1, 4);
    if (y < 1990 || y > 2100) continue;
    size_t at = i + 5;
    if (at >= p.size()) continue;
    int m = -1, d = -1;
    if (p[at] == '/' || p[at] == '-' || p[at] == '_') {
      m = Digits(p, at + 1, 2);
      if (m >= 0 && at + 3 < p.size() && (p[at + 3] == '/' || p[at + 3] == '-' || p[at + 3] == '_')) {
        d = Digits(p, at + 4, 2);
        at += 6;
      } else {
        at += 3;
      }
    } else if (std::isdigit(static_cast<unsigned char>(p[at]))) {
      m = Digits(p, at, 2);
      d = Digits(p, at + 2, 2);
      at += 4;
    }
    if (at < p.size() && std::isdigit(static_cast<unsigned char>(p[at]))) continue;
    if (m >= 1 && d >= 1 && ValidDay(y, m, d)) return Date{y, m, d, DatePrecision::kDay};
    if (m >= 1 && m <= 12 && d < 0) return Date{y, m, 1, DatePrecision::kMonth};
  }
  return std::nullopt;
}

std::vector<std::string> TitleParts(std::string_view title) {
  static const char* const kSeparators[] = {
      " | ",          " - ",          " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
      " \xC2\xB7 ",   " \xE2\x80\xA2 ", " \xC2\xBB ",   " // ",           " \xE2\x80\xBA ",
      " ~ ",          " \xEF\xBD\x9C "};
  std::vector<std::string> parts;
  std::string_view rest = Trim(title);
  while (!rest.empty()) {
    size_t best = std::string_view::npos;
    size_t len = 0;
    for (const char* s : kSeparators) {
      size_t at = rest.find(s);
      if (at < best) {
        best = at;
        len = std::char_traits<char>::length(s);
      }
    }
    std::string_view part = Trim(rest.substr(0, best));
    if (!part.empty()) parts.emplace_back(part);
    if (best == std::string_view::npos) break;
    rest = rest.substr(best + len);
  }
  return parts;
}

PageMeta ReadPageMeta(const HtmlPage& page) {
  PageMeta meta;
  auto find_meta = [&](std::string_view key) -> std::string {
    for (const auto& [k, v] : page.metas) {
      if (k == key && !v.empty()) return v;
    }
    return "";
  };

  // JSON-LD: the first article-typed object is the story; pages without one
  // often describe themselves as a WebPage.
  std::string ld_headline, ld_published, ld_modified, ld_publisher, ld_url, ld_lang;
  std::string page_published, page_headline, org_name;
  for (const std::string& text : page.json_ld) {
    json doc = ParseJsonLd(text);
    if (doc.is_discarded()) continue;
    std::vector<const json*> objects;
    CollectObjects(doc, &objects, 0);
    for (const json* o : objects) {
      if (HasType(*o, IsArticleType)) {
        if (ld_headline.empty()) ld_headline = Field(*o, "headline");
        if (ld_headline.empty()) ld_headline = Field(*o, "name");
        if (ld_published.empty()) ld_published = Field(*o, "datePublished");
        if (ld_published.empty()) ld_published = Field(*o, "dateCreated");
        if (ld_modified.empty()) ld_modified = Field(*o, "dateModified");
        if (ld_publisher.empty()) ld_publisher = Field(*o, "publisher");
        if (ld_url.empty()) ld_url = Field(*o, "url");
        if (ld_url.empty()) ld_url = Field(*o, "mainEntityOfPage");
        if (ld_lang.empty()) ld_lang = Field(*o, "inLanguage");
      } else if (HasType(*o, IsPageType)) {
        if (page_published.empty()) page_published = Field(*o, "datePublished");
        if (page_headline.empty()) page_headline = Field(*o, "headline");
      } else if (HasType(*o, IsOrgType)) {
        if (org_name.empty()) org_name = Field(*o, "name");
      }
    }
  }

  // Headlines.
  for (const std::string& t :
       {find_meta("og:title"), ld_headline, page_headline, find_meta("twitter:title"),
        find_meta("headline"), page.title_tag}) {
    if (t.empty()) continue;
    if (std::find(meta.titles.begin(), meta.titles.end(), t) == meta.titles.end()) {
      meta.titles.push_back(t);
    }
  }

  // Publisher.
  for (const std::string& s : {find_meta("og:site_name"), ld_publisher,
                               find_meta("application-name"), find_meta("publisher"),
                               find_meta("dc.publisher"), org_name}) {
    if (!s.empty() && !IsAbsoluteUrl(s)) {
      meta.site_name = s;
      break;
    }
  }

  // Address: the canonical link, else what the metadata names.
  for (const std::string& u : {page.canonical, find_meta("og:url"), ld_url}) {
    if (IsAbsoluteUrl(u)) {
      meta.url = u;
      break;
    }
  }

  // Language as declared.
  for (const std::string& l : {page.lang, find_meta("content-language"), ld_lang,
                               find_meta("og:locale"), find_meta("dc.language")}) {
    std::string s = Lower(Trim(l));
    size_t cut = s.find_first_of("-_,; ");
    s = s.substr(0, cut);
    if (s.size() >= 2 && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) {
          return c >= 'a' && c <= 'z';
        })) {
      meta.language = s;
      break;
    }
  }

  // Publication date, most explicit first.
  if (!ld_published.empty()) AddDate(&meta.published, ld_published, "json-ld:datePublished");
  for (const char* key :
       {"article:published_time", "og:article:published_time", "datepublished",
        "article.published", "published_time", "publish-date", "publish_date", "publishdate",
        "pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
        "dcterms.created", "date", "sailthru.date", "parsely-pub-date", "article:published",
        "publication_date", "og:published_time", "datecreated", "originalpublicationdate"}) {
    if (meta.published) break;
    std::string v = find_meta(key);
    if (!v.empty()) AddDate(&meta.published, v, std::string("meta:") + key);
  }
  if (!meta.published && !page_published.empty()) {
    AddDate(&meta.published, page_published, "json-ld:WebPage.datePublished");
  }
  for (const HtmlTime& t : page.times) {
    if (meta.published) break;
    if (!t.pubdate) continue;
    AddDate(&meta.published, t.datetime.empty() ? t.text : t.datetime, "time[pubdate]");
  }
  for (const HtmlTime& t : page.times) {
    if (meta.published) break;
    if (!t.datetime.empty()) AddDate(&meta.published, t.datetime, "time[datetime]");
  }
  if (!meta.published && !meta.url.empty()) {
    if (auto d = DateFromUrl(meta.url)) {
      MetaDate md;
      md.date = *d;
      md.from = "url";
      md.evidence = meta.url.substr(0, 200);
      meta.published = md;
    }
  }
  if (!ld_modified.empty()) AddDate(&meta.modified, ld_modified, "json-ld:dateModified");
  for (const char* key : {"article:modified_time", "og:updated_time", "datemodified"}) {
    std::string v = find_meta(key);
    if (!v.empty()) AddDate(&meta.modified, v, std::string("meta:") + key);
  }
  return meta;
}

}  // namespace lede

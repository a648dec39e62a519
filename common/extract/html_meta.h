// What an HTML page says about itself, in its metadata rather than its text:
// headline candidates (og:title, JSON-LD headline, twitter:title, <title>),
// publication date (JSON-LD datePublished, article:published_time and the
// other common <meta>s, <time pubdate>, then the first <time datetime>, then
// a date in the URL), publisher (og:site_name, JSON-LD publisher), canonical
// URL and declared language. Pure functions over a parsed HtmlPage.
#ifndef LEDE_COMMON_EXTRACT_HTML_META_H_
#define LEDE_COMMON_EXTRACT_HTML_META_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/article.h"
#include "common/extract/html_dom.h"

namespace lede {

struct MetaDate {
  Date date;
  bool has_time = false;  // a clock time came with it
  bool utc = false;       // written in UTC ("Z" or +00:00): the local day may differ
  std::string from;       // "json-ld:datePublished", "meta:article:published_time", ...
  std::string evidence;   // the value as written
};

struct PageMeta {
  // Headline candidates, best source first: og:title, JSON-LD headline,
  // twitter:title, <title>. Each as written (site decoration included).
  std::vector<std::string> titles;
  std::string site_name;  // og:site_name, JSON-LD publisher, application-name
  std::string url;        // canonical link, og:url, JSON-LD url (absolute only)
  std::string language;   // primary subtag, lower case, of <html lang> & co.; "" none
  std::optional<MetaDate> published;
  std::optional<MetaDate> modified;
};

PageMeta ReadPageMeta(const HtmlPage& page);

// "2019-11-19", "2019-11-19T02:24:00Z", "2019-11-19T02:24:00+01:00",
// "20191119", "2019/11/19"; else the first date with a year that FindDates
// sees ("Tue, 19 Nov 2019 02:24:00 GMT"). Year and month alone give a
// month-precision date.
std::optional<MetaDate> ParseMetaDate(std::string_view value);

// "/2019/11/19/slug", "/2019-11-19-slug", "/20191119/": a date in a URL's
// path, or nothing.
std::optional<Date> DateFromUrl(std::string_view url);

// The headline parts of a <title> or og:title, with site decoration split
// off: "Rates rise again | The Daily Planet" gives {"Rates rise again", "The
// Daily Planet"}; a title without separators gives itself.
std::vector<std::string> TitleParts(std::string_view title);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_HTML_META_H_

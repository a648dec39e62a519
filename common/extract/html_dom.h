// An HTML page as extraction sees it: its bytes decoded to UTF-8 (HTTP
// charset, byte order mark, <meta charset>, then detection), parsed by a real
// HTML5 parser (gumbo), and flattened into the sequence of text blocks a
// reader sees (paragraphs, headings, list items, cells), each with what the
// DOM says about it: the element that holds it, how much of it is link text,
// and whether it sits in navigation, an aside, a footer, a figure caption, an
// <article> or <main>. Also what <head> says about the page (meta tags,
// JSON-LD, <title>, canonical link, lang). Pure functions, no I/O.
#ifndef LEDE_COMMON_EXTRACT_HTML_DOM_H_
#define LEDE_COMMON_EXTRACT_HTML_DOM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/text/decode.h"

namespace lede {

// Pages beyond this size are cut before parsing: no news page holds this
// much text, and the parser's memory grows with the input.
inline constexpr size_t kMaxHtmlBytes = size_t{16} << 20;
// Elements nested deeper than this are read as if they were at this depth:
// browsers cap the DOM depth too, and walking stays bounded.
inline constexpr int kMaxHtmlDepth = 256;

// Where a block sits; bits of HtmlBlock::flags and HtmlNode::flags.
enum HtmlFlag : uint32_t {
  kInArticle = 1u << 0,     // inside <article> or an itemprop=articleBody
  kInMain = 1u << 1,        // inside <main> or role=main
  kInNav = 1u << 2,         // <nav>, role=navigation/menu/menubar
  kInAside = 1u << 3,       // <aside>, role=complementary
  kInFooter = 1u << 4,      // <footer>, role=contentinfo
  kInHeader = 1u << 5,      // <header>, role=banner
  kInCaption = 1u << 6,     // <figcaption>, <caption> of a figure
  kInFigure = 1u << 7,      // <figure>
  kInForm = 1u << 8,        // <form>
  kInList = 1u << 9,        // <li>, <dd>, <dt>
  kInTable = 1u << 10,      // <td>, <th>
  kInQuote = 1u << 11,      // <blockquote>
  kNegative = 1u << 12,     // an ancestor's class/id says comment, share, related...
                            // (the nearest ancestor with a telling class decides)
  kPositive = 1u << 13,     // an ancestor's class/id says article, content, story...
  kPre = 1u << 14,          // <pre>
  kInAddress = 1u << 15,    // <address> (bylines)
  kInDialog = 1u << 16,     // <dialog>, role=dialog/alert: cookie and consent boxes
};

// An element that holds blocks, with its parent (-1 for the root).
struct HtmlNode {
  int parent = -1;
  std::string tag;
  int depth = 0;
  uint32_t flags = 0;      // flags of the element and its ancestors
  int class_weight = 0;    // + for article-like class/id words, - for furniture
  bool furniture = false;  // its own class/id names furniture (see ClassWeight)
  std::string label;       // "div.article-body" for --explain
};

// A run of text between block boundaries.
struct HtmlBlock {
  std::string text;        // whitespace collapsed, trimmed, UTF-8
  std::string tag;         // innermost block-level element: "p", "h2", "li", "div"...
  int node = -1;           // that element, in HtmlPage::nodes
  int heading = 0;         // 1..6 for <h1>..<h6>, else 0
  int chars = 0;           // code points of text
  int link_chars = 0;      // code points inside <a href>
  uint32_t flags = 0;      // HtmlFlag bits
  bool blank_before = false;  // a text browser leaves an empty line above it
};

// <time datetime="..."> with its visible text and the block it is in.
struct HtmlTime {
  std::string datetime;
  std::string text;
  int block = -1;          // index of the next block at or after it
  bool pubdate = false;    // pubdate attribute or itemprop=datePublished
};

struct HtmlPage {
  std::string encoding;    // what the bytes were read as
  bool repaired = false;   // some bytes could not be decoded
  bool truncated = false;  // cut at kMaxHtmlBytes
  std::string lang;        // <html lang>, as written
  std::string title_tag;   // <title>, whitespace collapsed
  std::string canonical;   // <link rel=canonical href>
  // <meta> name/property/itemprop/http-equiv (lower-cased) -> content, in
  // page order; <meta itemprop> and elements with itemprop and a content or
  // datetime attribute are included.
  std::vector<std::pair<std::string, std::string>> metas;
  std::vector<std::string> json_ld;  // text of each <script type=application/ld+json>
  std::vector<HtmlTime> times;
  std::vector<HtmlNode> nodes;
  std::vector<HtmlBlock> blocks;
};

// Decodes the page's bytes to valid UTF-8. The charset named by an HTTP
// header wins, then a byte order mark, then bytes that are valid UTF-8
// (saved pages are often re-encoded but keep their old <meta charset>), then
// <meta charset> / http-equiv in the first 4 KiB, then detection
// (DecodeToUtf8). Never throws on any input.
std::string DecodeHtmlBytes(std::string_view bytes, std::string_view http_charset,
                            std::string* encoding, bool* repaired);

// DecodeHtmlBytes, or why the bytes are not a page: empty, whitespace only,
// binary (NUL bytes), as for text input (DecodeToUtf8).
std::variant<DecodedText, NotText> DecodeHtml(std::string_view bytes,
                                              std::string_view http_charset);

// Parses UTF-8 HTML (any bytes are safe) into blocks and head information.
// With skip_hidden, elements marked hidden (the hidden attribute,
// aria-hidden=true, display:none) are left out, as a browser shows them;
// without it they are read too (pages that stream their story into hidden
// elements for a script to reveal).
HtmlPage ParseHtml(std::string_view utf8, bool skip_hidden = true);

// Decodes, then parses.
HtmlPage ParseHtmlBytes(std::string_view bytes, std::string_view http_charset);

// The class and id words of an element as a weight: +25 for words that name
// the story ("article", "content", "story", "body"...), -25 for furniture
// ("comment", "share", "related", "widget", "header"...). furniture is set
// when a word is one that sets the element aside whatever its text
// ("comment", "share", "related", "nav"; not "widget" or "header", which
// wrap stories on some sites). Exposed for tests.
int ClassWeight(std::string_view classes, std::string_view id, bool* furniture);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_HTML_DOM_H_

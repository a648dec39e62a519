// Article extraction from one HTML page: the bytes (and the charset an HTTP
// header gave, if any) to an Article with title, date, publisher, language,
// canonical URL and body paragraphs, and a decision with its reason for
// every text block of the page (--explain). Pure and deterministic.
//
// Metadata comes first from what the page says about itself (html_meta.h),
// checked against what it shows: a headline the page prints as a heading
// wins over the same title with site decoration. The story is found in the
// DOM: navigation, asides, footers, dialogs, captions, link lists and
// elements whose class or id names furniture are set aside; the element that
// gathers the most prose (readability's scoring) bounds the story; within it
// the text extractor's line rules (boilerplate.h) drop bylines, teasers,
// notices and the like, exactly as they do for text dumps.
#ifndef LEDE_COMMON_EXTRACT_HTML_EXTRACT_H_
#define LEDE_COMMON_EXTRACT_HTML_EXTRACT_H_

#include <string_view>
#include <vector>

#include "common/extract/article.h"
#include "common/extract/extract.h"
#include "common/extract/html_dom.h"

namespace lede {

// Any bytes are safe. A page with no text gives an Article with an empty
// body (the caller decides whether that is worth indexing).
Article ExtractHtml(std::string_view bytes, std::string_view http_charset,
                    const ExtractContext& context);

// The same for a page already decoded to UTF-8 (DecodeHtml). With
// page_line_keys, also the page's LineStats keys (KeysOf(HtmlPageText) of
// the page as ParseHtml reads it), from the same parse.
Article ExtractHtmlText(std::string_view utf8, const ExtractContext& context,
                        std::vector<uint64_t>* page_line_keys = nullptr);

// The same for a page already parsed.
Article ExtractHtmlPage(const HtmlPage& page, const ExtractContext& context);

// The page's text as a text browser would show it, one block per line with
// empty lines where the layout leaves them: what the collection statistics
// (LineStats) count for an HTML page.
std::string HtmlPageText(const HtmlPage& page);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_HTML_EXTRACT_H_

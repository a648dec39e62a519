// The HTTP response a WARC "response" record holds: status, headers, and the
// body as the server meant it (chunked transfer and gzip/deflate content
// encodings undone), so the page's charset and media type are known.
#ifndef LEDE_INDEXER_INPUTS_HTTP_RESPONSE_H_
#define LEDE_INDEXER_INPUTS_HTTP_RESPONSE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lede {

// "text/html; charset=UTF-8" → media type "text/html" and charset "utf-8"
// (both lower-cased; charset empty when absent).
struct MediaType {
  std::string type;
  std::string charset;
};
MediaType ParseMediaType(std::string_view content_type);

// True for the media types lede reads as web pages.
bool IsHtmlType(std::string_view media_type);

struct HttpResponse {
  int status = 0;            // 200, 404...
  MediaType content_type;    // from Content-Type; empty when absent
  std::string location;      // Location header (redirects)
  std::string last_modified; // Last-Modified header, as sent
  std::string body;          // decoded body, at most max_body bytes
  std::string body_problem;  // set when the body could not be decoded fully
};

// Parses a full HTTP/1.x response message. Returns nullopt when block does
// not start with a status line and a header section. A broken chunked or
// compressed body keeps what decoded and says so in body_problem.
std::optional<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body);

// Guesses whether bytes of unknown type are an HTML page (a doctype or an
// <html>/<head>/<body> tag near the start, as browsers sniff).
bool LooksLikeHtml(std::string_view bytes);

}  // namespace lede

#endif  // LEDE_INDEXER_INPUTS_HTTP_RESPONSE_H_

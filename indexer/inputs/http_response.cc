// HTTP/1.x response parsing for archived responses (RFC 9112 message syntax).
#include "indexer/inputs/http_response.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace lede {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Undoes "Transfer-Encoding: chunked". Returns false (keeping what decoded)
// when the chunk framing breaks off.
bool Dechunk(std::string_view in, std::string* out, size_t max_body) {
  size_t pos = 0;
  while (pos < in.size()) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view size_line = TrimView(in.substr(pos, eol - pos));
    size_t semi = size_line.find(';');  // chunk extensions
    if (semi != std::string_view::npos) size_line = TrimView(size_line.substr(0, semi));
    if (size_line.empty()) return false;
    size_t size = 0;
    for (char c : size_line) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
              : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                          : -1;
      if (d < 0 || size > (size_t{1} << 40)) return false;
      size = size * 16 + static_cast<size_t>(d);
    }
    pos = eol + 1;
    if (size == 0) return true;
    if (pos + size > in.size()) {
      out->append(in.substr(pos, std::min(max_body - std::min(max_body, out->size()),
                                          in.size() - pos)));
      return false;
    }
    out->append(in.substr(pos, std::min(size, max_body - std::min(max_body, out->size()))));
    pos += size;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
  return false;  // no last (zero) chunk
}

// Inflates gzip, zlib or raw deflate data (servers label all three
// "deflate" or "gzip"). Returns false when the data is damaged.
bool Inflate(std::string_view in, std::string* out, size_t max_body) {
  for (int window : {15 + 32, -15}) {  // auto-detect gzip/zlib, then raw deflate
    z_stream z{};
    if (inflateInit2(&z, window) != Z_OK) return false;
    std::string buf;
    char chunk[64 << 10];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 1u << 30));
    int rc = Z_OK;
    while (rc == Z_OK && buf.size() < max_body) {
      z.next_out = reinterpret_cast<Bytef*>(chunk);
      z.avail_out = sizeof chunk;
      rc = inflate(&z, Z_NO_FLUSH);
      buf.append(chunk, sizeof chunk - z.avail_out);
      if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // input ended early
    }
    inflateEnd(&z);
    if (rc == Z_STREAM_END || buf.size() >= max_body || (!buf.empty() && rc != Z_DATA_ERROR)) {
      if (buf.size() > max_body) buf.resize(max_body);
      *out = std::move(buf);
      return rc == Z_STREAM_END || out->size() >= max_body;
    }
  }
  return false;
}

}  // namespace

MediaType ParseMediaType(std::string_view content_type) {
  MediaType m;
  size_t semi = content_type.find(';');
  m.type = Lower(TrimView(content_type.substr(0, semi)));
  while (semi != std::string_view::npos) {
    size_t next = content_type.find(';', semi + 1);
    std::string_view param = TrimView(content_type.substr(semi + 1, next - semi - 1));
    size_t eq = param.find('=');
    if (eq != std::string_view::npos && Lower(TrimView(param.substr(0, eq))) == "charset") {
      std::string_view v = TrimView(param.substr(eq + 1));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
        v = v.substr(1, v.size() - 2);
      m.charset = Lower(v);
    }
    semi = next;
  }
  return m;
}

bool IsHtmlType(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

bool LooksLikeHtml(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 1024));
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body"})
    if (head.find(tag) != std::string::npos) return true;
  return false;
}

std::optional<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body) {
  if (block.substr(0, 5) != "HTTP/") return std::nullopt;
  size_t eol = block.find('\n');
  if (eol == std::string_view::npos) return std::nullopt;
  HttpResponse r;
  {
    std::string_view status_line = TrimView(block.substr(0, eol));
    size_t sp = status_line.find(' ');
    if (sp == std::string_view::npos) return std::nullopt;
    r.status = std::atoi(std::string(status_line.substr(sp + 1, 3)).c_str());
    if (r.status < 100 || r.status > 999) return std::nullopt;
  }
  bool chunked = false;
  std::string encoding;
  size_t pos = eol + 1;
  for (;;) {
    size_t end = block.find('\n', pos);
    if (end == std::string_view::npos) return std::nullopt;  // no end of headers
    std::string_view line = TrimView(block.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = Lower(TrimView(line.substr(0, colon)));
    std::string_view value = TrimView(line.substr(colon + 1));
    if (name == "content-type") {
      r.content_type = ParseMediaType(value);
    } else if (name == "transfer-encoding") {
      chunked = Lower(value).find("chunked") != std::string::npos;
    } else if (name == "content-encoding") {
      encoding = Lower(value);
    } else if (name == "location") {
      r.location = std::string(value);
    } else if (name == "last-modified") {
      r.last_modified = std::string(value);
    }
  }
  std::string_view body = block.substr(pos);
  std::string dechunked;
  if (chunked) {
    // Archivers differ: some store the body as sent, some already dechunked
    // (keeping the header). A body that does not parse as chunks is taken
    // as it is.
    if (!Dechunk(body, &dechunked, max_body) && dechunked.empty()) {
      dechunked.clear();
    } else {
      body = dechunked;
    }
  }
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    std::string inflated;
    if (Inflate(body, &inflated, max_body)) {
      r.body = std::move(inflated);
    } else if (!inflated.empty()) {
      r.body = std::move(inflated);
      r.body_problem = "compressed body damaged or cut";
    } else if (LooksLikeHtml(body)) {
      r.body = std::string(body.substr(0, max_body));  // already decoded by the archiver
    } else {
      r.body_problem = "cannot decode Content-Encoding " + encoding;
    }
  } else if (encoding.empty() || encoding == "identity") {
    r.body = std::string(body.substr(0, max_body));
  } else {
    r.body_problem = "unsupported Content-Encoding " + encoding;
  }
  return r;
}

}  // namespace lede

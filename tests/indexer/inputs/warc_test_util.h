// Test helpers that write WARC records, HTTP responses and gzip members, so
// reader tests make their own archives (gzip members included).
#ifndef LEDE_TESTS_INDEXER_INPUTS_WARC_TEST_UTIL_H_
#define LEDE_TESTS_INDEXER_INPUTS_WARC_TEST_UTIL_H_

#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace lede::testing {

// One gzip member holding data.
inline std::string GzipMember(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// An HTTP/1.1 response message.
inline std::string HttpMessage(int status, std::string_view content_type, std::string_view body,
                               std::string_view extra_headers = "") {
  std::string m = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
  if (!content_type.empty()) m += "Content-Type: " + std::string(content_type) + "\r\n";
  m += std::string(extra_headers);
  m += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  m += body;
  return m;
}

// A WARC/1.0 record; an empty uri or date leaves the field out.
inline std::string WarcRecord(std::string_view type, std::string_view uri, std::string_view date,
                              std::string_view content_type, std::string_view block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  static int serial = 0;
  r += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" + std::to_string(100000 + ++serial) +
       ">\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  if (!date.empty()) r += "WARC-Date: " + std::string(date) + "\r\n";
  if (!content_type.empty()) r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

// A response record holding an HTTP response.
inline std::string WarcResponse(std::string_view uri, std::string_view date, int status,
                                std::string_view content_type, std::string_view body) {
  return WarcRecord("response", uri, date, "application/http; msgtype=response",
                    HttpMessage(status, content_type, body));
}

}  // namespace lede::testing

#endif  // LEDE_TESTS_INDEXER_INPUTS_WARC_TEST_UTIL_H_

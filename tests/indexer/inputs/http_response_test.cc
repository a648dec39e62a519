#include "indexer/inputs/http_response.h"

#include <gtest/gtest.h>

#include "tests/indexer/inputs/warc_test_util.h"

namespace lede {
namespace {

TEST(HttpResponse, MediaTypeAndCharset) {
  struct Case {
    const char* in;
    const char* type;
    const char* charset;
  } cases[] = {
      {"text/html; charset=UTF-8", "text/html", "utf-8"},
      {"Text/HTML;Charset=\"ISO-8859-1\"", "text/html", "iso-8859-1"},
      {"application/xhtml+xml", "application/xhtml+xml", ""},
      {"text/plain; format=flowed; charset=windows-1252", "text/plain", "windows-1252"},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    MediaType m = ParseMediaType(c.in);
    EXPECT_EQ(m.type, c.type) << c.in;
    EXPECT_EQ(m.charset, c.charset) << c.in;
  }
}

TEST(HttpResponse, StatusHeadersBody) {
  auto r = ParseHttpResponse(
      testing::HttpMessage(200, "text/html; charset=koi8-r", "<p>hi</p>",
                           "Last-Modified: Tue, 05 Mar 2024 10:00:00 GMT\r\n"),
      1 << 20);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->content_type.type, "text/html");
  EXPECT_EQ(r->content_type.charset, "koi8-r");
  EXPECT_EQ(r->last_modified, "Tue, 05 Mar 2024 10:00:00 GMT");
  EXPECT_EQ(r->body, "<p>hi</p>");
}

TEST(HttpResponse, ChunkedAndGzipBodiesAreDecoded) {
  std::string chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
  auto r = ParseHttpResponse(chunked, 1 << 20);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "hello, world");

  std::string gz = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" +
                   testing::GzipMember("<html>page</html>");
  r = ParseHttpResponse(gz, 1 << 20);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "<html>page</html>");
  EXPECT_TRUE(r->body_problem.empty());
}

TEST(HttpResponse, ArchiverDecodedBodiesAreTakenAsTheyAre) {
  // Some crawlers store the decoded body but keep the original headers.
  std::string m = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
                  "<html><body>plain</body></html>";
  auto r = ParseHttpResponse(m, 1 << 20);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "<html><body>plain</body></html>");
}

TEST(HttpResponse, BadMessages) {
  EXPECT_FALSE(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n", 100));
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 100));
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 abc\r\n\r\n", 100));
  auto r = ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx", 100);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->body_problem.empty());
}

TEST(HttpResponse, BodyIsCappedAtMax) {
  auto r = ParseHttpResponse(testing::HttpMessage(200, "text/html", std::string(1000, 'a')), 10);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body.size(), 10u);
}

TEST(HttpResponse, SniffsHtml) {
  EXPECT_TRUE(LooksLikeHtml("\n<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<HTML><BODY>x"));
  EXPECT_FALSE(LooksLikeHtml("just words"));
  EXPECT_FALSE(LooksLikeHtml("\x89PNG\r\n"));
}

}  // namespace
}  // namespace lede

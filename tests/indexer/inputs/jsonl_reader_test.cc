#include "indexer/inputs/jsonl_reader.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/indexer/inputs/warc_test_util.h"

namespace lede {
namespace {

struct ReadOut {
  std::vector<JsonlArticle> articles;
  std::vector<JsonlProblem> problems;
};

ReadOut ReadJsonl(std::string bytes, JsonlFields fields = DefaultJsonlFields(),
                  size_t max_line = 1 << 20) {
  JsonlReader r(std::make_unique<ByteStream>(std::move(bytes), ByteStream::kInMemory), std::move(fields), max_line);
  ReadOut out;
  while (auto a = r.Next()) out.articles.push_back(std::move(*a));
  out.problems = r.problems();
  return out;
}

TEST(JsonlReader, DefaultFieldNames) {
  ReadOut r = ReadJsonl(
      R"({"title":"T1","date":"2024-03-05","source":"Wire","agency":"AFP","url":"https://a/1","text":"Body one."})"
      "\n"
      R"({"headline":"T2","publishedAt":"2024-03-06T08:00:00Z","publisher":{"@type":"Organization","name":"Daily"},"link":"https://a/2","body":"Body two.","lang":"de"})"
      "\n"
      R"({"title":"T3","published":1709625600,"site":"S","content":"Body three.","id":42})"
      "\n");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_TRUE(r.problems.empty());
  const JsonlArticle& a = r.articles[0];
  EXPECT_EQ(a.line, 1u);
  EXPECT_EQ(*a.title, "T1");
  EXPECT_EQ(*a.date, "2024-03-05");
  EXPECT_EQ(*a.publisher, "Wire");  // "source" is the publisher
  EXPECT_EQ(*a.agency, "AFP");
  EXPECT_EQ(*a.url, "https://a/1");
  EXPECT_EQ(a.content, "Body one.");
  EXPECT_FALSE(a.html);
  const JsonlArticle& b = r.articles[1];
  EXPECT_EQ(*b.title, "T2");
  EXPECT_EQ(*b.date, "2024-03-06T08:00:00Z");
  EXPECT_EQ(*b.publisher, "Daily");
  EXPECT_FALSE(b.agency);
  EXPECT_EQ(*b.url, "https://a/2");
  EXPECT_EQ(*b.language, "de");
  const JsonlArticle& c = r.articles[2];
  EXPECT_EQ(*c.date, "2024-03-05");  // Unix seconds
  EXPECT_EQ(*c.id, "42");
  EXPECT_FALSE(c.url);
}

TEST(JsonlReader, HtmlFieldAndMarkupInText) {
  ReadOut r = ReadJsonl(
      R"({"title":"H","html":"<html><body><p>Hi</p></body></html>"})"
      "\n"
      R"({"title":"C","content":"<p>First.</p><p>Second.</p>"})"
      "\n"
      R"({"title":"P","text":"a < b and c > d"})"
      "\n");
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_TRUE(r.articles[0].html);
  EXPECT_TRUE(r.articles[1].html);
  EXPECT_FALSE(r.articles[2].html);
}

TEST(JsonlReader, BadLinesAreReportedWithTheirNumber) {
  ReadOut r = ReadJsonl(
      "\xEF\xBB\xBF{\"title\":\"ok\",\"text\":\"x\"}\r\n"
      "\n"
      "{\"title\":\"broken\",\"text\":\n"
      "[1,2,3]\n"
      "{\"title\":\"no body\"}\n"
      "{\"title\":\"empty body\",\"text\":\"   \"}\n"
      "{\"title\":\"last\",\"text\":\"y\"}");  // no final line end
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].line, 1u);
  EXPECT_EQ(r.articles[1].line, 7u);
  EXPECT_EQ(*r.articles[1].title, "last");
  ASSERT_EQ(r.problems.size(), 4u);
  EXPECT_EQ(r.problems[0].line, 3u);
  EXPECT_NE(r.problems[0].what.find("not valid JSON"), std::string::npos);
  EXPECT_EQ(r.problems[1].line, 4u);
  EXPECT_EQ(r.problems[1].what, "not a JSON object");
  EXPECT_EQ(r.problems[2].line, 5u);
  EXPECT_EQ(r.problems[3].line, 6u);
}

TEST(JsonlReader, FieldMappingAndNestedKeys) {
  JsonlFields f = DefaultJsonlFields();
  MapJsonlField(&f, "title=meta.heading");
  MapJsonlField(&f, "text=story");
  ReadOut r = ReadJsonl(
      R"({"title":"generic","meta":{"heading":"Specific"},"story":"Words.","text":"other"})", f);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(*r.articles[0].title, "Specific");
  EXPECT_EQ(r.articles[0].content, "Words.");
  EXPECT_THROW(MapJsonlField(&f, "author=by"), UsageError);
  EXPECT_THROW(MapJsonlField(&f, "title"), UsageError);
  EXPECT_THROW(MapJsonlField(&f, "title="), UsageError);
}

TEST(JsonlReader, GzipAndLongLines) {
  std::string text = "{\"title\":\"a\",\"text\":\"" + std::string(500, 'x') + "\"}\n"
                     "{\"title\":\"b\",\"text\":\"short\"}\n";
  ReadOut r = ReadJsonl(testing::GzipMember(text), DefaultJsonlFields(), 200);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(*r.articles[0].title, "b");
  EXPECT_EQ(r.articles[0].line, 2u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 1u);
  EXPECT_NE(r.problems[0].what.find("too long"), std::string::npos);
}

TEST(JsonlReader, DamagedGzipIsReported) {
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += "{\"title\":\"t" + std::to_string(i) + "\",\"text\":\"body " + std::to_string(i * 7919) +
            "\"}\n";
  std::string gz = testing::GzipMember(text);
  gz.resize(gz.size() / 2);
  ReadOut r = ReadJsonl(gz);
  EXPECT_GT(r.articles.size(), 0u);
  EXPECT_LT(r.articles.size(), 200u);
  bool truncated = false;
  for (const auto& p : r.problems) truncated |= p.what.find("truncated") != std::string::npos;
  EXPECT_TRUE(truncated);
}

}  // namespace
}  // namespace lede

// What a page says about itself: titles, dates, publisher, URL, language.
#include "common/extract/html_meta.h"

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(HtmlMeta, JsonLdArticleWinsForDateAndPublisher) {
  HtmlPage page = ParseHtml(R"(<html lang="en-GB"><head>
    <title>Rates rise again | The Daily Planet</title>
    <meta property="og:title" content="Rates rise again">
    <meta property="article:published_time" content="2021-03-04T10:00:00Z">
    <script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Planet Site"},
        {"@type":["NewsArticle"],"headline":"Rates rise again, bank says",
         "datePublished":"2021-03-05T09:30:00+01:00",
         "publisher":{"@type":"Organization","name":"The Daily Planet"}}]}
    </script>
    <link rel="canonical" href="https://planet.example/2021/03/05/rates">
    </head><body><p>x</p></body></html>)");
  PageMeta m = ReadPageMeta(page);
  ASSERT_TRUE(m.published);
  EXPECT_EQ(FormatIsoDate(m.published->date), "2021-03-05");
  EXPECT_EQ(m.published->from, "json-ld:datePublished");
  EXPECT_TRUE(m.published->has_time);
  EXPECT_FALSE(m.published->utc);
  EXPECT_EQ(m.site_name, "The Daily Planet");
  EXPECT_EQ(m.url, "https://planet.example/2021/03/05/rates");
  EXPECT_EQ(m.language, "en");
  ASSERT_GE(m.titles.size(), 3u);
  EXPECT_EQ(m.titles[0], "Rates rise again");
  EXPECT_EQ(m.titles[1], "Rates rise again, bank says");
}

TEST(HtmlMeta, BrokenJsonLdWithRawLineBreaksStillReads) {
  HtmlPage page = ParseHtml(
      "<script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"headline\":\"Two\nlines\","
      "\"datePublished\":\"2019-11-19\"}</script>");
  PageMeta m = ReadPageMeta(page);
  ASSERT_TRUE(m.published);
  EXPECT_EQ(FormatIsoDate(m.published->date), "2019-11-19");
}

TEST(HtmlMeta, DateFallbacks) {
  PageMeta meta = ReadPageMeta(ParseHtml(
      "<meta name='pubdate' content='20180102'><time datetime='2017-01-01'>x</time>"));
  ASSERT_TRUE(meta.published);
  EXPECT_EQ(FormatIsoDate(meta.published->date), "2018-01-02");
  meta = ReadPageMeta(ParseHtml("<p>x</p><time datetime='2017-06-30T22:00Z'>y</time>"));
  ASSERT_TRUE(meta.published);
  EXPECT_EQ(meta.published->from, "time[datetime]");
  EXPECT_TRUE(meta.published->utc);
  meta = ReadPageMeta(ParseHtml("<link rel=canonical href='https://n.example/news/2016/02/29/leap'>"));
  ASSERT_TRUE(meta.published);
  EXPECT_EQ(meta.published->from, "url");
  EXPECT_EQ(FormatIsoDate(meta.published->date), "2016-02-29");
  EXPECT_FALSE(ReadPageMeta(ParseHtml("<p>no date</p>")).published);
}

TEST(HtmlMeta, ParseMetaDateForms) {
  EXPECT_EQ(FormatIsoDate(ParseMetaDate("2019-11-19T02:24:00Z")->date), "2019-11-19");
  EXPECT_TRUE(ParseMetaDate("2019-11-19T02:24:00Z")->utc);
  EXPECT_EQ(FormatIsoDate(ParseMetaDate("2019/11/19")->date), "2019-11-19");
  EXPECT_EQ(FormatIsoDate(ParseMetaDate("Tue, 19 Nov 2019 02:24:00 GMT")->date), "2019-11-19");
  auto month = ParseMetaDate("2019-11");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->date.precision, DatePrecision::kMonth);
  EXPECT_FALSE(ParseMetaDate("2019-02-30"));
  EXPECT_FALSE(ParseMetaDate("soon"));
}

TEST(HtmlMeta, DateFromUrl) {
  EXPECT_EQ(FormatIsoDate(*DateFromUrl("https://a.example/2019/11/19/slug")), "2019-11-19");
  EXPECT_EQ(FormatIsoDate(*DateFromUrl("https://a.example/news/2019-11-19-slug")), "2019-11-19");
  EXPECT_EQ(FormatIsoDate(*DateFromUrl("https://a.example/20191119/slug")), "2019-11-19");
  EXPECT_FALSE(DateFromUrl("https://a.example/story/123456789"));
  EXPECT_FALSE(DateFromUrl("https://2019.example/x?d=2019/11/19"));
}

TEST(HtmlMeta, TitleParts) {
  EXPECT_EQ(TitleParts("Rates rise | The Planet"),
            (std::vector<std::string>{"Rates rise", "The Planet"}));
  EXPECT_EQ(TitleParts("Opinion \xE2\x80\x94 Rates rise - Planet"),
            (std::vector<std::string>{"Opinion", "Rates rise", "Planet"}));
  EXPECT_EQ(TitleParts("Well-known: no split"), (std::vector<std::string>{"Well-known: no split"}));
}

}  // namespace
}  // namespace lede

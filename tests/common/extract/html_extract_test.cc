// The story and its metadata from whole pages: fixtures shaped like news
// pages (navigation, teasers, captions, comments, footers around a story).
#include "common/extract/html_extract.h"

#include <gtest/gtest.h>

#include <string>

namespace lede {
namespace {

const char* kStory[] = {
    "The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate "
    "that has divided residents for more than a decade.",
    "Engineers told the council that the bridge, which opened in 1931, can no longer carry "
    "buses, and that repairs would cost almost as much as a new span.",
    "Opponents of the plan said the money would be better spent on the ferry service, which "
    "has lost two boats to breakdowns this year.",
    "Work is expected to start next spring and to last about three years, during which a "
    "temporary footbridge will be built beside the old one."};

std::string Page(const std::string& head, const std::string& before_story,
                 const std::string& after_story) {
  std::string html = "<!DOCTYPE html><html lang='en'><head>" + head +
                     "</head><body><header><div class='logo'>Harbour Times</div>"
                     "<nav><ul><li><a href='/'>Home</a></li><li><a href='/city'>City</a></li>"
                     "<li><a href='/sport'>Sport</a></li></ul></nav></header>"
                     "<main><article>" + before_story;
  html += "<div class='article-body'>";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html += "</div>" + after_story + "</article></main>";
  html +=
      "<aside class='sidebar'><h3>Most read</h3><ul>"
      "<li><a href='/a'>Ferry strike enters its third week as talks stall</a></li>"
      "<li><a href='/b'>Harbour festival returns with a record line-up this summer</a></li>"
      "</ul></aside>"
      "<section class='comments'><p>I have crossed that bridge every day for forty years and "
      "it has never felt unsafe, so I doubt the engineers are right about it.</p></section>"
      "<footer><p>Copyright Harbour Times. All rights reserved.</p></footer></body></html>";
  return html;
}

const std::string kHead =
    "<title>Council votes to rebuild harbour bridge | Harbour Times</title>"
    "<meta property='og:title' content='Council votes to rebuild harbour bridge'>"
    "<meta property='og:site_name' content='Harbour Times'>"
    "<meta property='article:published_time' content='2020-05-12T09:00:00+02:00'>"
    "<link rel='canonical' href='https://harbour.example/city/bridge-vote'>";

const std::string kHeader =
    "<h1>Council votes to rebuild harbour bridge</h1><p class='byline'>By Ann Lee</p>"
    "<time datetime='2020-05-12T09:00:00+02:00'>May 12, 2020</time>"
    "<figure><img src='bridge.jpg' alt=''><figcaption>The old bridge at dusk, seen from the "
    "ferry pier on Monday evening.</figcaption></figure>";

const std::string kAfter =
    "<div class='share-tools'><a href='#'>Share on Facebook</a><a href='#'>Tweet</a></div>"
    "<div class='related-stories'><h3>Related</h3><ul>"
    "<li><a href='/c'>Bridge repairs delayed again after survey finds more rust</a></li>"
    "</ul></div>";

bool Has(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

TEST(HtmlExtract, StoryAndMetadataFromANewsPage) {
  Article a = ExtractHtml(Page(kHead, kHeader, kAfter), "", ExtractContext{});
  EXPECT_EQ(a.title, "Council votes to rebuild harbour bridge");
  ASSERT_TRUE(a.date);
  EXPECT_EQ(FormatIsoDate(*a.date), "2020-05-12");
  EXPECT_EQ(a.publisher.value_or(""), "Harbour Times");
  EXPECT_EQ(a.url.value_or(""), "https://harbour.example/city/bridge-vote");
  EXPECT_EQ(a.language, "en");
  const std::string body = a.Body();
  for (const char* p : kStory) EXPECT_TRUE(Has(body, p)) << p;
  for (const char* furniture : {"Home", "Sport", "Most read", "Ferry strike", "forty years",
                                "Copyright", "Share on Facebook", "Bridge repairs delayed",
                                "The old bridge at dusk", "Harbour Times"}) {
    EXPECT_FALSE(Has(body, furniture)) << furniture;
  }
  ASSERT_EQ(a.paragraphs.size(), 4u);
}

TEST(HtmlExtract, EveryBlockHasADecisionAndAReason) {
  Article a = ExtractHtml(Page(kHead, kHeader, kAfter), "", ExtractContext{});
  ASSERT_FALSE(a.lines.empty());
  bool nav = false, caption = false, title = false, comment = false;
  for (const LineDecision& d : a.lines) {
    EXPECT_FALSE(d.reason.empty()) << d.text;
    EXPECT_FALSE(d.text.empty());
    if (d.text == "Home") nav = !d.keep && d.reason.find("navigation") != std::string::npos;
    if (d.text.rfind("The old bridge", 0) == 0) caption = !d.keep && d.reason == "figure caption";
    if (d.text == a.title) title = d.reason.rfind("title:", 0) == 0;
    if (d.text.rfind("I have crossed", 0) == 0) comment = !d.keep;
  }
  EXPECT_TRUE(nav);
  EXPECT_TRUE(caption);
  EXPECT_TRUE(title);
  EXPECT_TRUE(comment);
}

TEST(HtmlExtract, TitleWithoutSiteDecorationWhenTheMetadataHasOnlyTheTitleTag) {
  const std::string head = "<title>Harbour Times - Council votes to rebuild harbour bridge</title>";
  Article a = ExtractHtml(Page(head, "<p>Local news</p>", ""), "", ExtractContext{});
  EXPECT_EQ(a.title, "Council votes to rebuild harbour bridge");
}

TEST(HtmlExtract, HeadingWinsWhenTheMetadataTitleIsNotShown) {
  const std::string head = "<meta property='og:title' content='Bridge vote: what it means'>";
  Article a = ExtractHtml(Page(head, "<h1>Council votes to rebuild the bridge</h1>", ""), "",
                          ExtractContext{});
  EXPECT_EQ(a.title, "Council votes to rebuild the bridge");
}

TEST(HtmlExtract, BreadcrumbHeadingIsNotTheHeadline) {
  // The og:title is printed as an <h1> at the end of the breadcrumb trail;
  // the JSON-LD headline is the story's heading.
  const std::string head =
      "<meta property='og:title' content='Bridge vote: council backs a new span'>"
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"headline\": \"Council votes to rebuild harbour bridge\"}</script>";
  const std::string before =
      "<ol class='crumbs'><li><a href='/city'>City</a></li>"
      "<li><h1>Bridge vote: council backs a new span</h1></li></ol>"
      "<h2>Council votes to rebuild harbour bridge</h2>";
  Article a = ExtractHtml(Page(head, before, ""), "", ExtractContext{});
  EXPECT_EQ(a.title, "Council votes to rebuild harbour bridge");
}

TEST(HtmlExtract, UtcTimestampMovesToTheLocalDayThePageShows) {
  const std::string head =
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2019-11-19T02:24:00Z\"}</script>";
  const std::string header =
      "<h1>Council votes to rebuild harbour bridge</h1><p>Nov. 18, 2019 at 9:24 pm</p>";
  Article a = ExtractHtml(Page(head, header, ""), "", ExtractContext{});
  ASSERT_TRUE(a.date);
  EXPECT_EQ(FormatIsoDate(*a.date), "2019-11-18");
  // When the page shows the timestamp's own day, that day stays.
  const std::string same = "<h1>Council votes</h1><p>Nov. 19, 2019</p><p>Nov. 18, 2019</p>";
  a = ExtractHtml(Page(head, same, ""), "", ExtractContext{});
  EXPECT_EQ(FormatIsoDate(*a.date), "2019-11-19");
}

TEST(HtmlExtract, DateFromTheTextWhenThereIsNoMetadata) {
  Article a = ExtractHtml(
      Page("", "<h1>Council votes to rebuild harbour bridge</h1><p>Posted 3 March 2015</p>", ""),
      "", ExtractContext{});
  ASSERT_TRUE(a.date);
  EXPECT_EQ(FormatIsoDate(*a.date), "2015-03-03");
}

TEST(HtmlExtract, StoryStreamedIntoHiddenElementsIsRead) {
  std::string html = "<html><body><div hidden><article>";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html += "</article></div></body></html>";
  Article a = ExtractHtml(html, "", ExtractContext{});
  EXPECT_TRUE(Has(a.Body(), kStory[0]));
}

TEST(HtmlExtract, ClassNamesThatHideTheWholeStoryAreOverruled) {
  // A page builder that calls every box "share-widget": the story survives.
  std::string html = "<html><body><div class='share-widget'>";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html += "</div></body></html>";
  Article a = ExtractHtml(html, "", ExtractContext{});
  EXPECT_TRUE(Has(a.Body(), kStory[1]));
}

TEST(HtmlExtract, LegacyCharsetFromTheHttpHeader) {
  std::string html = "<html><body><article><h1>Caf\xE9 opens</h1>";
  for (const char* p : kStory) html += std::string("<p>") + p + " Caf\xE9.</p>";
  html += "</article></body></html>";
  Article a = ExtractHtml(html, "ISO-8859-1", ExtractContext{});
  EXPECT_EQ(a.title, "Café opens");
  EXPECT_TRUE(Has(a.Body(), "Café."));
}

TEST(HtmlExtract, EmptyAndBrokenPagesGiveAnArticleNotACrash) {
  EXPECT_TRUE(ExtractHtml("", "", ExtractContext{}).Body().empty());
  EXPECT_TRUE(ExtractHtml("<html><head></head><body></body></html>", "", ExtractContext{})
                  .Body()
                  .empty());
  std::string broken = "<p>Only one paragraph of text, in a page that never closes its tags <b>";
  Article a = ExtractHtml(broken, "", ExtractContext{});
  EXPECT_TRUE(Has(a.Body(), "Only one paragraph"));
}

TEST(HtmlExtract, PageTextLaysBlocksOutAsLines) {
  HtmlPage page = ParseHtml("<div>One</div><div>Two</div><p>Three</p>");
  EXPECT_EQ(HtmlPageText(page), "One\nTwo\n\nThree");
}

}  // namespace
}  // namespace lede

// Decoding and flattening HTML pages: blocks, their DOM flags, head data,
// charsets, hostile input.
#include "common/extract/html_dom.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace lede {
namespace {

const HtmlBlock* FindBlock(const HtmlPage& page, const std::string& text) {
  for (const HtmlBlock& b : page.blocks) {
    if (b.text == text) return &b;
  }
  return nullptr;
}

TEST(HtmlDom, BlocksFollowBlockElementsAndCollapseWhitespace) {
  HtmlPage page = ParseHtml(
      "<html><body><div>Intro <b>bold</b>\n  text<p>First   paragraph.</p>"
      "<ul><li>one</li><li>two</li></ul>tail<br>after break</div></body></html>");
  std::vector<std::string> texts;
  for (const HtmlBlock& b : page.blocks) texts.push_back(b.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Intro bold text", "First paragraph.", "one", "two",
                                             "tail", "after break"}));
  EXPECT_EQ(FindBlock(page, "one")->tag, "li");
  EXPECT_TRUE(FindBlock(page, "one")->flags & kInList);
  EXPECT_TRUE(FindBlock(page, "First paragraph.")->blank_before);
}

TEST(HtmlDom, ScriptsStylesFormsAndHiddenElementsHaveNoText) {
  HtmlPage page = ParseHtml(
      "<body><script>var x = 'code';</script><style>p{}</style><noscript>Enable JS</noscript>"
      "<p>Visible</p><div hidden>secret one</div><div style='display: none'>secret two</div>"
      "<span aria-hidden='true'>secret three</span><button>Click</button>"
      "<select><option>Choice</option></select></body>");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "Visible");
  HtmlPage all = ParseHtml("<body><div hidden>streamed story</div></body>", false);
  ASSERT_EQ(all.blocks.size(), 1u);
  EXPECT_EQ(all.blocks[0].text, "streamed story");
}

TEST(HtmlDom, FlagsSayWhereABlockSits) {
  HtmlPage page = ParseHtml(
      "<body><nav><a href='/'>Home</a></nav><main><article><h1>Head line</h1>"
      "<p>Story <a href='/x'>link</a> text</p><figure><img src=a.jpg>"
      "<figcaption>A caption</figcaption></figure><aside>Aside text</aside></article></main>"
      "<div class='comments-list'><p>A comment</p></div><footer>Footer</footer>"
      "<div role='dialog'>We use cookies</div></body>");
  EXPECT_TRUE(FindBlock(page, "Home")->flags & kInNav);
  EXPECT_EQ(FindBlock(page, "Home")->link_chars, 4);
  const HtmlBlock* head = FindBlock(page, "Head line");
  EXPECT_EQ(head->heading, 1);
  EXPECT_TRUE(head->flags & kInArticle);
  EXPECT_TRUE(head->flags & kInMain);
  const HtmlBlock* story = FindBlock(page, "Story link text");
  EXPECT_EQ(story->chars, 15);
  EXPECT_EQ(story->link_chars, 4);
  EXPECT_TRUE(FindBlock(page, "A caption")->flags & kInCaption);
  EXPECT_TRUE(FindBlock(page, "Aside text")->flags & kInAside);
  EXPECT_TRUE(FindBlock(page, "A comment")->flags & kNegative);
  EXPECT_TRUE(FindBlock(page, "Footer")->flags & kInFooter);
  EXPECT_TRUE(FindBlock(page, "We use cookies")->flags & kInDialog);
}

TEST(HtmlDom, ClassWordsWeighElements) {
  bool furniture = false;
  EXPECT_EQ(ClassWeight("article-body clearfix", "", &furniture), 25);
  EXPECT_FALSE(furniture);
  EXPECT_EQ(ClassWeight("share-bar", "", &furniture), -25);
  EXPECT_TRUE(furniture);
  // The BEM element decides: the article's comments are comments.
  EXPECT_EQ(ClassWeight("article__comments", "", &furniture), -25);
  EXPECT_TRUE(furniture);
  // "widget" lowers the score but does not set the element aside.
  EXPECT_EQ(ClassWeight("widget-container", "", &furniture), -25);
  EXPECT_FALSE(furniture);
  // "ad" only as a whole word.
  EXPECT_EQ(ClassWeight("address", "", &furniture), 0);
  EXPECT_FALSE(furniture);
  EXPECT_EQ(ClassWeight("ad slot", "", &furniture), -25);
  EXPECT_TRUE(furniture);
  EXPECT_EQ(ClassWeight("", "related-posts", &furniture), -25);
  EXPECT_TRUE(furniture);
}

TEST(HtmlDom, ClassWordsAreCaseFoldedAndMatchedInFull) {
  bool furniture = false;
  // Upper case, a word equal to a prefix, a word one letter short of one,
  // a whole word that only starts like one.
  EXPECT_EQ(ClassWeight("ArticleBody", "", &furniture), 25);
  EXPECT_EQ(ClassWeight("STORY", "", &furniture), 25);
  EXPECT_EQ(ClassWeight("stor", "", &furniture), 0);
  EXPECT_EQ(ClassWeight("texts", "", &furniture), 0);
  EXPECT_EQ(ClassWeight("Main", "", &furniture), 25);
  // The last telling word of a name decides; furniture anywhere wins.
  EXPECT_EQ(ClassWeight("header-content", "", &furniture), 25);
  EXPECT_EQ(ClassWeight("content-header", "", &furniture), -25);
  EXPECT_FALSE(furniture);
  EXPECT_EQ(ClassWeight("post NAV", "", &furniture), -25);
  EXPECT_TRUE(furniture);
}

TEST(HtmlDom, ElementsWeighedAsTheirClassWordsSay) {
  // A page repeats its class names: each element is weighed as ClassWeight
  // weighs its class and id, however often the names recur.
  std::string html = "<html><body>";
  const std::vector<std::pair<std::string, std::string>> attrs = {
      {"article-body", ""}, {"share-bar", ""}, {"article-body", "main"},
      {"widget", "x1"},     {"share-bar", ""}, {"article-body", ""}};
  for (int round = 0; round < 3; ++round) {
    for (const auto& [cls, id] : attrs) {
      html += "<div class='" + cls + "'" + (id.empty() ? "" : " id='" + id + "'") + "><p>Text " +
              cls + "</p></div>";
    }
  }
  html += "</body></html>";
  const HtmlPage page = ParseHtml(html);
  int divs = 0;
  for (const HtmlNode& node : page.nodes) {
    if (node.tag != "div") continue;
    const auto& [cls, id] = attrs[static_cast<size_t>(divs) % attrs.size()];
    bool furniture = false;
    EXPECT_EQ(node.class_weight, ClassWeight(cls, id, &furniture)) << cls << "#" << id;
    EXPECT_EQ(node.furniture, furniture) << cls << "#" << id;
    ++divs;
  }
  EXPECT_EQ(divs, 18);
}

TEST(HtmlDom, HeadData) {
  HtmlPage page = ParseHtml(
      "<html lang='de-AT'><head><title> Page  title </title>"
      "<meta property='og:title' content='OG title'>"
      "<link rel='canonical' href='https://example.org/a'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script></head>"
      "<body><time datetime='2020-01-02T03:04:05Z'>2 Jan</time><p>Text</p>"
      "<span itemprop='datePublished' content='2020-01-01'></span></body></html>");
  EXPECT_EQ(page.lang, "de-AT");
  EXPECT_EQ(page.title_tag, "Page title");
  EXPECT_EQ(page.canonical, "https://example.org/a");
  ASSERT_EQ(page.json_ld.size(), 1u);
  EXPECT_EQ(page.json_ld[0], "{\"@type\":\"NewsArticle\"}");
  ASSERT_EQ(page.times.size(), 1u);
  EXPECT_EQ(page.times[0].datetime, "2020-01-02T03:04:05Z");
  EXPECT_EQ(page.times[0].text, "2 Jan");
  bool og = false, itemprop = false;
  for (const auto& [k, v] : page.metas) {
    og = og || (k == "og:title" && v == "OG title");
    itemprop = itemprop || (k == "datepublished" && v == "2020-01-01");
  }
  EXPECT_TRUE(og);
  EXPECT_TRUE(itemprop);
}

TEST(HtmlDom, CharsetFromHeaderBomMetaAndDetection) {
  std::string encoding;
  bool repaired = false;
  // windows-1251 "Привет" declared by <meta charset>.
  const std::string cp1251 = "<meta charset=\"windows-1251\"><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";
  EXPECT_EQ(DecodeHtmlBytes(cp1251, "", &encoding, &repaired),
            "<meta charset=\"windows-1251\"><p>Привет</p>");
  EXPECT_EQ(encoding, "windows-1251");
  // The same bytes with an HTTP header naming the charset.
  const std::string bare = "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";
  EXPECT_EQ(DecodeHtmlBytes(bare, "windows-1251", &encoding, &repaired), "<p>Привет</p>");
  // http-equiv, Latin-1 read as windows-1252.
  const std::string latin =
      "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>caf\xE9 \x93q\x94</p>";
  EXPECT_NE(DecodeHtmlBytes(latin, "", &encoding, &repaired).find("café “q”"), std::string::npos);
  // Valid UTF-8 wins over a stale declaration (a page saved re-encoded).
  const std::string saved = "<meta charset='iso-8859-1'><p>café</p>";
  EXPECT_EQ(DecodeHtmlBytes(saved, "", &encoding, &repaired), saved);
  EXPECT_EQ(encoding, "UTF-8");
  // A byte order mark decides.
  EXPECT_EQ(DecodeHtmlBytes("\xEF\xBB\xBF<p>x</p>", "windows-1251", &encoding, &repaired), "<p>x</p>");
  // An unknown declared charset falls back to detection, never fails.
  const std::string odd = "<meta charset='no-such-charset'><p>caf\xE9</p>";
  EXPECT_NE(DecodeHtmlBytes(odd, "", &encoding, &repaired).find("café"), std::string::npos);
}

TEST(HtmlDom, HostileInputIsSafe) {
  // Nesting far deeper than any page: the parser would take minutes, so the
  // page is read up to where it gets absurd.
  std::string deep = "<p>before</p>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "deep text";
  HtmlPage page = ParseHtml(deep);
  ASSERT_FALSE(page.blocks.empty());
  EXPECT_EQ(page.blocks[0].text, "before");
  EXPECT_TRUE(page.truncated);
  // Deep but not absurd nesting is read whole, with a bounded walk.
  std::string nested;
  for (int i = 0; i < 3000; ++i) nested += "<div>";
  nested += "deep text";
  HtmlPage ok = ParseHtml(nested);
  ASSERT_EQ(ok.blocks.size(), 1u);
  EXPECT_EQ(ok.blocks[0].text, "deep text");
  EXPECT_FALSE(ok.truncated);
  // Broken markup and invalid UTF-8.
  std::string junk = "<p>unclosed <b><i>tags</p></div></span><<>>&bogus;\xFF\xFE<table><td>cell";
  HtmlPage broken = ParseHtmlBytes(junk, "");
  EXPECT_FALSE(broken.blocks.empty());
  // NUL bytes near the start mark a binary file, as for text input.
  std::string binary = "<p>x</p>";
  binary.push_back('\0');
  EXPECT_TRUE(ParseHtmlBytes(binary, "").blocks.empty());
  EXPECT_TRUE(ParseHtmlBytes("", "").blocks.empty());
}

}  // namespace
}  // namespace lede

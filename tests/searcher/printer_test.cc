// Tests for searcher/printer: paths that open, -l, copies, the footer, --show.
#include "searcher/printer.h"

#include <sstream>

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(Printer, ShownPathIsTheShorterThatOpens) {
  const struct {
    const char* path;
    const char* cwd;
    const char* shown;
  } cases[] = {
      {"/news/corpus/a.txt", "/news", "corpus/a.txt"},
      {"/news/corpus/a.txt", "/news/corpus", "a.txt"},
      {"/news/corpus/a.txt", "/news/other", "../corpus/a.txt"},
      {"/news/corpus/a.txt", "/home/me/work/deep", "/news/corpus/a.txt"},
      {"/a.txt", "/", "a.txt"},
      {"corpus/a.txt", "/anywhere", "corpus/a.txt"},  // an older database: as stored
      {"/news/a.txt", "", "/news/a.txt"},
  };
  for (const auto& c : cases) EXPECT_EQ(ShownPath(c.path, c.cwd), c.shown) << c.path << " " << c.cwd;
}

Hit MakeHit(size_t rank, const std::string& id, const std::string& source) {
  Hit h;
  h.rank = rank;
  h.article.id = id;
  h.article.path = "/news/" + id;
  h.article.title = "Title " + id;
  h.article.agency = source;
  return h;
}

TEST(Printer, PathsOnePerLineOrNul) {
  SearchResult r;
  r.hits = {MakeHit(1, "a.txt", "X"), MakeHit(2, "sub/b.txt", "Y")};
  TextStyle style;
  style.cwd = "/news";
  std::ostringstream lines, nul;
  PrintPaths(r, style, false, lines);
  PrintPaths(r, style, true, nul);
  EXPECT_EQ(lines.str(), "a.txt\nsub/b.txt\n");
  EXPECT_EQ(nul.str(), std::string("a.txt\0sub/b.txt\0", 16));
}

TEST(Printer, CopiesSayWhereTheOthersAreAndFooterOnlyClaimsRealCollapse) {
  SearchResult r;
  r.estimate = r.lower = r.upper = 2;
  r.collapsed = true;
  r.hits = {MakeHit(1, "a.txt", "Xinhua"), MakeHit(2, "c.txt", "VOA")};
  TextStyle style;
  style.cwd = "/news";
  std::ostringstream plain;
  PrintText(r, style, plain);
  EXPECT_EQ(plain.str().find("collapsed"), std::string::npos) << plain.str();
  EXPECT_NE(plain.str().find("2 matching stories (2 shown)"), std::string::npos) << plain.str();

  r.hits[0].copies = {{"a.txt", "/news/a.txt", "Xinhua"}, {"b.txt", "/news/sub/b.txt", "AFP"}};
  std::ostringstream with_copies;
  PrintText(r, style, with_copies);
  EXPECT_NE(with_copies.str().find("2 copies of this story: Xinhua, AFP; the other: sub/b.txt (AFP)"),
            std::string::npos)
      << with_copies.str();
  EXPECT_NE(with_copies.str().find("near-identical copies collapsed"), std::string::npos);
}

TEST(Printer, ArticleInFull) {
  ShownArticle s;
  s.article.id = "a.txt";
  s.article.path = "/news/a.txt";
  s.article.title = "Talks in Geneva";
  s.article.agency = "Xinhua";
  s.article.language = "en";
  s.title = {"Talks in Geneva", {{9, 15}}};
  s.paragraphs = {{"First paragraph.", {}}, {"Second, in Geneva.", {{11, 17}}}};
  TextStyle style;
  style.cwd = "/news";
  std::ostringstream out;
  PrintArticle(s, style, out);
  EXPECT_EQ(out.str(),
            "Talks in [Geneva]\n"
            "date unknown · Xinhua · a.txt\n"
            "id: a.txt · language: en\n\n"
            "First paragraph.\n\n"
            "Second, in [Geneva].\n");
  const nlohmann::json j = ArticleToJson(s, style);
  EXPECT_EQ(j["shown_path"], "a.txt");
  EXPECT_EQ(j["path"], "/news/a.txt");
  EXPECT_TRUE(j["date"].is_null());
}

}  // namespace
}  // namespace lede

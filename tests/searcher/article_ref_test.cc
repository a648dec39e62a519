// Tests for searcher/article_ref: every form lede prints names the article.
#include "searcher/article_ref.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

Xapian::WritableDatabase Db() {
  Xapian::WritableDatabase db = testing::TempDb();
  const Xapian::Stem stem = MakeStemmer("en");
  const struct {
    const char* id;
    const char* path;
  } articles[] = {{"a.txt", "/news/corpus/a.txt"},
                  {"sub/b.txt", "/news/corpus/sub/b.txt"},
                  {"x/same.txt", "/news/one/x/same.txt"},
                  {"y/same.txt", "/news/two/y/same.txt"},
                  {"old.txt", "relative/old.txt"}};
  for (const auto& a : articles) {
    schema::StoredArticle s;
    s.id = a.id;
    s.path = a.path;
    s.title = "title";
    s.body = "some words here";
    schema::ReplaceArticle(db, s, stem);
  }
  db.commit();
  return db;
}

TEST(ArticleRef, AcceptsEveryPrintedForm) {
  const Xapian::WritableDatabase db = Db();
  const struct {
    const char* ref;
    const char* cwd;
    const char* id;
  } cases[] = {
      {"a.txt", "/", "a.txt"},                          // JSON/TSV id
      {"a", "/", "a.txt"},                              // id without .txt
      {"sub/b.txt", "/", "sub/b.txt"},                  // nested id
      {"/news/corpus/sub/b.txt", "/", "sub/b.txt"},     // absolute path
      {"corpus/sub/b.txt", "/news", "sub/b.txt"},       // relative to cwd
      {"../corpus/sub/b.txt", "/news/one", "sub/b.txt"},
      {"./corpus/./sub/../sub/b.txt", "/news", "sub/b.txt"},
      {"b", "/", "sub/b.txt"},                          // old --extract id: bare name
      {"b.txt", "/", "sub/b.txt"},
      {"relative/old.txt", "/else", "old.txt"},         // a path stored relative, as printed
      {"/news/one/x/same.txt", "/", "x/same.txt"},
      {"two/y/same.txt", "/news", "y/same.txt"},
  };
  for (const auto& c : cases) EXPECT_EQ(ResolveArticleRef(db, c.ref, c.cwd), c.id) << c.ref;
}

TEST(ArticleRef, AnExistingFileIsFoundByItsStoredPathWhateverItsId) {
  std::string db_path;
  Xapian::WritableDatabase db = testing::TempDb(&db_path);
  const std::string dir = std::filesystem::path(db_path).parent_path().string();
  const std::string file = dir + "/story.txt";
  std::ofstream(file) << "text";
  schema::StoredArticle s;
  s.id = "root-7f3a:story";  // an id that is not the file's relative path
  s.path = file;
  s.title = "title";
  s.body = "some words";
  schema::ReplaceArticle(db, s, MakeStemmer("en"));
  db.commit();
  EXPECT_EQ(ResolveArticleRef(db, file, "/"), "root-7f3a:story");
  EXPECT_EQ(ResolveArticleRef(db, "story.txt", dir), "root-7f3a:story");
  EXPECT_THROW(ResolveArticleRef(db, dir + "/other.txt", "/"), QueryError);
}

TEST(ArticleRef, RefusesUnknownAndAmbiguous) {
  const Xapian::WritableDatabase db = Db();
  for (const char* ref : {"", "nope", "/news/corpus/nope.txt", "corpus/a.txt"}) {
    EXPECT_THROW(ResolveArticleRef(db, ref, "/elsewhere"), QueryError) << ref;
  }
  try {
    ResolveArticleRef(db, "same", "/");
    ADD_FAILURE();
  } catch (const QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("names 2 articles"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace lede

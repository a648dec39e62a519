// Tests for schema::ReplaceArticle/RemoveArticle on an in-memory database:
// near-duplicate clusters and spelling data.
#include <gtest/gtest.h>

#include "common/index/schema.h"
#include "common/index/stem.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

const char* kBody =
    "Negotiators from both sides returned to the table in Geneva on Wednesday, diplomats said, "
    "after a week in which the ceasefire held along most of the front line. The talks, mediated "
    "by the United Nations envoy, are expected to focus on prisoner exchanges and on the opening "
    "of humanitarian corridors to besieged towns in the north.";

schema::StoredArticle Article(const std::string& id, const std::string& body) {
  schema::StoredArticle a;
  a.id = id;
  a.path = id;
  a.title = "Talks in Geneva";
  a.body = body;
  return a;
}

std::string ClusterOf(const Xapian::Database& db, const std::string& id) {
  Xapian::PostingIterator p = db.postlist_begin(schema::IdTerm(id));
  return db.get_document(*p).get_value(schema::kSlotCluster);
}

TEST(SchemaUpkeep, CopiesShareAClusterOthersDoNot) {
  Xapian::WritableDatabase db = testing::TempDb();
  const Xapian::Stem stem = MakeStemmer("en");
  schema::ReplaceArticle(db, Article("a.txt", kBody), stem);
  schema::ReplaceArticle(db, Article("b.txt", std::string(kBody) + " Follow us on Twitter."), stem);
  schema::ReplaceArticle(db,
                         Article("c.txt",
                                 "Trucks carrying flour, medicine and blankets entered the "
                                 "town at dawn, a spokeswoman for the World Food Programme "
                                 "said, adding that more convoys were planned."),
                         stem);
  EXPECT_FALSE(ClusterOf(db, "a.txt").empty());
  EXPECT_EQ(ClusterOf(db, "a.txt"), ClusterOf(db, "b.txt"));
  EXPECT_NE(ClusterOf(db, "a.txt"), ClusterOf(db, "c.txt"));
  EXPECT_EQ(db.get_termfreq(schema::ClusterTerm(ClusterOf(db, "a.txt"))), 2u);
  // Replacing a document keeps it in its cluster rather than joining itself.
  schema::ReplaceArticle(db, Article("a.txt", kBody), stem);
  EXPECT_EQ(ClusterOf(db, "a.txt"), ClusterOf(db, "b.txt"));
  EXPECT_EQ(db.get_doccount(), 3u);
}

TEST(SchemaUpkeep, SpellingDataFollowsDocuments) {
  Xapian::WritableDatabase db = testing::TempDb();
  const Xapian::Stem stem = MakeStemmer("en");
  schema::ReplaceArticle(db, Article("a.txt", "The Geneva Communiqué was signed."), stem);
  EXPECT_EQ(db.get_spelling_suggestion("comunique"), "communique");
  EXPECT_EQ(db.get_spelling_suggestion("genva"), "geneva");
  // Replaced: the old words leave the spelling data.
  schema::ReplaceArticle(db, Article("a.txt", "Nothing about it."), stem);
  EXPECT_EQ(db.get_spelling_suggestion("comunique"), "");
  Xapian::PostingIterator p = db.postlist_begin(schema::IdTerm("a.txt"));
  schema::RemoveArticle(db, *p);
  EXPECT_EQ(db.get_spelling_suggestion("genva"), "");
  EXPECT_EQ(db.get_doccount(), 0u);
}

TEST(SchemaUpkeep, SpellingWordsAreLettersOnly) {
  auto words = schema::SpellingWords("AT&T paid 3.5 billion to Pérez, Pérez and U.N. in 2012 ok");
  std::vector<std::string> got;
  for (const auto& [w, n] : words) got.push_back(w + ":" + std::to_string(n));
  EXPECT_EQ(got, (std::vector<std::string>{"and:1", "billion:1", "paid:1", "perez:2"}));
}

// AssignCluster is the one place clusters are decided; ReplaceArticle and the
// indexer's parallel writers both call it.
TEST(SchemaUpkeep, AssignClusterJoinsACopyAndRecordsIt) {
  const Xapian::Stem stem = MakeStemmer("en");
  ClusterIndex clusters;
  schema::PreparedArticle a = schema::PrepareArticle(Article("a.txt", kBody), stem);
  ASSERT_TRUE(a.signature);
  schema::AssignCluster(&a, 1, 0, &clusters);
  EXPECT_EQ(a.article.cluster, schema::NewClusterId("a.txt"));
  EXPECT_EQ(a.doc.get_value(schema::kSlotCluster), a.article.cluster);
  EXPECT_EQ(clusters.size(), 1u);
  schema::PreparedArticle b =
      schema::PrepareArticle(Article("b.txt", std::string(kBody) + " Follow us."), stem);
  schema::AssignCluster(&b, 2, 0, &clusters);
  EXPECT_EQ(b.article.cluster, a.article.cluster);
  EXPECT_EQ(clusters.size(), 2u);
  // The article being replaced is not its own copy: alone, it starts its own.
  ClusterIndex alone;
  schema::PreparedArticle a1 = schema::PrepareArticle(Article("a.txt", kBody), stem);
  schema::AssignCluster(&a1, 7, 0, &alone);
  schema::PreparedArticle a2 = schema::PrepareArticle(Article("z.txt", kBody), stem);
  schema::AssignCluster(&a2, 7, 7, &alone);
  EXPECT_EQ(a2.article.cluster, schema::NewClusterId("z.txt"));
  EXPECT_EQ(alone.size(), 1u);
}

TEST(SchemaUpkeep, AssignClusterKeepsAGivenClusterAndForgetsShortArticles) {
  const Xapian::Stem stem = MakeStemmer("en");
  ClusterIndex clusters;
  schema::StoredArticle given = Article("g.txt", kBody);
  given.cluster = "chosen";
  schema::PreparedArticle g = schema::PrepareArticle(given, stem);
  schema::AssignCluster(&g, 3, 0, &clusters);
  EXPECT_EQ(g.article.cluster, "chosen");
  EXPECT_EQ(clusters.size(), 1u);
  // Too short to compare: its own cluster, and no longer in the index.
  schema::PreparedArticle s = schema::PrepareArticle(Article("s.txt", "Short."), stem);
  ASSERT_FALSE(s.signature);
  schema::AssignCluster(&s, 3, 3, &clusters);
  EXPECT_EQ(s.article.cluster, schema::NewClusterId("s.txt"));
  EXPECT_EQ(clusters.size(), 0u);
}

}  // namespace
}  // namespace lede

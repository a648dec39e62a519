// Tests for searcher/explain: the labelled pieces of a result's score, which
// add up to it.
#include "searcher/explain.h"

#include <gtest/gtest.h>

#include "tests/searcher/test_db.h"

namespace lede {
namespace {

Xapian::Database ExplainDb() {
  std::vector<testing::TestArticle> docs = {
      {"a", "geneva communique geneva talks talks", std::nullopt, std::nullopt},
      {"b", "geneva talks end", std::nullopt, std::nullopt},
      {"c", "other words", std::nullopt, std::nullopt}};
  for (int i = 0; i < 20; ++i)
    docs.push_back({"x" + std::to_string(i), "filler text number " + std::to_string(i) +
                                                 (i % 3 ? " geneva" : " talks delegates"),
                    std::nullopt, std::nullopt});
  return testing::MakeDb(docs);
}

double Sum(const std::vector<TermWeight>& terms) {
  double s = 0;
  for (const TermWeight& t : terms) s += t.weight;
  return s;
}

TEST(Explain, QueryWordsWithWeightsInQueryOrder) {
  Xapian::Database db = ExplainDb();
  Xapian::Enquire e(db);
  RankedParts parts;
  const std::vector<Xapian::Query> leaves = {Xapian::Query("Zgeneva"), Xapian::Query("Zcommuniqu"),
                                             Xapian::Query("Zlavrov")};
  parts.words = Xapian::Query(Xapian::Query::OP_OR, leaves.begin(), leaves.end());
  auto terms = ExplainMatch(e, parts, schema::IdTerm("a"));
  ASSERT_EQ(terms.size(), 2u);  // lavrov is not in the article
  EXPECT_EQ(terms[0].term, "geneva");
  EXPECT_EQ(terms[1].term, "communiqu");
  EXPECT_GT(terms[1].weight, terms[0].weight);  // rarer, so heavier
  EXPECT_GT(terms[0].weight, 0);
}

TEST(Explain, PartsAreLabelledAndAddUpToTheScore) {
  Xapian::Database db = ExplainDb();
  RankingOptions o;
  o.proximity_weight = 0.2;
  o.feedback_min_words = 1;
  o.feedback_docs = 2;
  o.feedback_keep = false;
  const Xapian::Query words(Xapian::Query::OP_OR, Xapian::Query("Zgeneva"), Xapian::Query("Ztalk"));
  const RankedParts parts = RankedQueryParts(db, words, o);
  ASSERT_FALSE(parts.feedback.empty());
  Xapian::Enquire e(db);
  e.set_query(parts.Combined());
  const auto weight = MakeWeight(o);
  e.set_weighting_scheme(*weight);
  const Xapian::MSet mset = e.get_mset(0, 30);
  ASSERT_GT(mset.size(), 3u);
  bool saw_title = false, saw_near = false, saw_feedback = false;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const std::string id = schema::DecodeData(it.get_document().get_data()).id;
    const auto terms = ExplainMatch(e, parts, schema::IdTerm(id));
    EXPECT_NEAR(Sum(terms), it.get_weight(), 1e-9 * (1 + it.get_weight())) << id;
    for (const TermWeight& t : terms) {
      saw_title |= t.term.rfind("title:", 0) == 0;
      saw_near |= t.term.rfind("near:", 0) == 0;
      saw_feedback |= t.term.rfind("feedback:", 0) == 0;
    }
  }
  EXPECT_TRUE(saw_near);
  EXPECT_TRUE(saw_feedback);
  EXPECT_FALSE(saw_title);  // titles are the ids here ("a", "x1"): no query word
}

TEST(Explain, ReadableTerms) {
  EXPECT_EQ(ReadableTerm("Zgeneva"), "geneva");
  EXPECT_EQ(ReadableTerm("ZSlavrov"), "title:lavrov");
  EXPECT_EQ(ReadableTerm("XSOURCExinhua"), "XSOURCExinhua");
}

}  // namespace
}  // namespace lede

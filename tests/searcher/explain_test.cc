// Tests for searcher/explain: the matching terms of a result, heaviest first.
#include "searcher/explain.h"

#include <gtest/gtest.h>

#include "tests/searcher/test_db.h"

namespace lede {
namespace {

TEST(Explain, MatchingTermsWithWeights) {
  auto db = testing::MakeDb({{"a", "geneva communique geneva", std::nullopt, std::nullopt},
                             {"b", "geneva talks", std::nullopt, std::nullopt},
                             {"c", "other words", std::nullopt, std::nullopt}});
  Xapian::Enquire e(db);
  const std::vector<Xapian::Query> leaves = {Xapian::Query("Zgeneva"), Xapian::Query("Zcommuniqu"),
                                             Xapian::Query("Zlavrov")};
  const Xapian::Query q(Xapian::Query::OP_OR, leaves.begin(), leaves.end());
  auto terms = ExplainMatch(e, q, 1, schema::IdTerm("a"));
  ASSERT_EQ(terms.size(), 2u);            // lavrov is not in the article
  EXPECT_EQ(terms[0].term, "communiqu");  // rarer, so heavier
  EXPECT_EQ(terms[1].term, "geneva");
  EXPECT_GT(terms[0].weight, terms[1].weight);
  EXPECT_GT(terms[1].weight, 0);
}

TEST(Explain, ReadableTerms) {
  EXPECT_EQ(ReadableTerm("Zgeneva"), "geneva");
  EXPECT_EQ(ReadableTerm("ZSlavrov"), "title:lavrov");
  EXPECT_EQ(ReadableTerm("XSOURCExinhua"), "XSOURCExinhua");
}

}  // namespace
}  // namespace lede

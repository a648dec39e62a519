// Tests for searcher/related: "more like this" from the article's terms.
#include "searcher/related.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

using testing::Ids;

TEST(Related, FindsArticlesSharingTermsNotItself) {
  auto db = testing::MakeDb({{"a.txt", "lavrov kerry geneva communique syria opposition dialogue",
                              std::nullopt, std::nullopt},
                             {"b.txt", "lavrov kerry geneva talks", std::nullopt, std::nullopt},
                             {"c.txt", "soybean harvest record brazil", std::nullopt, std::nullopt},
                             {"d.txt", "harvest brazil exports", std::nullopt, std::nullopt}});
  EXPECT_EQ(ResolveArticleId(db, "a"), "a.txt");
  EXPECT_EQ(ResolveArticleId(db, "a.txt"), "a.txt");
  EXPECT_THROW(ResolveArticleId(db, "nope"), QueryError);
  ParsedQuery pq = RelatedQuery(db, "a.txt", true);
  Xapian::Enquire e(db);
  e.set_query(pq.query);
  EXPECT_EQ(Ids(e.get_mset(0, 10)), (std::vector<std::string>{"b.txt"}));
  EXPECT_TRUE(pq.highlight_terms.count("Zlavrov"));
  // A word no other article has cannot find one, so it is not used.
  EXPECT_FALSE(pq.highlight_terms.count("Zcommuniqu"));
}

}  // namespace
}  // namespace lede

// Tests for searcher/copies: one result per story, and the copies behind it.
#include "searcher/copies.h"

#include <gtest/gtest.h>

#include "tests/searcher/test_db.h"

namespace lede {
namespace {

const char* kStory =
    "Negotiators from both sides returned to the table in Geneva on Wednesday, diplomats said, "
    "after a week in which the ceasefire held along most of the front line. The talks, mediated "
    "by the United Nations envoy, are expected to focus on prisoner exchanges.";

TEST(Copies, CollapsedToOneResultListingTheOutlets) {
  auto db =
      testing::MakeDb({{"x", kStory, std::nullopt, "Xinhua"},
                       {"y", std::string(kStory) + " Follow AFP on Twitter.", std::nullopt, "AFP"},
                       {"z", "Aid convoy reaches Geneva negotiators town after ceasefire.",
                        std::nullopt, "Reuters"}});
  Xapian::Enquire e(db);
  const Xapian::Query q("Zgeneva");
  e.set_query(q);
  CollapseCopies(e);
  Xapian::MSet m = e.get_mset(0, 10);
  ASSERT_EQ(m.size(), 2u);
  std::vector<CopyInfo> copies;
  for (auto it = m.begin(); it != m.end(); ++it) {
    auto c = MatchingCopies(db, q, it.get_document().get_value(schema::kSlotCluster));
    if (!c.empty()) copies = c;
  }
  ASSERT_EQ(copies.size(), 2u);
  auto sources = CopySources(copies);
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(sources, (std::vector<std::string>{"AFP", "Xinhua"}));
  // Only copies matching the query count: "twitter" is in one copy only.
  const std::string cluster = db.get_document(1).get_value(schema::kSlotCluster);
  EXPECT_TRUE(MatchingCopies(db, Xapian::Query("Ztwitter"), cluster).empty());
  EXPECT_TRUE(MatchingCopies(db, q, "").empty());
}

TEST(Copies, ADateOrderShowsTheFirstIdAmongCopiesEqualInDateAndScore) {
  auto copy = [](const char* id, double weight, const char* date) {
    CopyInfo c;
    c.id = id;
    c.weight = weight;
    c.date_key = date;
    return c;
  };
  const std::vector<CopyInfo> copies = {copy("c", 2.0, "d1"), copy("b", 2.0, "d1"),
                                        copy("a", 2.0, "d0"), copy("0", 1.5, "d1")};
  ASSERT_NE(ShownCopy(copies, "c"), nullptr);
  EXPECT_EQ(ShownCopy(copies, "c")->id, "b");  // not "a" (another date), not "0" (lower score)
  EXPECT_EQ(ShownCopy(copies, "a")->id, "a");
  EXPECT_EQ(ShownCopy(copies, "0")->id, "0");
  EXPECT_EQ(ShownCopy(copies, "zz"), nullptr);
}

}  // namespace
}  // namespace lede

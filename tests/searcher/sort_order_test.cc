// Tests for searcher/sort_order: date orders with relevance tie-break and
// undated articles last.
#include "searcher/sort_order.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

using testing::Ids;

Xapian::WritableDatabase Db() {
  return testing::MakeDb({{"old", "syria", Date{1963, 11, 22}, std::nullopt},
                          {"none", "syria syria syria", std::nullopt, std::nullopt},
                          {"new_weak", "syria and many other words here to dilute it",
                           Date{2014, 1, 22}, std::nullopt},
                          {"new_strong", "syria syria", Date{2014, 1, 22}, std::nullopt},
                          {"mid", "syria", Date{2012, 12, 4}, std::nullopt}});
}

TEST(SortOrder, NewestAndOldestPutUndatedLast) {
  auto db = Db();
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query("Zsyria"));
  auto keys = ApplySortOrder(e, SortOrder::kNewest);
  EXPECT_EQ(Ids(e.get_mset(0, 10)),
            (std::vector<std::string>{"new_strong", "new_weak", "mid", "old", "none"}));
  keys = ApplySortOrder(e, SortOrder::kOldest);
  EXPECT_EQ(Ids(e.get_mset(0, 10)),
            (std::vector<std::string>{"old", "mid", "new_strong", "new_weak", "none"}));
}

TEST(SortOrder, Names) {
  EXPECT_EQ(ParseSortOrder("newest"), SortOrder::kNewest);
  EXPECT_EQ(ParseSortOrder("oldest"), SortOrder::kOldest);
  EXPECT_EQ(ParseSortOrder("relevance"), SortOrder::kRelevance);
  EXPECT_THROW(ParseSortOrder("date"), UsageError);
}

}  // namespace
}  // namespace lede

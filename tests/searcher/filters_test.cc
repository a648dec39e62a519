// Tests for searcher/filters: the command-line filter and the date:/source:
// filters kept by the plain-terms fallback.
#include "searcher/filters.h"

#include <gtest/gtest.h>

#include "common/extract/article.h"
#include "common/error.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

using testing::Ids;

Xapian::WritableDatabase Db() {
  return testing::MakeDb({{"a", "syria talks", Date{2012, 12, 4}, "Xinhua"},
                          {"b", "syria talks", Date{2012, 12, 28}, "VOA"},
                          {"c", "syria talks", Date{2014, 1, 22}, "TBP"},
                          {"d", "syria talks", std::nullopt, "VOA"}});
}

std::vector<std::string> Matches(const Xapian::Database& db, const Xapian::Query& filter) {
  Xapian::Enquire e(db);
  e.set_query(filter.empty()
                  ? Xapian::Query("Zsyria")
                  : Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("Zsyria"), filter));
  auto ids = Ids(e.get_mset(0, 10));
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(Filters, CommandLineFilter) {
  auto db = Db();
  using V = std::vector<std::string>;
  EXPECT_TRUE(FilterQuery({}, DayRange()).empty());
  EXPECT_EQ(Matches(db, FilterQuery({"voa", "tbp"}, DayRange())), (V{"b", "c", "d"}));
  DayRange until2013{std::nullopt, DaysFromCivil(2013, 12, 31)};
  EXPECT_EQ(Matches(db, FilterQuery({"voa", "tbp"}, until2013)), (V{"b"}));
  EXPECT_EQ(Matches(db, FilterQuery({}, until2013)), (V{"a", "b"}));
}

TEST(Filters, PublisherAndAgencyNarrowEachOther) {
  auto db = testing::MakeDb({{"a", "syria talks", std::nullopt, "Xinhua", "People's Daily"},
                             {"b", "syria talks", std::nullopt, "AFP", "People's Daily"},
                             {"c", "syria talks", std::nullopt, "Xinhua", "Xinhua"}});
  using V = std::vector<std::string>;
  EXPECT_EQ(Matches(db, FilterQuery({}, DayRange(), {"people's daily"}, {"xinhua"})), (V{"a"}));
  EXPECT_EQ(Matches(db, FilterQuery({}, DayRange(), {}, {"xinhua"})), (V{"a", "c"}));
  EXPECT_EQ(Matches(db, FilterQuery({"xinhua"}, DayRange(), {"people's daily"})), (V{"a"}));
  std::string rest;
  Xapian::Query f = FieldFiltersIn("syria publisher:xinhua", 0, &rest);
  EXPECT_EQ(rest, "syria");
  EXPECT_EQ(Matches(db, f), (V{"c"}));
  rest.clear();
  EXPECT_EQ(Matches(db, FieldFiltersIn("syria agency:afp", 0, &rest)), (V{"b"}));
}

TEST(Filters, FieldFiltersOfARejectedQuery) {
  auto db = Db();
  using V = std::vector<std::string>;
  std::string rest;
  Xapian::Query f = FieldFiltersIn("syria AND date:2012 (source:voa", 0, &rest);
  EXPECT_EQ(rest, "syria AND");
  EXPECT_EQ(Matches(db, f), (V{"b"}));
  rest.clear();
  EXPECT_EQ(Matches(db, FieldFiltersIn("date:2012 date:2014 x", 0, &rest)), V{});
  rest.clear();
  EXPECT_TRUE(FieldFiltersIn("talks AND", 0, &rest).empty());
  EXPECT_EQ(rest, "talks AND");
  EXPECT_THROW(FieldFiltersIn("x date:2012-13", 0, &rest), QueryError);
}

}  // namespace
}  // namespace lede

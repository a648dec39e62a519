// Tests for searcher/date_filter: DATE and range syntax, rounding, relative
// dates, pre-1970 dates, errors; and the processors inside QueryParser.
#include "searcher/date_filter.h"

#include <gtest/gtest.h>

#include "common/extract/article.h"
#include "common/error.h"
#include "common/index/schema.h"

namespace lede {
namespace {

long D(int y, int m, int d) { return DaysFromCivil(y, m, d); }
const long kToday = D(2013, 3, 31);

TEST(DateFilter, BoundsRoundOutward) {
  struct Case {
    const char* text;
    bool up;
    long want;
  } cases[] = {
      {"2012", false, D(2012, 1, 1)},
      {"2012", true, D(2012, 12, 31)},
      {"2012-02", false, D(2012, 2, 1)},
      {"2012-02", true, D(2012, 2, 29)},
      {"2013-02", true, D(2013, 2, 28)},
      {"2013-01-22", false, D(2013, 1, 22)},
      {"2013-01-22", true, D(2013, 1, 22)},
      {"1963", false, D(1963, 1, 1)},
      {"1963-11-22", true, D(1963, 11, 22)},
      {"today", false, kToday},
      {"7d", false, kToday - 7},
      {"2w", false, kToday - 14},
      {"1m", false, D(2013, 2, 28)},
      {"1y", true, D(2012, 3, 31)},
      {"30D", false, kToday - 30},
      {" 2012 ", false, D(2012, 1, 1)},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseDateBound(c.text, kToday, c.up), c.want) << c.text;
}

TEST(DateFilter, BadDatesAreQueryErrorsWithAnExample) {
  for (const char* bad : {"", "12", "2012-13", "2012-00", "2013-02-29", "2012/01", "20122",
                          "2012-1", "x", "7x", "d", "yesterday", "2012-01-01T00"}) {
    try {
      ParseDateBound(bad, kToday, false);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const QueryError& e) {
      EXPECT_NE(std::string(e.what()).find("e.g."), std::string::npos) << e.what();
    }
  }
}

TEST(DateFilter, Ranges) {
  DayRange r = ParseDateRange("2012..2013", kToday);
  EXPECT_EQ(*r.first, D(2012, 1, 1));
  EXPECT_EQ(*r.last, D(2013, 12, 31));
  r = ParseDateRange("2012-12..2013-01", kToday);
  EXPECT_EQ(*r.first, D(2012, 12, 1));
  EXPECT_EQ(*r.last, D(2013, 1, 31));
  r = ParseDateRange("2012..", kToday);
  EXPECT_EQ(*r.first, D(2012, 1, 1));
  EXPECT_FALSE(r.last);
  r = ParseDateRange("..1969", kToday);
  EXPECT_FALSE(r.first);
  EXPECT_EQ(*r.last, D(1969, 12, 31));
  r = ParseDateRange("2013-01-22", kToday);
  EXPECT_EQ(*r.first, *r.last);
  r = ParseDateRange("30d..", kToday);
  EXPECT_EQ(*r.first, kToday - 30);
  EXPECT_THROW(ParseDateRange("2013..2012", kToday), QueryError);
  EXPECT_THROW(ParseDateRange("..", kToday), QueryError);
  EXPECT_THROW(ParseDateRange("2012..x", kToday), QueryError);
}

TEST(DateFilter, IntersectionKeepsTheNarrowerEnds) {
  DayRange a{D(2012, 1, 1), std::nullopt}, b{D(2011, 1, 1), D(2012, 6, 30)};
  DayRange c = a.And(b);
  EXPECT_EQ(*c.first, D(2012, 1, 1));
  EXPECT_EQ(*c.last, D(2012, 6, 30));
}

// Filters a small database with date: queries through a real QueryParser.
std::vector<std::string> Matching(const std::string& query) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  struct {
    const char* id;
    long day;
  } docs[] = {
      {"1963", D(1963, 11, 22)}, {"2012", D(2012, 12, 4)}, {"2013", D(2013, 1, 22)}, {"none", 0}};
  for (const auto& d : docs) {
    Xapian::Document doc;
    doc.add_boolean_term(std::string("Q") + d.id);
    doc.add_term("Zx");
    if (std::string(d.id) != "none")
      doc.add_value(schema::kSlotDate, Xapian::sortable_serialise(static_cast<double>(d.day)));
    doc.set_data(d.id);
    db.add_document(doc);
  }
  Xapian::QueryParser qp;
  auto error = std::make_shared<std::string>();
  qp.add_boolean_prefix("date", (new DateFieldProcessor(kToday, error))->release());
  qp.add_rangeprocessor((new DateRangeProcessor(kToday, error))->release());
  Xapian::Enquire e(db);
  e.set_query(qp.parse_query(
      query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT));
  // As QueryBuilder does: the processors leave errors for after parsing.
  if (!error->empty()) throw QueryError(*error);
  std::vector<std::string> out;
  Xapian::MSet m = e.get_mset(0, 10);
  for (auto it = m.begin(); it != m.end(); ++it) out.push_back(it.get_document().get_data());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DateFilter, ProcessorsFilterAndSkipUndated) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Matching("date:2012..2013"), (V{"2012", "2013"}));
  EXPECT_EQ(Matching("date:2012-12..2013-01"), (V{"2012", "2013"}));
  EXPECT_EQ(Matching("date:2013-01-22"), (V{"2013"}));
  EXPECT_EQ(Matching("date:2012"), (V{"2012"}));
  EXPECT_EQ(Matching("date:..1970"), (V{"1963"}));
  EXPECT_EQ(Matching("date:1963.."), (V{"1963", "2012", "2013"}));
  EXPECT_EQ(Matching("date:150d.."), (V{"2012", "2013"}));
  EXPECT_THROW(Matching("date:2012-13"), QueryError);
  EXPECT_THROW(Matching("date:2013..2012"), QueryError);
}

}  // namespace
}  // namespace lede

// Tests for searcher/facets: spies over every match, unknown counts, and
// the histogram's bars.
#include "searcher/facets.h"

#include <gtest/gtest.h>

#include "common/index/schema.h"
#include "common/index/stem.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

schema::StoredArticle Article(const std::string& id, std::optional<Date> date,
                              std::optional<std::string> source) {
  schema::StoredArticle a;
  a.id = id;
  a.title = "Syria talks";
  a.body = "Talks on Syria " + id;
  a.date = date;
  a.agency = source;
  return a;
}

TEST(Facets, CountEveryMatchNotOnlyThePage) {
  Xapian::WritableDatabase db = testing::TempDb();
  const Xapian::Stem stem = MakeStemmer("en");
  schema::ReplaceArticle(db, Article("a", Date{2012, 12, 4}, "Xinhua"), stem);
  schema::ReplaceArticle(db, Article("b", Date{2012, 12, 28}, "VOA"), stem);
  schema::ReplaceArticle(db, Article("c", Date{2014, 1, 22}, "Xinhua"), stem);
  schema::ReplaceArticle(db, Article("d", std::nullopt, std::nullopt), stem);
  schema::ReplaceArticle(db, Article("e", Date{2013, 1, 1, DatePrecision::kYear}, "VOA"), stem);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("Zsyria"));
  FacetCollector spies;
  spies.Attach(enquire);
  enquire.get_mset(0, 1, db.get_doccount());  // one result shown, all counted
  Facets f = spies.Collect();
  EXPECT_EQ(f.articles, 5u);
  const FacetValues& sources = f.Of(schema::FieldId::kSource);
  EXPECT_EQ(sources.name, "source");
  ASSERT_EQ(sources.values.size(), 2u);
  EXPECT_EQ(sources.values[0].count, 2u);
  EXPECT_EQ(sources.unknown, 1u);
  const FacetValues& years = f.Of(schema::FieldId::kYear);
  ASSERT_EQ(years.values.size(), 3u);
  EXPECT_EQ(years.values[0].value, "2012");
  EXPECT_EQ(years.values[0].count, 2u);
  EXPECT_EQ(years.unknown, 1u);
  const FacetValues& months = f.Of(schema::FieldId::kMonth);
  ASSERT_EQ(months.values.size(), 2u);
  EXPECT_EQ(months.values[0].value, "2012-12");
  EXPECT_EQ(months.unknown, 2u);  // the undated and the year-only article
  EXPECT_EQ(spies.Stories(), 5u);
}

TEST(Facets, OneEntryPerFacetFieldOfTheSchema) {
  Xapian::WritableDatabase db = testing::TempDb();
  schema::ReplaceArticle(db, Article("a", Date{2012, 12, 4}, "Xinhua"), MakeStemmer("en"));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  FacetCollector spies;
  spies.Attach(enquire);
  enquire.get_mset(0, 1, db.get_doccount());
  const Facets f = spies.Collect();
  std::vector<std::string_view> names;
  for (const schema::Field& field : schema::kFields)
    if (field.facet != schema::Facet::kNone) names.push_back(field.name);
  std::vector<std::string_view> got;
  for (const FacetValues& v : f.fields) got.push_back(v.name);
  EXPECT_EQ(got, names);
  // A field that is no facet has no counts.
  EXPECT_TRUE(f.Of(schema::FieldId::kLanguage).values.empty());
}

TEST(Facets, SourcesMostArticlesFirstDatesInOrder) {
  Xapian::WritableDatabase db = testing::TempDb();
  const Xapian::Stem stem = MakeStemmer("en");
  schema::ReplaceArticle(db, Article("a", Date{2014, 1, 4}, "Anadolu"), stem);
  schema::ReplaceArticle(db, Article("b", Date{2012, 1, 4}, "Xinhua"), stem);
  schema::ReplaceArticle(db, Article("c", Date{2013, 1, 4}, "Xinhua"), stem);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  FacetCollector spies;
  spies.Attach(enquire);
  enquire.get_mset(0, 1, db.get_doccount());
  const Facets f = spies.Collect();
  EXPECT_EQ(f.Of(schema::FieldId::kSource).values[0].value, "Xinhua");
  const FacetValues& years = f.Of(schema::FieldId::kYear);
  ASSERT_EQ(years.values.size(), 3u);
  EXPECT_EQ(years.values[0].value, "2012");
  EXPECT_EQ(years.values[2].value, "2014");
}

TEST(Facets, MonthHistogramShowsGaps) {
  Facets f;
  f.articles = 3;
  f.Of(schema::FieldId::kMonth).values = {{"2012-11", 2}, {"2013-02", 1}};
  f.Of(schema::FieldId::kYear).values = {{"2012", 2}, {"2013", 1}};
  auto bars = DateHistogram(f, 40);
  ASSERT_EQ(bars.size(), 4u);
  EXPECT_EQ(bars[0].label, "2012-11");
  EXPECT_EQ(bars[1].label, "2012-12");
  EXPECT_EQ(bars[1].count, 0u);
  EXPECT_EQ(bars[3].count, 1u);
}

TEST(Facets, LongSpansAndYearOnlyDatesUseYears) {
  Facets f;
  f.articles = 2;
  f.Of(schema::FieldId::kMonth).values = {{"1963-11", 1}, {"2012-12", 1}};
  f.Of(schema::FieldId::kYear).values = {{"1963", 1}, {"2012", 1}};
  auto bars = DateHistogram(f, 40);
  // 50 years do not fit 40 bars: only the years with articles.
  ASSERT_EQ(bars.size(), 2u);
  EXPECT_EQ(bars[0].label, "1963");
  f.Of(schema::FieldId::kMonth).values = {{"2012-12", 1}};
  f.Of(schema::FieldId::kMonth).unknown = 1;  // one article dated to the year only
  bars = DateHistogram(f, 100);
  EXPECT_EQ(bars.front().label, "1963");
  EXPECT_EQ(bars.size(), 50u);
  EXPECT_TRUE(DateHistogram(Facets(), 40).empty());
}

}  // namespace
}  // namespace lede

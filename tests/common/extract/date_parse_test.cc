// Table-driven tests for FindDates.
#include "common/extract/date_parse.h"

#include <string>

#include <gtest/gtest.h>

namespace lede {
namespace {

struct Case {
  const char* line;
  const char* iso;  // first match, "" for none
  bool has_year;
};

TEST(DateParse, FindsNewsForms) {
  const Case cases[] = {
      {"10:15, December 04, 2012", "2012-12-04", true},
      {"December 28, 2012 2:26 PM", "2012-12-28", true},
      {"January 22, 2014, 5:30 am", "2014-01-22", true},
      {"MOSCOW, Dec. 3 (Xinhua) --", "0000-12-03", false},
      {"2014-01-22", "2014-01-22", true},
      {"2019-11-19T12:00:00Z", "2019-11-19", true},
      {"22 January 2014", "2014-01-22", true},
      {"December 4th, 2012", "2012-12-04", true},
      {"4th of December 2012", "2012-12-04", true},
      {"12/04/2012", "2012-12-04", true},
      {"25/12/2012", "2012-12-25", true},
      {"04.12.2012", "2012-12-04", true},
      {"12/4/12", "2012-12-04", true},
      {"2012.12.04", "2012-12-04", true},
      {"22. Januar 2014", "2014-01-22", true},
      {"22 de janeiro de 2014", "2014-01-22", true},
      {"22 de enero de 2014", "2014-01-22", true},
      {"22 janvier 2014", "2014-01-22", true},
      {"22 gennaio 2014", "2014-01-22", true},
      {"22 Januari 2014", "2014-01-22", true},
      {"19 ноября 2019 г.", "2019-11-19", true},
      {"2019年11月19日", "2019-11-19", true},
      {"2019년 11월 19일", "2019-11-19", true},
      {"Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20", true},
      {"Nov. 19, 2019 8:03 am ET", "2019-11-19", true},
  };
  for (const Case& c : cases) {
    auto found = FindDates(c.line);
    ASSERT_FALSE(found.empty()) << c.line;
    EXPECT_EQ(FormatIsoDate(found[0].date), c.iso) << c.line;
    EXPECT_EQ(found[0].has_year, c.has_year) << c.line;
  }
}

TEST(DateParse, MonthPrecision) {
  auto found = FindDates("Published in November 2019");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].date.precision, DatePrecision::kMonth);
  EXPECT_EQ(FormatIsoDate(found[0].date), "2019-11-01");
}

TEST(DateParse, ReportsTimeNextToDate) {
  EXPECT_TRUE(FindDates("10:15, December 04, 2012")[0].has_time);
  EXPECT_FALSE(FindDates("on December 04, 2012 we")[0].has_time);
}

TEST(DateParse, RejectsNonDates) {
  const char* bad[] = {
      "",
      "February 30, 2012",
      "13/13/2012",
      "version 1.2.2019.4",
      "Airbus A320 flew 3000 miles",
      "Call 555-12-2012x now",
      "the year 3012",
      "May 10:30",
      "\xff\xfe\x80 December \xc3 2012",
  };
  for (const char* line : bad) {
    for (const DateMatch& m : FindDates(line)) {
      EXPECT_FALSE(m.has_year && m.date.precision == DatePrecision::kDay)
          << line << " -> " << FormatIsoDate(m.date);
    }
  }
}

TEST(DateParse, SafeOnHostileInput) {
  std::string huge(200000, '9');
  huge += " December 4, 2012";
  auto found = FindDates(huge);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(FormatIsoDate(found.back().date), "2012-12-04");
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>(i % 256));
  FindDates(junk);  // must not crash
}

TEST(DateParse, AbbreviationsThatAreWords) {
  // "ago", "set", "out", "des", "mag", "gen" are months only between a day
  // and a year.
  const Case cases[] = {
      {"02 Ago 2017", "2017-08-02", true},        {"5 set. 2019", "2019-09-05", true},
      {"14 out 2020, 10:02", "2020-10-14", true}, {"3 Des 2021", "2021-12-03", true},
      {"9 mag 2018", "2018-05-09", true},         {"12 gen 2016", "2016-01-12", true},
      {"1 abr 2015", "2015-04-01", true},         {"7 lug 2014", "2014-07-07", true},
      {"20 augusti 2013", "2013-08-20", true},    {"4 maj 2012", "2012-05-04", true},
  };
  for (const Case& c : cases) {
    auto found = FindDates(c.line);
    ASSERT_FALSE(found.empty()) << c.line;
    EXPECT_EQ(FormatIsoDate(found[0].date), c.iso) << c.line;
  }
  for (const char* line : {"3 days ago", "posted 2 ago", "a set of 4 out of 5", "Gen 2"}) {
    EXPECT_TRUE(FindDates(line).empty()) << line;
  }
}

TEST(DateParse, DayFirstOrder) {
  const Case cases[] = {
      {"02/12/2024", "2024-12-02", true},  {"15.10.24", "2024-10-15", true},
      {"28. 4. 2023", "2023-04-28", true}, {"06. 01. 2026, 10:15", "2026-01-06", true},
      {"12/25/2024", "2024-12-25", true},  // December all the same: no month 25
  };
  for (const Case& c : cases) {
    auto found = FindDates(c.line, DateOrder::kDayFirst);
    ASSERT_FALSE(found.empty()) << c.line;
    EXPECT_EQ(FormatIsoDate(found[0].date), c.iso) << c.line;
  }
  // The default order is unchanged: month first, no two-digit dotted forms
  // (version numbers). A dotted date spaced after its dots with a
  // four-digit year is a day first in any order: only that habit writes it.
  EXPECT_EQ(FormatIsoDate(FindDates("02/12/2024")[0].date), "2024-02-12");
  EXPECT_EQ(FormatIsoDate(FindDates("02/12/2024", DateOrder::kMonthFirst)[0].date), "2024-02-12");
  EXPECT_TRUE(FindDates("Python 3.10.12").empty());
  EXPECT_EQ(FormatIsoDate(FindDates("28. 4. 2023")[0].date), "2023-04-28");
  EXPECT_TRUE(FindDates("28. 4. 23").empty());
  // Thin and narrow no-break spaces are spaces.
  EXPECT_EQ(FormatIsoDate(FindDates("28.\xE2\x80\x89" "4.\xE2\x80\x89" "2023, 18:41 Uhr")[0].date),
            "2023-04-28");
  EXPECT_EQ(FormatIsoDate(FindDates("3\xE2\x80\xAFMay 2024")[0].date), "2024-05-03");
  EXPECT_TRUE(FindDates("1.2.19.4", DateOrder::kDayFirst).empty());
}

TEST(DateParse, MonthNames) {
  EXPECT_EQ(MonthFromName("december"), 12);
  EXPECT_EQ(MonthFromName("sept"), 9);
  EXPECT_EQ(MonthFromName("märz"), 3);
  EXPECT_EQ(MonthFromName("ноября"), 11);
  EXPECT_EQ(MonthFromName("desember"), 12);
  EXPECT_EQ(MonthFromName("set"), 0);  // a word in English, not a month
  EXPECT_EQ(MonthFromName("monday"), 0);
}

}  // namespace
}  // namespace lede

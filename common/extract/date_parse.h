// Finding calendar dates written in a line of text, in the forms news pages
// use ("December 04, 2012", "Dec. 3", "22 January 2014", "2014-01-22",
// "12/04/2012", "22. Januar 2014", "22 de janeiro de 2014", "2019年11月19日",
// ...). Month names in en/de/fr/es/pt/it/nl/id/ru. Which of the dates found is
// the publication date is for the caller to decide.
#ifndef LEDE_COMMON_EXTRACT_DATE_PARSE_H_
#define LEDE_COMMON_EXTRACT_DATE_PARSE_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/extract/article.h"

namespace lede {

struct DateMatch {
  Date date;              // year is 0 when the text gives none
  bool has_year = true;   // false for "Dec. 3": the year must come from elsewhere
  bool has_time = false;  // a clock time ("10:15", "2:26 PM") is next to it
  size_t begin = 0;       // byte range of the match in the line
  size_t end = 0;
};

// All dates in line, left to right, non-overlapping. Impossible dates
// (February 30, month 13) and years outside 1900..2100 are not matches.
std::vector<DateMatch> FindDates(std::string_view line);

// How to read an all-numeric date whose order the form leaves open.
// kMonthFirst: "12/04/2012" is December 4 (American), "04.12.2012" April 12
// only when December is impossible. kDayFirst, for pages in languages that
// write the day first: "02/12/2024" is 2 December, and the dotted forms also
// take a two-digit year ("15.10.24") and spaces ("28. 4. 2023").
enum class DateOrder { kMonthFirst, kDayFirst };
std::vector<DateMatch> FindDates(std::string_view line, DateOrder order);

// Month number (1-12) for a lower-cased month name or abbreviation in one of
// the supported languages, else 0.
int MonthFromName(std::string_view lower_name);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_DATE_PARSE_H_

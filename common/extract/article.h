// The document model: what extraction finds in one article dump, and what the
// index stores and the searcher prints.
#ifndef LEDE_COMMON_EXTRACT_ARTICLE_H_
#define LEDE_COMMON_EXTRACT_ARTICLE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lede {

enum class DatePrecision { kDay, kMonth, kYear };

// A calendar date as the article states it. month/day are 1 when the
// precision does not reach them.
struct Date {
  int year = 0;
  int month = 1;
  int day = 1;
  DatePrecision precision = DatePrecision::kDay;

  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day &&
           precision == o.precision;
  }
};

// "YYYY-MM-DD" (always the full form, month/day 01 when imprecise).
std::string FormatIsoDate(const Date& d);
// "day" | "month" | "year".
const char* PrecisionName(DatePrecision p);
// Days since 1970-01-01 (negative before); used for sortable date values.
long DaysFromCivil(int year, int month, int day);

// Why a line of the dump was kept or dropped (for --explain).
struct LineDecision {
  LineDecision() = default;
  LineDecision(int line, bool kept, std::string why, std::string unit_text = {})
      : line_no(line), keep(kept), reason(std::move(why)), text(std::move(unit_text)) {}

  int line_no = 0;  // 1-based line number in the dump (block number for HTML)
  bool keep = false;
  std::string reason;
  std::string text;  // the block's text when the unit is not a line of the input
};

// The clean article.
struct Article {
  std::string title;
  std::vector<std::string> paragraphs;  // body, original text (not normalized)
  std::optional<Date> date;
  std::string date_evidence;            // the text the date was read from
  // Who published the page (a site, a newspaper) and the agency whose copy it
  // carries ("People's Daily" publishing "Xinhua"): both canonical names,
  // absent when unknown; the same outlet may be both (AP on its own site).
  std::optional<std::string> publisher;
  std::string publisher_evidence;       // the text the publisher was read from
  std::optional<std::string> agency;
  std::string agency_evidence;          // the text the agency was read from
  std::string language = "en";          // ISO 639-1 code, "" when unknown
  std::optional<std::string> url;       // where the page was published, when known
  std::vector<LineDecision> lines;      // one per line of the dump

  // Paragraphs joined with "\n\n".
  std::string Body() const;
};

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_ARTICLE_H_

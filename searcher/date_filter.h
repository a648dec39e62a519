// Date filters: the DATE syntax of --since/--until and of date: in queries,
// and the Xapian range/field processors that turn date: into a value range
// on schema::kSlotDate. Xapian's stock DateRangeProcessor rejects
// "2012..2013" and "2012-06..2012-07" and cannot reach before 1970, hence
// lede's own.
//
// DATE is YYYY, YYYY-MM, YYYY-MM-DD, "today", or a relative Nd, Nw, Nm, Ny
// (N days, weeks, months, years before today). A range is A..B with either
// end open; ends are inclusive and rounded outward: a start is the first day
// of its period, an end the last (..2012 ends on 2012-12-31).
#ifndef LEDE_SEARCHER_DATE_FILTER_H_
#define LEDE_SEARCHER_DATE_FILTER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace lede {

// Inclusive range of days since 1970-01-01 (negative before); an open end is
// nullopt.
struct DayRange {
  std::optional<long> first;
  std::optional<long> last;

  bool empty() const { return !first && !last; }
  // Intersection (both filters apply).
  DayRange And(const DayRange& other) const;
};

// The day a DATE stands for: its first day, or with round_up its last.
// today is days since 1970 (relative dates count back from it). Throws
// QueryError, with accepted examples, for anything else.
long ParseDateBound(std::string_view text, long today, bool round_up);

// "A..B", "A..", "..B", or a single DATE (its whole period). Throws
// QueryError for an invalid date or a start after the end.
DayRange ParseDateRange(std::string_view text, long today);

// Documents whose date falls in range; documents with no date never match.
Xapian::Query DateRangeQuery(const DayRange& range);

// Where the processors below leave the first invalid value they meet, for
// the caller to throw as a QueryError once QueryParser::parse_query has
// returned: an exception unwinding through Xapian 1.4's parser leaks memory.
// The processor returns Query::MatchNothing in its place.
using FilterError = std::shared_ptr<std::string>;

// "date:A..B" (registered with QueryParser::add_rangeprocessor).
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor(long today, FilterError error);
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;

 private:
  long today_;
  FilterError error_;
};

// "date:DATE" (registered with QueryParser::add_boolean_prefix).
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  DateFieldProcessor(long today, FilterError error) : today_(today), error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& text) override;

 private:
  long today_;
  FilterError error_;
};

// Days since 1970 of a civil date (for callers turning a clock into today).
long TodayFromCivil(int year, int month, int day);

}  // namespace lede

#endif  // LEDE_SEARCHER_DATE_FILTER_H_

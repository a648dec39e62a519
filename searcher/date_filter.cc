// DATE parsing with outward rounding, and the processors behind date:.
#include "searcher/date_filter.h"

#include <cctype>
#include <limits>

#include "common/extract/article.h"
#include "common/error.h"
#include "common/index/schema.h"

namespace lede {
namespace {

constexpr const char* kAccepted =
    "use YYYY, YYYY-MM, YYYY-MM-DD, today, or Nd/Nw/Nm/Ny (days, weeks, months, years ago), "
    "e.g. 2013-01-22, date:2012..2013, date:2012-12..2013-01, --since 7d";

[[noreturn]] void Bad(std::string_view text, const char* why = nullptr) {
  throw QueryError("invalid date '" + std::string(text) + "'" +
                   (why ? std::string(" (") + why + ")" : std::string()) + ": " + kAccepted);
}

bool IsLeap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(long y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly n digits at text[pos]; -1 when they are not there.
long Digits(std::string_view text, size_t pos, size_t n) {
  if (pos + n > text.size()) return -1;
  long v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

void CivilFromDays(long z, long* y, int* m, int* d) {
  // Howard Hinnant's civil_from_days, the inverse of DaysFromCivil.
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

long Relative(std::string_view text, long today) {
  const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text.back())));
  std::string_view num = text.substr(0, text.size() - 1);
  if (num.empty() || num.size() > 5) Bad(text);
  long n = Digits(num, 0, num.size());
  if (n < 0) Bad(text);
  switch (unit) {
    case 'd':
      return today - n;
    case 'w':
      return today - 7 * n;
    case 'm':
    case 'y': {
      long y;
      int m, d;
      CivilFromDays(today, &y, &m, &d);
      long months = y * 12 + (m - 1) - (unit == 'm' ? n : 12 * n);
      y = months >= 0 ? months / 12 : -((-months + 11) / 12);
      m = static_cast<int>(months - y * 12 + 1);
      // 31 March minus one month is the last day of February.
      if (d > DaysInMonth(y, m)) d = DaysInMonth(y, m);
      return DaysFromCivil(static_cast<int>(y), m, d);
    }
    default:
      Bad(text);
  }
}

}  // namespace

DayRange DayRange::And(const DayRange& o) const {
  DayRange r = *this;
  if (o.first && (!r.first || *o.first > *r.first)) r.first = o.first;
  if (o.last && (!r.last || *o.last < *r.last)) r.last = o.last;
  return r;
}

long TodayFromCivil(int year, int month, int day) { return DaysFromCivil(year, month, day); }

long ParseDateBound(std::string_view text, long today, bool round_up) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) Bad(text, "empty");
  if (text == "today") return today;
  if (std::isalpha(static_cast<unsigned char>(text.back()))) return Relative(text, today);
  const long y = Digits(text, 0, 4);
  if (y < 0 || (text.size() != 4 && text.size() != 7 && text.size() != 10)) Bad(text);
  int m = 0, d = 0;
  if (text.size() >= 7) {
    const long mm = text[4] == '-' ? Digits(text, 5, 2) : -1;
    if (mm < 1 || mm > 12) Bad(text, mm < 0 ? nullptr : "no such month");
    m = static_cast<int>(mm);
  }
  if (text.size() == 10) {
    const long dd = text[7] == '-' ? Digits(text, 8, 2) : -1;
    if (dd < 1 || dd > DaysInMonth(y, m)) Bad(text, dd < 0 ? nullptr : "no such day");
    d = static_cast<int>(dd);
  }
  const int year = static_cast<int>(y);
  if (m == 0) return round_up ? DaysFromCivil(year, 12, 31) : DaysFromCivil(year, 1, 1);
  if (d == 0) return DaysFromCivil(year, m, round_up ? DaysInMonth(y, m) : 1);
  return DaysFromCivil(year, m, d);
}

DayRange ParseDateRange(std::string_view text, long today) {
  DayRange r;
  const size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    r.first = ParseDateBound(text, today, false);
    r.last = ParseDateBound(text, today, true);
    return r;
  }
  std::string_view a = text.substr(0, dots), b = text.substr(dots + 2);
  if (a.empty() && b.empty()) Bad(text, "both ends open");
  if (!a.empty()) r.first = ParseDateBound(a, today, false);
  if (!b.empty()) r.last = ParseDateBound(b, today, true);
  if (r.first && r.last && *r.first > *r.last)
    throw QueryError("invalid date range '" + std::string(text) +
                     "': the start is after the end (e.g. date:2012..2013)");
  return r;
}

Xapian::Query DateRangeQuery(const DayRange& range) {
  // Explicit bounds even for open ends: a document without a date has an
  // empty value, which must never fall inside a range.
  const double lo = range.first ? static_cast<double>(*range.first) : -1e9;
  const double hi = range.last ? static_cast<double>(*range.last) : 1e9;
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                       Xapian::sortable_serialise(lo), Xapian::sortable_serialise(hi));
}

DateRangeProcessor::DateRangeProcessor(long today, FilterError error)
    : Xapian::RangeProcessor(schema::kSlotDate, "date:"), today_(today), error_(std::move(error)) {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  try {
    return DateRangeQuery(ParseDateRange(begin + ".." + end, today_));
  } catch (const QueryError& e) {
    if (error_->empty()) *error_ = e.what();
    return Xapian::Query::MatchNothing;
  }
}

Xapian::Query DateFieldProcessor::operator()(const std::string& text) {
  try {
    return DateRangeQuery(ParseDateRange(text, today_));
  } catch (const QueryError& e) {
    if (error_->empty()) *error_ = e.what();
    return Xapian::Query::MatchNothing;
  }
}

}  // namespace lede

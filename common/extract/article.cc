// Small helpers of the document model.
#include "common/extract/article.h"

#include <cstdio>

namespace lede {

std::string FormatIsoDate(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

const char* PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar,
// so archives before 1970 sort correctly.
long DaysFromCivil(int year, int month, int day) {
  long y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string Article::Body() const {
  std::string out;
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

}  // namespace lede

// Fuzz target: FindDates on any line: matches lie inside the line, in order,
// without overlap, and are real dates.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/extract/date_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  size_t end = 0;
  for (const lede::DateMatch& m : lede::FindDates(line)) {
    const lede::Date& d = m.date;
    const bool ok = m.begin >= end && m.begin < m.end && m.end <= line.size() &&
                    d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 &&
                    (!m.has_year || (d.year >= 1900 && d.year <= 2100));
    if (!ok) {
      std::fprintf(stderr, "bad date match [%zu,%zu) %d-%d-%d\n", m.begin, m.end, d.year,
                   d.month, d.day);
      std::abort();
    }
    end = m.end;
  }
  lede::MonthFromName(line);
  return 0;
}

// Combining the command-line filters.
#include "searcher/filters.h"

#include "searcher/source_filter.h"

namespace lede {

Xapian::Query FilterQuery(const std::vector<std::string>& sources, const DayRange& dates) {
  Xapian::Query q = SourcesQuery(sources);
  if (!dates.empty()) {
    Xapian::Query d = DateRangeQuery(dates);
    q = q.empty() ? d : Xapian::Query(Xapian::Query::OP_AND, q, d);
  }
  return q;
}

}  // namespace lede

// The boolean filter of --source and --since/--until, applied with
// OP_FILTER outside the ranked query so it never changes a weight.
#ifndef LEDE_SEARCHER_FILTERS_H_
#define LEDE_SEARCHER_FILTERS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searcher/date_filter.h"

namespace lede {

// Any of sources (as publisher or agency) AND any of publishers AND any of
// agencies AND within dates; an empty Query when there is no filter. Throws
// QueryError for a name with no word in it.
Xapian::Query FilterQuery(const std::vector<std::string>& sources, const DayRange& dates,
                          const std::vector<std::string>& publishers = {},
                          const std::vector<std::string>& agencies = {});

// The scored part of a query and its boolean filter: (Q FILTER F...) gives
// {Q, F AND ...}; any other query {query, empty Query}. Ranking then sees
// only Q (feedback documents are not chosen inside the filter), and the
// filter is applied after, as the command-line filters are. Pure.
std::pair<Xapian::Query, Xapian::Query> SplitFilter(const Xapian::Query& query);

// The date: and source: filters of a query QueryParser rejected, so its
// plain-terms fallback still filters: whitespace-separated words
// "date:VALUE", "source:VALUE", "publisher:VALUE" and "agency:VALUE" become
// the filter (names of one kind OR-ed, dates
// intersected), every other word is appended to *rest. An empty Query when
// there is none. Throws QueryError for an invalid value. Pure.
Xapian::Query FieldFiltersIn(std::string_view text, long today, std::string* rest);

}  // namespace lede

#endif  // LEDE_SEARCHER_FILTERS_H_

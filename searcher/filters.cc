// Combining the command-line filters.
#include "searcher/filters.h"

#include "searcher/source_filter.h"

namespace lede {

namespace {

// Each kind of name filter narrows the others: --publisher X --agency Y is
// Y's copy as X published it.
Xapian::Query NamesQuery(const std::vector<std::string>& sources,
                         const std::vector<std::string>& publishers,
                         const std::vector<std::string>& agencies) {
  Xapian::Query q;
  for (Xapian::Query part : {SourcesQuery(sources), SourcesQuery(publishers, SourceRole::kPublisher),
                             SourcesQuery(agencies, SourceRole::kAgency)}) {
    if (part.empty()) continue;
    q = q.empty() ? part : Xapian::Query(Xapian::Query::OP_AND, q, part);
  }
  return q;
}

}  // namespace

Xapian::Query FilterQuery(const std::vector<std::string>& sources, const DayRange& dates,
                          const std::vector<std::string>& publishers,
                          const std::vector<std::string>& agencies) {
  Xapian::Query q = NamesQuery(sources, publishers, agencies);
  if (!dates.empty()) {
    Xapian::Query d = DateRangeQuery(dates);
    q = q.empty() ? d : Xapian::Query(Xapian::Query::OP_AND, q, d);
  }
  return q;
}

std::pair<Xapian::Query, Xapian::Query> SplitFilter(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::OP_FILTER || query.get_num_subqueries() < 2)
    return {query, Xapian::Query()};
  std::vector<Xapian::Query> filters;
  for (size_t i = 1; i < query.get_num_subqueries(); ++i) filters.push_back(query.get_subquery(i));
  return {query.get_subquery(0),
          filters.size() == 1
              ? filters[0]
              : Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end())};
}

Xapian::Query FieldFiltersIn(std::string_view text, long today, std::string* rest) {
  std::vector<std::string> sources, publishers, agencies;
  DayRange dates;
  bool any_date = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = text.find_first_not_of(" \t", pos);
    if (start == std::string_view::npos) break;
    size_t end = text.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    pos = end;
    std::string_view bare = word;
    while (!bare.empty() && (bare.front() == '(' || bare.front() == '"' || bare.front() == '+'))
      bare.remove_prefix(1);
    auto value = [&](std::string_view prefix) {
      std::string_view v = bare.substr(prefix.size());
      while (!v.empty() && (v.front() == '"' || v.front() == '(')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == '"' || v.back() == ')')) v.remove_suffix(1);
      return std::string(v);
    };
    if (bare.size() > 5 && bare.substr(0, 5) == "date:") {
      dates = dates.And(ParseDateRange(value("date:"), today));
      any_date = true;
    } else if (bare.size() > 7 && bare.substr(0, 7) == "source:") {
      sources.push_back(value("source:"));
    } else if (bare.size() > 10 && bare.substr(0, 10) == "publisher:") {
      publishers.push_back(value("publisher:"));
    } else if (bare.size() > 7 && bare.substr(0, 7) == "agency:") {
      agencies.push_back(value("agency:"));
    } else {
      if (!rest->empty()) *rest += ' ';
      rest->append(word);
    }
  }
  Xapian::Query q = NamesQuery(sources, publishers, agencies);
  if (any_date) {
    // Intersected ranges may be empty (date:2012 date:2013): nothing matches.
    // (Query::MatchNothing would not do: it is an empty Query, "no filter".)
    Xapian::Query d = dates.first && dates.last && *dates.first > *dates.last
                          ? Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                          Xapian::Query::MatchAll)
                          : DateRangeQuery(dates);
    q = q.empty() ? d : Xapian::Query(Xapian::Query::OP_AND, q, d);
  }
  return q;
}

}  // namespace lede

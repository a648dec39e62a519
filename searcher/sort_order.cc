// Date orders on schema::kSlotDate (sortable_serialise of days, so dates
// before 1970 sort correctly; empty when the date is unknown).
//
// Xapian 1.4's remote backend refuses a KeyMaker, so the orders are built
// from plain value sorts, which sort an empty value lowest. Newest first is
// then one descending sort: undated articles come last by themselves. Oldest
// first is not an ascending sort, which would put them first. It is the
// dated articles in ascending order followed by the undated ones by
// relevance, and that tail is also the tail of the newest-first order: with
// the dated stories (a) ahead of it in both, positions a and on hold the
// same results in both orders. So the oldest-first page [first, first+n) is
// the dated match's page [first, first+n), and when that has only k < n
// results (so a <= first+k), the rest are positions first+k... of the
// newest-first match. Collapse agrees: a story with dated and undated copies
// is shown by a dated copy in both orders (in the dated match and in the
// head of the newest-first one), and only stories with no dated copy reach
// the tail, shown by their best copy in both.
#include "searcher/sort_order.h"

#include "common/error.h"
#include "common/index/schema.h"

namespace lede {
namespace {

// query without its undated articles. Not OP_FILTER with the dated ones:
// Xapian merges a filter into the query's own AND, which may add up the
// weights in another order and change a score in its last bit; the left
// side of an OP_AND_NOT is matched as a query of its own, with the same
// weights as without it. (Every non-empty value is >= "\0".)
Xapian::Query DatedOnly(const Xapian::Query& query) {
  const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string(1, '\0'));
  return {Xapian::Query::OP_AND_NOT, query,
          Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, dated)};
}

void AddFrom(const Xapian::MSet& mset, Xapian::doccount from, ResultPage* page) {
  for (Xapian::doccount i = from; i < mset.size(); ++i) page->hits.push_back(mset[i]);
}

}  // namespace

MatchCounts ResultPage::Counts() const {
  if (counts) return *counts;
  return {all.get_matches_estimated(), all.get_matches_lower_bound(),
          all.get_matches_upper_bound()};
}

SortOrder ParseSortOrder(const std::string& name) {
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "newest") return SortOrder::kNewest;
  if (name == "oldest") return SortOrder::kOldest;
  throw UsageError("invalid sort order '" + name + "': use relevance, newest or oldest");
}

ResultPage GetPage(Xapian::Enquire& enquire, const Xapian::Query& query, SortOrder order,
                   const EnquireMaker& make, Xapian::doccount first, Xapian::doccount count,
                   Xapian::doccount check_at_least) {
  ResultPage page;
  if (order == SortOrder::kRelevance) {
    enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);
  } else {
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  }
  page.all = enquire.get_mset(first, count, check_at_least);
  if (order != SortOrder::kOldest) {
    AddFrom(page.all, 0, &page);
    return page;
  }
  Xapian::Enquire dated = make(DatedOnly(query));
  dated.set_sort_by_value_then_relevance(schema::kSlotDate, false);
  const Xapian::MSet head = dated.get_mset(first, count);
  AddFrom(head, 0, &page);
  AddFrom(page.all, head.size(), &page);
  return page;
}

}  // namespace lede

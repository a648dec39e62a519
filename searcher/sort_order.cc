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

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

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

// Equal in a date order: Xapian then orders by docid, which depends on how
// the database was built.
bool Tied(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) {
  return a.get_sort_key() == b.get_sort_key() && a.get_weight() == b.get_weight();
}

// Results [first, first + count) of enquire (set up for a date order) in
// that order, with each run of results equal in date and score ordered by
// article id instead of docid: the same articles give the same page however
// they were indexed. The runs that reach into the page are read whole (the
// match is read from its first result: a sorted match holds that many
// results anyway). all: the match, for its estimates.
std::vector<Xapian::MSetIterator> DatePage(Xapian::Enquire& enquire, Xapian::doccount first,
                                           Xapian::doccount count, Xapian::doccount check_at_least,
                                           Xapian::MSet* all) {
  const Xapian::doccount end = first + count;
  Xapian::MSet mset;
  for (Xapian::doccount extra = 1;; extra *= 4) {
    mset = enquire.get_mset(0, end + extra, check_at_least);
    // Complete when the match ends or the last result read is past the
    // run of the page's last one.
    if (mset.size() < end + extra || !Tied(mset[end - 1], mset[mset.size() - 1])) break;
  }
  std::vector<Xapian::MSetIterator> items;
  for (Xapian::doccount i = 0; i < mset.size(); ++i) items.push_back(mset[i]);
  for (Xapian::doccount run = 0; run < std::min<Xapian::doccount>(end, mset.size());) {
    Xapian::doccount next = run + 1;
    while (next < items.size() && Tied(items[run], items[next])) ++next;
    if (next - run > 1 && next > first) {
      std::vector<std::pair<std::string, Xapian::MSetIterator>> keyed;
      for (Xapian::doccount i = run; i < next; ++i)
        keyed.emplace_back(items[i].get_document().get_value(schema::kSlotId), items[i]);
      std::stable_sort(keyed.begin(), keyed.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (Xapian::doccount i = run; i < next; ++i) items[i] = keyed[i - run].second;
    }
    run = next;
  }
  std::vector<Xapian::MSetIterator> page;
  for (Xapian::doccount i = first; i < std::min<Xapian::doccount>(end, items.size()); ++i)
    page.push_back(items[i]);
  *all = std::move(mset);
  return page;
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
    page.all = enquire.get_mset(first, count, check_at_least);
    for (Xapian::doccount i = 0; i < page.all.size(); ++i) page.hits.push_back(page.all[i]);
    return page;
  }
  enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  if (count == 0) {  // the counts only
    page.all = enquire.get_mset(first, 0, check_at_least);
    return page;
  }
  std::vector<Xapian::MSetIterator> newest =
      DatePage(enquire, first, count, check_at_least, &page.all);
  if (order == SortOrder::kNewest) {
    page.hits = std::move(newest);
    return page;
  }
  Xapian::Enquire dated = make(DatedOnly(query));
  dated.set_sort_by_value_then_relevance(schema::kSlotDate, false);
  Xapian::MSet head;
  page.hits = DatePage(dated, first, count, 0, &head);
  for (size_t i = page.hits.size(); i < newest.size(); ++i) page.hits.push_back(newest[i]);
  return page;
}

}  // namespace lede

// Result order: relevance, or by date with relevance breaking ties, the same
// on local and remote (xapian-tcpsrv) shards.
#ifndef LEDE_SEARCHER_SORT_ORDER_H_
#define LEDE_SEARCHER_SORT_ORDER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace lede {

// Articles with no date come last in both date orders.
enum class SortOrder { kRelevance, kNewest, kOldest };

// "relevance" | "newest" | "oldest"; throws UsageError otherwise.
SortOrder ParseSortOrder(const std::string& name);

// A fresh Enquire for a query, set up like every other Enquire of the same
// search (weighting scheme, collapse key), without match spies.
using EnquireMaker = std::function<Xapian::Enquire(const Xapian::Query&)>;

// How many results a query has: exact when lower == upper.
struct MatchCounts {
  Xapian::doccount estimate = 0;
  Xapian::doccount lower = 0;
  Xapian::doccount upper = 0;
};

struct ResultPage {
  // The match over every result of the query, with the window asked for:
  // estimates come from it (unless counts says otherwise), and the match
  // spies on its Enquire saw it all.
  Xapian::MSet all;
  // The page in order. Results equal in date and score are ordered by
  // article id, which Xapian's own order (get_rank()) does not do.
  std::vector<Xapian::MSetIterator> hits;
  // Set when the page was not cut from a match of the query itself
  // (PhrasePageByRank): all's estimates are then another query's.
  std::optional<MatchCounts> counts;

  MatchCounts Counts() const;
};

// Sets enquire's order (it is set up for query, with any match spies) and
// returns the results [first, first + count) in that order, as
// enquire.get_mset(first, count, check_at_least) would. Uses no KeyMaker,
// which the remote backend refuses: kOldest runs a second match, over the
// dated articles only, on an Enquire from make. Equal relevance, and in the
// date orders equal date and relevance, are ordered by article id
// (schema::kSlotId), never by docid: the same articles give the same page
// however the database was built. Throws Xapian::Error.
ResultPage GetPage(Xapian::Enquire& enquire, const Xapian::Query& query, SortOrder order,
                   const EnquireMaker& make, Xapian::doccount first, Xapian::doccount count,
                   Xapian::doccount check_at_least);

}  // namespace lede

#endif  // LEDE_SEARCHER_SORT_ORDER_H_

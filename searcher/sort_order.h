// Result order: relevance, or by date with relevance breaking ties.
#ifndef LEDE_SEARCHER_SORT_ORDER_H_
#define LEDE_SEARCHER_SORT_ORDER_H_

#include <memory>
#include <string>

#include <xapian.h>

namespace lede {

// Articles with no date come last in both date orders.
enum class SortOrder { kRelevance, kNewest, kOldest };

// "relevance" | "newest" | "oldest"; throws UsageError otherwise.
SortOrder ParseSortOrder(const std::string& name);

// Sets enquire's order. The returned key maker (may be null) must outlive
// the enquire's get_mset calls.
std::unique_ptr<Xapian::KeyMaker> ApplySortOrder(Xapian::Enquire& enquire, SortOrder order);

}  // namespace lede

#endif  // LEDE_SEARCHER_SORT_ORDER_H_

// Date orders on schema::kSlotDate (sortable_serialise of days, so dates
// before 1970 sort correctly).
#include "searcher/sort_order.h"

#include "common/error.h"
#include "common/schema.h"

namespace lede {

SortOrder ParseSortOrder(const std::string& name) {
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "newest") return SortOrder::kNewest;
  if (name == "oldest") return SortOrder::kOldest;
  throw UsageError("invalid sort order '" + name + "': use relevance, newest or oldest");
}

std::unique_ptr<Xapian::KeyMaker> ApplySortOrder(Xapian::Enquire& enquire, SortOrder order) {
  if (order == SortOrder::kRelevance) return nullptr;
  auto keys = std::make_unique<Xapian::MultiValueKeyMaker>();
  // An unknown date sorts as the empty string, before every date; make it
  // sort after every date instead (oldest), or keep it lowest in a reversed
  // order (newest), so undated articles come last either way.
  if (order == SortOrder::kOldest)
    keys->add_value(schema::kSlotDate, false, "\xff");
  else
    keys->add_value(schema::kSlotDate, true);
  enquire.set_sort_by_key_then_relevance(keys.get(), false);
  return keys;
}

}  // namespace lede

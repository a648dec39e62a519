// Facets: counts per value of each of the schema's facet fields (source,
// publisher, agency, year, month) over every matching article (not only the
// page shown), from Xapian ValueCountMatchSpy on the fields' slots, plus the
// date histogram the terminal shows.
//
// Match spies see documents before near-duplicate collapsing, so facets count
// articles (copies), not stories; the printers say so.
#ifndef LEDE_SEARCHER_FACETS_H_
#define LEDE_SEARCHER_FACETS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/index/schema.h"

namespace lede {

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

// One facet field's counts.
struct FacetValues {
  schema::FieldId field = schema::FieldId::kSource;
  std::string_view name;  // the field's name ("source", "year", "month")
  schema::Facet order = schema::Facet::kByCount;
  std::vector<FacetCount> values;  // in the field's Facet order
  // Matching articles without a value (for month: no date, or a year-only one).
  Xapian::doccount unknown = 0;
};

struct Facets {
  Xapian::doccount articles = 0;    // matching articles the spies saw
  std::vector<FacetValues> fields;  // one per facet field, in schema::kFields order
  // The counts of a field; empty ones when it is not among fields (the
  // non-const one adds them then).
  const FacetValues& Of(schema::FieldId field) const;
  FacetValues& Of(schema::FieldId field);
};

// Owns the spies for one Enquire run. Attach before get_mset, and pass a
// check_at_least of at least the database size so every match is counted.
class FacetCollector {
 public:
  FacetCollector();
  void Attach(Xapian::Enquire& enquire);
  Facets Collect() const;
  // Distinct near-duplicate clusters among the matches: the exact number of
  // stories (every indexed article has a cluster id).
  Xapian::doccount Stories() const;

 private:
  // One spy per facet field, in schema::kFields order.
  std::vector<std::pair<const schema::Field*, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
  Xapian::ValueCountMatchSpy cluster_;
};

struct HistogramBar {
  std::string label;  // "2012-12" or "2012"
  Xapian::doccount count = 0;
};

// One bar per month from the first to the last month with articles, empty
// months included so gaps show; per year instead when that would exceed
// max_bars. Articles with only a year count in the year bars only. From the
// month and year facets. Pure.
std::vector<HistogramBar> DateHistogram(const Facets& facets, size_t max_bars);

}  // namespace lede

#endif  // LEDE_SEARCHER_FACETS_H_

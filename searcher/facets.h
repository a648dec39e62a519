// Facets: counts per publisher, agency and credit, per year and per month over every matching
// article (not only the page shown), from Xapian ValueCountMatchSpy on the
// schema's facet slots, plus the date histogram the terminal shows.
//
// Match spies see documents before near-duplicate collapsing, so facets count
// articles (copies), not stories; the printers say so.
#ifndef LEDE_SEARCHER_FACETS_H_
#define LEDE_SEARCHER_FACETS_H_

#include <string>
#include <vector>

#include <xapian.h>

namespace lede {

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

struct Facets {
  Xapian::doccount articles = 0;    // matching articles the spies saw
  // Each most articles first, then by name. sources: the credit (agency,
  // else publisher; kSlotSource).
  std::vector<FacetCount> sources;
  Xapian::doccount source_unknown = 0;
  std::vector<FacetCount> publishers;
  Xapian::doccount publisher_unknown = 0;
  std::vector<FacetCount> agencies;
  Xapian::doccount agency_unknown = 0;
  std::vector<FacetCount> years;       // chronological
  std::vector<FacetCount> months;      // chronological ("YYYY-MM")
  Xapian::doccount date_unknown = 0;   // no date at all
  Xapian::doccount month_unknown = 0;  // no date, or a year-only date
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
  Xapian::ValueCountMatchSpy source_, publisher_, agency_, year_, month_, cluster_;
};

struct HistogramBar {
  std::string label;  // "2012-12" or "2012"
  Xapian::doccount count = 0;
};

// One bar per month from the first to the last month with articles, empty
// months included so gaps show; per year instead when that would exceed
// max_bars. Articles with only a year count in the year bars only. Pure.
std::vector<HistogramBar> DateHistogram(const Facets& facets, size_t max_bars);

}  // namespace lede

#endif  // LEDE_SEARCHER_FACETS_H_

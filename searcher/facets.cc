// Match-spy facets and the month/year histogram.
#include "searcher/facets.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "common/index/schema.h"

namespace lede {
namespace {

std::vector<FacetCount> Values(const Xapian::ValueCountMatchSpy& spy, Xapian::doccount* known) {
  std::vector<FacetCount> out;
  *known = 0;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    out.push_back({*it, it.get_termfreq()});
    *known += it.get_termfreq();
  }
  return out;  // values_begin() is in value order: chronological for dates
}

std::string MonthLabel(long months) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld", months / 12, months % 12 + 1);
  return buf;
}

long MonthIndex(const std::string& yyyy_mm) {
  return std::atol(yyyy_mm.substr(0, 4).c_str()) * 12 + std::atol(yyyy_mm.substr(5, 2).c_str()) - 1;
}

}  // namespace

FacetCollector::FacetCollector()
    : source_(schema::kSlotSource),
      publisher_(schema::kSlotPublisher),
      agency_(schema::kSlotAgency),
      year_(schema::kSlotYear),
      month_(schema::kSlotMonth),
      cluster_(schema::kSlotCluster) {}

void FacetCollector::Attach(Xapian::Enquire& enquire) {
  enquire.add_matchspy(&source_);
  enquire.add_matchspy(&publisher_);
  enquire.add_matchspy(&agency_);
  enquire.add_matchspy(&year_);
  enquire.add_matchspy(&month_);
  enquire.add_matchspy(&cluster_);
}

Facets FacetCollector::Collect() const {
  Facets f;
  f.articles = source_.get_total();
  Xapian::doccount known = 0;
  auto by_count = [](std::vector<FacetCount>* v) {
    std::stable_sort(v->begin(), v->end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  };
  f.sources = Values(source_, &known);
  f.source_unknown = f.articles - known;
  by_count(&f.sources);
  f.publishers = Values(publisher_, &known);
  f.publisher_unknown = f.articles - known;
  by_count(&f.publishers);
  f.agencies = Values(agency_, &known);
  f.agency_unknown = f.articles - known;
  by_count(&f.agencies);
  f.years = Values(year_, &known);
  f.date_unknown = f.articles - known;
  f.months = Values(month_, &known);
  f.month_unknown = f.articles - known;
  return f;
}

Xapian::doccount FacetCollector::Stories() const {
  Xapian::doccount distinct = 0, clustered = 0;
  for (auto it = cluster_.values_begin(); it != cluster_.values_end(); ++it) {
    ++distinct;
    clustered += it.get_termfreq();
  }
  // Articles from an index without cluster ids each count as a story.
  return distinct + (cluster_.get_total() - clustered);
}

std::vector<HistogramBar> DateHistogram(const Facets& facets, size_t max_bars) {
  std::vector<HistogramBar> bars;
  if (!facets.months.empty()) {
    const long first = MonthIndex(facets.months.front().value);
    const long last = MonthIndex(facets.months.back().value);
    const bool year_only_dates = facets.month_unknown > facets.date_unknown;
    if (!year_only_dates && last - first + 1 <= static_cast<long>(max_bars)) {
      size_t k = 0;
      for (long m = first; m <= last; ++m) {
        HistogramBar b{MonthLabel(m), 0};
        if (k < facets.months.size() && MonthIndex(facets.months[k].value) == m)
          b.count = facets.months[k++].count;
        bars.push_back(b);
      }
      return bars;
    }
  }
  if (facets.years.empty()) return bars;
  const long first = std::atol(facets.years.front().value.c_str());
  const long last = std::atol(facets.years.back().value.c_str());
  size_t k = 0;
  for (long y = first; y <= last; ++y) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04ld", y);
    HistogramBar b{buf, 0};
    if (k < facets.years.size() && std::atol(facets.years[k].value.c_str()) == y)
      b.count = facets.years[k++].count;
    bars.push_back(b);
  }
  // A century of years would not fit either: keep the span with articles.
  if (bars.size() > max_bars) {
    std::vector<HistogramBar> kept;
    for (const HistogramBar& b : bars)
      if (b.count) kept.push_back(b);
    bars = kept;
  }
  return bars;
}

}  // namespace lede

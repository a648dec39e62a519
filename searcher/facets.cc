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

FacetValues EmptyValues(const schema::Field& field) {
  FacetValues v;
  v.field = field.id;
  v.name = field.name;
  v.order = field.facet;
  return v;
}

}  // namespace

const FacetValues& Facets::Of(schema::FieldId field) const {
  for (const FacetValues& v : fields)
    if (v.field == field) return v;
  static const std::vector<FacetValues> kEmpty = [] {
    std::vector<FacetValues> empty;
    for (const schema::Field& f : schema::kFields) empty.push_back(EmptyValues(f));
    return empty;
  }();
  return kEmpty[static_cast<size_t>(field)];
}

FacetValues& Facets::Of(schema::FieldId field) {
  for (FacetValues& v : fields)
    if (v.field == field) return v;
  fields.push_back(EmptyValues(schema::FieldOf(field)));
  return fields.back();
}

FacetCollector::FacetCollector() : cluster_(schema::FieldOf(schema::FieldId::kCluster).slot) {
  for (const schema::Field& field : schema::kFields) {
    if (field.facet != schema::Facet::kNone)
      spies_.emplace_back(&field, std::make_unique<Xapian::ValueCountMatchSpy>(field.slot));
  }
}

void FacetCollector::Attach(Xapian::Enquire& enquire) {
  for (auto& spy : spies_) enquire.add_matchspy(spy.second.get());
  enquire.add_matchspy(&cluster_);
}

Facets FacetCollector::Collect() const {
  Facets f;
  f.articles = cluster_.get_total();
  for (const auto& [field, spy] : spies_) {
    FacetValues v = EmptyValues(*field);
    Xapian::doccount known = 0;
    v.values = Values(*spy, &known);
    v.unknown = f.articles - known;
    if (v.order == schema::Facet::kByCount) {
      std::stable_sort(v.values.begin(), v.values.end(),
                       [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    }
    f.fields.push_back(std::move(v));
  }
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
  const FacetValues& months = facets.Of(schema::FieldId::kMonth);
  const FacetValues& years = facets.Of(schema::FieldId::kYear);
  if (!months.values.empty()) {
    const long first = MonthIndex(months.values.front().value);
    const long last = MonthIndex(months.values.back().value);
    const bool year_only_dates = months.unknown > years.unknown;
    if (!year_only_dates && last - first + 1 <= static_cast<long>(max_bars)) {
      size_t k = 0;
      for (long m = first; m <= last; ++m) {
        HistogramBar b{MonthLabel(m), 0};
        if (k < months.values.size() && MonthIndex(months.values[k].value) == m)
          b.count = months.values[k++].count;
        bars.push_back(b);
      }
      return bars;
    }
  }
  if (years.values.empty()) return bars;
  const long first = std::atol(years.values.front().value.c_str());
  const long last = std::atol(years.values.back().value.c_str());
  size_t k = 0;
  for (long y = first; y <= last; ++y) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04ld", y);
    HistogramBar b{buf, 0};
    if (k < years.values.size() && std::atol(years.values[k].value.c_str()) == y)
      b.count = years.values[k++].count;
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

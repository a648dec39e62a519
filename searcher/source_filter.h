// Source filters: --source NAME (repeatable, OR between names) and source:
// in queries, matched on schema::SourceKey so case, accents and spacing do
// not matter ("Agência Brasil" = "agencia brasil" = source:agencia_brasil).
#ifndef LEDE_SEARCHER_SOURCE_FILTER_H_
#define LEDE_SEARCHER_SOURCE_FILTER_H_

#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/date_filter.h"

namespace lede {

// The boolean term of a source name. Throws QueryError for a name with no
// word in it.
std::string SourceTerm(const std::string& name);

// Documents from any of names; an empty Query when names is empty.
Xapian::Query SourcesQuery(const std::vector<std::string>& names);

// "source:NAME" and source:"Two Words" (QueryParser::add_boolean_prefix).
// An invalid name is left in error (see FilterError).
class SourceFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit SourceFieldProcessor(FilterError error) : error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& text) override;

 private:
  FilterError error_;
};

}  // namespace lede

#endif  // LEDE_SEARCHER_SOURCE_FILTER_H_

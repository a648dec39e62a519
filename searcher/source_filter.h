// Source filters: --source NAME (repeatable, OR between names) and source:
// in queries match an article whose publisher or agency has that name;
// --publisher/publisher: and --agency/agency: match one of the two. Names
// are matched on schema::SourceKey so case, accents and spacing do not
// matter ("Agência Brasil" = "agencia brasil" = source:agencia_brasil).
#ifndef LEDE_SEARCHER_SOURCE_FILTER_H_
#define LEDE_SEARCHER_SOURCE_FILTER_H_

#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/date_filter.h"

namespace lede {

// Which of an article's names a filter looks at.
enum class SourceRole { kEither, kPublisher, kAgency };

// The boolean term of a source name. Throws QueryError for a name with no
// word in it.
std::string SourceTerm(const std::string& name, SourceRole role = SourceRole::kEither);

// Documents from any of names; an empty Query when names is empty.
Xapian::Query SourcesQuery(const std::vector<std::string>& names,
                           SourceRole role = SourceRole::kEither);

// "source:NAME" and source:"Two Words" (QueryParser::add_boolean_prefix).
// An invalid name is left in error (see FilterError).
class SourceFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit SourceFieldProcessor(FilterError error, SourceRole role = SourceRole::kEither)
      : error_(std::move(error)), role_(role) {}
  Xapian::Query operator()(const std::string& text) override;

 private:
  FilterError error_;
  SourceRole role_;
};

}  // namespace lede

#endif  // LEDE_SEARCHER_SOURCE_FILTER_H_

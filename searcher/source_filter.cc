// Source names to XSOURCE terms, the same key the indexer writes.
#include "searcher/source_filter.h"

#include "common/error.h"
#include "common/index/schema.h"

namespace lede {

std::string SourceTerm(const std::string& name, SourceRole role) {
  const std::string key = schema::SourceKey(name);
  const char* what = role == SourceRole::kPublisher ? "publisher"
                     : role == SourceRole::kAgency  ? "agency"
                                                    : "source";
  if (key.empty())
    throw QueryError(std::string("invalid ") + what + " '" + name + "': give a name, e.g. --" +
                     what + " Xinhua");
  const std::string_view prefix = role == SourceRole::kPublisher ? schema::kPrefixPublisher
                                  : role == SourceRole::kAgency  ? schema::kPrefixAgency
                                                                 : schema::kPrefixSource;
  return std::string(prefix) + key;
}

Xapian::Query SourcesQuery(const std::vector<std::string>& names, SourceRole role) {
  std::vector<Xapian::Query> terms;
  for (const std::string& n : names) terms.emplace_back(SourceTerm(n, role));
  if (terms.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query SourceFieldProcessor::operator()(const std::string& text) {
  try {
    return Xapian::Query(SourceTerm(text, role_));
  } catch (const QueryError& e) {
    if (error_->empty()) *error_ = e.what();
    return Xapian::Query::MatchNothing;
  }
}

}  // namespace lede

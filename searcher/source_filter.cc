// Source names to XSOURCE terms, the same key the indexer writes.
#include "searcher/source_filter.h"

#include "common/error.h"
#include "common/index/schema.h"

namespace lede {

std::string SourceTerm(const std::string& name, SourceRole role) {
  const schema::FieldId field = role == SourceRole::kPublisher ? schema::FieldId::kPublisher
                                : role == SourceRole::kAgency  ? schema::FieldId::kAgency
                                                               : schema::FieldId::kSource;
  const std::string what(schema::FieldOf(field).name);
  const std::string key = schema::SourceKey(name);
  if (key.empty())
    throw QueryError("invalid " + what + " '" + name + "': give a name, e.g. --" + what +
                     " Xinhua");
  return schema::Term(field, key);
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

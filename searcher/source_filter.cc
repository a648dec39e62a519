// Source names to XSOURCE terms, the same key the indexer writes.
#include "searcher/source_filter.h"

#include "common/error.h"
#include "common/index/schema.h"

namespace lede {

std::string SourceTerm(const std::string& name) {
  const std::string key = schema::SourceKey(name);
  if (key.empty())
    throw QueryError("invalid source '" + name + "': give a name, e.g. --source Xinhua");
  return std::string(schema::kPrefixSource) + key;
}

Xapian::Query SourcesQuery(const std::vector<std::string>& names) {
  std::vector<Xapian::Query> terms;
  for (const std::string& n : names) terms.emplace_back(SourceTerm(n));
  if (terms.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query SourceFieldProcessor::operator()(const std::string& text) {
  try {
    return Xapian::Query(SourceTerm(text));
  } catch (const QueryError& e) {
    if (error_->empty()) *error_ = e.what();
    return Xapian::Query::MatchNothing;
  }
}

}  // namespace lede

// Per-term weights by re-running each matching term on the one document.
#include "searcher/explain.h"

#include <algorithm>

#include "common/index/schema.h"

namespace lede {

std::string ReadableTerm(const std::string& term) {
  const std::string z(schema::kPrefixStem);
  const std::string title = z + std::string(schema::kPrefixTitle);
  if (term.compare(0, title.size(), title) == 0) return "title:" + term.substr(title.size());
  if (term.compare(0, z.size(), z) == 0) return term.substr(z.size());
  return term;
}

std::vector<TermWeight> ExplainMatch(Xapian::Enquire& enquire, const Xapian::Query& query,
                                     Xapian::docid docid, const std::string& id_term) {
  enquire.set_query(query);
  std::vector<std::string> terms(enquire.get_matching_terms_begin(docid),
                                 enquire.get_matching_terms_end(docid));
  enquire.clear_matchspies();
  std::vector<TermWeight> out;
  for (const std::string& t : terms) {
    // Only the text terms carry weight; boolean filter terms do not.
    if (t.compare(0, schema::kPrefixStem.size(), schema::kPrefixStem) != 0) continue;
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(t), Xapian::Query(id_term)));
    Xapian::MSet m = enquire.get_mset(0, 1);
    out.push_back({ReadableTerm(t), m.empty() ? 0.0 : m.begin().get_weight()});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
  return out;
}

}  // namespace lede

// Batched term frequencies (see term_freqs.h).
#include "searcher/term_freqs.h"

namespace lede {

void TermFreqs::Prefetch(const std::vector<std::string>& terms) {
  if (!remote_) return;
  std::vector<Xapian::Query> wanted;
  for (const std::string& t : terms)
    if (!t.empty() && !known_.count(t)) wanted.emplace_back(t);
  if (wanted.empty()) return;
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, wanted.begin(), wanted.end()));
  // No results: only the statistics every shard sends before matching.
  const Xapian::MSet stats = enquire.get_mset(0, 0);
  for (const Xapian::Query& q : wanted) {
    const std::string term = *q.get_terms_begin();
    known_[term] = stats.get_termfreq(term);
  }
}

Xapian::doccount TermFreqs::operator()(const std::string& term) const {
  const auto it = known_.find(term);
  return it != known_.end() ? it->second : db_.get_termfreq(term);
}

}  // namespace lede

// Term frequencies for a batch of terms, in as few round trips as a remote
// shard allows. Each Database::get_termfreq on a remote shard (xapian-tcpsrv)
// is a round trip: feedback asks for the frequencies of a thousand candidate
// terms, a page of results for the size of each shown story, so a query cost
// a thousand round trips. One match over the OR of the terms brings every
// term's frequency from every shard at once (MSet::get_termfreq). On a local
// database that match would open every term's posting list (40-70 ms for a
// thousand terms against 1-8 ms of look-ups), so there each term is looked up
// when it is asked for.
#ifndef LEDE_SEARCHER_TERM_FREQS_H_
#define LEDE_SEARCHER_TERM_FREQS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace lede {

class TermFreqs {
 public:
  // remote: db has a remote shard (IndexReader::local() is false).
  TermFreqs(const Xapian::Database& db, bool remote) : db_(db), remote_(remote) {}

  // Gathers the frequencies of terms in one match when the database is
  // remote; does nothing on a local one. Throws Xapian::Error.
  void Prefetch(const std::vector<std::string>& terms);

  // The number of documents holding term: gathered, or looked up now.
  Xapian::doccount operator()(const std::string& term) const;

  bool remote() const { return remote_; }

 private:
  const Xapian::Database& db_;
  bool remote_;
  std::unordered_map<std::string, Xapian::doccount> known_;
};

}  // namespace lede

#endif  // LEDE_SEARCHER_TERM_FREQS_H_

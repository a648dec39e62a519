// How lede orders matches: the weighting scheme and its parameters, and the
// query rewrites that reward title matches and query words found close
// together, plus optional pseudo-relevance feedback. The defaults were chosen
// on relevance judgments; docs/ranking.md has the measurements.
#ifndef LEDE_SEARCHER_RANKING_H_
#define LEDE_SEARCHER_RANKING_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/phrase_check.h"

namespace lede {

class TermFreqs;

struct RankingOptions {
  // Weighting scheme: "bm25" (lede's), or "dph", "pl2", "inl2" (Xapian's
  // divergence-from-randomness schemes, kept for measuring).
  std::string scheme = "bm25";
  double k1 = 1.2;  // BM25 term-frequency saturation
  double b = 0.75;  // BM25 document-length normalization
  double k3 = 1;    // BM25 weight of words repeated in the query
  // Extra weight of query words found in the title, as a fraction of their
  // weight as title terms (0 = off).
  double title_weight = 0.3;
  // Extra weight of documents where consecutive query words occur within
  // proximity_window positions of each other (0 = off: it lost on every
  // setting measured, see docs/ranking.md).
  double proximity_weight = 0.0;
  unsigned proximity_window = 8;
  // Only queries of at most this many distinct words get the proximity boost
  // (a keyword query's words near each other say more than a paragraph's).
  unsigned proximity_max_words = 4;
  // Pseudo-relevance feedback: expand the query with feedback_terms terms
  // from the top feedback_docs documents (0 = off); together they weigh
  // feedback_weight times the number of query words, and never more than
  // feedback_cap times what the query's own words can weigh at most (so the
  // query stays dominant). Only queries of feedback_min_words distinct words
  // or more get feedback: a short keyword query says what it means, a long
  // description gains from the words its best matches share.
  unsigned feedback_docs = 3;
  unsigned feedback_terms = 20;
  double feedback_weight = 1.0;
  double feedback_cap = 1.0;
  unsigned feedback_min_words = 4;
  // Feedback takes its documents for relevant: they keep their places at
  // the top, and the expanded query orders the rest (so feedback never
  // pushes down the first result).
  bool feedback_keep = true;
};

// Reads "key=value,key=value" over base: keys scheme, k1, b, title, prox,
// window, prox_max, prf (docs), prf_terms, prf_weight, prf_cap, prf_min,
// prf_keep. "" and "default" give base
// unchanged. Throws UsageError naming the bad key or value. Pure.
RankingOptions ParseRankingSpec(std::string_view spec, RankingOptions base = RankingOptions());

// The weighting scheme the options name (never null).
std::unique_ptr<Xapian::Weight> MakeWeight(const RankingOptions& options);

// The body word terms ("Z"+stem) a document must or may contain to match the
// query, in query order, repeats kept: leaves under OR, AND, AND_MAYBE,
// PHRASE, NEAR, SYNONYM and SCALE_WEIGHT, the left side of AND_NOT and
// FILTER. Title terms, boolean filters and excluded words are left out. Pure.
std::vector<std::string> PositiveWordTerms(const Xapian::Query& query);

// query with the title and proximity boosts of options, added with
// OP_AND_MAYBE so the set of matching documents never changes; query itself
// when no boost applies (both off, or no word terms). Pure.
Xapian::Query AddRankingBoosts(const Xapian::Query& query, const RankingOptions& options);

// Whether the options ask for pseudo-relevance feedback for query (AddFeedback
// then matches the query once more): on, and query has feedback_min_words
// distinct words or more.
bool FeedbackOn(const RankingOptions& options, const Xapian::Query& query);

// The parts of a ranked query, each added to the one before with
// OP_AND_MAYBE; --explain labels a document's weight by part. Empty parts
// are not used.
// One weighted piece of a boost or of feedback, as --explain lists it:
// label ("title:lavrov", "near:shock wave", "feedback:ministri") and the
// query whose weight it adds (scaled as in the ranked query).
struct ExplainUnit {
  std::string label;
  Xapian::Query query;
};

struct RankedParts {
  Xapian::Query words;      // the user's query
  Xapian::Query title;      // title boost (scaled title terms)
  Xapian::Query proximity;  // proximity boost (scaled OP_NEAR pairs)
  Xapian::Query feedback;   // feedback terms (scaled)
  std::vector<ExplainUnit> units;  // title, proximity and feedback, piece by piece
  // The feedback documents, best first, when feedback expanded the query.
  std::vector<Xapian::docid> feedback_docs;
  Xapian::Query Combined() const;
};

// Pseudo-relevance feedback: runs query on db, takes the top
// options.feedback_docs documents as relevant and adds the best
// options.feedback_terms body word terms they suggest (not stop words, not
// already in the query), scaled to share a budget of feedback_weight times
// the number of query words, with OP_AND_MAYBE, so the set of matching documents
// does not change. Returns query itself when feedback is off or nothing
// matched. Throws Xapian::Error on database failures (callers wrap it).
// phrases, when given, is PhraseMatches::Find(db, q) for the query q that
// query was built on: the first match then reads no positions, with the same
// top documents.
Xapian::Query AddFeedback(const Xapian::Database& db, const Xapian::Query& query,
                          const RankingOptions& options, const PhraseMatches* phrases = nullptr);

struct ExpansionTerm {
  std::string term;
  double weight;
};

// What Enquire::get_eset(count, RSet of docs, USE_EXACT_TERMFREQ, decider)
// returns with the "trad" expansion scheme (k 1) and query set: the best
// count terms of the documents docs (not query's own terms, accepted by
// decider when given), in the ESet's order, with the same weights to the
// last bit. Faster: Xapian looks up the frequency of a candidate term once
// for every document of docs that has it, here once, and not at all when
// its weight at the least frequency it can have (the number of documents of
// docs that have it; the weight only falls as the frequency grows) could
// not make the list. docs: distinct, ascending. freqs, when given, gives
// the frequencies (gathered at once on a remote shard). Throws Xapian::Error.
std::vector<ExpansionTerm> ExpansionTerms(const Xapian::Database& db,
                                          const std::vector<Xapian::docid>& docs,
                                          const Xapian::Query& query,
                                          const Xapian::ExpandDecider* decider, unsigned count,
                                          TermFreqs* freqs = nullptr);

// Everything above, in order: boosts, then feedback when on. remote: db has
// a remote shard (feedback then gathers term frequencies in one match).
RankedParts RankedQueryParts(const Xapian::Database& db, const Xapian::Query& query,
                             const RankingOptions& options,
                             const PhraseMatches* phrases = nullptr, bool remote = false);
Xapian::Query RankedQuery(const Xapian::Database& db, const Xapian::Query& query,
                          const RankingOptions& options, const PhraseMatches* phrases = nullptr);

// Xapian's BM25 term weight (idf) for a term in termfreq of dbsize
// documents: what a term's weight is proportional to at most. Pure.
double Bm25Idf(Xapian::doccount dbsize, Xapian::doccount termfreq);

}  // namespace lede

#endif  // LEDE_SEARCHER_RANKING_H_

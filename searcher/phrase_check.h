// Phrases checked once per search. Xapian 1.4 reads and decodes
// the position lists of every candidate of an OP_PHRASE (all the documents
// holding its words) in each match that has it, and a search matches the
// query twice (feedback's first match, then the page), so a phrase with a
// stop word ("foreign of": the word's 37,000 documents, each with ~30
// positions of "of") paid that scan twice. Here the phrase is matched once,
// alone and unweighted; the ranked matches then run its words' AND filtered
// by that set of documents, which drives them.
#ifndef LEDE_SEARCHER_PHRASE_CHECK_H_
#define LEDE_SEARCHER_PHRASE_CHECK_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/sort_order.h"

namespace lede {

// How many matches of a phrase's words PhrasePageByRank checks at most:
// this many, or an eighth of the matches when that is more.
inline constexpr Xapian::doccount kMaxRankedPhraseChecks = 1024;
// How many documents must hold a phrase's words for PhrasePageByRank: with
// fewer, ranking them all costs about as much as Xapian's check of them all
// (at 100k articles it saved 70-75% on phrases whose words 24,000-36,000
// documents hold, and lost 50% at 3,300).
inline constexpr Xapian::doccount kMinPhraseWordMatches = 8192;

// The page [first, first + count) of query by relevance (equal scores by
// article id; with collapse, one article per story), as GetPage gives it,
// found another way when query has required exact phrases (as Find): the
// AND of their words is ranked and the phrases are checked on its best
// matches, in rank order, until the page is full. Xapian 1.4 checks a
// phrase on every document holding its words (a phrase with a stop word:
// tens of thousands of position lists), and the title boost around it keeps
// its matcher from stopping early. The phrase weighs as its words' AND, so
// the scores and order are the same. The counts are exact when every match
// of the words was checked; otherwise the words' estimate scaled by the
// share of checked matches that held the phrases. nullopt when query has no
// such phrase, when fewer than about min_word_matches documents hold its
// words, or when the share of a sample holding them says
// the page would not be full within kMaxRankedPhraseChecks matches or an
// eighth of them all (a rare
// phrase of common words: Xapian's own check is then the cheaper; trying
// first costs one small match). db must be local. The words are ranked
// by docid range, the same ranges on any machine (so are the counts),
// on one thread per handle in more (other handles on db's database at
// its revision, IndexReader::Handles) plus this one. Throws Xapian::Error.
std::optional<ResultPage> PhrasePageByRank(const Xapian::Database& db, const Xapian::Query& query,
                                           const Xapian::Weight& weight, bool collapse,
                                           Xapian::doccount first, Xapian::doccount count,
                                           Xapian::doccount min_word_matches = kMinPhraseWordMatches,
                                           std::vector<Xapian::Database>* more = nullptr);

// How many threads a split phrase match uses on a machine with cores
// cores while others other threads run: the cores they leave idle, at
// most kMaxPhraseThreads; 1 means no split. On a busy core a range's
// thread waits, and the whole match with it: with one of two cores taken,
// the split ran no faster than one thread and its ranking slower ("part
// was" at 100k: 10-13 vs 9-10 ms).
inline constexpr unsigned kMaxPhraseThreads = 4;
unsigned PhraseThreads(unsigned cores, unsigned others);

// Whether a query's required exact phrases are worth finding first
// (PhraseMatches::Find split across threads) rather than in Xapian's own
// match: when every word of one of them is in at least min_word_matches
// documents, the position lists of that many documents are read.
bool ManyPhraseCandidates(const Xapian::Database& db, const Xapian::Query& query,
                          Xapian::doccount min_word_matches = kMinPhraseWordMatches);

// The documents that hold the exact phrases every match of a query must
// hold, and that query rewritten to match their words without positions.
class PhraseMatches {
 public:
  // Finds the phrases of query (an OP_PHRASE with the window of its length,
  // every subquery a term, that each match must match: the query itself,
  // or reached through the subqueries of AND and the left side of
  // AND_MAYBE, AND_NOT and FILTER) and the documents of db holding them all.
  // Null when query has none. db must be one local database: the set is
  // given to the matches as a PostingSource over db's docids, which a
  // remote database cannot run. Throws Xapian::Error.
  //
  // With more (other handles on db's database at its revision, see
  // IndexReader::Handles), the documents are split into docid ranges
  // checked on one thread per handle plus this one: Xapian checks a phrase
  // document by document, reading each one's position lists, which is what
  // a rare phrase of common words costs. The set is the same either way.
  static std::shared_ptr<const PhraseMatches> Find(const Xapian::Database& db,
                                                   const Xapian::Query& query,
                                                   std::vector<Xapian::Database>* more = nullptr);

  // query (built on the one given to Find: boosts, feedback and filters
  // around it) with those phrases replaced by the AND of their words, and
  // filtered (OP_FILTER, no weight) to the documents holding the phrases.
  // It matches the same documents as query, with the same weights (an
  // OP_PHRASE weighs its words as their AND does), so the results and their
  // order are the same; only the match-count estimates can differ. nullopt
  // when its required phrases are not those of Find's query (then run it as
  // it is).
  std::optional<Xapian::Query> Rewrite(const Xapian::Query& query) const;

  // How many documents hold the phrases.
  size_t size() const { return docs_->size(); }

 private:
  std::vector<std::string> phrases_;                  // descriptions, in query order
  std::shared_ptr<std::vector<Xapian::docid>> docs_;  // ascending
};

}  // namespace lede

#endif  // LEDE_SEARCHER_PHRASE_CHECK_H_

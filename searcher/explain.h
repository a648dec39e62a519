// --explain: why a result matched, as the weighted pieces of the ranked
// query it contains: the query's own words, then title matches, proximity
// pairs and feedback words, each labelled, adding up to the score.
#ifndef LEDE_SEARCHER_EXPLAIN_H_
#define LEDE_SEARCHER_EXPLAIN_H_

#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/ranking.h"

namespace lede {

struct TermWeight {
  // As a person reads it: "geneva" (a query word's stem), "\"geneva talks\""
  // (a phrase), "title:lavrov", "near:geneva talk", "feedback:ministri".
  std::string term;
  double weight = 0;
};

// What each piece of parts (the query's words, then parts.units) adds to
// the score of the article with id_term, for the pieces that add something, in query order. Each is
// weighed by running it alone on the one document through enquire (same
// weighting scheme); Xapian adds the weights of a query's pieces up, so they
// sum to the score. Resets enquire's query and match spies: call after the
// results have been read.
std::vector<TermWeight> ExplainMatch(Xapian::Enquire& enquire, const RankedParts& parts,
                                     const std::string& id_term);

// "Zgeneva" -> "geneva", "ZSlavrov" -> "title:lavrov". Pure.
std::string ReadableTerm(const std::string& term);

}  // namespace lede

#endif  // LEDE_SEARCHER_EXPLAIN_H_

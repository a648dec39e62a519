// --explain: why a result matched, as the query terms it contains and the
// weight each earns on its own under the search's weighting scheme.
#ifndef LEDE_SEARCHER_EXPLAIN_H_
#define LEDE_SEARCHER_EXPLAIN_H_

#include <string>
#include <vector>

#include <xapian.h>

namespace lede {

struct TermWeight {
  std::string term;  // as a person reads it: "geneva", "title:lavrov" (stems)
  double weight = 0;
};

// The matching terms of docid for the query enquire was run with, each
// weighted by running it alone through enquire (same weighting scheme),
// heaviest first. Resets enquire's query and match spies: call after the
// results have been read. The weights need not add up to the score: the
// score also holds phrase, proximity and feedback contributions.
std::vector<TermWeight> ExplainMatch(Xapian::Enquire& enquire, const Xapian::Query& query,
                                     Xapian::docid docid, const std::string& id_term);

// "Zgeneva" -> "geneva", "ZSlavrov" -> "title:lavrov". Pure.
std::string ReadableTerm(const std::string& term);

}  // namespace lede

#endif  // LEDE_SEARCHER_EXPLAIN_H_

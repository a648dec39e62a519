// Per-piece weights by re-running each piece of the ranked query on the one
// document.
#include "searcher/explain.h"

#include "common/index/schema.h"

namespace lede {
namespace {

std::string Describe(const Xapian::Query& q) {
  std::string words;
  for (auto it = q.get_terms_begin(); it != q.get_terms_end(); ++it)
    words += (words.empty() ? "" : " ") + ReadableTerm(*it);
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return words;
    case Xapian::Query::OP_PHRASE:
      return "\"" + words + "\"";
    case Xapian::Query::OP_NEAR:
      return "near:" + words;
    default:
      return words.empty() ? q.get_description() : "(" + words + ")";
  }
}

// The pieces of the user's query whose weights add up: leaves, phrases and
// other compound matches, under OR/AND/AND_MAYBE/XOR, and the scored (left)
// side of AND_NOT and FILTER.
void QueryPieces(const Xapian::Query& q, std::vector<ExplainUnit>* out) {
  switch (q.get_type()) {
    case Xapian::Query::OP_AND_NOT:
      if (q.get_num_subqueries() > 0) QueryPieces(q.get_subquery(0), out);
      return;
    case Xapian::Query::OP_FILTER: {
      // The filter stays on each piece (a stemmer group's parse counts only
      // for that group's articles).
      std::vector<ExplainUnit> left;
      if (q.get_num_subqueries() > 0) QueryPieces(q.get_subquery(0), &left);
      for (ExplainUnit& u : left) {
        for (size_t i = 1; i < q.get_num_subqueries(); ++i)
          u.query = Xapian::Query(Xapian::Query::OP_FILTER, u.query, q.get_subquery(i));
        out->push_back(std::move(u));
      }
      return;
    }
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_XOR:
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) QueryPieces(q.get_subquery(i), out);
      return;
    default:
      if (!q.empty()) out->push_back({Describe(q), q});
  }
}

}  // namespace

std::string ReadableTerm(const std::string& term) {
  const auto parts = schema::SplitStemmedTerm(term);
  if (!parts) return term;
  const std::string stem(parts->stem);
  if (parts->field == schema::FieldId::kWords) return stem;
  return std::string(schema::FieldOf(parts->field).name) + ":" + stem;
}

std::vector<TermWeight> ExplainMatch(Xapian::Enquire& enquire, const RankedParts& parts,
                                     const std::string& id_term) {
  enquire.clear_matchspies();
  std::vector<ExplainUnit> pieces;
  QueryPieces(parts.words, &pieces);
  pieces.insert(pieces.end(), parts.units.begin(), parts.units.end());
  std::vector<TermWeight> out;
  for (const ExplainUnit& u : pieces) {
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, u.query, Xapian::Query(id_term)));
    Xapian::MSet m = enquire.get_mset(0, 1);
    const double w = m.empty() ? 0.0 : m.begin().get_weight();
    if (w > 0) out.push_back({u.label, w});
  }
  return out;
}

}  // namespace lede

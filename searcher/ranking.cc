// Ranking: weighting scheme and the boost/feedback rewrites of the query.
#include "searcher/ranking.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <optional>
#include <set>

#include "common/error.h"
#include "common/schema.h"
#include "common/stopwords.h"

namespace lede {
namespace {

// Positional boosts over very long queries (pasted text) would cost more than
// they help: only the first words get pairs.
constexpr size_t kMaxProximityTerms = 16;

double ParseNumber(std::string_view key, std::string_view value, double lo, double hi) {
  const std::string s(value);
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || errno != 0 || !(v >= lo && v <= hi)) {
    throw UsageError("ranking option " + std::string(key) + "=" + s + ": expected a number from " +
                     std::to_string(lo) + " to " + std::to_string(hi));
  }
  return v;
}

unsigned ParseCount(std::string_view key, std::string_view value, unsigned hi) {
  const double v = ParseNumber(key, value, 0, hi);
  if (v != static_cast<double>(static_cast<unsigned>(v)))
    throw UsageError("ranking option " + std::string(key) + "=" + std::string(value) +
                     ": expected a whole number");
  return static_cast<unsigned>(v);
}

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// "Z"+stem but not "ZS"+stem (title) terms.
bool IsBodyWordTerm(const std::string& term) {
  if (!StartsWith(term, schema::kPrefixStem)) return false;
  return !StartsWith(term.substr(schema::kPrefixStem.size()), schema::kPrefixTitle);
}

void CollectPositive(const Xapian::Query& q, std::vector<std::string>& out) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *q.get_terms_begin();
      if (IsBodyWordTerm(term)) out.push_back(term);
      return;
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
      if (q.get_num_subqueries() > 0) CollectPositive(q.get_subquery(0), out);
      return;
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) CollectPositive(q.get_subquery(i), out);
      return;
    default:
      // Value ranges, wildcards, match-all: no word to boost.
      return;
  }
}

class FeedbackDecider : public Xapian::ExpandDecider {
 public:
  explicit FeedbackDecider(std::set<std::string> query_terms)
      : query_terms_(std::move(query_terms)) {}
  bool operator()(const std::string& term) const override {
    if (!IsBodyWordTerm(term) || query_terms_.count(term)) return false;
    const std::string stem = term.substr(schema::kPrefixStem.size());
    // Stems of stop words are mostly the words themselves; numbers carry no
    // topic on their own.
    if (stem.size() < 2 || IsEnglishStopword(stem)) return false;
    return std::any_of(stem.begin(), stem.end(), [](unsigned char c) { return c >= 'a'; });
  }

 private:
  std::set<std::string> query_terms_;
};

}  // namespace

RankingOptions ParseRankingSpec(std::string_view spec, RankingOptions base) {
  RankingOptions o = std::move(base);
  if (spec.empty() || spec == "default") return o;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    if (comma == std::string_view::npos) comma = spec.size();
    const std::string_view item = spec.substr(start, comma - start);
    start = comma + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos)
      throw UsageError("ranking option '" + std::string(item) + "': expected key=value");
    const std::string_view key = item.substr(0, eq);
    const std::string_view value = item.substr(eq + 1);
    if (key == "scheme") {
      if (value != "bm25" && value != "dph" && value != "pl2" && value != "inl2")
        throw UsageError("ranking option scheme=" + std::string(value) +
                         ": expected bm25, dph, pl2 or inl2");
      o.scheme = std::string(value);
    } else if (key == "k1") {
      o.k1 = ParseNumber(key, value, 0, 100);
    } else if (key == "k3") {
      o.k3 = ParseNumber(key, value, 0, 100);
    } else if (key == "b") {
      o.b = ParseNumber(key, value, 0, 1);
    } else if (key == "title") {
      o.title_weight = ParseNumber(key, value, 0, 100);
    } else if (key == "prox") {
      o.proximity_weight = ParseNumber(key, value, 0, 100);
    } else if (key == "window") {
      o.proximity_window = ParseCount(key, value, 1000);
      if (o.proximity_window < 2) throw UsageError("ranking option window: expected 2 or more");
    } else if (key == "prf") {
      o.feedback_docs = ParseCount(key, value, 1000);
    } else if (key == "prf_terms") {
      o.feedback_terms = ParseCount(key, value, 1000);
    } else if (key == "prf_weight") {
      o.feedback_weight = ParseNumber(key, value, 0, 100);
    } else {
      throw UsageError("unknown ranking option '" + std::string(key) +
                       "' (known: scheme, k1, k3, b, title, prox, window, prf, prf_terms, "
                       "prf_weight)");
    }
    if (comma == spec.size()) break;
  }
  return o;
}

std::unique_ptr<Xapian::Weight> MakeWeight(const RankingOptions& o) {
  if (o.scheme == "dph") return std::make_unique<Xapian::DPHWeight>();
  if (o.scheme == "pl2") return std::make_unique<Xapian::PL2Weight>();
  if (o.scheme == "inl2") return std::make_unique<Xapian::InL2Weight>();
  // k2 = 0 (no query-length correction) and min_normlen = 0.5: Xapian's
  // defaults.
  return std::make_unique<Xapian::BM25Weight>(o.k1, 0, o.k3, o.b, 0.5);
}

std::vector<std::string> PositiveWordTerms(const Xapian::Query& query) {
  std::vector<std::string> out;
  CollectPositive(query, out);
  return out;
}

Xapian::Query AddRankingBoosts(const Xapian::Query& query, const RankingOptions& o) {
  const std::vector<std::string> terms = PositiveWordTerms(query);
  if (terms.empty()) return query;
  std::vector<Xapian::Query> boosts;

  if (o.title_weight > 0) {
    std::set<std::string> seen;
    std::vector<Xapian::Query> title;
    const std::string title_prefix =
        std::string(schema::kPrefixStem) + std::string(schema::kPrefixTitle);
    for (const std::string& t : terms) {
      if (seen.insert(t).second)
        title.emplace_back(title_prefix + t.substr(schema::kPrefixStem.size()));
    }
    boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                        Xapian::Query(Xapian::Query::OP_OR, title.begin(), title.end()),
                        o.title_weight);
  }

  if (o.proximity_weight > 0) {
    std::vector<Xapian::Query> pairs;
    const size_t n = std::min(terms.size(), kMaxProximityTerms);
    for (size_t i = 0; i + 1 < n; ++i) {
      if (terms[i] == terms[i + 1]) continue;
      const Xapian::Query pair[] = {Xapian::Query(terms[i]), Xapian::Query(terms[i + 1])};
      pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair),
                         o.proximity_window);
    }
    if (!pairs.empty()) {
      boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                          o.proximity_weight);
    }
  }

  if (boosts.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
}

Xapian::Query AddFeedback(const Xapian::Database& db, const Xapian::Query& query,
                          const RankingOptions& o, const PhraseMatches* phrases) {
  if (o.feedback_docs == 0 || o.feedback_terms == 0 || o.feedback_weight <= 0) return query;
  Xapian::Enquire enquire(db);
  const std::unique_ptr<Xapian::Weight> weight = MakeWeight(o);
  enquire.set_weighting_scheme(*weight);
  // The same top documents as the query's own match, without reading
  // positions again (searcher/phrase_check.h).
  const std::optional<Xapian::Query> rewritten =
      phrases ? phrases->Rewrite(query) : std::optional<Xapian::Query>();
  enquire.set_query(rewritten ? *rewritten : query);
  const Xapian::MSet top = enquire.get_mset(0, o.feedback_docs);
  // The query's own terms are left out of the expansion.
  enquire.set_query(query);
  if (top.empty()) return query;
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);

  const std::vector<std::string> words = PositiveWordTerms(query);
  std::set<std::string> query_words(words.begin(), words.end());
  const size_t query_size = query_words.size();
  if (query_size == 0) return query;
  FeedbackDecider decider(std::move(query_words));
  // Xapian's own expansion weight (Robertson's); Bo1 measured the same within
  // noise (docs/ranking.md).
  enquire.set_expansion_scheme("trad");
  // Exact term frequencies: the approximation differs between one database
  // and the same documents in shards, and results must not.
  const Xapian::ESet eset = enquire.get_eset(o.feedback_terms, rset,
                                             Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  if (eset.empty()) return query;
  double total = 0;
  for (auto it = eset.begin(); it != eset.end(); ++it) total += it.get_weight();
  if (!(total > 0)) return query;
  // As in RM3, the expansion terms share a fixed budget in proportion to their
  // feedback scores: feedback_weight times the number of query words. A
  // two-word query gets two words' worth of expansion, however many terms, so
  // feedback cannot drown a short query (topic drift).
  const double budget = o.feedback_weight * static_cast<double>(query_size);
  std::vector<Xapian::Query> expansion;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    expansion.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                           budget * it.get_weight() / total);
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, expansion.begin(), expansion.end()));
}

Xapian::Query RankedQuery(const Xapian::Database& db, const Xapian::Query& query,
                          const RankingOptions& o, const PhraseMatches* phrases) {
  return AddFeedback(db, AddRankingBoosts(query, o), o, phrases);
}

}  // namespace lede

// Ranking: weighting scheme and the boost/feedback rewrites of the query.
#include "searcher/ranking.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "common/error.h"
#include "common/index/schema.h"
#include "searcher/term_freqs.h"
#include "common/text/stopwords.h"

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

void CollectPositive(const Xapian::Query& q, std::vector<std::string>& out) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *q.get_terms_begin();
      if (schema::IsWordTerm(term)) out.push_back(term);
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
    const auto parts = schema::SplitStemmedTerm(term);
    if (!parts || parts->field != schema::FieldId::kWords || query_terms_.count(term)) return false;
    const std::string stem(parts->stem);
    // Stems of stop words are mostly the words themselves; numbers carry no
    // topic on their own.
    if (stem.size() < 2 || IsEnglishStopword(stem)) return false;
    return std::any_of(stem.begin(), stem.end(), [](unsigned char c) { return c >= 'a'; });
  }

 private:
  std::set<std::string> query_terms_;
};

// Xapian's "trad" expansion weight (TradEWeight) from the same operands in
// the same order: r of rsize feedback documents have the term, termfreq of
// dbsize documents in all, multiplier summed over the r documents.
double TradWeight(Xapian::doccount dbsize, Xapian::doccount rsize, Xapian::doccount termfreq,
                  Xapian::doccount r, double multiplier) {
  const double reldocs_without_term = rsize - r;
  const double num = (r + 0.5) * (dbsize - termfreq - reldocs_without_term + 0.5);
  const double denom = (termfreq - r + 0.5) * (reldocs_without_term + 0.5);
  return multiplier * std::log(num / denom);
}

// The order in which Xapian's ESet adds up a term's statistics over the
// feedback documents: the leaves, left to right, of the tree of term lists
// it builds (esetinternal.cc, build_termlist_tree: a Huffman-like merge by
// term-list size). Only matters for a term in 3+ documents, whose multiplier
// is a sum of 3+ doubles.
std::vector<size_t> MergeOrder(const std::vector<size_t>& sizes) {
  struct Node {
    size_t size;
    int leaf;  // -1 for an inner node
    int left, right;
  };
  std::vector<Node> nodes;
  std::vector<int> heap;
  for (size_t i = 0; i < sizes.size(); ++i) {
    nodes.push_back({sizes[i], static_cast<int>(i), -1, -1});
    heap.push_back(static_cast<int>(i));
  }
  int root = heap.empty() ? -1 : heap.front();
  if (heap.size() > 1) {
    const auto cmp = [&](int a, int b) {
      return nodes[static_cast<size_t>(a)].size > nodes[static_cast<size_t>(b)].size;
    };
    std::make_heap(heap.begin(), heap.end(), cmp);
    while (true) {
      const int r = heap.front();
      std::pop_heap(heap.begin(), heap.end(), cmp);
      heap.pop_back();
      const int l = heap.front();
      nodes.push_back(
          {nodes[static_cast<size_t>(l)].size + nodes[static_cast<size_t>(r)].size, -1, l, r});
      const int pl = static_cast<int>(nodes.size()) - 1;
      if (heap.size() == 1) {
        root = pl;
        break;
      }
      std::pop_heap(heap.begin(), heap.end(), cmp);
      heap.back() = pl;
      std::push_heap(heap.begin(), heap.end(), cmp);
    }
  }
  std::vector<size_t> order;
  std::vector<int> stack;
  if (root >= 0) stack.push_back(root);
  while (!stack.empty()) {
    const Node n = nodes[static_cast<size_t>(stack.back())];
    stack.pop_back();
    if (n.leaf >= 0) {
      order.push_back(static_cast<size_t>(n.leaf));
    } else {
      stack.push_back(n.right);
      stack.push_back(n.left);
    }
  }
  return order;
}

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
    } else if (key == "prox_max") {
      o.proximity_max_words = ParseCount(key, value, 1000);
    } else if (key == "prf") {
      o.feedback_docs = ParseCount(key, value, 1000);
    } else if (key == "prf_terms") {
      o.feedback_terms = ParseCount(key, value, 1000);
    } else if (key == "prf_weight") {
      o.feedback_weight = ParseNumber(key, value, 0, 100);
    } else if (key == "prf_cap") {
      o.feedback_cap = ParseNumber(key, value, 0, 1000);
    } else if (key == "prf_keep") {
      o.feedback_keep = ParseCount(key, value, 1) == 1;
    } else if (key == "prf_min") {
      o.feedback_min_words = ParseCount(key, value, 1000);
    } else {
      throw UsageError("unknown ranking option '" + std::string(key) +
                       "' (known: scheme, k1, k3, b, title, prox, window, prox_max, prf, "
                       "prf_terms, prf_weight, prf_cap, prf_min, prf_keep)");
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

namespace {

// The stem of a stemmed term of any field; other terms as they are.
std::string Readable(const std::string& term) {
  const auto parts = schema::SplitStemmedTerm(term);
  return parts ? std::string(parts->stem) : term;
}

// OR of units' queries; empty for none.
Xapian::Query OrOf(const std::vector<ExplainUnit>& units, size_t from) {
  std::vector<Xapian::Query> qs;
  for (size_t i = from; i < units.size(); ++i) qs.push_back(units[i].query);
  if (qs.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

// Appends the title boost's units (each title term scaled) and returns it.
Xapian::Query TitleBoost(const std::vector<std::string>& terms, const RankingOptions& o,
                         std::vector<ExplainUnit>* units) {
  if (!(o.title_weight > 0)) return Xapian::Query();
  const size_t from = units->size();
  std::set<std::string> seen;
  for (const std::string& t : terms) {
    if (!seen.insert(t).second) continue;
    const std::string term = *schema::TitleTermOf(t);  // terms are word terms
    units->push_back({"title:" + Readable(term),
                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term),
                                    o.title_weight)});
  }
  return OrOf(*units, from);
}

// Appends the proximity boost's units (each OP_NEAR pair scaled).
Xapian::Query ProximityBoost(const std::vector<std::string>& terms, const RankingOptions& o,
                             std::vector<ExplainUnit>* units) {
  if (!(o.proximity_weight > 0) ||
      std::set<std::string>(terms.begin(), terms.end()).size() > o.proximity_max_words)
    return Xapian::Query();
  const size_t from = units->size();
  const size_t n = std::min(terms.size(), kMaxProximityTerms);
  for (size_t i = 0; i + 1 < n; ++i) {
    if (terms[i] == terms[i + 1]) continue;
    const Xapian::Query pair[] = {Xapian::Query(terms[i]), Xapian::Query(terms[i + 1])};
    const Xapian::Query near(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair),
                             o.proximity_window);
    units->push_back({"near:" + Readable(terms[i]) + " " + Readable(terms[i + 1]),
                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, near, o.proximity_weight)});
  }
  return OrOf(*units, from);
}

Xapian::Query AndMaybe(const Xapian::Query& left, const Xapian::Query& right) {
  if (right.empty()) return left;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, left, right);
}

// The boosts of parts->words into parts->title and parts->proximity.
void AddBoostParts(RankedParts* parts, const RankingOptions& o) {
  const std::vector<std::string> terms = PositiveWordTerms(parts->words);
  if (terms.empty()) return;
  parts->title = TitleBoost(terms, o, &parts->units);
  parts->proximity = ProximityBoost(terms, o, &parts->units);
}

}  // namespace

Xapian::Query RankedParts::Combined() const {
  Xapian::Query boosts;
  if (!title.empty() && !proximity.empty()) {
    boosts = Xapian::Query(Xapian::Query::OP_OR, title, proximity);
  } else {
    boosts = title.empty() ? proximity : title;
  }
  return AndMaybe(AndMaybe(words, boosts), feedback);
}

Xapian::Query AddRankingBoosts(const Xapian::Query& query, const RankingOptions& o) {
  RankedParts parts;
  parts.words = query;
  AddBoostParts(&parts, o);
  return parts.Combined();
}

double Bm25Idf(Xapian::doccount dbsize, Xapian::doccount termfreq) {
  // As Xapian's BM25Weight::init without a relevance set: the
  // Robertson-Sparck Jones weight, lifted above 0 for very common terms.
  double tw = (static_cast<double>(dbsize) - termfreq + 0.5) / (termfreq + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  return std::log(tw);
}

std::vector<ExpansionTerm> ExpansionTerms(const Xapian::Database& db,
                                          const std::vector<Xapian::docid>& docs,
                                          const Xapian::Query& query,
                                          const Xapian::ExpandDecider* decider, unsigned count,
                                          TermFreqs* freqs) {
  std::vector<ExpansionTerm> out;
  if (docs.empty() || count == 0) return out;
  const std::set<std::string> query_terms(query.get_terms_begin(), query.get_terms_end());
  const double avlen = db.get_avlength();
  const double k = 1.0;  // the "trad" scheme's default
  struct Candidate {
    Xapian::doccount r = 0;
    double multiplier = 0;
  };
  std::vector<std::vector<std::pair<std::string, Xapian::termcount>>> terms(docs.size());
  std::vector<Xapian::termcount> doclens(docs.size());
  std::vector<size_t> sizes(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    doclens[i] = db.get_doclength(docs[i]);
    for (auto t = db.termlist_begin(docs[i]); t != db.termlist_end(docs[i]); ++t) {
      ++sizes[i];
      const std::string term = *t;
      if (query_terms.count(term) || (decider && !(*decider)(term))) continue;
      terms[i].emplace_back(term, t.get_wdf());
    }
  }
  std::map<std::string, Candidate> candidates;
  for (const size_t i : MergeOrder(sizes)) {
    for (const auto& [term, term_wdf] : terms[i]) {
      // As Xapian's ExpandStats::accumulate.
      const Xapian::termcount wdf = term_wdf == 0 ? 1 : term_wdf;
      Candidate& c = candidates[term];
      ++c.r;
      c.multiplier += (k + 1) * wdf / (k * doclens[i] / avlen + wdf);
    }
  }
  if (freqs) {
    std::vector<std::string> names;
    names.reserve(candidates.size());
    for (const auto& [term, c] : candidates) names.push_back(term);
    freqs->Prefetch(names);
  }
  const auto termfreq = [&](const std::string& term) {
    return freqs ? (*freqs)(term) : db.get_termfreq(term);
  };
  const Xapian::doccount dbsize = db.get_doccount();
  const auto rsize = static_cast<Xapian::doccount>(docs.size());
  // Xapian's selection, step by step (ESet::Internal::expand): terms in
  // ascending order, one kept only above the weight of the worst kept so
  // far once the list has overflowed, the worst by ExpandTerm's order
  // (lighter, then lexically smaller) dropped. A term whose weight at its
  // least possible frequency is not above that is skipped unweighed: it
  // would be skipped weighed.
  const auto before = [](const ExpansionTerm& a, const ExpansionTerm& b) {
    if (a.weight > b.weight) return true;
    if (a.weight < b.weight) return false;
    return a.term > b.term;
  };
  double min_wt = 0;
  bool is_heap = false;
  for (const auto& [term, c] : candidates) {
    if (TradWeight(dbsize, rsize, c.r, c.r, c.multiplier) <= min_wt) continue;
    const double wt = TradWeight(dbsize, rsize, termfreq(term), c.r, c.multiplier);
    if (wt <= min_wt) continue;
    out.push_back({term, wt});
    if (out.size() > count) {
      if (!is_heap) {
        is_heap = true;
        std::make_heap(out.begin(), out.end(), before);
      } else {
        std::push_heap(out.begin(), out.end(), before);
      }
      std::pop_heap(out.begin(), out.end(), before);
      out.pop_back();
      min_wt = out.front().weight;
    }
  }
  if (is_heap) {
    std::sort_heap(out.begin(), out.end(), before);
  } else {
    std::sort(out.begin(), out.end(), before);
  }
  return out;
}

bool FeedbackOn(const RankingOptions& o, const Xapian::Query& query) {
  if (o.feedback_docs == 0 || o.feedback_terms == 0 || !(o.feedback_weight > 0) ||
      !(o.feedback_cap > 0))
    return false;
  const std::vector<std::string> words = PositiveWordTerms(query);
  return std::set<std::string>(words.begin(), words.end()).size() >= o.feedback_min_words;
}

namespace {

// The feedback documents: query's top o.feedback_docs, best first, ties by
// article id.
std::vector<Xapian::docid> FeedbackDocs(const Xapian::Database& db, const Xapian::Query& query,
                                        const RankingOptions& o, const PhraseMatches* phrases) {
  const std::unique_ptr<Xapian::Weight> weight = MakeWeight(o);
  // The same top documents as the query's own match, without reading
  // positions again (searcher/phrase_check.h).
  const std::optional<Xapian::Query> rewritten =
      phrases ? phrases->Rewrite(query) : std::optional<Xapian::Query>();
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*weight);
  // Ties in article id order, as the results (searcher/sort_order.h).
  enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);
  enquire.set_query(rewritten ? *rewritten : query);
  const Xapian::MSet mset = enquire.get_mset(0, o.feedback_docs);
  return std::vector<Xapian::docid>(mset.begin(), mset.end());
}

// The expansion terms of query, scaled (see RankingOptions), OR-ed; empty
// when there are none.
Xapian::Query FeedbackPart(const Xapian::Database& db, const Xapian::Query& query,
                           const RankingOptions& o, const PhraseMatches* phrases, bool remote,
                           std::vector<ExplainUnit>* units,
                           std::vector<Xapian::docid>* best_first) {
  if (!FeedbackOn(o, query)) return Xapian::Query();
  *best_first = FeedbackDocs(db, query, o, phrases);
  std::vector<Xapian::docid> rset = *best_first;
  std::sort(rset.begin(), rset.end());
  if (rset.empty()) return Xapian::Query();
  const std::vector<std::string> words = PositiveWordTerms(query);
  std::set<std::string> query_words(words.begin(), words.end());
  const size_t query_size = query_words.size();
  const Xapian::doccount dbsize = db.get_doccount();
  TermFreqs freqs(db, remote);
  freqs.Prefetch(words);
  double query_max = 0;  // what the query's own words can weigh at most (idf sum)
  for (const std::string& w : query_words) query_max += Bm25Idf(dbsize, freqs(w));
  FeedbackDecider decider(std::move(query_words));
  // Xapian's own expansion weight (Robertson's); Bo1 measured the same within
  // noise (docs/ranking.md). Exact term frequencies: the approximation
  // differs between one database and the same documents in shards, and
  // results must not. ExpansionTerms gives get_eset's answer with fewer
  // look-ups.
  const std::vector<ExpansionTerm> eset =
      ExpansionTerms(db, rset, query, &decider, o.feedback_terms, &freqs);
  double total = 0;
  for (const ExpansionTerm& e : eset) total += e.weight;
  if (eset.empty() || !(total > 0)) return Xapian::Query();
  // As in RM3, the expansion terms share a fixed budget in proportion to their
  // feedback scores: feedback_weight times the number of query words. A
  // two-word query gets two words' worth of expansion, however many terms.
  const double budget = o.feedback_weight * static_cast<double>(query_size);
  std::vector<double> scale;
  double expansion_max = 0;
  for (const ExpansionTerm& e : eset) {
    scale.push_back(budget * e.weight / total);
    expansion_max += scale.back() * Bm25Idf(dbsize, freqs(e.term));
  }
  // Rare expansion terms have large idf: cap their sum so that feedback can
  // never outweigh the query's own words (the BM25 term-frequency part is
  // at most k1 + 1 for every term, so idf sums bound the weights).
  const double shrink = expansion_max > o.feedback_cap * query_max && expansion_max > 0
                            ? o.feedback_cap * query_max / expansion_max
                            : 1.0;
  const size_t from = units->size();
  for (size_t i = 0; i < eset.size(); ++i) {
    units->push_back({"feedback:" + Readable(eset[i].term),
                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(eset[i].term),
                                    scale[i] * shrink)});
  }
  return OrOf(*units, from);
}

}  // namespace

Xapian::Query AddFeedback(const Xapian::Database& db, const Xapian::Query& query,
                          const RankingOptions& o, const PhraseMatches* phrases) {
  std::vector<ExplainUnit> units;
  std::vector<Xapian::docid> docs;
  return AndMaybe(query, FeedbackPart(db, query, o, phrases, false, &units, &docs));
}

RankedParts RankedQueryParts(const Xapian::Database& db, const Xapian::Query& query,
                             const RankingOptions& o, const PhraseMatches* phrases,
                             bool remote) {
  RankedParts parts;
  parts.words = query;
  AddBoostParts(&parts, o);
  // Feedback documents come from the boosted query, as the results do.
  const Xapian::Query boosted = parts.Combined();
  std::vector<Xapian::docid> docs;
  parts.feedback = FeedbackPart(db, boosted, o, phrases, remote, &parts.units, &docs);
  if (!parts.feedback.empty()) parts.feedback_docs = std::move(docs);
  return parts;
}

Xapian::Query RankedQuery(const Xapian::Database& db, const Xapian::Query& query,
                          const RankingOptions& o, const PhraseMatches* phrases) {
  return RankedQueryParts(db, query, o, phrases).Combined();
}

}  // namespace lede

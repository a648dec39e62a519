// One unweighted phrase match per search, then a posting source over its documents.
#include "searcher/phrase_check.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <tuple>
#include <set>
#include <thread>

#include "common/index/schema.h"

namespace lede {
namespace {

bool IsExactPhrase(const Xapian::Query& q) {
  if (q.get_type() != Xapian::Query::OP_PHRASE) return false;
  const size_t n = q.get_num_subqueries();
  if (n < 2) return false;
  for (size_t i = 0; i < n; ++i)
    if (q.get_subquery(i).get_type() != Xapian::Query::LEAF_TERM) return false;
  // QueryParser gives a quoted phrase the window of its length; Xapian 1.4
  // shows the window only in the description ("(a@1 PHRASE 2 b@2)").
  return q.get_description().find(" PHRASE " + std::to_string(n) + " ") != std::string::npos;
}

// query with its required exact phrases as ANDs of their words and of
// filter (when given); each phrase goes to *found.
Xapian::Query Defer(const Xapian::Query& q, const Xapian::Query* filter,
                    std::vector<Xapian::Query>* found) {
  const auto type = q.get_type();
  const size_t n = q.get_num_subqueries();
  if (IsExactPhrase(q)) {
    found->push_back(q);
    std::vector<Xapian::Query> words;
    for (size_t i = 0; i < n; ++i) words.push_back(q.get_subquery(i));
    if (filter) words.push_back(*filter);
    return {Xapian::Query::OP_AND, words.begin(), words.end()};
  }
  // Which subqueries every match must match: all of an AND, the first of
  // the others (the rest of AND_MAYBE only weighs, of AND_NOT excludes; the
  // filters of FILTER are boolean and left alone).
  size_t required = 0;
  if (type == Xapian::Query::OP_AND) {
    required = n;
  } else if (type == Xapian::Query::OP_AND_MAYBE || type == Xapian::Query::OP_AND_NOT ||
             type == Xapian::Query::OP_FILTER) {
    required = std::min<size_t>(n, 1);
  }
  const size_t before = found->size();
  std::vector<Xapian::Query> subs;
  for (size_t i = 0; i < n; ++i)
    subs.push_back(i < required ? Defer(q.get_subquery(i), filter, found) : q.get_subquery(i));
  if (found->size() == before) return q;
  return {type, subs.begin(), subs.end()};
}

std::vector<std::string> Describe(const std::vector<Xapian::Query>& phrases) {
  std::vector<std::string> out;
  for (const Xapian::Query& p : phrases) out.push_back(p.get_description());
  return out;
}

class Collect : public Xapian::MatchSpy {
 public:
  explicit Collect(std::vector<Xapian::docid>* docs) : docs_(docs) {}
  void operator()(const Xapian::Document& doc, double) override {
    docs_->push_back(doc.get_docid());
  }

 private:
  std::vector<Xapian::docid>* docs_;
};

// A fixed, ascending list of docids as a posting list (no weight).
class DocidSource : public Xapian::PostingSource {
 public:
  explicit DocidSource(std::shared_ptr<const std::vector<Xapian::docid>> docs)
      : docs_(std::move(docs)) {}
  Xapian::doccount get_termfreq_min() const override { return Count(); }
  Xapian::doccount get_termfreq_est() const override { return Count(); }
  Xapian::doccount get_termfreq_max() const override { return Count(); }
  void init(const Xapian::Database&) override {
    pos_ = 0;
    started_ = false;
  }
  void next(double) override {
    if (started_) ++pos_;
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    pos_ = static_cast<size_t>(
        std::lower_bound(docs_->begin() + static_cast<std::ptrdiff_t>(pos_), docs_->end(), did) -
        docs_->begin());
  }
  bool at_end() const override { return started_ && pos_ >= docs_->size(); }
  Xapian::docid get_docid() const override { return (*docs_)[pos_]; }
  DocidSource* clone() const override { return new DocidSource(docs_); }
  std::string get_description() const override {
    return "DocidSource(" + std::to_string(docs_->size()) + " documents)";
  }

 private:
  Xapian::doccount Count() const { return static_cast<Xapian::doccount>(docs_->size()); }
  std::shared_ptr<const std::vector<Xapian::docid>> docs_;
  size_t pos_ = 0;
  bool started_ = false;
};

// Every document matching query, ascending, unweighted: a spy sees each
// match when all are counted, and no page is read.
std::vector<Xapian::docid> MatchingDocs(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::vector<Xapian::docid> out;
  Collect collect(&out);
  enquire.add_matchspy(&collect);
  enquire.get_mset(0, 0, db.get_doccount());
  std::sort(out.begin(), out.end());
  return out;
}

// Which of docs (ascending) hold every phrase: Xapian's own phrase check,
// driven by the list, reads the position lists of those documents only.
std::vector<Xapian::docid> HoldingAll(const Xapian::Database& db,
                                      const std::vector<Xapian::Query>& phrases,
                                      std::shared_ptr<const std::vector<Xapian::docid>> docs) {
  std::vector<Xapian::Query> parts(phrases);
  parts.emplace_back((new DocidSource(std::move(docs)))->release());
  return MatchingDocs(db, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
}

// Every docid in [lo, hi], as a posting list (no weight): a share of the
// documents for one thread.
class DocidRange : public Xapian::PostingSource {
 public:
  DocidRange(Xapian::docid lo, Xapian::docid hi) : lo_(lo), hi_(hi) {}
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return hi_ - lo_ + 1; }
  Xapian::doccount get_termfreq_max() const override { return hi_ - lo_ + 1; }
  void init(const Xapian::Database&) override { at_ = 0; }
  void next(double) override { at_ = at_ == 0 ? lo_ : at_ + 1; }
  void skip_to(Xapian::docid did, double) override { at_ = std::max({did, lo_, at_}); }
  bool at_end() const override { return at_ > hi_; }
  Xapian::docid get_docid() const override { return at_; }
  DocidRange* clone() const override { return new DocidRange(lo_, hi_); }
  std::string get_description() const override {
    return "DocidRange(" + std::to_string(lo_) + ".." + std::to_string(hi_) + ")";
  }

 private:
  Xapian::docid lo_, hi_;
  Xapian::docid at_ = 0;
};

// An exact phrase as plain data: Xapian::Query's reference counts are not
// atomic, so a thread builds its own queries from these, sharing nothing.
using PhraseTerms = std::vector<std::vector<std::string>>;

PhraseTerms TermsOf(const std::vector<Xapian::Query>& phrases) {
  PhraseTerms out;
  for (const Xapian::Query& p : phrases) out.emplace_back(p.get_terms_begin(), p.get_terms_end());
  return out;
}

// The documents in [lo, hi] holding every phrase, ascending.
std::vector<Xapian::docid> HoldingAllIn(const Xapian::Database& db, const PhraseTerms& phrases,
                                        Xapian::docid lo, Xapian::docid hi) {
  std::vector<Xapian::Query> parts;
  for (const std::vector<std::string>& terms : phrases) {
    std::vector<Xapian::Query> words(terms.begin(), terms.end());
    parts.emplace_back(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                       static_cast<Xapian::termcount>(terms.size()));
  }
  parts.emplace_back((new DocidRange(lo, hi))->release());
  return MatchingDocs(db, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
}

// Runs work(thread, range, handle, lo, hi) for each of kPhraseRanges docid
// ranges of db, always the same ranges, whatever the threads: thread 0 (this
// one, with db) and one more per handle in more (each with its own), each
// taking every threads-th range. The ranges do not depend on the machine,
// so neither does anything summed over them (the estimated counts). An
// error on any thread is thrown here, after all have ended.
constexpr size_t kPhraseRanges = kMaxPhraseThreads;
template <typename Work>
void ForEachRange(const Xapian::Database& db, std::vector<Xapian::Database>* more, Work work) {
  const Xapian::docid last = db.get_lastdocid();
  const auto bound = [&](size_t i) {
    return static_cast<Xapian::docid>(static_cast<uint64_t>(last) * i / kPhraseRanges);
  };
  const size_t threads = std::min(kPhraseRanges, 1 + (more ? more->size() : 0));
  const auto run = [&](size_t thread, const Xapian::Database& handle) {
    for (size_t range = thread; range < kPhraseRanges; range += threads)
      work(thread, range, handle, bound(range) + 1, bound(range + 1));
  };
  std::vector<std::exception_ptr> failed(threads);
  std::vector<std::thread> others;
  for (size_t t = 1; t < threads; ++t) {
    others.emplace_back([&, t] {
      try {
        run(t, (*more)[t - 1]);
      } catch (...) {
        failed[t] = std::current_exception();
      }
    });
  }
  try {
    run(0, db);
  } catch (...) {
    failed[0] = std::current_exception();
  }
  for (std::thread& t : others) t.join();
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
}

// The documents of db holding every phrase, the docid ranges checked on
// the threads ForEachRange gives them, ascending.
std::vector<Xapian::docid> HoldingAllSplit(const Xapian::Database& db, const PhraseTerms& phrases,
                                           std::vector<Xapian::Database>* more) {
  std::vector<std::vector<Xapian::docid>> found(kPhraseRanges);
  ForEachRange(db, more,
               [&](size_t, size_t range, const Xapian::Database& handle, Xapian::docid lo,
                   Xapian::docid hi) { found[range] = HoldingAllIn(handle, phrases, lo, hi); });
  std::vector<Xapian::docid> out;
  for (const std::vector<Xapian::docid>& f : found) out.insert(out.end(), f.begin(), f.end());
  return out;  // ranges in order, each ascending
}

// What a sample of the documents holding the words of phrases says: the
// share of them holding the phrases too, and how many hold the words.
struct PhraseShare {
  double share = 0;
  Xapian::doccount sampled = 0;       // how many documents the share is of
  Xapian::doccount word_matches = 0;  // estimated
  Xapian::doccount word_bound = 0;    // at most
};

// The first kPhraseSample documents (by docid) holding the words, and the
// first kPhraseSampleMore when fewer than kPhraseSampleHits of those hold
// the phrases: a phrase on 2% of its words' documents shows once in 64 or
// not at all, and 512 checks tell 1% from 0.1% for a twentieth of what
// checking the tens of thousands costs. nullopt when fewer than about
// min_matches documents hold the words.
constexpr Xapian::doccount kPhraseSample = 64;
constexpr Xapian::doccount kPhraseSampleMore = 512;
constexpr Xapian::doccount kPhraseSampleHits = 8;
std::optional<PhraseShare> SampleShare(const Xapian::Database& db,
                                       const std::vector<Xapian::Query>& phrases,
                                       Xapian::doccount min_matches) {
  std::vector<Xapian::Query> words;
  for (const Xapian::Query& p : phrases) {
    for (size_t i = 0; i < p.get_num_subqueries(); ++i) {
      words.push_back(p.get_subquery(i));
      // No more documents hold the words than hold the rarest.
      if (db.get_termfreq(*words.back().get_terms_begin()) < min_matches) return std::nullopt;
    }
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  PhraseShare out;
  Xapian::doccount sampled = 0;
  size_t hits = 0;
  for (const Xapian::doccount size : {kPhraseSample, kPhraseSampleMore}) {
    const Xapian::MSet sample = enquire.get_mset(sampled, size - sampled);
    out.word_matches = sample.get_matches_estimated();
    out.word_bound = sample.get_matches_upper_bound();
    if (sample.size() < size - sampled || out.word_matches < min_matches) return std::nullopt;
    auto docs = std::make_shared<std::vector<Xapian::docid>>();
    for (auto it = sample.begin(); it != sample.end(); ++it) docs->push_back(*it);  // ascending
    hits += HoldingAll(db, phrases, std::move(docs)).size();
    sampled = size;
    if (hits >= kPhraseSampleHits) break;
  }
  out.share = static_cast<double>(hits) / sampled;
  out.sampled = sampled;
  return out;
}


// The best matches of a query by score, equal scores by article id, read
// from one MSet per docid range (one in all when the match is not split).
struct RankedMatches {
  std::vector<Xapian::MSet> msets;
  std::vector<std::pair<size_t, Xapian::doccount>> order;  // (MSet, index)
  bool whole = true;  // every match is in msets
  Xapian::doccount upper = 0;      // sums over the MSets
  Xapian::doccount estimated = 0;

  Xapian::MSetIterator At(size_t k) const { return msets[order[k].first][order[k].second]; }
};

// The best want (or more) matches of query by score, equal scores by
// article id. Asking Xapian for that order (set_sort_by_relevance_then_value)
// reads the id of every document that enters its heap on the way: ~40% of
// this match's cost for a few thousand results (6.7 vs 4.2 ms for 2,900 of
// the 24,000 matches of "part was" at 100k articles). Here only runs of
// equal scores read their ids. The match weighs every document holding the
// words (nothing lets Xapian stop early in an AND), so it is made per docid
// range (ForEachRange: the same ranges on any machine), on as many threads
// as more has handles plus one, and the ranges' lists merged.
// A list that does not hold every match of its range may go on past its
// last score with ids that sort first, so order keeps only scores above
// the highest such last score; twice as many are asked for while that
// leaves fewer than want (copies of one story score the same). nullopt
// when a run of equal scores is too long for that.
std::optional<RankedMatches> RankByIdAmongEqual(const Xapian::Database& db,
                                                std::vector<Xapian::Database>* more,
                                                const Xapian::Query& query,
                                                const Xapian::Weight& weight,
                                                Xapian::doccount want) {
  // The other threads build their own query from this (Xapian's objects
  // are not shared between threads); a query that does not serialise is
  // ranked on this thread alone, still by range.
  std::string serialised;
  if (more && !more->empty()) {
    try {
      serialised = query.serialise();
      Xapian::Query::unserialise(serialised, Xapian::Registry());
    } catch (const Xapian::Error&) {
      more = nullptr;
    }
  }
  for (Xapian::doccount ask = want + want / 8 + 8;; ask *= 2) {
    RankedMatches out;
    // Each range holds about its share of the best: a quarter more than
    // that is asked of each (a range that falls short is asked again).
    const Xapian::doccount each = static_cast<Xapian::doccount>(ask * 1.25 / kPhraseRanges) + 8;
    out.msets.resize(kPhraseRanges);
    std::vector<std::unique_ptr<Xapian::Weight>> weights;
    for (size_t i = 0; i < kPhraseRanges; ++i) weights.emplace_back(weight.clone());
    ForEachRange(db, more,
                 [&](size_t thread, size_t range, const Xapian::Database& handle, Xapian::docid lo,
                     Xapian::docid hi) {
                   const Xapian::Query own =
                       thread == 0 ? query : Xapian::Query::unserialise(serialised, Xapian::Registry());
                   Xapian::Enquire enquire(handle);
                   enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, own,
                                                   Xapian::Query((new DocidRange(lo, hi))->release())));
                   enquire.set_weighting_scheme(*weights[range]);
                   out.msets[range] = enquire.get_mset(0, each);
                 });
    double cut = -std::numeric_limits<double>::infinity();
    for (const Xapian::MSet& m : out.msets) {
      out.upper += m.get_matches_upper_bound();
      out.estimated += m.get_matches_estimated();
      if (m.size() == each && m.get_matches_upper_bound() > m.size()) {
        out.whole = false;
        cut = std::max(cut, m[m.size() - 1].get_weight());
      }
    }
    std::vector<std::tuple<double, size_t, Xapian::doccount>> items;  // score, MSet, index
    for (size_t part = 0; part < out.msets.size(); ++part) {
      const Xapian::MSet& m = out.msets[part];
      for (Xapian::doccount i = 0; i < m.size(); ++i) {
        const double w = m[i].get_weight();
        if (out.whole || w > cut) items.emplace_back(w, part, i);
      }
    }
    if (!out.whole && items.size() < want) {
      if (ask > 16 * want) return std::nullopt;
      continue;
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
    for (size_t lo = 0; lo < items.size();) {
      size_t hi = lo + 1;
      while (hi < items.size() && std::get<0>(items[hi]) == std::get<0>(items[lo])) ++hi;
      if (hi - lo > 1) {
        std::vector<std::pair<std::string, size_t>> run;
        for (size_t k = lo; k < hi; ++k) {
          const auto& [w, part, i] = items[k];
          run.emplace_back(out.msets[part][i].get_document().get_value(schema::kSlotId), k);
        }
        std::sort(run.begin(), run.end());
        std::vector<std::tuple<double, size_t, Xapian::doccount>> sorted;
        for (const auto& r : run) sorted.push_back(items[r.second]);
        std::copy(sorted.begin(), sorted.end(), items.begin() + static_cast<std::ptrdiff_t>(lo));
      }
      lo = hi;
    }
    for (const auto& [w, part, i] : items) out.order.emplace_back(part, i);
    return out;
  }
}

}  // namespace

std::optional<ResultPage> PhrasePageByRank(const Xapian::Database& db, const Xapian::Query& query,
                                           const Xapian::Weight& weight, bool collapse,
                                           Xapian::doccount first, Xapian::doccount count,
                                           Xapian::doccount min_word_matches,
                                           std::vector<Xapian::Database>* more) {
  std::vector<Xapian::Query> phrases;
  const Xapian::Query words = Defer(query, nullptr, &phrases);
  const Xapian::doccount need = first + count;
  if (phrases.empty() || need == 0 || need > kMaxRankedPhraseChecks / 4) return std::nullopt;
  // How many of the words' best matches must be checked to fill the page,
  // from the share of a sample that holds the phrases.
  const std::optional<PhraseShare> sample = SampleShare(db, phrases, min_word_matches);
  if (!sample || sample->share == 0) return std::nullopt;
  const double wanted = 2.0 * need / sample->share;
  // What a page that does not fill wastes before Xapian's own check: the
  // words' match and these checks, a small part of checking them all.
  if (wanted > std::max(kMaxRankedPhraseChecks, sample->word_matches / 8)) return std::nullopt;
  // One match of the words (its cost is the scan of all their documents,
  // whatever the window), checked in chunks in rank order.
  const Xapian::doccount want = std::max(static_cast<Xapian::doccount>(wanted), 4 * need);
  const std::optional<RankedMatches> ranked = RankByIdAmongEqual(db, more, words, weight, want);
  if (!ranked) return std::nullopt;
  const Xapian::doccount usable = static_cast<Xapian::doccount>(ranked->order.size());
  std::set<std::string> stories;
  std::vector<Xapian::doccount> ranks;  // of the page's results in ranked->order
  Xapian::doccount found = 0;
  Xapian::doccount checked = 0;
  // Each round checks about as many as the share of holders seen so far
  // (the sample's and this loop's) says the rest of the page needs, a
  // quarter more: growing a fixed 4x per round checked up to four times
  // too many in its last round ("part was": 3,400 for ~1,100).
  const double sampled = sample->sampled;
  while (found < need && checked < usable) {
    const double share = (sample->share * sampled + found) / (sampled + checked);
    const double chunk = std::max(32.0, 1.25 * (need - found) / std::max(share, 1e-6));
    const Xapian::doccount end =
        static_cast<Xapian::doccount>(std::min<double>(checked + chunk, usable));
    auto docs = std::make_shared<std::vector<Xapian::docid>>();
    for (Xapian::doccount i = checked; i < end; ++i) docs->push_back(*ranked->At(i));
    std::sort(docs->begin(), docs->end());
    const std::vector<Xapian::docid> holding = HoldingAll(db, phrases, std::move(docs));
    for (; checked < end && found < need; ++checked) {
      const Xapian::MSetIterator it = ranked->At(checked);
      if (!std::binary_search(holding.begin(), holding.end(), *it)) continue;
      if (collapse) {
        const std::string story = it.get_document().get_value(schema::kSlotCluster);
        if (!story.empty() && !stories.insert(story).second) continue;
      }
      if (found >= first) ranks.push_back(checked);
      ++found;
    }
  }
  const bool all_checked = checked == usable && ranked->whole;
  if (found < need && !all_checked) return std::nullopt;
  ResultPage page;
  page.all = ranked->msets.front();
  for (const Xapian::doccount r : ranks) page.hits.push_back(ranked->At(r));
  MatchCounts counts;
  if (all_checked) {
    counts.estimate = counts.lower = counts.upper = found;
  } else {
    counts.lower = found;
    // Each range's bound is the words' bound over all ranges, at most.
    counts.upper = std::max(found, std::min(ranked->upper, sample->word_bound));
    const double held = static_cast<double>(found) / checked;
    counts.estimate = std::max(
        found, static_cast<Xapian::doccount>(ranked->estimated * held + 0.5));
  }
  page.counts = counts;
  return page;
}

unsigned PhraseThreads(unsigned cores, unsigned others) {
  const unsigned idle = cores > others ? cores - others : 0;
  return idle < 2 ? 1 : std::min(kMaxPhraseThreads, idle);
}

bool ManyPhraseCandidates(const Xapian::Database& db, const Xapian::Query& query,
                          Xapian::doccount min_word_matches) {
  std::vector<Xapian::Query> phrases;
  Defer(query, nullptr, &phrases);
  for (const Xapian::Query& p : phrases) {
    bool all_common = true;
    for (auto t = p.get_terms_begin(); t != p.get_terms_end() && all_common; ++t)
      all_common = db.get_termfreq(*t) >= min_word_matches;
    if (all_common) return true;
  }
  return false;
}

std::shared_ptr<const PhraseMatches> PhraseMatches::Find(const Xapian::Database& db,
                                                         const Xapian::Query& query,
                                                         std::vector<Xapian::Database>* more) {
  std::vector<Xapian::Query> phrases;
  Defer(query, nullptr, &phrases);
  if (phrases.empty()) return nullptr;
  auto out = std::make_shared<PhraseMatches>();
  out->phrases_ = Describe(phrases);
  out->docs_ = std::make_shared<std::vector<Xapian::docid>>(
      more && !more->empty()
          ? HoldingAllSplit(db, TermsOf(phrases), more)
          : MatchingDocs(db, phrases.size() == 1 ? phrases.front()
                                                 : Xapian::Query(Xapian::Query::OP_AND,
                                                                 phrases.begin(), phrases.end())));
  return out;
}

std::optional<Xapian::Query> PhraseMatches::Rewrite(const Xapian::Query& query) const {
  std::vector<Xapian::Query> phrases;
  // In the words' AND, where the phrase's check was: Xapian adds up that
  // AND's weights in the same order (its subqueries by increasing
  // frequency, the set first, weighing 0). An OP_FILTER around the whole
  // query changed the last bit of some scores.
  const Xapian::Query set((new DocidSource(docs_))->release());
  Xapian::Query rewritten = Defer(query, &set, &phrases);
  if (Describe(phrases) != phrases_) return std::nullopt;
  return rewritten;
}

}  // namespace lede

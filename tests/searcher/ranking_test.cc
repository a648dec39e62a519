// Tests for searcher/ranking: option parsing, the boost rewrites and feedback,
// on an in-memory database built with the real schema.
#include "searcher/ranking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/error.h"
#include "common/index/schema.h"
#include "searcher/query_builder.h"

namespace lede {
namespace {

TEST(ParseRankingSpec, ReadsKeys) {
  RankingOptions o = ParseRankingSpec(
      "k1=0.9,b=0.4,title=0.5,prox=0.25,window=4,prf=10,prf_terms=5,prf_weight=0.3,scheme=dph,"
      "prf_cap=0.25,prf_min=2,prf_keep=0");
  EXPECT_DOUBLE_EQ(o.feedback_cap, 0.25);
  EXPECT_EQ(o.feedback_min_words, 2u);
  EXPECT_FALSE(o.feedback_keep);
  EXPECT_DOUBLE_EQ(o.k1, 0.9);
  EXPECT_DOUBLE_EQ(o.b, 0.4);
  EXPECT_DOUBLE_EQ(o.title_weight, 0.5);
  EXPECT_DOUBLE_EQ(o.proximity_weight, 0.25);
  EXPECT_EQ(o.proximity_window, 4u);
  EXPECT_EQ(o.feedback_docs, 10u);
  EXPECT_EQ(o.feedback_terms, 5u);
  EXPECT_DOUBLE_EQ(o.feedback_weight, 0.3);
  EXPECT_EQ(o.scheme, "dph");
}

TEST(ParseRankingSpec, EmptyAndDefaultKeepBase) {
  RankingOptions base;
  base.k1 = 2.5;
  EXPECT_DOUBLE_EQ(ParseRankingSpec("", base).k1, 2.5);
  EXPECT_DOUBLE_EQ(ParseRankingSpec("default", base).k1, 2.5);
  EXPECT_DOUBLE_EQ(ParseRankingSpec("b=0.1,", base).k1, 2.5);
  EXPECT_DOUBLE_EQ(ParseRankingSpec("b=0.1,", base).b, 0.1);
  EXPECT_EQ(ParseRankingSpec("prf=0").feedback_docs, 0u);
}

TEST(ParseRankingSpec, RejectsBadInput) {
  const char* bad[] = {"k1",       "k1=",        "k1=abc",     "k1=-1",  "b=1.5",
                       "k1=1x",    "zeta=1",     "scheme=lm",  "prf=2.5", "window=1",
                       "prf=-3",   "title=nan",  "=1",         "k1=1e999", "prf_keep=2", "prf_cap=-1"};
  for (const char* spec : bad) EXPECT_THROW(ParseRankingSpec(spec), UsageError) << spec;
}

TEST(MakeWeight, NamesTheScheme) {
  EXPECT_EQ(MakeWeight(RankingOptions())->name(), "Xapian::BM25Weight");
  EXPECT_EQ(MakeWeight(ParseRankingSpec("scheme=dph"))->name(), "Xapian::DPHWeight");
  EXPECT_EQ(MakeWeight(ParseRankingSpec("scheme=pl2"))->name(), "Xapian::PL2Weight");
  EXPECT_EQ(MakeWeight(ParseRankingSpec("scheme=inl2"))->name(), "Xapian::InL2Weight");
}

// The parser may keep a reference to its database: keep one alive.
const Xapian::Database& EmptyDb() {
  static const Xapian::Database* db = new Xapian::Database();
  return *db;
}

Xapian::Query Parse(const std::string& query) { return QueryBuilder(EmptyDb()).Parse(query).query; }

std::vector<std::string> Terms(const std::string& query) { return PositiveWordTerms(Parse(query)); }

TEST(PositiveWordTerms, KeepsQueryOrderAndSkipsExcludedAndFilters) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Terms("wing slipstream lift"), (V{"Zwing", "Zslipstream", "Zlift"}));
  EXPECT_EQ(Terms("the wing of a plane"), (V{"Zwing", "Zplane"}));
  EXPECT_EQ(Terms("high-speed flow"), (V{"Zhigh", "Zspeed", "Zflow"}));
  EXPECT_EQ(Terms("lavrov AND kerry NOT geneva"), (V{"Zlavrov", "Zkerri"}));
  EXPECT_EQ(Terms("syria -iran"), (V{"Zsyria"}));
  EXPECT_EQ(Terms("title:lavrov kerry"), (V{"Zkerri"}));
  EXPECT_EQ(Terms("kerry source:xinhua"), (V{"Zkerri"}));
  EXPECT_TRUE(Terms("source:xinhua").empty());
}

// Three documents sharing the words "shock" and "wave" in different places.
Xapian::Database ThreeDocs() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Stem stem("english");
  auto add = [&](const std::string& id, const std::string& title, const std::string& body) {
    schema::StoredArticle a;
    a.id = id;
    a.path = id;
    a.title = title;
    a.body = body;
    db.add_document(schema::BuildDocument(a, stem));
  };
  // Far apart, no title match; shorter than "near", so plain BM25 prefers it.
  add("far", "Measurements", "A shock was seen. Later runs had a long gap before the wave.");
  // Adjacent in the body.
  add("near", "Measurements", "A shock wave was seen in the tunnel. Later runs with many other"
                              " settings and a long gap before anything appeared again.");
  // In the title, apart in the body.
  add("title", "Shock wave", "A shock was seen in the tunnel. Later runs with many other"
                             " settings and a long gap before the wave appeared again.");
  // Matches neither word.
  add("none", "Other", "Nothing about the subject at all.");
  db.commit();
  return db;
}

std::vector<std::string> Ranked(const Xapian::Database& db, const Xapian::Query& q,
                                const RankingOptions& o) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  auto w = MakeWeight(o);
  enquire.set_weighting_scheme(*w);
  std::vector<std::string> ids;
  Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it)
    ids.push_back(schema::DecodeData(it.get_document().get_data()).id);
  return ids;
}

Xapian::Query ShockWave() {
  return Parse("shock wave");
}

TEST(AddRankingBoosts, OffLeavesTheQueryAlone) {
  RankingOptions o;
  o.title_weight = 0;
  o.proximity_weight = 0;
  EXPECT_EQ(AddRankingBoosts(ShockWave(), o).get_description(), ShockWave().get_description());
  o.title_weight = 1;
  // No word terms to boost.
  Xapian::Query filter_only("XSOURCExinhua");
  EXPECT_EQ(AddRankingBoosts(filter_only, o).get_description(), filter_only.get_description());
}

size_t RankOf(const std::vector<std::string>& ids, const std::string& id) {
  return static_cast<size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

TEST(AddRankingBoosts, ProximityRanksAdjacentWordsHigher) {
  Xapian::Database db = ThreeDocs();
  RankingOptions o;
  o.title_weight = 0;
  o.proximity_weight = 0;
  std::vector<std::string> plain = Ranked(db, ShockWave(), o);
  ASSERT_EQ(plain.size(), 3u);
  ASSERT_LT(RankOf(plain, "far"), RankOf(plain, "near"));
  o.proximity_weight = 1;
  o.proximity_window = 3;
  std::vector<std::string> boosted = Ranked(db, AddRankingBoosts(ShockWave(), o), o);
  ASSERT_EQ(boosted.size(), 3u);
  EXPECT_LT(RankOf(boosted, "near"), RankOf(boosted, "far"));
}

std::map<std::string, double> Weights(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  auto w = MakeWeight(RankingOptions());
  enquire.set_weighting_scheme(*w);
  std::map<std::string, double> out;
  Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it)
    out[schema::DecodeData(it.get_document().get_data()).id] = it.get_weight();
  return out;
}

TEST(AddRankingBoosts, TitleBoostRaisesOnlyTitleMatches) {
  Xapian::Database db = ThreeDocs();
  RankingOptions o;
  o.title_weight = 1;
  o.proximity_weight = 0;
  std::map<std::string, double> plain = Weights(db, ShockWave());
  std::map<std::string, double> boosted = Weights(db, AddRankingBoosts(ShockWave(), o));
  EXPECT_GT(boosted["title"], plain["title"] + 0.1);
  EXPECT_DOUBLE_EQ(boosted["far"], plain["far"]);
  EXPECT_DOUBLE_EQ(boosted["near"], plain["near"]);
}

TEST(AddRankingBoosts, NeverChangesWhatMatches) {
  Xapian::Database db = ThreeDocs();
  RankingOptions o;
  o.title_weight = 2;
  o.proximity_weight = 2;
  for (const char* q : {"shock wave", "shock AND wave", "shock NOT wave", "tunnel -wave"}) {
    Xapian::Query base = Parse(q);
    std::vector<std::string> a = Ranked(db, base, o);
    std::vector<std::string> b = Ranked(db, AddRankingBoosts(base, o), o);
    EXPECT_EQ(std::set<std::string>(a.begin(), a.end()), std::set<std::string>(b.begin(), b.end()))
        << q;
  }
}

TEST(AddFeedback, AddsTermsFromTopDocumentsWithoutChangingMatches) {
  Xapian::Database db = ThreeDocs();
  RankingOptions o;
  o.feedback_min_words = 1;
  o.feedback_docs = 2;
  o.feedback_terms = 3;
  Xapian::Query base = Parse("shock");
  Xapian::Query expanded = AddFeedback(db, base, o);
  std::vector<std::string> words = PositiveWordTerms(expanded);
  // The original word, then new ones from the top documents, none a stop word.
  ASSERT_GT(words.size(), 1u);
  EXPECT_EQ(words[0], "Zshock");
  for (size_t i = 1; i < words.size(); ++i) {
    EXPECT_NE(words[i], "Zshock");
    EXPECT_NE(words[i], "Zthe");
  }
  std::vector<std::string> a = Ranked(db, base, o);
  std::vector<std::string> b = Ranked(db, expanded, o);
  EXPECT_EQ(std::set<std::string>(a.begin(), a.end()), std::set<std::string>(b.begin(), b.end()));
}

TEST(AddFeedback, OnlyForQueriesOfEnoughWords) {
  Xapian::Database db = ThreeDocs();
  RankingOptions o;  // the default: four words or more
  EXPECT_FALSE(FeedbackOn(o, Parse("shock wave")));
  EXPECT_EQ(AddFeedback(db, Parse("shock wave"), o).get_description(),
            Parse("shock wave").get_description());
  EXPECT_FALSE(FeedbackOn(o, Parse("shock shock shock wave")));  // distinct words count
  EXPECT_TRUE(FeedbackOn(o, Parse("shock wave tunnel gap")));
  o.feedback_min_words = 1;
  EXPECT_TRUE(FeedbackOn(o, Parse("shock")));
  o.feedback_cap = 0;
  EXPECT_FALSE(FeedbackOn(o, Parse("shock")));
}

// Feedback's terms can add at most feedback_cap times what the query's own
// words can weigh at most: (k1 + 1) times the sum of their idfs.
TEST(AddFeedback, ExpansionNeverOutweighsTheQuery) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Stem stem("english");
  for (int i = 0; i < 40; ++i) {
    schema::StoredArticle a;
    a.id = "d" + std::to_string(i);
    a.path = a.id;
    a.title = "x";
    // The top documents share many rare words: uncapped, their expansion
    // terms weigh far more than the one common query word.
    a.body = i < 3 ? "report zeta1 zeta2 zeta3 zeta4 zeta5 zeta6 zeta7 zeta8 zeta9 report"
                   : "report number " + std::to_string(i) + (i % 2 ? " filler" : " other");
    db.add_document(schema::BuildDocument(a, stem));
  }
  db.commit();
  const Xapian::Query query("Zreport");
  const double query_max = (1.2 + 1) * Bm25Idf(db.get_doccount(), db.get_termfreq("Zreport"));
  const auto feedback_max = [&](double cap) {
    RankingOptions o;
    o.feedback_min_words = 1;
    o.title_weight = 0;
    o.feedback_cap = cap;
    const RankedParts parts = RankedQueryParts(db, query, o);
    Xapian::Enquire e(db);
    const auto weight = MakeWeight(o);
    e.set_weighting_scheme(*weight);
    double most = 0;
    for (Xapian::docid d = 1; d <= db.get_doccount(); ++d) {
      double sum = 0;
      for (const ExplainUnit& u : parts.units) {
        e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, u.query,
                                  Xapian::Query(schema::IdTerm("d" + std::to_string(d - 1)))));
        const Xapian::MSet m = e.get_mset(0, 1);
        if (!m.empty()) sum += m.begin().get_weight();
      }
      most = std::max(most, sum);
    }
    return most;
  };
  EXPECT_GT(feedback_max(1000), query_max);  // the test can fail
  EXPECT_LE(feedback_max(1.0), query_max * (1 + 1e-9));
  EXPECT_LE(feedback_max(0.5), 0.5 * query_max * (1 + 1e-9));
}

TEST(AddFeedback, OffOrNoMatchLeavesTheQueryAlone) {
  Xapian::Database db = ThreeDocs();
  RankingOptions o;
  o.feedback_min_words = 1;
  o.feedback_docs = 0;
  Xapian::Query base = Parse("shock");
  EXPECT_EQ(AddFeedback(db, base, o).get_description(), base.get_description());
  o.feedback_docs = 5;
  Xapian::Query nothing = Parse("zeppelin");
  EXPECT_EQ(AddFeedback(db, nothing, o).get_description(), nothing.get_description());
}

// Accepts terms that do not start with 'b' (any decider must be honoured).
class NotB : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override { return term[0] != 'b'; }
};

TEST(ExpansionTerms, SameAsXapiansESet) {
  // Words from a small vocabulary with skewed frequencies: many equal
  // weights (ties) and terms in 1, 2 and 3+ feedback documents.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  unsigned seed = 12345;
  const auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int d = 0; d < 80; ++d) {
    Xapian::Document doc;
    const unsigned len = 5 + next() % 40;
    for (unsigned i = 0; i < len; ++i) {
      const unsigned w = (next() % 60) * (next() % 60) / 60;
      doc.add_term(std::string(1, static_cast<char>('a' + w % 3)) + std::to_string(w));
    }
    db.add_document(doc);
  }
  db.commit();
  const NotB not_b;
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("a3"), Xapian::Query("c5"));
  size_t compared = 0;
  const std::vector<std::vector<Xapian::docid>> rsets = {
      {1}, {2, 7}, {3, 9, 40}, {5, 6, 11, 12, 50}, {10, 20, 30}};
  for (const auto& docs : rsets) {
    for (const Xapian::ExpandDecider* decider :
         {static_cast<const Xapian::ExpandDecider*>(nullptr),
          static_cast<const Xapian::ExpandDecider*>(&not_b)}) {
      for (unsigned count : {1u, 5u, 20u, 500u}) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_expansion_scheme("trad");
        Xapian::RSet rset;
        for (Xapian::docid d : docs) rset.add_document(d);
        const Xapian::ESet eset =
            enquire.get_eset(count, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, decider);
        const std::vector<ExpansionTerm> mine = ExpansionTerms(db, docs, query, decider, count);
        ASSERT_EQ(mine.size(), eset.size()) << docs.size() << " docs, " << count;
        size_t i = 0;
        for (auto it = eset.begin(); it != eset.end(); ++it, ++i) {
          EXPECT_EQ(mine[i].term, *it) << docs.size() << " docs, " << count << ", #" << i;
          EXPECT_EQ(mine[i].weight, it.get_weight()) << *it;  // to the last bit
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 300u);
}

}  // namespace
}  // namespace lede

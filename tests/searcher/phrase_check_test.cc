// Tests for searcher/phrase_check: a phrase matched once, then its words'
// AND filtered by the documents found, gives the native phrase match's
// results and weights exactly, and never a document without the phrase.
#include "searcher/phrase_check.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "searcher/query_builder.h"
#include "searcher/ranking.h"
#include "searcher/sort_order.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

Xapian::Database PhraseDb() {
  return testing::MakeDb({
      {"a", "The minister of foreign affairs met the press. Foreign of course.", std::nullopt,
       std::nullopt},
      {"b", "Foreign ministers of the region; of foreign origin.", std::nullopt,
       std::nullopt},  // words, no phrase
      {"c", "He spoke of foreign aid, foreign of policy, and of the foreign office.", std::nullopt,
       std::nullopt},
      {"d", "Nothing to see here, only the weather of the day.", std::nullopt, std::nullopt},
      {"e", "Leader one the, one leader: the leader one the other.", std::nullopt, std::nullopt},
      {"f", "The leader, one of the leaders, the one leader.", std::nullopt,
       std::nullopt},  // no "leader one the"
  });
}

std::vector<std::pair<std::string, double>> Top(const Xapian::Database& db, const Xapian::Query& q,
                                                bool collapse) {
  Xapian::Enquire e(db);
  e.set_query(q);
  const auto weight = MakeWeight(RankingOptions());
  e.set_weighting_scheme(*weight);
  if (collapse) e.set_collapse_key(schema::kSlotCluster);
  std::vector<std::pair<std::string, double>> out;
  const Xapian::MSet m = e.get_mset(0, 10);
  for (auto it = m.begin(); it != m.end(); ++it)
    out.emplace_back(schema::DecodeData(it.get_document().get_data()).id, it.get_weight());
  return out;
}

TEST(PhraseMatches, SameResultsAndWeightsAsThePhraseItself) {
  const Xapian::Database db = PhraseDb();
  QueryBuilder builder(db);
  const char* queries[] = {"\"foreign of\"",
                           "\"leader one the\"",
                           "\"of the\" AND foreign",
                           "\"foreign of\" -press",
                           "\"foreign of\" source:nowhere",
                           "\"weather of the\" AND \"of the day\""};
  for (const char* text : queries) {
    const Xapian::Query scored = builder.Parse(text).query;
    const auto phrases = PhraseMatches::Find(db, scored);
    ASSERT_NE(phrases, nullptr) << text;
    for (const RankingOptions& o : {RankingOptions(), ParseRankingSpec("prf=0,title=0")}) {
      const Xapian::Query native = RankedQuery(db, scored, o);
      const Xapian::Query fast = RankedQuery(db, scored, o, phrases.get());
      EXPECT_EQ(native.get_description(), fast.get_description()) << text;
      const auto rewritten = phrases->Rewrite(native);
      ASSERT_TRUE(rewritten.has_value()) << text;
      EXPECT_EQ(Top(db, native, true), Top(db, *rewritten, true)) << text;
      EXPECT_EQ(Top(db, native, false), Top(db, *rewritten, false)) << text;
    }
  }
}

TEST(PhraseMatches, OnlyDocumentsWithThePhrase) {
  const Xapian::Database db = PhraseDb();
  QueryBuilder builder(db);
  const Xapian::Query q = builder.Parse("\"foreign of\"").query;
  const auto phrases = PhraseMatches::Find(db, q);
  ASSERT_NE(phrases, nullptr);
  EXPECT_EQ(phrases->size(), 2u);  // a and c, not b
  std::vector<std::string> ids;
  for (const auto& [id, w] : Top(db, *phrases->Rewrite(q), false)) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "c"}));
  const Xapian::Query three = builder.Parse("\"leader one the\"").query;
  ASSERT_NE(PhraseMatches::Find(db, three), nullptr);
  EXPECT_EQ(PhraseMatches::Find(db, three)->size(), 1u);  // e only
}

TEST(PhraseMatches, NoneWhenThePhraseIsNotRequired) {
  const Xapian::Database db = PhraseDb();
  QueryBuilder builder(db);
  // Under OR a document may match without the phrase, with another weight.
  EXPECT_EQ(PhraseMatches::Find(db, builder.Parse("\"foreign of\" weather", true).query), nullptr);
  EXPECT_EQ(PhraseMatches::Find(db, builder.Parse("foreign NOT \"of the\"").query), nullptr);
  EXPECT_EQ(PhraseMatches::Find(db, builder.Parse("foreign NEAR affairs").query), nullptr);
  EXPECT_EQ(PhraseMatches::Find(db, builder.Parse("foreign minister", true).query), nullptr);
  // Another query's phrases: not rewritten.
  const auto phrases = PhraseMatches::Find(db, builder.Parse("\"foreign of\"").query);
  ASSERT_NE(phrases, nullptr);
  EXPECT_FALSE(phrases->Rewrite(builder.Parse("\"of the\"").query).has_value());
}

// Enough documents holding "foreign" and "of" for PhrasePageByRank's
// sample: every third with the phrase, the others with the words apart,
// of lengths that give every document its own score.
// With path, the database is committed there (for more handles on it).
Xapian::Database ManyDb(int n, std::string* path = nullptr) {
  std::vector<testing::TestArticle> articles;
  for (int i = 0; i < n; ++i) {
    std::string body = i % 3 == 0 ? "talks foreign of course" : "foreign talks of course";
    for (int k = 0; k < i % 17; ++k) body += " filler" + std::to_string(k);
    if (i % 5 == 0) body += " foreign";
    articles.push_back({"id" + std::to_string(1000 + i), body, std::nullopt, std::nullopt});
  }
  Xapian::WritableDatabase db = testing::MakeDb(articles, path);
  db.commit();
  return db;
}

// n more handles on the database at path: none, one, three (one thread
// per docid range in the split match).
std::vector<std::vector<Xapian::Database>> HandleSets(const std::string& path) {
  std::vector<std::vector<Xapian::Database>> out(3);
  out[1].emplace_back(path);
  for (int i = 0; i < 3; ++i) out[2].emplace_back(path);
  return out;
}

// Enquires as the searcher makes them: its weighting, one result per story
// when collapsing.
EnquireMaker MakerFor(const Xapian::Database& db, const Xapian::Weight& weight,
                      bool collapse = false) {
  return [&db, &weight, collapse](const Xapian::Query& query) {
    Xapian::Enquire e(db);
    e.set_query(query);
    e.set_weighting_scheme(weight);
    if (collapse) e.set_collapse_key(schema::kSlotCluster);
    return e;
  };
}

// The sample's floor for these small databases.
constexpr Xapian::doccount kFewWords = 64;

std::vector<std::pair<Xapian::docid, double>> Hits(const ResultPage& page) {
  std::vector<std::pair<Xapian::docid, double>> out;
  for (const Xapian::MSetIterator& it : page.hits) out.emplace_back(*it, it.get_weight());
  return out;
}

// The phrase check split by docid across threads, one per extra handle:
// the same documents, so the same results, for any number of handles
// (more than there are documents too).
TEST(PhraseMatches, SplitAcrossHandlesFindsTheSameDocuments) {
  for (const int n : {2, 300}) {
    std::vector<testing::TestArticle> articles;
    for (int i = 0; i < n; ++i) {
      const std::string body = i % 3 == 0 ? "talks foreign of course the weather of the day"
                                          : "foreign talks of course";
      articles.push_back({"id" + std::to_string(1000 + i), body, std::nullopt, std::nullopt});
    }
    std::string path;
    testing::MakeDb(articles, &path).commit();
    const Xapian::Database db(path);
    QueryBuilder builder(db);
    for (const char* text : {"\"foreign of\"", "\"of the day\" AND \"talks foreign\"",
                             "\"of course\" talks", "\"nothing of\""}) {
      const Xapian::Query q = builder.Parse(text).query;
      const auto one = PhraseMatches::Find(db, q);
      ASSERT_NE(one, nullptr) << text;
      for (const size_t handles : {1, 3}) {
        std::vector<Xapian::Database> more;
        for (size_t i = 0; i < handles; ++i) more.emplace_back(path);
        const auto split = PhraseMatches::Find(db, q, &more);
        ASSERT_NE(split, nullptr) << text;
        EXPECT_EQ(one->size(), split->size()) << text << " " << handles;
        const Xapian::Query ranked = RankedQuery(db, q, RankingOptions());
        EXPECT_EQ(Top(db, *one->Rewrite(ranked), false), Top(db, *split->Rewrite(ranked), false))
            << text << " " << handles;
      }
    }
  }
}

TEST(ManyPhraseCandidates, WhenEveryWordOfAPhraseIsCommon) {
  const Xapian::Database db = ManyDb(100);
  QueryBuilder builder(db);
  // Every article has "foreign" and "of"; 76 of the 100 have "filler3".
  EXPECT_TRUE(ManyPhraseCandidates(db, builder.Parse("\"foreign of\"").query, 80));
  EXPECT_FALSE(ManyPhraseCandidates(db, builder.Parse("\"foreign of\"").query, 101));
  EXPECT_FALSE(ManyPhraseCandidates(db, builder.Parse("foreign of", true).query, 80));
  EXPECT_FALSE(ManyPhraseCandidates(db, builder.Parse("\"foreign filler3\"").query, 80));
  EXPECT_TRUE(ManyPhraseCandidates(db, builder.Parse("\"foreign filler3\"").query, 70));
}

TEST(PhrasePageByRank, SamePageAsXapiansPhraseCheck) {
  std::string path;
  const Xapian::Database db = ManyDb(300, &path);
  std::vector<std::vector<Xapian::Database>> handle_sets = HandleSets(path);
  QueryBuilder builder(db);
  const auto weight = MakeWeight(RankingOptions());
  for (const char* text : {"\"foreign of\"", "\"foreign of\" course", "\"foreign of course\""}) {
    const Xapian::Query q = RankedQuery(db, builder.Parse(text).query, RankingOptions());
    for (const bool collapse : {false, true}) {
      const EnquireMaker make = MakerFor(db, *weight, collapse);
      for (const auto& [first, count] : std::vector<std::pair<unsigned, unsigned>>{
               {0, 10}, {0, 1}, {5, 3}, {20, 40}, {90, 20}, {0, 150}}) {
        Xapian::Enquire e = make(q);
        const ResultPage native = GetPage(e, q, SortOrder::kRelevance, make, first, count, 0);
        std::optional<MatchCounts> unsplit;
        for (std::vector<Xapian::Database>& more : handle_sets) {
          const std::string where = std::string(text) + " " + std::to_string(first) + "+" +
                                    std::to_string(count) + " handles " +
                                    std::to_string(more.size());
          const std::optional<ResultPage> lazy =
              PhrasePageByRank(db, q, *weight, collapse, first, count, kFewWords, &more);
          ASSERT_TRUE(lazy.has_value()) << where;
          EXPECT_EQ(Hits(native), Hits(*lazy)) << where;
          const MatchCounts c = lazy->Counts();
          // The same counts on any number of threads.
          if (!unsplit) unsplit = c;
          EXPECT_EQ(c.estimate, unsplit->estimate) << where;
          EXPECT_EQ(c.lower, unsplit->lower) << where;
          EXPECT_EQ(c.upper, unsplit->upper) << where;
          EXPECT_LE(c.lower, c.estimate) << where;
          EXPECT_LE(c.estimate, c.upper) << where;
          // Every third of the 300 articles holds the phrase (fewer stories:
          // the near-duplicates among them are one story).
          if (!collapse) {
            EXPECT_LE(c.lower, 100u) << where;
            EXPECT_GE(c.upper, 100u) << where;
          }
        }
      }
    }
  }
}

// Equal scores in runs: each body three times, the ids counting down as
// the docids count up, so ties by article id and by docid differ.
TEST(PhrasePageByRank, EqualScoresByArticleIdNotDocid) {
  std::vector<testing::TestArticle> articles;
  for (int i = 0; i < 240; ++i) {
    const int shape = i / 3;
    std::string body = shape % 3 == 0 ? "talks foreign of course" : "foreign talks of course";
    for (int k = 0; k < shape % 7; ++k) body += " filler" + std::to_string(k);
    articles.push_back({"id" + std::to_string(9000 - i), body, std::nullopt, std::nullopt});
  }
  std::string path;
  testing::MakeDb(articles, &path).commit();
  const Xapian::Database db(path);
  std::vector<std::vector<Xapian::Database>> handle_sets = HandleSets(path);
  QueryBuilder builder(db);
  const auto weight = MakeWeight(RankingOptions());
  const Xapian::Query q = RankedQuery(db, builder.Parse("\"foreign of\"").query, RankingOptions());
  const EnquireMaker make = MakerFor(db, *weight);
  for (const auto& [first, count] :
       std::vector<std::pair<unsigned, unsigned>>{{0, 10}, {0, 2}, {1, 1}, {4, 7}, {30, 50}}) {
    Xapian::Enquire e = make(q);
    const ResultPage native = GetPage(e, q, SortOrder::kRelevance, make, first, count, 0);
    for (std::vector<Xapian::Database>& more : handle_sets) {
      const std::optional<ResultPage> lazy =
          PhrasePageByRank(db, q, *weight, false, first, count, kFewWords, &more);
      ASSERT_TRUE(lazy.has_value()) << first << "+" << count << " handles " << more.size();
      EXPECT_EQ(Hits(native), Hits(*lazy)) << first << "+" << count << " handles " << more.size();
    }
  }
}

TEST(PhrasePageByRank, ExactCountsWhenEveryMatchWasChecked) {
  const Xapian::Database db = ManyDb(300);
  QueryBuilder builder(db);
  const auto weight = MakeWeight(RankingOptions());
  const Xapian::Query q = RankedQuery(db, builder.Parse("\"foreign of\"").query, RankingOptions());
  const std::optional<ResultPage> page = PhrasePageByRank(db, q, *weight, false, 95, 10, kFewWords);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->hits.size(), 5u);  // results 95..99 of 100
  const MatchCounts c = page->Counts();
  EXPECT_EQ(c.lower, 100u);
  EXPECT_EQ(c.estimate, 100u);
  EXPECT_EQ(c.upper, 100u);
}

// n documents holding "foreign" and "of"; every `every`th from the 100th on
// holds the phrase too, so the first 64 (by docid) hold none.
Xapian::Database SparseDb(int n, int every) {
  std::vector<testing::TestArticle> articles;
  for (int i = 0; i < n; ++i) {
    std::string body =
        i >= 100 && i % every == 0 ? "talks foreign of course" : "foreign talks of course";
    for (int k = 0; k < i % 17; ++k) body += " filler" + std::to_string(k);
    articles.push_back({"id" + std::to_string(1000 + i), body, std::nullopt, std::nullopt});
  }
  return testing::MakeDb(articles);
}

TEST(PhrasePageByRank, ALargerSampleFindsAPhraseTheFirstMissed) {
  // 2.5% of the documents hold the phrase, none of the first 64: the
  // larger sample sees about a dozen, enough to check in rank order.
  const Xapian::Database db = SparseDb(700, 40);
  QueryBuilder builder(db);
  const auto weight = MakeWeight(RankingOptions());
  const Xapian::Query q = RankedQuery(db, builder.Parse("\"foreign of\"").query, RankingOptions());
  const EnquireMaker make = MakerFor(db, *weight);
  Xapian::Enquire e = make(q);
  const ResultPage native = GetPage(e, q, SortOrder::kRelevance, make, 0, 5, 0);
  const std::optional<ResultPage> lazy = PhrasePageByRank(db, q, *weight, false, 0, 5, kFewWords);
  ASSERT_TRUE(lazy.has_value());
  EXPECT_EQ(Hits(native), Hits(*lazy));
  EXPECT_EQ(lazy->hits.size(), 5u);
  // One in 350: the sample of 512 cannot promise a page.
  const Xapian::Database rare = SparseDb(700, 350);
  QueryBuilder rare_builder(rare);
  const Xapian::Query rq =
      RankedQuery(rare, rare_builder.Parse("\"foreign of\"").query, RankingOptions());
  EXPECT_FALSE(PhrasePageByRank(rare, rq, *weight, false, 0, 5, kFewWords).has_value());
}

TEST(PhrasePageByRank, NoneWhenXapiansCheckIsTheCheaper) {
  const auto weight = MakeWeight(RankingOptions());
  {
    const Xapian::Database db = ManyDb(300);
    QueryBuilder builder(db);
    // No phrase; a phrase no sampled document holds ("of course talks").
    for (const char* text : {"foreign course", "\"of course talks\""}) {
      const Xapian::Query q = RankedQuery(db, builder.Parse(text).query, RankingOptions());
      EXPECT_FALSE(PhrasePageByRank(db, q, *weight, false, 0, 10, kFewWords).has_value()) << text;
    }
  }
  // Too few documents hold the words to be worth a sample: fewer than the
  // floor, or than the sample.
  {
    const Xapian::Database db = ManyDb(300);
    QueryBuilder builder(db);
    const Xapian::Query q =
        RankedQuery(db, builder.Parse("\"foreign of\"").query, RankingOptions());
    EXPECT_FALSE(PhrasePageByRank(db, q, *weight, false, 0, 10, 301).has_value());
    EXPECT_TRUE(PhrasePageByRank(db, q, *weight, false, 0, 10, 300).has_value());
  }
  const Xapian::Database small = PhraseDb();
  QueryBuilder builder(small);
  const Xapian::Query q =
      RankedQuery(small, builder.Parse("\"foreign of\"").query, RankingOptions());
  EXPECT_FALSE(PhrasePageByRank(small, q, *weight, false, 0, 10, kFewWords).has_value());
}

TEST(PhraseThreads, TheCoresNothingElseUses) {
  EXPECT_EQ(PhraseThreads(2, 0), 2u);  // idle
  EXPECT_EQ(PhraseThreads(2, 1), 1u);  // one core taken
  EXPECT_EQ(PhraseThreads(2, 9), 1u);
  EXPECT_EQ(PhraseThreads(1, 0), 1u);
  EXPECT_EQ(PhraseThreads(0, 0), 1u);  // unknown
  EXPECT_EQ(PhraseThreads(4, 1), 3u);
  EXPECT_EQ(PhraseThreads(64, 2), kMaxPhraseThreads);
}

}  // namespace
}  // namespace lede

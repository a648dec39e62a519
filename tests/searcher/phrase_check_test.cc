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

}  // namespace
}  // namespace lede

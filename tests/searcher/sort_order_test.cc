// Tests for searcher/sort_order: date orders with relevance tie-break and
// undated articles last, page by page exactly as the KeyMaker lede sorted
// with before issue 6 (which the remote backend refuses), on a local
// database and on the same database behind Xapian's remote protocol.
#include "searcher/sort_order.h"

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "searcher/copies.h"
#include "searcher/query_builder.h"
#include "searcher/ranking.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

const char* kStory =
    "Negotiators from both sides returned to the table in Geneva on Wednesday, diplomats said, "
    "after a week in which the ceasefire held along most of the front line. The talks, mediated "
    "by the United Nations envoy, are expected to focus on prisoner exchanges.";
const char* kOtherStory =
    "Brazil's soybean harvest reached a record this season, the agriculture ministry said on "
    "Sunday, as farmers in Mato Grosso benefited from regular rains during the planting months. "
    "Exports are expected to grow again, traders in Syria and Lebanon said.";

// Dated and undated articles, with relevance ties to break, and stories
// whose copies are dated, undated, or both.
Xapian::WritableDatabase Db(std::string* path = nullptr) {
  const std::string story(kStory), other(kOtherStory);
  return testing::MakeDb(
      {{"old", "syria", Date{1963, 11, 22}, std::nullopt},
       {"none", "syria syria syria", std::nullopt, std::nullopt},
       {"new_weak", "syria and many other words here to dilute it", Date{2014, 1, 22},
        std::nullopt},
       {"new_strong", "syria syria", Date{2014, 1, 22}, std::nullopt},
       {"mid", "syria", Date{2012, 12, 4}, std::nullopt},
       {"none_weak", "syria among a few more words", std::nullopt, std::nullopt},
       // One story, three copies: two dated, one undated and the best match,
       // so that date orders must not show it by the undated copy.
       {"copy_dec", story + " Syria.", Date{2012, 12, 5}, std::nullopt},
       {"copy_undated", story + " Syria syria syria.", std::nullopt, std::nullopt},
       {"copy_jan", story + " Syria, the AFP said.", Date{2013, 1, 7}, std::nullopt},
       // A story of undated copies only: it belongs with the undated.
       {"undated_a", other + " Geneva.", std::nullopt, std::nullopt},
       {"undated_b", other + " Geneva, Reuters said.", std::nullopt, std::nullopt},
       // Equal in date and score (and undated and equal), added against
       // their ids' order: ties only the article id can order.
       {"tie_b", "syria peace", Date{2010, 3, 1}, std::nullopt},
       {"tie_a", "syria talks", Date{2010, 3, 1}, std::nullopt},
       {"tie_undated_d", "syria today", std::nullopt, std::nullopt},
       {"tie_undated_c", "syria now", std::nullopt, std::nullopt}},
      path);
}

// What ApplySortOrder did until issue 6: an empty date sorts as "\xff" in
// the ascending order, and a reversed empty value sorts last by itself.
std::unique_ptr<Xapian::KeyMaker> KeyMakerOrder(Xapian::Enquire& enquire, SortOrder order) {
  auto keys = std::make_unique<Xapian::MultiValueKeyMaker>();
  if (order == SortOrder::kOldest)
    keys->add_value(schema::kSlotDate, false, "\xff");
  else
    keys->add_value(schema::kSlotDate, true);
  enquire.set_sort_by_key_then_relevance(keys.get(), false);
  return keys;
}

using Row = std::tuple<Xapian::doccount, Xapian::docid, double>;  // rank, docid, weight

std::vector<Row> Rows(const std::vector<Xapian::MSetIterator>& hits, Xapian::doccount first) {
  std::vector<Row> out;
  for (const auto& it : hits) out.emplace_back(first + out.size(), *it, it.get_weight());
  return out;
}

// The page [first, first + count) of want's whole match, each run equal in
// sort key and weight (which Xapian orders by docid) ordered by article id.
std::vector<Row> ReferencePage(Xapian::Enquire& want, Xapian::doccount first,
                               Xapian::doccount count) {
  const Xapian::MSet all = want.get_mset(0, 1000);
  std::vector<Xapian::MSetIterator> items;
  for (auto it = all.begin(); it != all.end(); ++it) items.push_back(it);
  auto id = [](const Xapian::MSetIterator& it) {
    return it.get_document().get_value(schema::kSlotId);
  };
  std::stable_sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
    if (a.get_rank() == b.get_rank()) return false;
    const bool tied = a.get_sort_key() == b.get_sort_key() && a.get_weight() == b.get_weight();
    return tied ? id(a) < id(b) : a.get_rank() < b.get_rank();
  });
  std::vector<Xapian::MSetIterator> page;
  for (Xapian::doccount i = first; i < std::min<size_t>(first + count, items.size()); ++i)
    page.push_back(items[i]);
  return Rows(page, first);
}

std::vector<Xapian::MSetIterator> Hits(const Xapian::MSet& mset) {
  std::vector<Xapian::MSetIterator> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(it);
  return hits;
}

// Every page of every date order, collapsed or not, against the KeyMaker on
// the local database `reference`.
void ExpectSamePages(const Xapian::Database& reference, const Xapian::Database& db,
                     const std::string& text) {
  // lede's ranked query (title boost, feedback terms), whose weights a
  // filter merged into it could add up in another order.
  const Xapian::Query query =
      RankedQuery(reference, QueryBuilder(reference).Parse(text).query, RankingOptions{});
  const std::unique_ptr<Xapian::Weight> weight = MakeWeight(RankingOptions{});
  for (SortOrder order : {SortOrder::kNewest, SortOrder::kOldest, SortOrder::kRelevance}) {
    for (bool collapse : {true, false}) {
      const EnquireMaker make = [&](const Xapian::Query& q) {
        Xapian::Enquire e(db);
        e.set_query(q);
        e.set_weighting_scheme(*weight);
        if (collapse) CollapseCopies(e);
        return e;
      };
      for (Xapian::doccount first = 0; first <= 12; ++first) {
        for (Xapian::doccount count = 0; count <= 12; ++count) {
          Xapian::Enquire want(reference);
          want.set_query(query);
          want.set_weighting_scheme(*weight);
          if (collapse) CollapseCopies(want);
          std::unique_ptr<Xapian::KeyMaker> keys;
          if (order != SortOrder::kRelevance)
            keys = KeyMakerOrder(want, order);
          else
            want.set_sort_by_relevance_then_value(schema::kSlotId, false);
          Xapian::Enquire enquire = make(query);
          const ResultPage page = GetPage(enquire, query, order, make, first, count, 0);
          const std::vector<Row> expected = order == SortOrder::kRelevance
                                                ? Rows(Hits(want.get_mset(first, count)), first)
                                                : ReferencePage(want, first, count);
          EXPECT_EQ(Rows(page.hits, first), expected)
              << "order " << static_cast<int>(order) << " collapse " << collapse << " page "
              << first << "+" << count;
        }
      }
    }
  }
}

TEST(SortOrder, NewestAndOldestPutUndatedLast) {
  auto db = testing::MakeDb({{"old", "syria", Date{1963, 11, 22}, std::nullopt},
                             {"none", "syria syria syria", std::nullopt, std::nullopt},
                             {"new_weak", "syria and many other words here to dilute it",
                              Date{2014, 1, 22}, std::nullopt},
                             {"new_strong", "syria syria", Date{2014, 1, 22}, std::nullopt},
                             {"mid", "syria", Date{2012, 12, 4}, std::nullopt}});
  const Xapian::Query query("Zsyria");
  const EnquireMaker make = [&](const Xapian::Query& q) {
    Xapian::Enquire e(db);
    e.set_query(q);
    return e;
  };
  auto ids = [&](SortOrder order) {
    Xapian::Enquire e = make(query);
    std::vector<std::string> out;
    for (const auto& it : GetPage(e, query, order, make, 0, 10, 0).hits)
      out.push_back(schema::DecodeData(it.get_document().get_data()).id);
    return out;
  };
  EXPECT_EQ(ids(SortOrder::kNewest),
            (std::vector<std::string>{"new_strong", "new_weak", "mid", "old", "none"}));
  EXPECT_EQ(ids(SortOrder::kOldest),
            (std::vector<std::string>{"old", "mid", "new_strong", "new_weak", "none"}));
}

std::string ClusterOf(const Xapian::Database& db, const std::string& id) {
  const std::string term = schema::IdTerm(id);
  if (db.postlist_begin(term) == db.postlist_end(term)) return "(no such article)";
  return db.get_document(*db.postlist_begin(term)).get_value(schema::kSlotCluster);
}

TEST(SortOrder, PagesEqualTheKeyMakerOrderOnALocalDatabase) {
  auto db = Db();
  // The stories are as Db() says.
  EXPECT_EQ(ClusterOf(db, "copy_undated"), ClusterOf(db, "copy_dec"));
  EXPECT_EQ(ClusterOf(db, "copy_jan"), ClusterOf(db, "copy_dec"));
  EXPECT_EQ(ClusterOf(db, "undated_b"), ClusterOf(db, "undated_a"));
  EXPECT_NE(ClusterOf(db, "undated_a"), ClusterOf(db, "copy_dec"));
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query("Zsyria"));
  CollapseCopies(e);
  std::vector<std::string> best;
  for (const Xapian::MSetIterator& it :
       GetPage(e, Xapian::Query("Zsyria"), SortOrder::kRelevance, nullptr, 0, 20, 0).hits)
    best.push_back(schema::DecodeData(it.get_document().get_data()).id);
  EXPECT_NE(std::find(best.begin(), best.end(), "copy_undated"), best.end());
  for (const char* text : {"syria", "geneva talks", "syria OR lebanon", "ceasefire -lebanon"})
    ExpectSamePages(db, db, text);
}

TEST(SortOrder, PagesEqualTheKeyMakerOrderThroughTheRemoteBackend) {
  // Regression (issue 6): --sort newest|oldest failed on remote shards, with
  // "Xapian::KeyMaker not supported for the remote backend".
  std::string path;
  auto db = Db(&path);
  db.commit();
  // xapian-progsrv (xapian-tools, like xapian-tcpsrv) speaks the remote
  // protocol on its stdin and stdout.
  const Xapian::Database remote = Xapian::Remote::open("xapian-progsrv", path);
  Xapian::Enquire keymaker(remote);
  keymaker.set_query(Xapian::Query("Zsyria"));
  const auto keys = KeyMakerOrder(keymaker, SortOrder::kOldest);
  EXPECT_THROW(keymaker.get_mset(0, 10), Xapian::UnimplementedError);
  for (const char* text : {"syria", "geneva talks", "syria OR lebanon", "ceasefire -lebanon"})
    ExpectSamePages(db, remote, text);
}

// Equal relevance in article id order, not docid order, on a local database
// and through the remote backend (which refuses a KeyMaker, not a value).
void ExpectTiesInIdOrder(const Xapian::Database& db) {
  for (bool collapse : {true, false}) {
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query("Zsyria"));
    if (collapse) CollapseCopies(e);
    std::vector<std::pair<double, std::string>> rows;
    for (const Xapian::MSetIterator& it :
         GetPage(e, Xapian::Query("Zsyria"), SortOrder::kRelevance, nullptr, 0, 20, 0).hits)
      rows.emplace_back(it.get_weight(), schema::DecodeData(it.get_document().get_data()).id);
    size_t tied = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
      if (rows[i].first != rows[i - 1].first) continue;
      ++tied;
      EXPECT_LT(rows[i - 1].second, rows[i].second) << "collapse " << collapse;
    }
    EXPECT_GE(tied, 2u) << "the fixture has ties to order";
  }
}

TEST(SortOrder, EqualRelevanceInIdOrderLocallyAndRemotely) {
  std::string path;
  auto db = Db(&path);
  db.commit();
  ExpectTiesInIdOrder(db);
  ExpectTiesInIdOrder(Xapian::Remote::open("xapian-progsrv", path));
}

TEST(SortOrder, Names) {
  EXPECT_EQ(ParseSortOrder("newest"), SortOrder::kNewest);
  EXPECT_EQ(ParseSortOrder("oldest"), SortOrder::kOldest);
  EXPECT_EQ(ParseSortOrder("relevance"), SortOrder::kRelevance);
  EXPECT_THROW(ParseSortOrder("date"), UsageError);
}

}  // namespace
}  // namespace lede

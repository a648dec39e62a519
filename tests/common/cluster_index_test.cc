// Tests for common/cluster_index: the in-memory cluster lookup of a bulk build
// must give the answer schema::ReplaceArticle's database lookup gives.
#include "common/cluster_index.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/schema.h"
#include "common/stem.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

// Bodies with many distinct 3-word runs: story k, optionally a copy with a
// changed last sentence (same cluster) or a sentence from another story.
std::string Body(int story, int variant) {
  std::string s;
  for (int i = 0; i < 40; ++i) s += "word" + std::to_string(story) + "x" + std::to_string(i) + " ";
  s += variant == 0 ? "ends here." : "ends differently in copy " + std::to_string(variant) + ".";
  return s;
}

MinHashSignature Sig(const std::string& body) { return *ComputeMinHash(body); }

TEST(ClusterIndex, FindsTheClusterOfACopyAndNothingForANewStory) {
  ClusterIndex index;
  EXPECT_EQ(index.Find(Sig(Body(1, 0))), "");
  index.Add(Sig(Body(1, 0)), "c1");
  index.Add(Sig(Body(2, 0)), "c2");
  EXPECT_EQ(index.Find(Sig(Body(1, 1))), "c1");
  EXPECT_EQ(index.Find(Sig(Body(2, 3))), "c2");
  EXPECT_EQ(index.Find(Sig(Body(3, 0))), "");
  EXPECT_EQ(index.size(), 2u);
}

TEST(ClusterIndex, EqualSimilarityGoesToTheSmallerClusterId) {
  ClusterIndex index;
  const MinHashSignature s = Sig(Body(7, 0));
  index.Add(s, "bbb");
  index.Add(s, "aaa");
  EXPECT_EQ(index.Find(s), "aaa");
}

TEST(ClusterIndex, ComparesOnlyTheFirstCandidatesInOrderOfAddition) {
  // A candidate sharing one band but below the threshold fills the
  // candidate list; a real copy added after kMaxCopyCandidates of them is
  // not seen, exactly as the database lookup (first N by docid) would not.
  const MinHashSignature target = Sig(Body(9, 0));
  MinHashSignature weak = target;
  for (size_t i = kMinHashSize / kMinHashBands; i < kMinHashSize; ++i) weak[i] ^= 0x5a5a5a5au;
  ClusterIndex index;
  for (size_t i = 0; i < kMaxCopyCandidates; ++i) index.Add(weak, "weak" + std::to_string(i));
  index.Add(target, "late");
  EXPECT_EQ(index.Find(target), "");
  ClusterIndex early;
  early.Add(target, "early");
  for (size_t i = 0; i < kMaxCopyCandidates; ++i) early.Add(weak, "weak" + std::to_string(i));
  EXPECT_EQ(early.Find(target), "early");
}

TEST(ClusterIndex, AgreesWithTheDatabaseLookup) {
  // The same articles through ReplaceArticle (clusters found in the
  // database) and through ClusterIndex (what a rebuild does).
  Xapian::WritableDatabase db = testing::TempDb();
  const Xapian::Stem stem = MakeStemmer("en");
  ClusterIndex index;
  int n = 0;
  for (int story = 0; story < 12; ++story) {
    for (int variant = 0; variant <= story % 4; ++variant) {
      schema::StoredArticle a;
      a.id = "a" + std::to_string(n++);
      a.body = Body(story % 5 == 4 ? 0 : story, variant);  // some stories repeat story 0
      schema::ReplaceArticle(db, a, stem);
      schema::PreparedArticle p = schema::PrepareArticle(a, stem);
      std::string cluster = index.Find(*p.signature);
      if (cluster.empty()) cluster = schema::NewClusterId(a.id);
      index.Add(*p.signature, cluster);
      Xapian::Document d = db.get_document(*db.postlist_begin(schema::IdTerm(a.id)));
      EXPECT_EQ(d.get_value(schema::kSlotCluster), cluster) << a.id;
    }
  }
}

}  // namespace
}  // namespace lede

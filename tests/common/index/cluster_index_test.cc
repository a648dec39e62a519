// Tests for common/cluster_index: the in-memory cluster lookup of a bulk build
// must give the answer schema::ReplaceArticle's database lookup gives.
#include "common/index/cluster_index.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/index/schema.h"
#include "common/index/stem.h"
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
  index.Add(1, Sig(Body(1, 0)), "c1");
  index.Add(2, Sig(Body(2, 0)), "c2");
  EXPECT_EQ(index.Find(Sig(Body(1, 1))), "c1");
  EXPECT_EQ(index.Find(Sig(Body(2, 3))), "c2");
  EXPECT_EQ(index.Find(Sig(Body(3, 0))), "");
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(index.last_order(), 2u);
}

TEST(ClusterIndex, EqualSimilarityGoesToTheSmallerClusterId) {
  ClusterIndex index;
  const MinHashSignature s = Sig(Body(7, 0));
  index.Add(1, s, "bbb");
  index.Add(2, s, "aaa");
  EXPECT_EQ(index.Find(s), "aaa");
}

// A signature sharing only its first band with target: a candidate that is
// not a copy.
MinHashSignature Weak(const MinHashSignature& target) {
  MinHashSignature weak = target;
  for (size_t i = kMinHashSize / kMinHashBands; i < kMinHashSize; ++i) weak[i] ^= 0x5a5a5a5au;
  return weak;
}

TEST(ClusterIndex, ComparesOnlyTheFirstCandidatesInOrder) {
  // kMaxCopyCandidates weak candidates before a real copy hide it, as the
  // first N of a database lookup by docid would.
  const MinHashSignature target = Sig(Body(9, 0));
  ClusterIndex index;
  for (uint64_t i = 1; i <= kMaxCopyCandidates; ++i) index.Add(i, Weak(target), "weak");
  index.Add(kMaxCopyCandidates + 1, target, "late");
  EXPECT_EQ(index.Find(target), "");
  // The same copy added out of order, before them, is seen.
  index.Add(1000, Sig(Body(5, 0)), "other");
  ClusterIndex early;
  for (uint64_t i = 2; i <= kMaxCopyCandidates + 1; ++i) early.Add(i, Weak(target), "weak");
  early.Add(1, target, "early");  // linked in front of the chains
  EXPECT_EQ(early.Find(target), "early");
}

TEST(ClusterIndex, ReplacedAndRemovedArticlesAreForgotten) {
  ClusterIndex index;
  const MinHashSignature story = Sig(Body(4, 0));
  index.Add(3, story, "c3");
  // The article being replaced never matches itself...
  EXPECT_EQ(index.Find(Sig(Body(4, 1)), 3), "");
  // ...but a copy of it does, until it is removed.
  EXPECT_EQ(index.Find(Sig(Body(4, 1))), "c3");
  index.Remove(3);
  EXPECT_EQ(index.Find(Sig(Body(4, 1))), "");
  EXPECT_EQ(index.size(), 0u);
  // Re-added at the same order with other text: only the new text counts.
  index.Add(3, Sig(Body(6, 0)), "c6");
  index.Add(3, Sig(Body(8, 0)), "c8");
  EXPECT_EQ(index.Find(Sig(Body(6, 1))), "");
  EXPECT_EQ(index.Find(Sig(Body(8, 1))), "c8");
  EXPECT_EQ(index.size(), 1u);
  index.Remove(99);  // unknown: ignored
}

TEST(ClusterIndex, LoadedFromADatabaseItAnswersAsItWasBuilt) {
  // Clusters assigned article by article (ReplaceArticle loading the index
  // each time) equal those a run keeps in one index, and LoadClusterIndex
  // gives back an index that answers the same.
  Xapian::WritableDatabase db = testing::TempDb();
  const Xapian::Stem stem = MakeStemmer("en");
  ClusterIndex kept;
  int n = 0;
  for (int story = 0; story < 12; ++story) {
    for (int variant = 0; variant <= story % 4; ++variant) {
      schema::StoredArticle a;
      a.id = "a" + std::to_string(n++);
      a.body = Body(story % 5 == 4 ? 0 : story, variant);  // some stories repeat story 0
      schema::ReplaceArticle(db, a, stem);
      schema::PreparedArticle p = schema::PrepareArticle(a, stem);
      std::string cluster = kept.Find(*p.signature);
      if (cluster.empty()) cluster = schema::NewClusterId(a.id);
      kept.Add(kept.last_order() + 1, *p.signature, cluster);
      Xapian::Document d = db.get_document(*db.postlist_begin(schema::IdTerm(a.id)));
      EXPECT_EQ(d.get_value(schema::kSlotCluster), cluster) << a.id;
    }
  }
  ClusterIndex loaded;
  schema::LoadClusterIndex(db, &loaded);
  EXPECT_EQ(loaded.size(), kept.size());
  for (int story = 0; story < 12; ++story)
    EXPECT_EQ(loaded.Find(Sig(Body(story, 7))), kept.Find(Sig(Body(story, 7))));
}

}  // namespace
}  // namespace lede

// Tests for common/cluster_index: the in-memory cluster lookup of a bulk build
// must give the answer schema::ReplaceArticle's database lookup gives.
#include "common/index/cluster_index.h"

#include <algorithm>
#include <map>
#include <random>
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

// What Find answers, by its contract, computed the slow way: every live
// article sharing a band, in order, the first kMaxCopyCandidates of them.
struct Reference {
  struct Entry {
    MinHashSignature sig;
    std::string cluster;
  };
  std::map<uint64_t, Entry> live;  // by order

  std::string Find(const MinHashSignature& sig, uint64_t self) const {
    const auto keys = BandHashes(sig);
    double best = 0;
    std::string cluster;
    size_t examined = 0;
    for (const auto& [order, e] : live) {
      const auto theirs = BandHashes(e.sig);
      bool shares = false;
      for (size_t b = 0; b < kMinHashBands; ++b) shares = shares || keys[b] == theirs[b];
      if (!shares) continue;
      if (examined++ == kMaxCopyCandidates) break;
      if (order == self) continue;
      const double s = EstimatedSimilarity(sig, e.sig);
      if (s >= kNearDuplicateThreshold && (s > best || (s == best && e.cluster < cluster))) {
        best = s;
        cluster = e.cluster;
      }
    }
    return cluster;
  }
};

TEST(ClusterIndex, AnswersAsTheSlowReadingOfItsContract) {
  // Thousands of articles (their signatures go to the temporary file), a
  // few stories with many copies (long chains), out-of-order adds,
  // replacements and removals, hex and other cluster ids.
  std::mt19937_64 rng(42);
  std::vector<MinHashSignature> stories;
  for (int i = 0; i < 400; ++i) {
    MinHashSignature s;
    for (uint32_t& v : s) v = static_cast<uint32_t>(rng());
    stories.push_back(s);
  }
  auto variant = [&](const MinHashSignature& story) {
    MinHashSignature s = story;
    const size_t changed = rng() % 48;  // from a close copy to an unrelated text
    for (size_t k = 0; k < changed; ++k) s[rng() % kMinHashSize] = static_cast<uint32_t>(rng());
    return s;
  };
  ClusterIndex index;
  Reference ref;
  uint64_t next = 1;
  size_t copies = 0, replaced = 0;
  for (int step = 0; step < 6000; ++step) {
    const MinHashSignature sig = variant(stories[rng() % (step < 3000 ? 400 : 20)]);
    const uint64_t r = rng() % 100;
    uint64_t order = next;
    uint64_t self = 0;
    if (r < 5 && !ref.live.empty()) {  // a replacement, in place
      order = std::next(ref.live.begin(), static_cast<long>(rng() % ref.live.size()))->first;
      self = order;
    } else if (r < 8) {  // an order below the largest so far, not in use
      order = 100000 + next;
    } else {
      ++next;
    }
    const std::string expected = ref.Find(sig, self);
    ASSERT_EQ(index.Find(sig, self), expected) << "step " << step;
    copies += expected.empty() ? 0 : 1;
    replaced += self ? 1 : 0;
    std::string cluster = expected;
    if (cluster.empty())
      cluster =
          r % 2 ? schema::NewClusterId("a" + std::to_string(step)) : "c" + std::to_string(step);
    index.Add(order, sig, cluster);
    ref.live[order] = {sig, cluster};
    if (rng() % 50 == 0 && !ref.live.empty()) {
      const uint64_t gone =
          std::next(ref.live.begin(), static_cast<long>(rng() % ref.live.size()))->first;
      index.Remove(gone);
      ref.live.erase(gone);
    }
    ASSERT_EQ(index.size(), ref.live.size());
  }
  index.Remove(987654321);  // unknown: ignored
  EXPECT_EQ(index.size(), ref.live.size());
  // Both answers were met often.
  EXPECT_GT(copies, 1000u);
  EXPECT_LT(copies, 5000u);
  EXPECT_GT(replaced, 100u);
}

TEST(ClusterIndex, AReservedIndexAnswersTheSame) {
  ClusterIndex reserved;
  reserved.Reserve(1000);
  ClusterIndex grown;
  for (uint64_t i = 1; i <= 300; ++i) {
    const MinHashSignature s = Sig(Body(static_cast<int>(i % 37), static_cast<int>(i)));
    ASSERT_EQ(reserved.Find(s), grown.Find(s)) << i;
    std::string c = grown.Find(s);
    if (c.empty()) c = "c" + std::to_string(i);
    reserved.Add(i, s, c);
    grown.Add(i, s, c);
  }
  EXPECT_EQ(reserved.size(), 300u);
}

}  // namespace
}  // namespace lede

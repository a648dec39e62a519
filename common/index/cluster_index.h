// Near-duplicate cluster assignment in memory. Every article's
// MinHash signature and cluster, looked up by LSH band: the indexer answers
// "which earlier article is this a copy of?" without querying the database
// it is writing, so writer threads never wait for a reader and the index
// needs no band terms. Pure: no Xapian, no I/O (schema::LoadClusterIndex fills
// one from a database).
#ifndef LEDE_COMMON_INDEX_CLUSTER_INDEX_H_
#define LEDE_COMMON_INDEX_CLUSTER_INDEX_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/index/near_duplicate.h"

namespace lede {

class ClusterIndex {
 public:
  // The cluster of the most similar article whose estimated similarity
  // reaches kNearDuplicateThreshold, or "" when there is none. Only the
  // first kMaxCopyCandidates articles sharing a band with sig, in increasing
  // order (see Add), are compared: band collisions beyond that many are a
  // common phrase, not a copy. The article at order `self` (the one being
  // replaced; 0 for none) counts among them but never matches. Ties go to the
  // smaller cluster id, so the answer never depends on insertion timing.
  std::string Find(const MinHashSignature& sig, uint64_t self = 0) const;
  // Records the article at `order` (its docid: > 0, unique among the live
  // articles). Appending in increasing order is O(bands); an order below the
  // largest so far is linked into place.
  void Add(uint64_t order, const MinHashSignature& sig, const std::string& cluster);
  // Forgets the article at order (deleted, or about to be re-added with its
  // new text); unknown orders are ignored.
  void Remove(uint64_t order);
  // Live articles.
  size_t size() const { return by_order_.size(); }
  // The largest order ever added (0 when none): where Add(next, ...) appends.
  uint64_t last_order() const { return last_order_; }

 private:
  struct Article {
    uint64_t order = 0;
    MinHashSignature sig{};
    std::string cluster;
    bool live = true;
  };
  // Articles sharing a band key form a chain sorted by order: entry k is
  // article k / kMinHashBands's entry for band k % kMinHashBands, followed by
  // next_[k]. (A hash node per article and band would cost ~3x the memory.)
  struct Chain {
    uint32_t first = 0, last = 0;
  };
  static constexpr uint32_t kEnd = UINT32_MAX;
  uint32_t Entry(uint32_t article, size_t band) const {
    return article * static_cast<uint32_t>(kMinHashBands) + static_cast<uint32_t>(band);
  }
  uint64_t OrderOf(uint32_t entry) const { return articles_[entry / kMinHashBands].order; }

  std::vector<Article> articles_;
  std::vector<uint32_t> next_;
  std::unordered_map<uint64_t, Chain> chains_;
  std::unordered_map<uint64_t, uint32_t> by_order_;  // live articles
  uint64_t last_order_ = 0;
};

}  // namespace lede

#endif  // LEDE_COMMON_INDEX_CLUSTER_INDEX_H_

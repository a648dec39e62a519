// Near-duplicate cluster assignment in memory, for a bulk build (issue 6): the
// answer schema::ReplaceArticle's database lookup gives, without reading the
// database being written, which lets several threads write it at once. Pure:
// no Xapian, no I/O.
#ifndef LEDE_COMMON_CLUSTER_INDEX_H_
#define LEDE_COMMON_CLUSTER_INDEX_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/near_duplicate.h"

namespace lede {

class ClusterIndex {
 public:
  // The cluster of the most similar article added so far whose estimated
  // similarity reaches kNearDuplicateThreshold, or "" when there is none.
  // Like the database lookup it stands in for, only the first
  // kMaxCopyCandidates articles sharing a band with sig, in the order they
  // were added, are compared, and ties go to the smaller cluster id.
  std::string Find(const MinHashSignature& sig) const;
  // Records an article's signature and cluster for later Finds.
  void Add(const MinHashSignature& sig, const std::string& cluster);
  size_t size() const { return signatures_.size(); }

 private:
  // Articles sharing a band key form a chain in the order they were added:
  // entry k (article k / kMinHashBands, band k % kMinHashBands) is followed by
  // next_[k]. A node per article and band would cost ~3x the memory.
  struct Chain {
    uint32_t first = 0, last = 0;
  };
  static constexpr uint32_t kEnd = UINT32_MAX;
  std::vector<MinHashSignature> signatures_;
  std::vector<std::string> clusters_;
  std::vector<uint32_t> next_;
  std::unordered_map<uint64_t, Chain> chains_;
};

}  // namespace lede

#endif  // LEDE_COMMON_CLUSTER_INDEX_H_

// Band chains merged in addition order, as Xapian's docid order would give.
#include "common/cluster_index.h"

#include <algorithm>
#include <array>

namespace lede {

std::string ClusterIndex::Find(const MinHashSignature& sig) const {
  // One cursor per band chain; all chains are in addition order, so taking the
  // smallest article number each step visits the union in that order.
  std::array<uint32_t, kMinHashBands> cursor{};
  const std::array<uint64_t, kMinHashBands> keys = BandHashes(sig);
  for (size_t b = 0; b < kMinHashBands; ++b) {
    auto it = chains_.find(keys[b]);
    cursor[b] = it == chains_.end() ? kEnd : it->second.first;
  }
  double best = 0;
  std::string cluster;
  size_t examined = 0;
  while (examined < kMaxCopyCandidates) {
    uint32_t article = kEnd;
    for (uint32_t c : cursor)
      if (c != kEnd) article = std::min(article, c / static_cast<uint32_t>(kMinHashBands));
    if (article == kEnd) break;
    for (uint32_t& c : cursor)
      while (c != kEnd && c / kMinHashBands == article) c = next_[c];
    ++examined;
    const std::string& other = clusters_[article];
    const double s = EstimatedSimilarity(sig, signatures_[article]);
    if (s >= kNearDuplicateThreshold && (s > best || (s == best && other < cluster))) {
      best = s;
      cluster = other;
    }
  }
  return cluster;
}

void ClusterIndex::Add(const MinHashSignature& sig, const std::string& cluster) {
  const auto article = static_cast<uint32_t>(signatures_.size());
  signatures_.push_back(sig);
  clusters_.push_back(cluster);
  const std::array<uint64_t, kMinHashBands> keys = BandHashes(sig);
  for (size_t b = 0; b < kMinHashBands; ++b) {
    const uint32_t entry =
        article * static_cast<uint32_t>(kMinHashBands) + static_cast<uint32_t>(b);
    next_.push_back(kEnd);
    auto [it, fresh] = chains_.try_emplace(keys[b], Chain{entry, entry});
    if (!fresh) {
      next_[it->second.last] = entry;
      it->second.last = entry;
    }
  }
}

}  // namespace lede

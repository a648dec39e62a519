// Band chains sorted by order, merged on lookup as Xapian's docid order would.
#include "common/index/cluster_index.h"

#include <algorithm>
#include <array>

namespace lede {

std::string ClusterIndex::Find(const MinHashSignature& sig, uint64_t self) const {
  // One cursor per band chain. Every chain is sorted by order, so taking
  // the smallest order each step visits the union of the chains in order.
  std::array<uint32_t, kMinHashBands> cursor{};
  const std::array<uint64_t, kMinHashBands> keys = BandHashes(sig);
  for (size_t b = 0; b < kMinHashBands; ++b) {
    auto it = chains_.find(keys[b]);
    cursor[b] = it == chains_.end() ? kEnd : it->second.first;
  }
  auto skip_dead = [&](uint32_t& c) {
    while (c != kEnd && !articles_[c / kMinHashBands].live) c = next_[c];
  };
  double best = 0;
  std::string cluster;
  size_t examined = 0;
  while (examined < kMaxCopyCandidates) {
    uint32_t pick = kEnd;
    for (uint32_t& c : cursor) {
      skip_dead(c);
      if (c != kEnd && (pick == kEnd || OrderOf(c) < OrderOf(pick))) pick = c;
    }
    if (pick == kEnd) break;
    const uint32_t article = pick / kMinHashBands;
    for (uint32_t& c : cursor)
      if (c != kEnd && c / kMinHashBands == article) c = next_[c];
    ++examined;
    const Article& a = articles_[article];
    if (a.order == self) continue;
    const double s = EstimatedSimilarity(sig, a.sig);
    if (s >= kNearDuplicateThreshold && (s > best || (s == best && a.cluster < cluster))) {
      best = s;
      cluster = a.cluster;
    }
  }
  return cluster;
}

void ClusterIndex::Add(uint64_t order, const MinHashSignature& sig, const std::string& cluster) {
  Remove(order);
  const auto article = static_cast<uint32_t>(articles_.size());
  articles_.push_back(Article{order, sig, cluster, true});
  by_order_[order] = article;
  const bool appends = order > last_order_;
  last_order_ = std::max(last_order_, order);
  const std::array<uint64_t, kMinHashBands> keys = BandHashes(sig);
  for (size_t b = 0; b < kMinHashBands; ++b) {
    const uint32_t entry = Entry(article, b);
    next_.push_back(kEnd);
    auto [it, fresh] = chains_.try_emplace(keys[b], Chain{entry, entry});
    if (fresh) continue;
    Chain& chain = it->second;
    if (appends || OrderOf(chain.last) < order) {
      next_[chain.last] = entry;
      chain.last = entry;
    } else if (order < OrderOf(chain.first)) {
      next_[entry] = chain.first;
      chain.first = entry;
    } else {
      uint32_t at = chain.first;  // the last entry ordered before this one
      while (next_[at] != kEnd && OrderOf(next_[at]) < order) at = next_[at];
      next_[entry] = next_[at];
      next_[at] = entry;
      if (next_[entry] == kEnd) chain.last = entry;
    }
  }
}

void ClusterIndex::Remove(uint64_t order) {
  auto it = by_order_.find(order);
  if (it == by_order_.end()) return;
  // Left in its chains, skipped by Find (a chain is unlinked only by a
  // rebuild: replaced articles are few next to the collection).
  articles_[it->second].live = false;
  by_order_.erase(it);
}

}  // namespace lede

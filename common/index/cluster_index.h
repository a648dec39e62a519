// Near-duplicate cluster assignment in memory. Every article's
// MinHash signature and cluster, looked up by LSH band: the indexer answers
// "which earlier article is this a copy of?" without querying the database
// it is writing, so writer threads never wait for a reader and the index
// needs no band terms. No Xapian (schema::LoadClusterIndex fills one from a
// database); the signatures themselves wait in an anonymous temporary file,
// so memory is ~0.2 KB per article however large the collection grows.
#ifndef LEDE_COMMON_INDEX_CLUSTER_INDEX_H_
#define LEDE_COMMON_INDEX_CLUSTER_INDEX_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/index/near_duplicate.h"

namespace lede {

class ClusterIndex {
 public:
  ClusterIndex() = default;
  ~ClusterIndex();
  ClusterIndex(const ClusterIndex&) = delete;
  ClusterIndex& operator=(const ClusterIndex&) = delete;

  // Room for that many articles without growing the band table (growing
  // briefly holds the old table and the new one).
  void Reserve(size_t articles);
  // The cluster of the most similar article whose estimated similarity
  // reaches kNearDuplicateThreshold, or "" when there is none. Only the
  // first kMaxCopyCandidates articles sharing a band with sig, in increasing
  // order (see Add), are compared: band collisions beyond that many are a
  // common phrase, not a copy. The article at order `self` (the one being
  // replaced; 0 for none) counts among them but never matches. Ties go to the
  // smaller cluster id, so the answer never depends on insertion timing.
  // Throws lede::Error when the signatures' temporary file cannot be read.
  std::string Find(const MinHashSignature& sig, uint64_t self = 0) const;
  // Records the article at `order` (its docid: > 0, unique among the live
  // articles). Appending in increasing order is O(bands); an order below the
  // largest so far is linked into place. Throws lede::Error when the
  // signatures' temporary file cannot be written (disk full).
  void Add(uint64_t order, const MinHashSignature& sig, const std::string& cluster);
  // Forgets the article at order (deleted, or about to be re-added with its
  // new text); unknown orders are ignored.
  void Remove(uint64_t order);
  // Live articles.
  size_t size() const { return live_; }
  // The largest order ever added (0 when none): where Add(next, ...) appends.
  uint64_t last_order() const { return last_order_; }

 private:
  struct Article {
    uint64_t order = 0;
    uint64_t cluster = 0;       // the cluster id's 16 hex digits as a number...
    uint32_t cluster_text = 0;  // ...or 1 + its index in cluster_texts_
    bool live = true;
  };
  // One slot per distinct band key: open addressing with linear probing on
  // the key's low 32 bits, which are kept to probe and to grow without the
  // key's other bits; equal low bits are confirmed against the full key,
  // computed again from the signature of the entry the slot names.
  struct Slot {
    uint32_t low = 0;
    uint32_t ref = 0;  // 0: empty; 1 + an entry (a key met once); kChainRef | a chain
  };
  // The entries of a key met more than once, sorted by order: nodes linked
  // from first to last (one node per entry of such a key).
  struct Chain {
    uint32_t first = 0, last = 0;
  };
  struct Node {
    uint32_t entry = 0, next = 0;
  };
  static constexpr uint32_t kEnd = UINT32_MAX;
  static constexpr uint32_t kChainRef = 0x80000000u;

  // Entry k is article k / kMinHashBands's key for band k % kMinHashBands.
  static uint32_t Entry(uint32_t article, size_t band) {
    return article * static_cast<uint32_t>(kMinHashBands) + static_cast<uint32_t>(band);
  }
  uint64_t OrderOf(uint32_t entry) const { return articles_[entry / kMinHashBands].order; }
  std::string ClusterOf(const Article& a) const;
  MinHashSignature SignatureOf(uint32_t article) const;
  void AppendSignature(const MinHashSignature& sig);
  uint64_t KeyOf(uint32_t entry) const;
  // The slot holding key, or the empty slot where it would go.
  size_t SlotOf(uint64_t key) const;
  uint32_t FirstEntry(const Slot& s) const;
  void GrowTable(size_t slots);
  void Link(Slot* slot, uint32_t entry, uint64_t order, bool appends);
  uint32_t* Located(uint64_t order);

  std::vector<Article> articles_;
  std::vector<std::string> cluster_texts_;
  std::vector<Slot> slots_;
  size_t used_slots_ = 0;
  std::vector<Chain> chains_;
  std::vector<Node> nodes_;
  // 1 + the article at each order (0: none): orders are docids, dense from 1.
  std::vector<uint32_t> by_order_;
  std::unordered_map<uint64_t, uint32_t> far_orders_;  // orders too large for by_order_
  size_t live_ = 0;
  uint64_t last_order_ = 0;
  // Signatures [0, filed_) are in file_ (as in memory: the file is this
  // process's own), the rest in tail_; without a temporary file, all stay in tail_.
  std::FILE* file_ = nullptr;
  bool no_file_ = false;
  size_t filed_ = 0;
  std::vector<MinHashSignature> tail_;
};

}  // namespace lede

#endif  // LEDE_COMMON_INDEX_CLUSTER_INDEX_H_

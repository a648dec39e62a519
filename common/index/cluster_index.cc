// Band keys in a flat table, chains only for keys met twice, signatures on
// disk; merged on lookup as Xapian's docid order would.
#include "common/index/cluster_index.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unistd.h>

#include "common/error.h"

namespace lede {
namespace {

// Signatures written to the temporary file at a time.
constexpr size_t kTailSignatures = 256;
// Orders are docids, dense from 1: those below this many per article (and
// some) are looked up in a flat vector, 4 bytes per order; far larger ones
// in a map.
constexpr uint64_t kDenseOrdersPerArticle = 4;
constexpr uint64_t kDenseOrdersBase = 1 << 16;

// Where a key's probe starts: its low 32 bits scaled to the table (Lemire's
// multiply-shift), so any table size works and growing needs no other bits.
size_t Home(uint32_t low, size_t slots) {
  return static_cast<size_t>((uint64_t{low} * slots) >> 32);
}

// The table for n keys at most four fifths full.
size_t SlotsFor(size_t keys) { return std::max<size_t>(64, keys + keys / 4 + 1); }

// The 16 lowercase hex digits NewClusterId writes, as a number.
bool HexBits(const std::string& s, uint64_t* bits) {
  if (s.size() != 16) return false;
  uint64_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else {
      return false;
    }
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  *bits = v;
  return true;
}

}  // namespace

ClusterIndex::~ClusterIndex() {
  if (file_ != nullptr) std::fclose(file_);
}

void ClusterIndex::Reserve(size_t articles) {
  const size_t slots = SlotsFor(articles * kMinHashBands);
  if (slots > slots_.size()) GrowTable(slots);
  articles_.reserve(articles);
}

std::string ClusterIndex::ClusterOf(const Article& a) const {
  if (a.cluster_text) return cluster_texts_[a.cluster_text - 1];
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(a.cluster));
  return buf;
}

void ClusterIndex::AppendSignature(const MinHashSignature& sig) {
  tail_.push_back(sig);
  if (tail_.size() < kTailSignatures || no_file_) return;
  if (file_ == nullptr) file_ = std::tmpfile();
  if (file_ == nullptr) {
    no_file_ = true;  // slower to bound, never wrong
    return;
  }
  const auto offset = static_cast<off_t>(filed_ * sizeof(MinHashSignature));
  const size_t bytes = tail_.size() * sizeof(MinHashSignature);
  if (::pwrite(fileno(file_), tail_.data(), bytes, offset) != static_cast<ssize_t>(bytes))
    throw Error("cannot write the near-duplicate signatures' temporary file (disk full?)");
  filed_ += tail_.size();
  tail_.clear();
}

MinHashSignature ClusterIndex::SignatureOf(uint32_t article) const {
  if (article >= filed_) return tail_[article - filed_];
  MinHashSignature sig;
  const auto offset = static_cast<off_t>(size_t{article} * sizeof(MinHashSignature));
  if (::pread(fileno(file_), sig.data(), sizeof sig, offset) != static_cast<ssize_t>(sizeof sig))
    throw Error("cannot read the near-duplicate signatures' temporary file");
  return sig;
}

uint64_t ClusterIndex::KeyOf(uint32_t entry) const {
  return BandHashes(SignatureOf(entry / kMinHashBands))[entry % kMinHashBands];
}

uint32_t ClusterIndex::FirstEntry(const Slot& s) const {
  return s.ref & kChainRef ? nodes_[chains_[s.ref & ~kChainRef].first].entry : s.ref - 1;
}

size_t ClusterIndex::SlotOf(uint64_t key) const {
  const auto low = static_cast<uint32_t>(key);
  const size_t n = slots_.size();
  size_t i = Home(low, n);
  for (; slots_[i].ref != 0; i = i + 1 == n ? 0 : i + 1)
    if (slots_[i].low == low && KeyOf(FirstEntry(slots_[i])) == key) return i;
  return i;
}

void ClusterIndex::GrowTable(size_t slots) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(slots, Slot());
  for (const Slot& s : old) {
    if (s.ref == 0) continue;
    size_t i = Home(s.low, slots);
    while (slots_[i].ref != 0) i = i + 1 == slots ? 0 : i + 1;
    slots_[i] = s;
  }
}

std::string ClusterIndex::Find(const MinHashSignature& sig, uint64_t self) const {
  // One cursor per band: the entry it stands on and the chain node after it.
  // Every chain is sorted by order, so taking the smallest order each step
  // visits the union of the bands' articles in order.
  struct Cursor {
    uint32_t entry = kEnd, next = kEnd;
  };
  std::array<Cursor, kMinHashBands> cursor{};
  if (!slots_.empty()) {
    const std::array<uint64_t, kMinHashBands> keys = BandHashes(sig);
    for (size_t b = 0; b < kMinHashBands; ++b) {
      const Slot& s = slots_[SlotOf(keys[b])];
      if (s.ref == 0) continue;
      if (s.ref & kChainRef) {
        const Node& first = nodes_[chains_[s.ref & ~kChainRef].first];
        cursor[b] = Cursor{first.entry, first.next};
      } else {
        cursor[b] = Cursor{s.ref - 1, kEnd};
      }
    }
  }
  auto advance = [&](Cursor& c) {
    if (c.next == kEnd) {
      c.entry = kEnd;
    } else {
      c = Cursor{nodes_[c.next].entry, nodes_[c.next].next};
    }
  };
  auto skip_dead = [&](Cursor& c) {
    while (c.entry != kEnd && !articles_[c.entry / kMinHashBands].live) advance(c);
  };
  double best = 0;
  std::string cluster;
  size_t examined = 0;
  while (examined < kMaxCopyCandidates) {
    uint32_t pick = kEnd;
    for (Cursor& c : cursor) {
      skip_dead(c);
      if (c.entry != kEnd && (pick == kEnd || OrderOf(c.entry) < OrderOf(pick))) pick = c.entry;
    }
    if (pick == kEnd) break;
    const uint32_t article = pick / kMinHashBands;
    for (Cursor& c : cursor)
      if (c.entry != kEnd && c.entry / kMinHashBands == article) advance(c);
    ++examined;
    const Article& a = articles_[article];
    if (a.order == self) continue;
    const double s = EstimatedSimilarity(sig, SignatureOf(article));
    if (s < kNearDuplicateThreshold || s < best) continue;
    const std::string c = ClusterOf(a);
    if (s > best || c < cluster) {
      best = s;
      cluster = c;
    }
  }
  return cluster;
}

uint32_t* ClusterIndex::Located(uint64_t order) {
  if (order < by_order_.size() && by_order_[order] != 0) return &by_order_[order];
  auto it = far_orders_.find(order);
  return it == far_orders_.end() ? nullptr : &it->second;
}

void ClusterIndex::Link(Slot* slot, uint32_t entry, uint64_t order, bool appends) {
  const auto node = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back(Node{entry, kEnd});
  if (!(slot->ref & kChainRef)) {
    // The key's second entry: its first becomes a chain of one.
    nodes_.push_back(Node{slot->ref - 1, kEnd});
    chains_.push_back(Chain{node + 1, node + 1});
    slot->ref = kChainRef | static_cast<uint32_t>(chains_.size() - 1);
  }
  Chain& chain = chains_[slot->ref & ~kChainRef];
  if (appends || OrderOf(nodes_[chain.last].entry) < order) {
    nodes_[chain.last].next = node;
    chain.last = node;
  } else if (order < OrderOf(nodes_[chain.first].entry)) {
    nodes_[node].next = chain.first;
    chain.first = node;
  } else {
    uint32_t at = chain.first;  // the last node ordered before this one
    while (nodes_[at].next != kEnd && OrderOf(nodes_[nodes_[at].next].entry) < order)
      at = nodes_[at].next;
    nodes_[node].next = nodes_[at].next;
    nodes_[at].next = node;
    if (nodes_[node].next == kEnd) chain.last = node;
  }
}

void ClusterIndex::Add(uint64_t order, const MinHashSignature& sig, const std::string& cluster) {
  Remove(order);
  const auto article = static_cast<uint32_t>(articles_.size());
  Article a;
  a.order = order;
  if (!HexBits(cluster, &a.cluster)) {
    cluster_texts_.push_back(cluster);
    a.cluster_text = static_cast<uint32_t>(cluster_texts_.size());
  }
  articles_.push_back(a);
  AppendSignature(sig);
  ++live_;
  if (order < kDenseOrdersBase + kDenseOrdersPerArticle * articles_.size()) {
    if (order >= by_order_.size())
      by_order_.resize(std::max<size_t>(static_cast<size_t>(order) + 1, 2 * by_order_.size()));
    by_order_[order] = article + 1;
  } else {
    far_orders_[order] = article + 1;
  }
  const bool appends = order > last_order_;
  last_order_ = std::max(last_order_, order);
  const std::array<uint64_t, kMinHashBands> keys = BandHashes(sig);
  for (size_t b = 0; b < kMinHashBands; ++b) {
    if ((used_slots_ + 1) * 5 > slots_.size() * 4) GrowTable(SlotsFor(2 * (used_slots_ + 1)));
    const uint32_t entry = Entry(article, b);
    Slot& s = slots_[SlotOf(keys[b])];
    if (s.ref == 0) {
      s = Slot{static_cast<uint32_t>(keys[b]), entry + 1};
      ++used_slots_;
    } else {
      Link(&s, entry, order, appends);
    }
  }
}

void ClusterIndex::Remove(uint64_t order) {
  uint32_t* at = Located(order);
  if (at == nullptr) return;
  // Left in its chains, skipped by Find (a chain is unlinked only by a
  // rebuild: replaced articles are few next to the collection).
  articles_[*at - 1].live = false;
  if (order < by_order_.size() && by_order_[order] != 0) {
    by_order_[order] = 0;
  } else {
    far_orders_.erase(order);
  }
  --live_;
}

}  // namespace lede

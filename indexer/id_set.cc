// Open addressing over mixed FNV-1a hashes; equal hashes are compared as strings.
#include "indexer/id_set.h"

#include "common/text/hash.h"

namespace lede {
namespace {

// splitmix64's finalizer: FNV-1a's low bits are weak for paths that differ
// only at the end, and the low bits pick the slot.
uint64_t Mix(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

size_t SlotsFor(size_t n) {
  size_t slots = 64;
  while (slots * 3 < n * 4) slots *= 2;  // at most three quarters full
  return slots;
}

}  // namespace

void IdSet::Reserve(size_t n) {
  if (SlotsFor(n) > slots_.size()) Grow(SlotsFor(n));
}

void IdSet::Grow(size_t slots) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(slots, Slot());
  const size_t mask = slots - 1;
  for (const Slot& s : old) {
    if (!s.used) continue;
    size_t i = s.hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

bool IdSet::Insert(std::string_view id, uint32_t ref) {
  if ((size_ + 1) * 4 > slots_.size() * 3) Grow(SlotsFor(size_ + 1));
  const uint64_t hash = Mix(Fnv1a(id));
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  for (; slots_[i].used; i = (i + 1) & mask)
    if (slots_[i].hash == hash && name_(slots_[i].ref) == id) return false;
  slots_[i] = Slot{hash, ref, true};
  ++size_;
  return true;
}

void IdSet::Clear() {
  std::vector<Slot>().swap(slots_);
  size_ = 0;
}

}  // namespace lede

// The ids one lede-index run has met (files, records), in a few bytes each:
// a 1M-article run checks a million ids for duplicates, and a hash node
// holding the string costs ~130 bytes where a hash and a reference cost 16.
#ifndef LEDE_INDEXER_ID_SET_H_
#define LEDE_INDEXER_ID_SET_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// A set of strings kept as 64-bit hashes, each with a reference the caller
// can turn back into the string (an index into its own tables). Exact: two
// different ids whose hashes collide are told apart by comparing the strings
// their references name.
class IdSet {
 public:
  // name(ref) must give back the id added with ref for as long as the set
  // lives.
  explicit IdSet(std::function<std::string(uint32_t)> name) : name_(std::move(name)) {}

  // Room for n ids without growing (growing briefly holds two tables).
  void Reserve(size_t n);
  // Adds id, known by ref. Returns false, adding nothing, when an equal id
  // is already in the set.
  bool Insert(std::string_view id, uint32_t ref);
  size_t size() const { return size_; }
  // Gives the memory back; the set is empty afterwards.
  void Clear();

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t ref = 0;
    bool used = false;
  };
  void Grow(size_t slots);

  std::function<std::string(uint32_t)> name_;
  std::vector<Slot> slots_;  // open addressing, linear probing; size a power of two
  size_t size_ = 0;
};

}  // namespace lede

#endif  // LEDE_INDEXER_ID_SET_H_

// The one hash lede stores: FNV-1a 64. Long-term hashes, line keys, shard
// choice and MinHash word hashes all use it, and they end up in databases, so
// it must give the same value on every build and machine; changing it means a
// new schema version.
#ifndef LEDE_COMMON_TEXT_HASH_H_
#define LEDE_COMMON_TEXT_HASH_H_

#include <cstdint>
#include <string_view>

namespace lede {

// The published FNV offset basis is 14695981039346656037; lede's first
// sessions typed it one digit short, and shard choice, line keys and hashed
// terms in existing databases depend on this value. It is as good a start as
// any (the FNV prime does the mixing), so it stays until a schema change
// rewrites every database anyway.
inline constexpr uint64_t kFnv1aOffset = 1469598103934665603ULL;

// FNV-1a 64 of bytes, continuing from h (chain calls to hash several parts).
inline uint64_t Fnv1a(std::string_view bytes, uint64_t h = kFnv1aOffset) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace lede

#endif  // LEDE_COMMON_TEXT_HASH_H_

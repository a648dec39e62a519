// File stamps and content hashes for incremental indexing.
#include "indexer/file_identity.h"

#include <cstdio>
#include <cstring>

namespace lede {
namespace {

__extension__ typedef unsigned __int128 Uint128;  // GCC and Clang on 64-bit

// 64-bit multiply-fold over 8-byte words (wyhash's mixing step): several times
// faster than byte-wise FNV on large files, and deterministic.
uint64_t Mix(uint64_t a, uint64_t b) {
  Uint128 r = static_cast<Uint128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

uint64_t Load64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];  // little-endian everywhere
  return v;
}

}  // namespace

std::string FileStamp(uint64_t size, int64_t mtime_ns) {
  return std::to_string(size) + ":" + std::to_string(mtime_ns);
}

std::string ContentHash(std::string_view bytes) {
  constexpr uint64_t kP0 = 0xa0761d6478bd642fULL, kP1 = 0xe7037ed1a0b428dbULL;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  uint64_t h = Mix(n ^ kP0, kP1);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) h = Mix(h ^ Load64(p + i), kP1 ^ (h >> 29)) + kP0;
  unsigned char tail[8] = {0};
  std::memcpy(tail, p + i, n - i);
  h = Mix(h ^ Load64(tail) ^ (n - i), kP1);
  h = Mix(h ^ kP0, h ^ kP1);
  return ContentHashText(h);
}

std::string ContentHashText(uint64_t bits) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(bits));
  return out;
}

std::optional<uint64_t> ContentHashBits(std::string_view hex) {
  if (hex.size() != 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : hex) {
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else
      return std::nullopt;  // upper case is not what ContentHash writes
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  return v;
}

}  // namespace lede

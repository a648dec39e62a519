// MinHash with one base hash per shingle and 64 cheap remixes of it.
#include "common/index/near_duplicate.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "common/text/tokenizer.h"
#include "common/text/hash.h"

namespace lede {
namespace {

constexpr size_t kShingleWords = 3;
constexpr size_t kRowsPerBand = kMinHashSize / kMinHashBands;

// splitmix64's finalizer: a good 64-bit mix, so seed-xored inputs behave as
// independent hash functions.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

uint64_t MinHashWordHash(std::string_view term) { return Fnv1a(term); }

std::optional<MinHashSignature> ComputeMinHash(std::string_view body) {
  std::vector<uint64_t> words;
  Tokenize(body, 0, [&](const Token& t) { words.push_back(Fnv1a(t.term)); });
  return ComputeMinHash(words);
}

std::optional<MinHashSignature> ComputeMinHash(const std::vector<uint64_t>& words) {
  if (words.size() < kShingleWords) return std::nullopt;
  // The distinct shingles, sorted: a vector costs a fraction of a hash set's
  // node per shingle, and the minimums do not depend on the order.
  std::vector<uint64_t> shingles;
  shingles.reserve(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t k = 0; k < kShingleWords; ++k) h = Mix(h ^ words[i + k]);
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  if (shingles.size() < kMinShingles) return std::nullopt;
  MinHashSignature sig;
  sig.fill(std::numeric_limits<uint32_t>::max());
  for (uint64_t s : shingles) {
    for (size_t i = 0; i < kMinHashSize; ++i) {
      const auto v = static_cast<uint32_t>(Mix(s ^ (0xA24BAED4963EE407ULL * (i + 1))) >> 32);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

double EstimatedSimilarity(const MinHashSignature& a, const MinHashSignature& b) {
  size_t same = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) same += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(same) / static_cast<double>(kMinHashSize);
}

namespace {

uint64_t BandHash(const MinHashSignature& sig, size_t b) {
  uint64_t h = 0;
  for (size_t r = 0; r < kRowsPerBand; ++r) h = Mix(h ^ sig[b * kRowsPerBand + r]);
  return h;
}

}  // namespace

std::array<uint64_t, kMinHashBands> BandHashes(const MinHashSignature& sig) {
  static_assert(kMinHashBands <= 16, "the band number takes the top 4 bits");
  std::array<uint64_t, kMinHashBands> out{};
  for (size_t b = 0; b < kMinHashBands; ++b)
    out[b] = (BandHash(sig, b) >> 4) | (static_cast<uint64_t>(b) << 60);
  return out;
}

std::vector<std::string> BandKeys(const MinHashSignature& sig) {
  std::vector<std::string> keys;
  keys.reserve(kMinHashBands);
  for (size_t b = 0; b < kMinHashBands; ++b) {
    const uint64_t h = BandHash(sig, b);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%zu:%016llx", b, static_cast<unsigned long long>(h));
    keys.emplace_back(buf);
  }
  return keys;
}

std::string EncodeSignature(const MinHashSignature& sig) {
  std::string out;
  out.reserve(kMinHashSize * 4);
  for (uint32_t v : sig)
    for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
  return out;
}

std::optional<MinHashSignature> DecodeSignature(std::string_view bytes) {
  if (bytes.size() != kMinHashSize * 4) return std::nullopt;
  MinHashSignature sig;
  for (size_t i = 0; i < kMinHashSize; ++i) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k)
      v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i * 4 + k])) << (8 * k);
    sig[i] = v;
  }
  return sig;
}

}  // namespace lede

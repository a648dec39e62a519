// Near-duplicate detection for agency copy republished by several outlets:
// MinHash signatures over word 3-shingles of the clean body, with LSH band
// keys so that an index lookup finds candidate copies without comparing every
// pair. Pure: no Xapian, no I/O.
#ifndef LEDE_COMMON_INDEX_NEAR_DUPLICATE_H_
#define LEDE_COMMON_INDEX_NEAR_DUPLICATE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

inline constexpr size_t kMinHashSize = 64;
inline constexpr size_t kMinHashBands = 16;  // 16 bands of 4 rows
// Estimated Jaccard similarity of shingle sets from which two bodies count as
// copies of one story. A copy with a trimmed last paragraph or another
// outlet's boilerplate line stays well above it; two different stories on the
// same topic stay far below (they share words, rarely 3-word runs).
inline constexpr double kNearDuplicateThreshold = 0.5;
// Candidate copies examined per new article, in the order they were indexed:
// band collisions beyond this many are a common phrase, not a copy.
inline constexpr size_t kMaxCopyCandidates = 50;
// Bodies with fewer shingles are too short to call copies (a one-line brief
// would otherwise merge with any other containing the same phrase).
inline constexpr size_t kMinShingles = 8;

using MinHashSignature = std::array<uint32_t, kMinHashSize>;

// The signature of a body's normalized word 3-shingles, or nullopt when the
// body has fewer than kMinShingles shingles. Case, accents, punctuation and
// whitespace do not change it.
std::optional<MinHashSignature> ComputeMinHash(std::string_view body);
// The same from the body's tokens already hashed (MinHashWordHash of each
// token's term, in order): for callers that tokenize the body anyway.
std::optional<MinHashSignature> ComputeMinHash(const std::vector<uint64_t>& word_hashes);
uint64_t MinHashWordHash(std::string_view term);

// Fraction of equal positions: an estimate of the Jaccard similarity.
double EstimatedSimilarity(const MinHashSignature& a, const MinHashSignature& b);

// One key per band ("<band>:<hex>"); two signatures that share any key are
// candidate copies.
std::vector<std::string> BandKeys(const MinHashSignature& sig);
// The same keys as numbers: band b's hash (the hex of BandKeys) with b in the
// top bits, so equal keys give equal numbers and different bands never meet.
std::array<uint64_t, kMinHashBands> BandHashes(const MinHashSignature& sig);

// Fixed-size binary encoding (little-endian) for storing in the index;
// Decode returns nullopt for anything Encode did not produce.
std::string EncodeSignature(const MinHashSignature& sig);
std::optional<MinHashSignature> DecodeSignature(std::string_view bytes);

}  // namespace lede

#endif  // LEDE_COMMON_INDEX_NEAR_DUPLICATE_H_

// Text normalization shared by the index and the query side, so that
// "Communiqué", "communique" and "COMMUNIQUÉ" become the same term.
#ifndef LEDE_COMMON_TEXT_NORMALIZE_H_
#define LEDE_COMMON_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace lede {

// Identifies the normalization in the database metadata; change it whenever
// NormalizeTerm's output changes for any input.
inline constexpr const char* kNormalizationName = "nfkc+casefold+strip-latin-marks/v1";

// NFKC, full Unicode case folding, and removal of the diacritics that decorate
// Latin, Greek and Cyrillic letters (é→e, ñ→n, ё→е, ß→ss, ø→o, ł→l).
// Marks that change a letter's identity in other scripts (Japanese dakuten,
// Indic vowel signs) are kept. Apostrophe look-alikes become "'".
// Invalid UTF-8 sequences become U+FFFD; never throws on any bytes.
std::string NormalizeTerm(std::string_view word);

}  // namespace lede

#endif  // LEDE_COMMON_TEXT_NORMALIZE_H_

// Stemming: which Xapian stemmer serves a language, and the stemmed index term
// of a normalized word.
#ifndef LEDE_COMMON_STEM_H_
#define LEDE_COMMON_STEM_H_

#include <string>
#include <string_view>

#include <xapian.h>

namespace lede {

// Xapian stemmer name for an ISO 639-1 code ("en" -> "english"), or "" when
// Xapian has no stemmer for it.
std::string StemmerNameFor(std::string_view iso639);

// Stemmer for a language; English when the language has none, so that mixed
// collections still match English queries.
Xapian::Stem MakeStemmer(std::string_view iso639);

}  // namespace lede

#endif  // LEDE_COMMON_STEM_H_

// Stemming: which Xapian stemmer serves a language, and the stemmed index term
// of a normalized word.
#ifndef LEDE_COMMON_INDEX_STEM_H_
#define LEDE_COMMON_INDEX_STEM_H_

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

// The stemmer an article in this language is indexed with: the name of its
// own Xapian stemmer, or "english" when Xapian has none (ja, zh, unknown), so
// English queries still match words of such articles written in Latin script.
std::string StemmerGroupFor(std::string_view iso639);

// The stemmer with this Xapian name, cached per thread (a Xapian::Stem must
// not be shared between threads). Throws Xapian::InvalidArgumentError for an
// unknown name.
const Xapian::Stem& StemmerNamed(const std::string& name);

}  // namespace lede

#endif  // LEDE_COMMON_INDEX_STEM_H_

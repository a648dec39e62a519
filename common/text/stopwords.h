// The English stop words lede ships (Debian's Xapian packages ship none), in
// two views of one table. The query view: stop words are still indexed
// (phrases need them); the query side drops them from non-phrase queries. The
// frequent-word view: the short list of function words that language
// detection votes with and boilerplate removal weighs as a prose signal.
#ifndef LEDE_COMMON_TEXT_STOPWORDS_H_
#define LEDE_COMMON_TEXT_STOPWORDS_H_

#include <string_view>
#include <vector>

namespace lede {

// Identifies the list in the database metadata; bump when the list changes.
inline constexpr const char* kStopwordsName = "lede-en/v1";

// term must already be normalized (lower case, no accents).
bool IsEnglishStopword(std::string_view term);

// The most frequent English function words ("the", "of", "said", ...), lower
// case, sorted; a short list, so that close languages do not vote for each
// other.
const std::vector<std::string_view>& EnglishFrequentWords();

}  // namespace lede

#endif  // LEDE_COMMON_TEXT_STOPWORDS_H_

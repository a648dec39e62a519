// The English stop-word list lede ships (Debian's Xapian packages ship none).
// Stop words are still indexed (phrases need them); the query side drops them
// from non-phrase queries, and extraction uses their density as a prose signal.
#ifndef LEDE_COMMON_TEXT_STOPWORDS_H_
#define LEDE_COMMON_TEXT_STOPWORDS_H_

#include <string_view>

namespace lede {

// Identifies the list in the database metadata; bump when the list changes.
inline constexpr const char* kStopwordsName = "lede-en/v1";

// term must already be normalized (lower case, no accents).
bool IsEnglishStopword(std::string_view term);

}  // namespace lede

#endif  // LEDE_COMMON_TEXT_STOPWORDS_H_

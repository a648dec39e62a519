// Which language a text is written in, by a stop-word vote over the languages
// of the collection plus a script check for those that do not space words.
// Also the stop-word lists themselves, which boilerplate removal weighs.
#ifndef LEDE_COMMON_LANGUAGE_H_
#define LEDE_COMMON_LANGUAGE_H_

#include <string>
#include <string_view>

namespace lede {

// ISO 639-1 code ("en", "de", "ru", "ja", ...) or "" when the text gives too
// little evidence (e.g. empty, or a few words in an unknown language).
std::string DetectLanguage(std::string_view text);

// True if lower-cased word is a stop word of language (ISO 639-1). Languages
// without a list have no stop words.
bool IsStopWord(std::string_view language, std::string_view word);

// True if there is a stop-word list for language.
bool HasStopWords(std::string_view language);

}  // namespace lede

#endif  // LEDE_COMMON_LANGUAGE_H_

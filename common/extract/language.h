// Which language a text is written in, by a stop-word vote over the languages
// of the collection plus a script check for those that do not space words.
// Also the stop-word lists themselves, which boilerplate removal weighs.
#ifndef LEDE_COMMON_EXTRACT_LANGUAGE_H_
#define LEDE_COMMON_EXTRACT_LANGUAGE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace lede {

// ISO 639-1 code ("en", "de", "ru", "ja", ...) or "" when the text gives too
// little evidence (e.g. empty, or a few words in an unknown language).
std::string DetectLanguage(std::string_view text);

// True if lower-cased word is a stop word of language (ISO 639-1). Languages
// without a list have no stop words.
bool IsStopWord(std::string_view language, std::string_view word);

// Share of the words of text (its first 32 KB) that are stop words of
// language: 0 for a language without a list or a text without words. Prose in
// the language scores 0.2 and more; a page in a language without a list, read
// as the closest one that has a list, scores a few hundredths.
double StopWordShare(std::string_view text, std::string_view language);

// True if there is a stop-word list for language.
bool HasStopWords(std::string_view language);

// The same test for callers that test many words: a bit per language, so the
// language is looked up once (StopWordBit) and each word once (StopWordMask).
// StopWordBit is -1 for a language without a list.
int StopWordBit(std::string_view language);
uint16_t StopWordMask(std::string_view word);

// The stop-word test of one language as a callable, the language looked up
// once; false for every word of a language without a list.
class StopWordTest {
 public:
  explicit StopWordTest(std::string_view language) : bit_(StopWordBit(language)) {}
  bool operator()(std::string_view word) const {
    return bit_ >= 0 && ((StopWordMask(word) >> bit_) & 1u) != 0;
  }

 private:
  int bit_;
};

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_LANGUAGE_H_

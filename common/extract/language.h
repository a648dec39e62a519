// Which language a text is written in, by a stop-word vote over the languages
// of the collection plus a script check for those that do not space words.
// Also the stop-word lists themselves, which boilerplate removal weighs.
#ifndef LEDE_COMMON_EXTRACT_LANGUAGE_H_
#define LEDE_COMMON_EXTRACT_LANGUAGE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// ISO 639-1 code ("en", "de", "ru", "ja", ...) or "" when the text gives too
// little evidence (e.g. empty, or a few words in an unknown language).
// Only the first kDetectLanguageBytes of text are read: enough to decide,
// and a huge file need not be read to the end.
inline constexpr size_t kDetectLanguageBytes = 32 * 1024;
std::string DetectLanguage(std::string_view text);

// DetectLanguage of the lines joined by '\n', for a caller that has each
// line's LineKey already (keys[k] of lines[k]): the words are read from the
// keys. The joined text must be within kDetectLanguageBytes.
std::string DetectLanguageOfLines(const std::vector<std::string_view>& lines,
                                  const std::vector<std::string_view>& keys);

// True if lower-cased word is a stop word of language (ISO 639-1). Languages
// without a list have no stop words.
bool IsStopWord(std::string_view language, std::string_view word);

// Share of the words of text (its first kStopWordShareBytes) that are stop words of
// language: 0 for a language without a list or a text without words. Prose in
// the language scores 0.2 and more; a page in a language without a list, read
// as the closest one that has a list, scores a few hundredths.
inline constexpr size_t kStopWordShareBytes = 32 * 1024;
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
  // True when no word is a stop word (a language without a list).
  bool none() const { return bit_ < 0; }

 private:
  int bit_;
};

// The words of key, a LineKey (the words WordIterator gives, joined by
// single spaces), and how many of them are stop words: a line's stop words,
// counted again for another language without reading the line again.
struct StopWordCount {
  int words = 0;
  int stop_words = 0;
};
StopWordCount CountStopWordsInKey(std::string_view key, const StopWordTest& is_stop);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_LANGUAGE_H_

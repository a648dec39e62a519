// What one line of a text dump looks like (length, words, stop words, capitals,
// sentence punctuation): the evidence boilerplate removal, title finding and
// language detection weigh. Pure functions over UTF-8; invalid bytes are
// skipped, never trusted.
#ifndef LEDE_COMMON_EXTRACT_LINE_FEATURES_H_
#define LEDE_COMMON_EXTRACT_LINE_FEATURES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

struct LineFeatures {
  int chars = 0;        // code points, after trimming
  int words = 0;        // letter/digit runs; each CJK character counts as one
  int alpha_words = 0;  // words that start with a letter
  int capitalised = 0;  // alpha words starting with an upper-case letter
  int stop_words = 0;   // words in the stop-word list given
  int digits = 0;       // digit code points
  int cjk = 0;          // Han, kana and Hangul code points
  int sentence_marks = 0;      // . ! ? and 。 that end a sentence inside
  bool ends_sentence = false;  // last visible character closes a sentence
  bool has_lower = false;      // any lower-case letter at all
};

// Whitespace (ASCII and U+00A0) trimmed from both ends.
std::string_view TrimLine(std::string_view s);

// The longest prefix of s of at most max_bytes that does not cut a UTF-8
// sequence in two, for quoting a line in a reason or evidence.
std::string_view Utf8Prefix(std::string_view s, size_t max_bytes);

// Splits on '\n' (a trailing '\r' is dropped). Always at least one line.
std::vector<std::string_view> SplitLines(std::string_view text);

// Walks the words of text, lower-cased (UTF-8). A CJK character is a word of
// its own. Apostrophes inside a word are kept ("don't"). The view Next()
// gives is valid until the next call.
class WordIterator {
 public:
  explicit WordIterator(std::string_view text) : text_(text) {}
  bool Next(std::string_view* word);

 private:
  std::string_view text_;
  size_t pos_ = 0;
  std::string word_;
};

// Calls on_word with each word of text, as WordIterator gives them.
void ForEachWord(std::string_view text,
                 const std::function<void(std::string_view)>& on_word);

// is_stop_word may be empty (then stop_words stays 0). When key is given it
// receives LineKey(line), computed in the same pass.
LineFeatures ComputeLineFeatures(
    std::string_view line,
    const std::function<bool(std::string_view)>& is_stop_word,
    std::string* key = nullptr);

// Case-folded text with runs of non-letters/digits squeezed to one space;
// the key under which two lines count as "the same line".
std::string LineKey(std::string_view line);

// True when phrase occurs in key (a LineKey: words separated by single
// spaces) as whole words, not inside a longer word.
bool HasWordPhrase(std::string_view key, std::string_view phrase);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_LINE_FEATURES_H_

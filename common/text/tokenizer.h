// The tokenizer: splits original text into words, each with its position and
// its byte range in the original text (for phrase queries and for snippets
// that show the original text), and its normalized term.
//
// Word boundaries follow Xapian's TermGenerator/QueryParser rules (the same
// Unicode word characters and infixes), so a query that lede rewrites into
// normalized terms is split by QueryParser exactly as the index was.
#ifndef LEDE_COMMON_TEXT_TOKENIZER_H_
#define LEDE_COMMON_TEXT_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

struct Token {
  size_t begin = 0;       // byte offset of the word in the original text
  size_t end = 0;         // one past its last byte
  uint32_t position = 0;  // word position (consecutive words differ by 1)
  std::string term;       // NormalizeTerm() of the word, acronyms collapsed
  bool cjk = false;       // one character of a script written without spaces
};

// Longest term (in bytes) worth indexing; longer "words" are junk (base64,
// URLs run together) and Xapian rejects terms over 245 bytes.
inline constexpr size_t kMaxTermBytes = 64;

// Rules, each chosen to match Xapian's QueryParser:
// - a word is a run of Unicode letters, digits, marks and connector
//   punctuation;
// - apostrophes (' ’ ʼ), '&' and middle dots between word characters join
//   (Russia's → "russia's", AT&T → "at&t");
// - '.', ',' and ';' between digits join (3.5, 100,000);
// - hyphens split (follow-up → "follow", "up" at consecutive positions; the
//   query parser turns "follow-up" into the phrase of the same two terms);
// - capital initials with dots collapse (U.N. → "un", U.S.A → "usa");
// - up to three trailing '+' or '#' belong to the word (C++, C#);
// - Han, Hiragana and Katakana characters are one token each (cjk = true).
// Invalid UTF-8 bytes separate words. Words longer than kMaxTermBytes are
// skipped but still consume a position.
void Tokenize(std::string_view text, uint32_t first_position,
              const std::function<void(const Token&)>& emit);

// A word as Tokenize finds it, its term not yet made: for callers that need
// the terms of few words (a snippet stems only the words that can match).
struct Word {
  size_t begin = 0;  // as Token
  size_t end = 0;
  uint32_t position = 0;
  bool cjk = false;
  // The word as written when it is all ASCII: its term is its lower case.
  // Empty otherwise.
  std::string_view ascii;
  // The term of any other word. Both views are valid during the call only.
  std::string_view term;
};

// Tokenize's tokens, as Words: the same words, offsets and positions.
void TokenizeWords(std::string_view text, uint32_t first_position,
                   const std::function<void(const Word&)>& emit);

// The term of a word, the Token's term: into *term, reusing its buffer.
void TermOf(const Word& word, std::string* term);

// Convenience form collecting every token.
std::vector<Token> Tokenize(std::string_view text, uint32_t first_position = 0);

// True for the code points tokenized one at a time (Han, kana).
bool IsCjkCodepoint(unsigned cp);

// A normalized term without its elided French or Italian article or pronoun
// (l', d', qu', j', n', s', c', m', t', dell', all', nell', un', dall',
// sull'): "l'elysee" -> "elysee", "d'estaing" -> "estaing". term itself when
// it has none, or nothing follows it.
std::string_view WithoutElision(std::string_view term);

// Whether words of this stemmer group ("french", "italian") lose their
// elided articles, in the index and in queries.
bool SplitsElisions(std::string_view stemmer_group);

}  // namespace lede

#endif  // LEDE_COMMON_TEXT_TOKENIZER_H_

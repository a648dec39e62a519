// Tokenizer over original text, mirroring Xapian 1.4's word rules
// (termgenerator_internal.cc) so index and query agree on word boundaries.
#include "common/text/tokenizer.h"

#include <array>

#include <utf8proc.h>

#include "common/text/normalize.h"
#include "common/text/utf8.h"

namespace lede {
namespace {

constexpr unsigned kInvalid = 0xFFFFFFFF;
constexpr unsigned kIgnore = 0xFFFFFFFE;

unsigned DecodeAt(std::string_view text, size_t i, size_t* len) {
  // An ill-formed byte (-1) becomes kInvalid, which is no word character.
  return static_cast<unsigned>(DecodeUtf8At(text, i, len));
}

utf8proc_category_t Category(unsigned cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

// Xapian::Unicode::is_wordchar: letters, marks, numbers and connector
// punctuation (utf8proc's tables, so this layer needs no Xapian).
// ASCII letters and digits, by byte: one load per byte of a word, the
// tokenizer's innermost test.
constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<size_t>(c)] =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();

bool IsAsciiAlnum(unsigned cp) { return cp < 256 && kAsciiAlnum[cp]; }

// The ASCII bytes after a word's letters and digits that may go on with it:
// '_' (a word character) and the infixes of CheckInfix and CheckInfixDigit.
constexpr std::array<bool, 128> kMayContinueWord = [] {
  std::array<bool, 128> t{};
  for (const char c : {'_', '\'', '&', ',', '.', ';'}) t[static_cast<size_t>(c)] = true;
  return t;
}();

bool IsWordCharBeyondAscii(unsigned cp) {
  if (cp == kInvalid) return false;
  switch (Category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return false;
  }
}

inline bool IsWordChar(unsigned cp) {
  // ASCII, most of news text, without utf8proc's table: its word
  // characters are the letters, digits (Lu, Ll, Nd) and '_' (Pc).
  if (cp < 0x80) return IsAsciiAlnum(cp) || cp == '_';
  return IsWordCharBeyondAscii(cp);
}

inline bool IsDigit(unsigned cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return cp != kInvalid && Category(cp) == UTF8PROC_CATEGORY_ND;
}

inline bool IsUpper(unsigned cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return cp != kInvalid && Category(cp) == UTF8PROC_CATEGORY_LU;
}

// Xapian's check_infix: characters that join two word characters.
inline unsigned CheckInfix(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xB7 || ch == 0x5F4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201B) return '\'';
  if (ch >= 0x200B && (ch <= 0x200D || ch == 0x2060 || ch == 0xFEFF)) return kIgnore;
  return 0;
}

// Xapian's check_infix_digit: characters that join two digits.
inline unsigned CheckInfixDigit(unsigned ch) {
  switch (ch) {
    case ',':
    case '.':
    case ';':
    case 0x037E:
    case 0x0589:
    case 0x060D:
    case 0x07F8:
    case 0x2044:
    case 0xFE10:
    case 0xFE13:
    case 0xFE14:
      return ch;
    default:
      break;
  }
  if (ch >= 0x200B && (ch <= 0x200D || ch == 0x2060 || ch == 0xFEFF)) return kIgnore;
  return 0;
}

}  // namespace

bool IsCjkCodepoint(unsigned cp) {
  if (cp < 0x3040) return false;  // every script before Hiragana, in one test
  return (cp >= 0x3040 && cp <= 0x30FF) ||    // Hiragana, Katakana
         (cp >= 0x31F0 && cp <= 0x31FF) ||    // Katakana extensions
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0xFF66 && cp <= 0xFF9F) ||    // half-width katakana
         (cp >= 0x20000 && cp <= 0x2FA1F);    // extensions B..F, supplement
}

namespace {

// The tokenizer's one pass: emit(const Word&) for each word, its term made
// here only when it is not the lower case of an ASCII word as written.
template <typename Emit>
void ForEachWord(std::string_view text, uint32_t first_position, const Emit& emit) {
  uint32_t position = first_position;
  size_t i = 0;
  const size_t size = text.size();
  Word word;
  std::string raw;   // the word as written, infixes canonicalised
  std::string term;  // a term NormalizeTerm made
  while (i < size) {
    // Spaces and ASCII punctuation between words, skipped without a decode.
    const auto first = static_cast<unsigned char>(text[i]);
    if (first < 0x80 && !IsAsciiAlnum(first) && first != '_') {
      ++i;
      continue;
    }
    size_t len;
    unsigned ch = DecodeAt(text, i, &len);
    if (!IsWordChar(ch)) {
      i += len;
      continue;
    }
    const size_t begin = i;

    if (IsCjkCodepoint(ch)) {
      word.begin = begin;
      word.end = i + len;
      word.position = position++;
      word.cjk = true;
      term = NormalizeTerm(text.substr(begin, len));
      word.ascii = {};
      word.term = term;
      emit(word);
      i += len;
      continue;
    }
    word.cjk = false;

    // Acronyms: capital initials separated by '.' (U.N., P.T.O, U.S.A), as
    // Xapian's parse_acronym: not followed by a word character.
    // (One capital alone is no acronym: the common capitalised word skips
    // this without building one.)
    if (IsUpper(ch) && i + len < size && text[i + len] == '.') {
      std::string acronym;
      size_t j = i;
      unsigned c = ch;
      size_t l = len;
      size_t letters = 0;
      while (true) {
        acronym.append(text.substr(j, l));
        ++letters;
        j += l;
        if (j >= size || text[j] != '.') break;
        ++j;
        if (j >= size) break;
        c = DecodeAt(text, j, &l);
        if (!IsUpper(c)) break;
      }
      size_t after_len = 0;
      unsigned after = j < size ? DecodeAt(text, j, &after_len) : kInvalid;
      if (letters >= 2 && !IsWordChar(after)) {
        word.begin = begin;
        word.end = j;
        word.position = position++;
        term = NormalizeTerm(acronym);
        word.ascii = {};
        word.term = term;
        emit(word);
        i = j;
        continue;
      }
    }

    // The word as written is text[begin, i) until an infix is written
    // otherwise (’ as ', a zero-width joiner dropped); only then is it
    // copied into raw. Valid UTF-8 (all that is decoded as a word
    // character) re-encodes to the same bytes.
    bool verbatim = true;
    // Whether the word is all ASCII, so that its term is its lower case.
    bool ascii = ch < 0x80;
    unsigned prev = ch;
    i += len;
    while (i < size) {
      // A run of ASCII letters and digits goes on the word as it is, at once.
      size_t run = i;
      while (run < size && kAsciiAlnum[static_cast<unsigned char>(text[run])]) ++run;
      if (run > i) {
        if (!verbatim) raw.append(text.data() + i, run - i);
        prev = static_cast<unsigned char>(text[run - 1]);
        i = run;
        if (i >= size) break;
      }
      // An ASCII byte that is neither '_' nor an infix (' & , . ;) ends the
      // word: most words end at a space, without the checks below.
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80 && !kMayContinueWord[byte]) break;
      size_t l;
      unsigned c = DecodeAt(text, i, &l);
      if (IsWordChar(c) && !IsCjkCodepoint(c)) {
        ascii = ascii && c < 0x80;
        if (!verbatim) raw.append(text.data() + i, l);
        prev = c;
        i += l;
        continue;
      }
      if (c == kInvalid || i + l >= size) break;
      size_t nl;
      unsigned next = DecodeAt(text, i + l, &nl);
      if (!IsWordChar(next) || IsCjkCodepoint(next)) break;
      unsigned infix = (IsDigit(prev) && IsDigit(next)) ? CheckInfixDigit(c) : CheckInfix(c);
      if (infix == 0) break;
      if (infix != c && verbatim) {
        raw.assign(text.data() + begin, i - begin);
        verbatim = false;
      }
      if (!verbatim) {
        if (infix != kIgnore) AppendUtf8(static_cast<char32_t>(infix), &raw);
        raw.append(text.data() + i + l, nl);
      }
      ascii = ascii && (infix == kIgnore || infix < 0x80) && next < 0x80;
      prev = next;
      i += l + nl;
    }
    // Trailing '+'/'#' (C++, C#), at most three, not followed by a word char.
    {
      size_t j = i;
      int count = 0;
      while (j < size && (text[j] == '+' || text[j] == '#') && count <= 3) {
        ++j;
        ++count;
      }
      if (count > 0 && count <= 3) {
        size_t l;
        unsigned after = j < size ? DecodeAt(text, j, &l) : kInvalid;
        if (!IsWordChar(after)) {
          if (!verbatim) raw.append(text.data() + i, j - i);
          i = j;
        }
      }
    }
    word.begin = begin;
    word.end = i;
    word.position = position++;
    const std::string_view written =
        verbatim ? text.substr(begin, i - begin) : std::string_view(raw);
    if (ascii) {
      // NormalizeTerm of ASCII is its lower case (kNormalizationName pins
      // that), as long as the word: left to the caller to make.
      word.ascii = written;
      word.term = {};
    } else {
      term = NormalizeTerm(written);
      word.ascii = {};
      word.term = term;
    }
    const size_t term_size = ascii ? written.size() : term.size();
    if (term_size <= kMaxTermBytes && term_size > 0) emit(word);
  }
}

inline void AssignLowerCase(std::string_view ascii, std::string* out) {
  out->assign(ascii);
  for (char& c : *out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

}  // namespace

void Tokenize(std::string_view text, uint32_t first_position,
              const std::function<void(const Token&)>& emit) {
  Token tok;
  ForEachWord(text, first_position, [&](const Word& word) {
    tok.begin = word.begin;
    tok.end = word.end;
    tok.position = word.position;
    tok.cjk = word.cjk;
    if (!word.ascii.empty()) {
      AssignLowerCase(word.ascii, &tok.term);
    } else {
      tok.term.assign(word.term);
    }
    emit(tok);
  });
}

void TokenizeWords(std::string_view text, uint32_t first_position,
                   const std::function<void(const Word&)>& emit) {
  ForEachWord(text, first_position, emit);
}

void TermOf(const Word& word, std::string* term) {
  if (!word.ascii.empty()) {
    AssignLowerCase(word.ascii, term);
  } else {
    term->assign(word.term);
  }
}

std::string_view WithoutElision(std::string_view term) {
  static constexpr std::string_view kElided[] = {"l",    "d",   "qu",   "j",   "n",  "s",
                                                 "c",    "m",   "t",    "dell", "all", "nell",
                                                 "un",   "dall", "sull"};
  const size_t apostrophe = term.find('\'');
  if (apostrophe == std::string_view::npos || apostrophe + 1 >= term.size()) return term;
  const std::string_view head = term.substr(0, apostrophe);
  for (const std::string_view e : kElided)
    if (head == e) return term.substr(apostrophe + 1);
  return term;
}

bool SplitsElisions(std::string_view stemmer_group) {
  return stemmer_group == "french" || stemmer_group == "italian";
}

std::vector<Token> Tokenize(std::string_view text, uint32_t first_position) {
  std::vector<Token> out;
  Tokenize(text, first_position, [&out](const Token& t) { out.push_back(t); });
  return out;
}

}  // namespace lede

// Tokenizer over original text, mirroring Xapian 1.4's word rules
// (termgenerator_internal.cc) so index and query agree on word boundaries.
#include "common/tokenizer.h"

#include <xapian.h>

#include "common/normalize.h"

namespace lede {
namespace {

constexpr unsigned kInvalid = 0xFFFFFFFF;
constexpr unsigned kIgnore = 0xFFFFFFFE;

// Decodes the code point at text[i], storing its length in *len. Invalid
// sequences yield kInvalid with length 1.
unsigned DecodeAt(std::string_view text, size_t i, size_t* len) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  size_t n;
  unsigned cp;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    *len = 1;
    return kInvalid;
  }
  if (i + n > text.size()) {
    *len = 1;
    return kInvalid;
  }
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      *len = 1;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Reject overlongs, surrogates and out-of-range values.
  static const unsigned kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *len = 1;
    return kInvalid;
  }
  *len = n;
  return cp;
}

bool IsWordChar(unsigned cp) {
  return cp != kInvalid && Xapian::Unicode::is_wordchar(cp);
}

bool IsDigit(unsigned cp) {
  return cp != kInvalid &&
         Xapian::Unicode::get_category(cp) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool IsUpper(unsigned cp) {
  return cp != kInvalid &&
         Xapian::Unicode::get_category(cp) == Xapian::Unicode::UPPERCASE_LETTER;
}

// Xapian's check_infix: characters that join two word characters.
unsigned CheckInfix(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xB7 || ch == 0x5F4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201B) return '\'';
  if (ch >= 0x200B && (ch <= 0x200D || ch == 0x2060 || ch == 0xFEFF)) return kIgnore;
  return 0;
}

// Xapian's check_infix_digit: characters that join two digits.
unsigned CheckInfixDigit(unsigned ch) {
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

void AppendUtf8(std::string* s, unsigned cp) {
  char buf[4];
  unsigned n = Xapian::Unicode::to_utf8(cp, buf);
  s->append(buf, n);
}

}  // namespace

bool IsCjkCodepoint(unsigned cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||    // Hiragana, Katakana
         (cp >= 0x31F0 && cp <= 0x31FF) ||    // Katakana extensions
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0xFF66 && cp <= 0xFF9F) ||    // half-width katakana
         (cp >= 0x20000 && cp <= 0x2FA1F);    // extensions B..F, supplement
}

void Tokenize(std::string_view text, uint32_t first_position,
              const std::function<void(const Token&)>& emit) {
  uint32_t position = first_position;
  size_t i = 0;
  const size_t size = text.size();
  Token tok;
  std::string raw;  // the word as written, infixes canonicalised
  while (i < size) {
    size_t len;
    unsigned ch = DecodeAt(text, i, &len);
    if (!IsWordChar(ch)) {
      i += len;
      continue;
    }
    const size_t begin = i;

    if (IsCjkCodepoint(ch)) {
      tok.begin = begin;
      tok.end = i + len;
      tok.position = position++;
      tok.term = NormalizeTerm(text.substr(begin, len));
      tok.cjk = true;
      emit(tok);
      i += len;
      continue;
    }
    tok.cjk = false;

    // Acronyms: capital initials separated by '.' (U.N., P.T.O, U.S.A), as
    // Xapian's parse_acronym: not followed by a word character.
    if (IsUpper(ch)) {
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
        tok.begin = begin;
        tok.end = j;
        tok.position = position++;
        tok.term = NormalizeTerm(acronym);
        emit(tok);
        i = j;
        continue;
      }
    }

    raw.clear();
    unsigned prev = ch;
    AppendUtf8(&raw, ch);
    i += len;
    while (i < size) {
      size_t l;
      unsigned c = DecodeAt(text, i, &l);
      if (IsWordChar(c) && !IsCjkCodepoint(c)) {
        AppendUtf8(&raw, c);
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
      if (infix != kIgnore) AppendUtf8(&raw, infix);
      AppendUtf8(&raw, next);
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
          raw.append(text.substr(i, j - i));
          i = j;
        }
      }
    }
    tok.begin = begin;
    tok.end = i;
    tok.position = position++;
    tok.term = NormalizeTerm(raw);
    if (tok.term.size() <= kMaxTermBytes && !tok.term.empty()) emit(tok);
  }
}

std::vector<Token> Tokenize(std::string_view text, uint32_t first_position) {
  std::vector<Token> out;
  Tokenize(text, first_position, [&out](const Token& t) { out.push_back(t); });
  return out;
}

}  // namespace lede

// Line features for extraction. Code points come from utf8proc_iterate, which
// reports invalid sequences; those bytes are skipped one at a time so any
// input is safe.
#include "common/extract/line_features.h"

#include <utf8proc.h>

#include "common/text/utf8.h"

namespace lede {
namespace {

bool IsCjk(utf8proc_int32_t c) {
  if (c < 0x3040) return false;
  return (c >= 0x3040 && c <= 0x30FF) ||  // kana
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0x20000 && c <= 0x2FA1F);
}

bool IsWordChar(utf8proc_int32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
      return true;
    default:
      return false;
  }
}

bool IsApostrophe(utf8proc_int32_t c) { return c == '\'' || c == 0x2019; }

bool IsAsciiUpper(unsigned char b) { return b >= 'A' && b <= 'Z'; }
bool IsAsciiAlnum(unsigned char b) {
  return (b >= 'a' && b <= 'z') || IsAsciiUpper(b) || (b >= '0' && b <= '9');
}
char AsciiLower(char c) {
  return IsAsciiUpper(static_cast<unsigned char>(c)) ? static_cast<char>(c - 'A' + 'a') : c;
}
// An ASCII byte that closes a word of ASCII letters and digits: not a word
// character, and not an apostrophe, which may join two parts ("don't").
bool EndsAsciiWord(unsigned char b) { return b < 0x80 && !IsAsciiAlnum(b) && b != '\''; }

void AppendLower(utf8proc_int32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    return;
  }
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(c), buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace

std::string_view TrimLine(std::string_view s) {
  auto is_space_at_front = [&](size_t* len) {
    if (s.empty()) return false;
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      *len = 1;
      return true;
    }
    if (s.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) {
      *len = 2;
      return true;
    }
    return false;
  };
  auto is_space_at_back = [&](size_t* len) {
    if (s.empty()) return false;
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      *len = 1;
      return true;
    }
    if (s.size() >= 2 && c == 0xA0 &&
        static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) {
      *len = 2;
      return true;
    }
    return false;
  };
  size_t n = 0;
  while (is_space_at_front(&n)) s.remove_prefix(n);
  while (is_space_at_back(&n)) s.remove_suffix(n);
  return s;
}

bool HasWordPhrase(std::string_view key, std::string_view phrase) {
  if (phrase.empty()) return false;
  for (size_t at = key.find(phrase); at != std::string_view::npos; at = key.find(phrase, at + 1)) {
    const bool starts = at == 0 || key[at - 1] == ' ';
    const bool ends = at + phrase.size() == key.size() || key[at + phrase.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

std::string_view Utf8Prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  // Back up over continuation bytes (10xxxxxx) to the start of a sequence.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (true) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(
        pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

bool WordIterator::Next(std::string_view* word) {
  word_.clear();
  // Most words are ASCII letters and digits between ASCII spaces and
  // punctuation. Such a word is found by a plain byte scan and, when it has
  // no capital, given as a view of the text itself: no copy, no decoding.
  // Anything else (a capital, an apostrophe, a byte >= 0x80 right after the
  // run) hands what was read so far to the general loop below, in the very
  // state that loop would have reached on its own.
  while (pos_ < text_.size()) {
    const auto b = static_cast<unsigned char>(text_[pos_]);
    if (b >= 0x80 || IsAsciiAlnum(b)) break;
    ++pos_;  // with no word begun, ASCII outside words is skipped
  }
  const size_t start = pos_;
  bool upper = false;
  while (pos_ < text_.size() && IsAsciiAlnum(static_cast<unsigned char>(text_[pos_]))) {
    upper = upper || IsAsciiUpper(static_cast<unsigned char>(text_[pos_]));
    ++pos_;
  }
  const bool at_end =
      pos_ == text_.size() || EndsAsciiWord(static_cast<unsigned char>(text_[pos_]));
  if (pos_ > start && at_end && !upper) {
    *word = text_.substr(start, pos_ - start);
    return true;
  }
  word_.assign(text_.data() + start, pos_ - start);
  if (upper) {
    for (char& c : word_) c = AsciiLower(c);
  }
  if (at_end) {
    *word = word_;
    return !word_.empty();
  }
  while (pos_ < text_.size()) {
    unsigned char b = static_cast<unsigned char>(text_[pos_]);
    // ASCII fast path: most of the text is ASCII.
    if (b < 0x80) {
      bool alnum = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');
      if (b >= 'A' && b <= 'Z') {
        b = static_cast<unsigned char>(b - 'A' + 'a');
        alnum = true;
      }
      if (alnum) {
        word_.push_back(static_cast<char>(b));
        ++pos_;
        continue;
      }
    }
    size_t len = 1;
    utf8proc_int32_t c = DecodeUtf8At(text_, pos_, &len);
    if (c >= 0 && IsCjk(c)) {
      if (!word_.empty()) break;  // the CJK character starts the next word
      AppendLower(c, &word_);
      pos_ += len;
      break;
    }
    if (c >= 0x80 && IsWordChar(c)) {
      AppendLower(c, &word_);
      pos_ += len;
      continue;
    }
    if (c >= 0 && IsApostrophe(c) && !word_.empty() && pos_ + len < text_.size()) {
      size_t next_len = 1;
      utf8proc_int32_t next = DecodeUtf8At(text_, pos_ + len, &next_len);
      if (next >= 0 && IsWordChar(next) && !IsCjk(next)) {
        word_.push_back('\'');
        pos_ += len;
        continue;
      }
    }
    pos_ += len;
    if (!word_.empty()) break;
  }
  *word = word_;
  return !word_.empty();
}

void ForEachWord(std::string_view text,
                 const std::function<void(std::string_view)>& on_word) {
  WordIterator it(text);
  std::string_view w;
  while (it.Next(&w)) on_word(w);
}

LineFeatures ComputeLineFeatures(
    std::string_view line,
    const std::function<bool(std::string_view)>& is_stop_word,
    std::string* key) {
  LineFeatures f;
  line = TrimLine(line);
  bool in_word = false;
  utf8proc_int32_t last_visible = 0;
  size_t i = 0;
  while (i < line.size()) {
    size_t len = 1;
    utf8proc_int32_t c = DecodeUtf8At(line, i, &len);
    i += len;
    if (c < 0) continue;
    ++f.chars;
    if (c >= '0' && c <= '9') ++f.digits;
    // Most characters are ASCII: their word test is inline, not a call.
    bool cjk = IsCjk(c);
    if (cjk) {
      ++f.cjk;
      ++f.words;
      in_word = false;
    } else if (c < 0x80 ? IsAsciiAlnum(static_cast<unsigned char>(c)) : IsWordChar(c)) {
      bool digit, upper, lower;
      if (c < 0x80) {
        digit = c >= '0' && c <= '9';
        upper = c >= 'A' && c <= 'Z';
        lower = c >= 'a' && c <= 'z';
      } else {
        utf8proc_category_t cat = utf8proc_category(c);
        digit = cat == UTF8PROC_CATEGORY_ND;
        upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        lower = cat == UTF8PROC_CATEGORY_LL;
      }
      if (!in_word) {
        ++f.words;
        if (!digit) {
          ++f.alpha_words;
          if (upper) ++f.capitalised;
        }
      }
      if (lower) f.has_lower = true;
      in_word = true;
    } else if (!(IsApostrophe(c) && in_word)) {
      in_word = false;
    }
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
        ((c == '.' || c == '!' || c == '?') && i < line.size() && line[i] == ' ')) {
      ++f.sentence_marks;
    }
    if (c != ' ' && c != '\t' && c != 0xA0) last_visible = c;
  }
  // A closing quote or bracket after the full stop still ends the sentence;
  // look at the character before it.
  if (last_visible == '"' || last_visible == 0x201D || last_visible == ')' ||
      last_visible == 0x00BB || last_visible == '\'' || last_visible == 0x2019 ||
      last_visible == 0x300D) {
    std::string_view rest = line;
    while (!rest.empty()) {
      unsigned char b = static_cast<unsigned char>(rest.back());
      rest.remove_suffix(1);
      if ((b & 0xC0) != 0x80) break;  // stripped one whole code point
    }
    rest = TrimLine(rest);
    if (!rest.empty()) {
      size_t start = rest.size() - 1;
      while (start > 0 &&
             (static_cast<unsigned char>(rest[start]) & 0xC0) == 0x80) {
        --start;
      }
      size_t len = 1;
      last_visible = DecodeUtf8At(rest, start, &len);
    }
  }
  f.ends_sentence = last_visible == '.' || last_visible == '!' ||
                    last_visible == '?' || last_visible == 0x3002 ||
                    last_visible == 0xFF01 || last_visible == 0xFF1F ||
                    last_visible == 0x2026 || last_visible == ':' ||
                    last_visible == ';';
  if (key != nullptr) key->clear();
  if (is_stop_word || key != nullptr) {
    WordIterator it(line);
    std::string_view w;
    while (it.Next(&w)) {
      if (is_stop_word && is_stop_word(w)) ++f.stop_words;
      if (key != nullptr) {
        if (!key->empty()) key->push_back(' ');
        key->append(w);
      }
    }
  }
  return f;
}

std::string LineKey(std::string_view line) {
  std::string key;
  WordIterator it(line);
  std::string_view w;
  while (it.Next(&w)) {
    if (!key.empty()) key.push_back(' ');
    key.append(w);
  }
  return key;
}

}  // namespace lede

// Dates are matched over a small token stream (numbers, words, single
// punctuation marks) rather than with regexes, so that each form is a short
// readable rule and the whole scan stays linear in the line length.
#include "common/extract/date_parse.h"

#include <string>
#include <unordered_map>

#include <utf8proc.h>

#include "common/text/utf8.h"

namespace lede {
namespace {

enum class Kind { kNumber, kWord, kPunct };

struct Token {
  Kind kind;
  std::string text;  // words lower-cased
  size_t begin;
  size_t end;
  bool space_before;
};

// Month names that are also common words ("may", "mar" are fine next to a
// day number; "set", "out", "ago" are not, so Portuguese/Italian
// abbreviations that collide with English words are left out).
const std::unordered_map<std::string, int>& MonthTable() {
  static const std::unordered_map<std::string, int> table = [] {
    std::unordered_map<std::string, int> t;
    const char* names[12] = {
        // en, en abbr, de, fr, es, pt, it, nl, id, ru genitive, ru nominative
        "january jan januar janv janvier enero ene janeiro gennaio januari "
        "января январь янв",
        "february feb februar févr fevr fév février fevrier febrero fevereiro fev "
        "febbraio februari feb февраля февраль фев",
        "march mar märz maerz mär mars marzo março marco maart maret марта март",
        "april apr avril abril aprile avr abr апреля апрель апр",
        "may mai mayo maio maggio mei maj мая май",
        "june jun juni juin junio junho giugno giu июня июнь",
        "july jul juli juillet juil julio julho luglio lug июля июль",
        "august aug août aout agosto agustus augustus augusti agu августа август авг",
        "september sep sept septembre septiembre setiembre setembro settembre "
        "сентября сентябрь сен",
        "october oct oktober octobre octubre outubro ottobre okt ott октября "
        "октябрь окт",
        "november nov novembre noviembre novembro ноября ноябрь",
        "december dec dezember dez décembre decembre déc diciembre dic "
        "dezembro dicembre desember декабря декабрь дек"};
    for (int m = 0; m < 12; ++m) {
      std::string all = names[m];
      size_t pos = 0;
      while (pos < all.size()) {
        size_t sp = all.find(' ', pos);
        if (sp == std::string::npos) sp = all.size();
        if (sp > pos) t.emplace(all.substr(pos, sp - pos), m + 1);
        pos = sp + 1;
      }
    }
    return t;
  }();
  return table;
}

// Abbreviations that are also words of these languages ("ago", "set",
// "out", "des", "mag", "gen"): a month only between a day number and a year
// ("02 Ago 2017", "5 set. 2019").
int GuardedMonth(std::string_view lower_name) {
  static const std::unordered_map<std::string_view, int> table = {
      {"ago", 8}, {"set", 9}, {"out", 10}, {"des", 12}, {"mag", 5}, {"gen", 1}};
  auto it = table.find(lower_name);
  return it == table.end() ? 0 : it->second;
}

bool IsLetter(utf8proc_int32_t c) {
  if (c < 0) return false;
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  // CJK date markers (年月日, 년월일) are punctuation here so that the number
  // before them stays a number.
  if (c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0xB144 || c == 0xC6D4 || c == 0xC77C) {
    return false;
  }
  utf8proc_category_t cat = utf8proc_category(c);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

std::vector<Token> Tokenize(std::string_view line) {
  std::vector<Token> tokens;
  bool space = true;
  size_t i = 0;
  while (i < line.size()) {
    size_t len = 1;
    utf8proc_int32_t c = DecodeUtf8At(line, i, &len);
    // Thin and narrow no-break spaces too ("28.\u2009April 2023").
    if (c == ' ' || c == '\t' || c < 0 || (c > 0x7F && utf8proc_category(c) == UTF8PROC_CATEGORY_ZS)) {
      space = true;
      i += len;
      continue;
    }
    Token t{Kind::kPunct, "", i, i + len, space};
    if (c >= '0' && c <= '9') {
      t.kind = Kind::kNumber;
      size_t j = i;
      // Cap the run: nothing longer than a year is useful, and a huge digit
      // run must not become a huge token.
      while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
      // "Nov 20 20194:29 AM": a page glued the year to the clock time.
      if ((j - i == 5 || j - i == 6) && j < line.size() && line[j] == ':' &&
          (line.compare(i, 2, "19") == 0 || line.compare(i, 2, "20") == 0)) {
        j = i + 4;
      }
      t.text = std::string(line.substr(i, std::min<size_t>(j - i, 8)));
      t.end = j;
    } else if (IsLetter(c)) {
      t.kind = Kind::kWord;
      size_t j = i;
      while (j < line.size()) {
        size_t l = 1;
        utf8proc_int32_t d = DecodeUtf8At(line, j, &l);
        if (!IsLetter(d)) break;
        if (t.text.size() < 32) {
          utf8proc_uint8_t buf[4];
          utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(d), buf);
          t.text.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
        }
        j += l;
      }
      t.end = j;
    } else {
      t.text = std::string(line.substr(i, len));
    }
    space = false;
    i = t.end;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

int DaysInMonth(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) {
    return 29;
  }
  return kDays[month - 1];
}

bool ValidDay(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= DaysInMonth(year == 0 ? 2000 : year, month);
}

class Matcher {
 public:
  Matcher(std::string_view line, DateOrder order) : tokens_(Tokenize(line)), order_(order) {}

  std::vector<DateMatch> Run() {
    std::vector<DateMatch> out;
    size_t i = 0;
    while (i < tokens_.size()) {
      DateMatch m;
      size_t next = 0;
      if (TryIsoLike(i, &m, &next) || TryCjk(i, &m, &next) || TryMonthFirst(i, &m, &next) ||
          TryDayFirst(i, &m, &next) || TryNumeric(i, &m, &next)) {
        m.begin = tokens_[i].begin;
        m.end = tokens_[next - 1].end;
        m.has_time = TimeNear(i, next);
        out.push_back(m);
        i = next;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  bool Is(size_t i, Kind k) const { return i < tokens_.size() && tokens_[i].kind == k; }
  bool IsPunct(size_t i, const char* p) const {
    return Is(i, Kind::kPunct) && tokens_[i].text == p;
  }
  bool IsWord(size_t i, const char* w) const { return Is(i, Kind::kWord) && tokens_[i].text == w; }
  int Number(size_t i) const { return std::stoi(tokens_[i].text); }
  int NumberLen(size_t i) const { return static_cast<int>(tokens_[i].end - tokens_[i].begin); }
  // A number glued to letters or digits on the left (e.g. "A320") is a code,
  // not a date part.
  bool StandsAlone(size_t i) const {
    return i == 0 || tokens_[i].space_before || tokens_[i - 1].kind == Kind::kPunct;
  }
  bool IsYear(size_t i) const {
    if (!Is(i, Kind::kNumber) || NumberLen(i) != 4) return false;
    int y = Number(i);
    return y >= 1900 && y <= 2100;
  }
  bool IsDay(size_t i) const {
    return Is(i, Kind::kNumber) && NumberLen(i) <= 2 && Number(i) >= 1 && Number(i) <= 31;
  }
  int Month(size_t i) const {
    if (!Is(i, Kind::kWord)) return 0;
    return MonthFromName(tokens_[i].text);
  }
  // Skips an ordinal suffix glued to a day number ("4th", "1er", "1º").
  size_t SkipOrdinal(size_t i) const {
    if (Is(i, Kind::kWord) && !tokens_[i].space_before) {
      const std::string& w = tokens_[i].text;
      if (w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" || w == "º" || w == "o") {
        return i + 1;
      }
    }
    if (IsPunct(i, ".")) return i + 1;
    return i;
  }
  // True when a following year is part of a longer number ("2012345").
  bool YearEndsHere(size_t i) const {
    return i + 1 >= tokens_.size() || tokens_[i + 1].space_before ||
           tokens_[i + 1].kind != Kind::kNumber || IsPunct(i + 2, ":");
  }

  bool Accept(int year, int month, int day, DatePrecision p, bool has_year, DateMatch* m) const {
    if (p == DatePrecision::kDay && !ValidDay(year, month, day)) return false;
    m->date.year = year;
    m->date.month = month;
    m->date.day = p == DatePrecision::kDay ? day : 1;
    m->date.precision = p;
    m->has_year = has_year;
    return true;
  }

  // "December 04, 2012", "Dec. 3", "Nov 19, 2019", "November 2019".
  bool TryMonthFirst(size_t i, DateMatch* m, size_t* next) const {
    int month = Month(i);
    if (month == 0) return false;
    size_t j = i + 1;
    if (IsPunct(j, ".")) ++j;
    if (IsDay(j)) {
      int day = Number(j);
      size_t k = SkipOrdinal(j + 1);
      size_t y = k;
      if (IsPunct(y, ",")) ++y;
      if (IsYear(y) && YearEndsHere(y)) {
        *next = y + 1;
        return Accept(Number(y), month, day, DatePrecision::kDay, true, m);
      }
      // A day without a year must not be the start of a bigger number or a
      // clock time ("May 10:30").
      if (IsPunct(j + 1, ":")) return false;
      // Without a year the match is only useful in a dateline; the caller
      // decides where it trusts one.
      *next = k;
      return Accept(0, month, day, DatePrecision::kDay, false, m);
    }
    size_t y = j;
    if (IsPunct(y, ",")) ++y;
    if (IsYear(y) && YearEndsHere(y) && tokens_[i].text.size() >= 3) {
      *next = y + 1;
      return Accept(Number(y), month, 1, DatePrecision::kMonth, true, m);
    }
    return false;
  }

  // "22 January 2014", "4th of December 2012", "22. Januar 2014",
  // "22 de janeiro de 2014", "22 января 2014 г.".
  bool TryDayFirst(size_t i, DateMatch* m, size_t* next) const {
    if (!IsDay(i) || !StandsAlone(i)) return false;
    int day = Number(i);
    size_t j = SkipOrdinal(i + 1);
    if (IsWord(j, "de") || IsWord(j, "of")) ++j;
    int month = Month(j);
    bool guarded = false;
    if (month == 0 && Is(j, Kind::kWord)) {
      month = GuardedMonth(tokens_[j].text);
      guarded = true;
    }
    if (month == 0) return false;
    size_t y = j + 1;
    if (IsPunct(y, ".")) ++y;
    if (IsPunct(y, ",")) ++y;
    if (IsWord(y, "de") || IsWord(y, "del")) ++y;
    if (IsYear(y) && YearEndsHere(y)) {
      *next = y + 1;
      return Accept(Number(y), month, day, DatePrecision::kDay, true, m);
    }
    if (guarded) return false;
    *next = j + 1;
    return Accept(0, month, day, DatePrecision::kDay, false, m);
  }

  // "2014-01-22", "2014/01/22", "2012.12.04", also "2019-11-19T12:00".
  bool TryIsoLike(size_t i, DateMatch* m, size_t* next) const {
    if (!IsYear(i) || !StandsAlone(i)) return false;
    const std::string& sep = tokens_[i + 1 < tokens_.size() ? i + 1 : i].text;
    if (!(IsPunct(i + 1, "-") || IsPunct(i + 1, "/") || IsPunct(i + 1, "."))) {
      return false;
    }
    if (!Is(i + 2, Kind::kNumber) || NumberLen(i + 2) > 2) return false;
    if (!(Is(i + 3, Kind::kPunct) && tokens_[i + 3].text == sep)) return false;
    if (!Is(i + 4, Kind::kNumber) || NumberLen(i + 4) > 2) return false;
    for (size_t k = i + 1; k <= i + 4; ++k) {
      if (tokens_[k].space_before) return false;
    }
    *next = i + 5;
    return Accept(Number(i), Number(i + 2), Number(i + 4), DatePrecision::kDay, true, m);
  }

  // "12/04/2012" (month first unless impossible), "04.12.2012" and
  // "04-12-2012" (day first unless impossible), "12/4/12".
  bool TryNumeric(size_t i, DateMatch* m, size_t* next) const {
    if (!Is(i, Kind::kNumber) || NumberLen(i) > 2 || !StandsAlone(i)) {
      return false;
    }
    if (!(IsPunct(i + 1, "/") || IsPunct(i + 1, ".") || IsPunct(i + 1, "-"))) {
      return false;
    }
    const std::string sep = tokens_[i + 1].text;
    const bool day_first = order_ == DateOrder::kDayFirst;
    if (!Is(i + 2, Kind::kNumber) || NumberLen(i + 2) > 2) return false;
    if (!IsPunct(i + 3, sep.c_str()) || !Is(i + 4, Kind::kNumber)) return false;
    // "28. 4. 2023": a space after each dot. Only a day is written so (the
    // German and Nordic habit), whatever the page's language says: the
    // year must then have four digits.
    bool spaced = false;
    for (size_t k = i + 1; k <= i + 4; ++k) {
      bool after_dot = sep == "." && (k == i + 2 || k == i + 4);
      if (tokens_[k].space_before && !after_dot) return false;
      spaced = spaced || tokens_[k].space_before;
    }
    int year = 0;
    if (IsYear(i + 4)) {
      year = Number(i + 4);
    } else if (spaced && !day_first) {
      return false;
    } else if ((sep == "/" || (sep == "." && day_first)) && NumberLen(i + 4) == 2) {
      year = 2000 + Number(i + 4);
    } else {
      return false;
    }
    if (!YearEndsHere(i + 4)) return false;
    // "1.2.3.4" style version numbers are not dates.
    if (IsPunct(i + 5, sep.c_str()) && Is(i + 6, Kind::kNumber)) return false;
    int a = Number(i), b = Number(i + 2);
    bool month_first = sep == "/" && !day_first;
    if (a > 12) month_first = false;
    if (b > 12) month_first = true;
    int month = month_first ? a : b;
    int day = month_first ? b : a;
    *next = i + 5;
    return Accept(year, month, day, DatePrecision::kDay, true, m);
  }

  // "2019年11月19日", "2019년 11월 19일".
  bool TryCjk(size_t i, DateMatch* m, size_t* next) const {
    if (!IsYear(i)) return false;
    bool han = IsPunct(i + 1, "年");
    if (!han && !IsPunct(i + 1, "년")) return false;
    const char* month_mark = han ? "月" : "월";
    const char* day_mark = han ? "日" : "일";
    if (!Is(i + 2, Kind::kNumber) || !IsPunct(i + 3, month_mark)) return false;
    int month = Number(i + 2);
    if (Is(i + 4, Kind::kNumber) && IsPunct(i + 5, day_mark)) {
      *next = i + 6;
      return Accept(Number(i), month, Number(i + 4), DatePrecision::kDay, true, m);
    }
    *next = i + 4;
    if (month < 1 || month > 12) return false;
    return Accept(Number(i), month, 1, DatePrecision::kMonth, true, m);
  }

  // A clock time right before or after the date ("10:15, December 04, 2012",
  // "December 28, 2012 2:26 PM").
  bool TimeNear(size_t first, size_t next) const {
    auto is_time_at = [&](size_t k) {
      return Is(k, Kind::kNumber) && IsPunct(k + 1, ":") && Is(k + 2, Kind::kNumber);
    };
    for (size_t k = next; k < next + 4 && k < tokens_.size(); ++k) {
      if (is_time_at(k)) return true;
    }
    for (size_t back = 1; back <= 5 && back <= first; ++back) {
      if (is_time_at(first - back)) return true;
    }
    return false;
  }

  std::vector<Token> tokens_;
  DateOrder order_;
};

}  // namespace

int MonthFromName(std::string_view lower_name) {
  const auto& table = MonthTable();
  auto it = table.find(std::string(lower_name));
  return it == table.end() ? 0 : it->second;
}

std::vector<DateMatch> FindDates(std::string_view line) {
  // Every supported form has digits; most lines have none.
  if (line.find_first_of("0123456789") == std::string_view::npos) return {};
  return Matcher(line, DateOrder::kMonthFirst).Run();
}

std::vector<DateMatch> FindDates(std::string_view line, DateOrder order) {
  if (line.find_first_of("0123456789") == std::string_view::npos) return {};
  return Matcher(line, order).Run();
}

}  // namespace lede

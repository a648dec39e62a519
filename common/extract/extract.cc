// Extraction ties the pieces together: language first (boilerplate removal
// weighs stop words of the page's language), then the body, then the
// metadata, which is read relative to where the body starts: the headline and
// the page timestamp sit just above it, the dateline opens it, a credit line
// closes it. Dates and credits found further away belong to comments,
// teasers and menus, not to this article.
#include "common/extract/extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/extract/boilerplate.h"
#include "common/extract/date_parse.h"
#include "common/extract/language.h"
#include "common/extract/line_features.h"
#include "common/extract/line_rules.h"
#include "common/extract/publisher_detect.h"
#include "common/extract/source_detect.h"

namespace lede {
namespace {

// How much lower a headline may score than the standfirst under it.
constexpr double kStandfirstMargin = 1.0;
// A short line shares its few words with the story by chance: the share of
// shared words is taken over at least this many words (CJK: characters).
constexpr int kMinContentWords = 3;
constexpr int kMinContentCjk = 10;
// What a line between the byline and the body loses as the headline.
constexpr double kUnderByline = 1.5;
// A headline sits within this many lines above its byline or stamp.
constexpr int kAnchorLines = 5;
// How far above the body the headline and timestamp may be, in lines; how
// far a byline may be, and how many lines from it up are read then.
constexpr int kHeaderReach = 80;
constexpr int kFarBylineReach = 200;
constexpr int kFarBylineLines = 7;
// Lines of the body's start where a labelled stamp ("Posted: ...") is read.
constexpr int kStampReachInBody = 6;
// A stamp line this close above the body outranks other dates between the
// headline and the body by this much.
constexpr int kStampToBody = 12;
constexpr double kStampAboveBodyBonus = 0.2;
// What a date costs when the story's first paragraphs give it inside a
// sentence rather than on a stamp line.
constexpr double kSentenceDateCost = 1.0;
// Lines long enough to vote on the page's language, and how much to read.
constexpr size_t kLanguageLineBytes = 60;
constexpr size_t kLanguageSampleBytes = 16 * 1024;
// Share of a page's words that must be stop words of the detected language
// for its stop words to weigh the prose (0.2 and more in the language, a few
// hundredths by chance).
constexpr double kMinStopWordShare = 0.1;
// An English page whose long lines of words have, most of them
// (kForeignLinesPct), fewer English stop words than this share is in
// another language.
constexpr double kForeignLineStopShare = 0.05;
constexpr int kForeignLinesPct = 60;

// Every line's features (stop words not counted) and key, read once: the
// language check, the line statistics, boilerplate removal and the search
// for copies of the headline each weigh every line of the page.
struct PageLines {
  std::vector<LineFeatures> features;
  std::vector<std::string> keys;
};

PageLines ReadLines(const std::vector<std::string_view>& lines) {
  PageLines page;
  page.features.resize(lines.size());
  page.keys.resize(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    page.features[i] = ComputeLineFeatures(lines[i], nullptr, &page.keys[i]);
  }
  return page;
}

// Alt text run into its caption of the same words ("The VRThe VR"), too
// short for IsSelfRepeat.
bool IsDoubled(std::string_view t) {
  if (t.size() < 8) return false;
  size_t half = t.size() / 2;
  if (t.size() % 2 == 0 && t.substr(0, half) == t.substr(half)) return true;
  return t.size() % 2 == 1 && t[half] == ' ' && t.substr(0, half) == t.substr(half + 1);
}

// A line that is mostly dates ("Published 05.08.2024, 13.05 Updated
// 05.08.2024, 13.52") or a copyright notice ("Agency © 2026").
bool IsStampOrCopyright(std::string_view t, const std::vector<DateMatch>& dates) {
  if (t.find("\xC2\xA9") != std::string_view::npos) return true;
  size_t covered = 0;
  for (const DateMatch& m : dates) covered += m.end - m.begin;
  return dates.size() >= 2 || covered * 3 >= t.size();
}

// Lines the body's line tests know as something else: a caption run into
// its alt text, a tag list, a teaser link, share buttons, a byline, a time
// stamp, a gallery counter, an item of a numbered list ("3. Business
// News"), or a kicker cut off by a dash ("Umbau des Hauses –").
bool IsNeverHeadline(std::string_view t, const std::string& key, const LineFeatures& f) {
  std::string text(t);
  if (IsSelfRepeat(t) || IsDoubled(t) || IsTaxonomyLine(text, key, f.words) ||
      IsTeaserLink(text, key) || IsFurnitureKey(key) || IsByline(text, f) || IsDateStamp(text, f) ||
      IsGalleryCounter(key, f.words)) {
    return true;
  }
  size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < t.size() && t[digits] == '.' && t[digits + 1] == ' ') return true;
  for (std::string_view dash : {" -", " \xE2\x80\x93", " \xE2\x80\x94"}) {
    if (t.size() > dash.size() && t.compare(t.size() - dash.size(), dash.size(), dash) == 0) {
      return true;
    }
  }
  return false;
}

// An image's file name standing in for its alt text ("bed-hotel-room.jpg").
bool IsFileName(std::string_view t) {
  size_t dot = t.rfind('.');
  if (dot == std::string_view::npos || t.size() - dot > 5 || t.size() - dot < 4) return false;
  std::string ext;
  for (char c : t.substr(dot + 1))
    ext.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  for (const char* e :
       {"jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "tif", "tiff", "bmp", "pdf", "mp4"}) {
    if (ext == e) return true;
  }
  return false;
}

// Labels joined by commas without a space ("Tech,Science"); "1,000" is a
// number.
bool TagsJoined(std::string_view t) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t k = 1; k + 1 < t.size(); ++k) {
    if (t[k] == ',' && t[k + 1] != ' ' && !(digit(t[k - 1]) && digit(t[k + 1]))) return true;
  }
  return false;
}

// A reading time or a duration ("4 min read", "Lesedauer: 4 Minuten",
// "Artikel zum Hören 3 Min"), given the line's key: the labels of the
// languages lede detects, and a number of minutes closing the line.
bool IsReadingTime(const std::string& key) {
  for (const char* p :
       {"min read", "mins read", "minute read", "minutes read", "reading time", "lesedauer",
        "lesezeit", "temps de lecture", "tempo di lettura", "tiempo de lectura", "tempo de leitura",
        "leestijd", "lästid", "lesetid", "okuma süresi"}) {
    size_t at = key.find(p);
    if (at != std::string::npos && (at == 0 || key[at - 1] == ' ')) return true;
  }
  size_t n = key.size();
  return n >= 5 && key.compare(n - 4, 4, " min") == 0 && key[n - 5] >= '0' && key[n - 5] <= '9';
}

// "Home>Politics>Politics & Government": a trail of sections joined by '>'
// without spaces (BreadcrumbArrows reads " > "); markup ("<em>") is not one.
bool IsTightTrail(std::string_view t) {
  if (t.find('<') != std::string_view::npos) return false;
  int arrows = 0;
  for (size_t k = 1; k + 1 < t.size(); ++k) {
    if (t[k] == '>' && t[k - 1] != ' ' && t[k + 1] != ' ') ++arrows;
  }
  return arrows >= 2;
}

// A clock time glued to the last word ("... make gun signs17:35"): an entry
// of a live ticker, its time printed after it.
bool EndsWithGluedTime(std::string_view t) {
  size_t n = t.size();
  auto digit = [&](size_t k) { return t[k] >= '0' && t[k] <= '9'; };
  if (n < 7 || !(digit(n - 1) && digit(n - 2) && t[n - 3] == ':' && digit(n - 4))) return false;
  size_t k = digit(n - 5) ? n - 5 : n - 4;
  unsigned char before = static_cast<unsigned char>(t[k - 1]);
  return std::isalpha(before) || before == '\'' || before >= 0x80;
}

// Share and account buttons run together in one line ("Facebook X LinkedIn
// Pinterest Share via Email Print", "Sign in / Sign up"): at least three of
// its words, and half of them, are buttons (one word or two).
bool IsButtonRow(std::string_view t) {
  int words = 0, buttons = 0;
  std::string prev;
  bool prev_button = false;
  ForEachWord(t, [&](std::string_view w) {
    ++words;
    std::string word(w);
    if (IsFurnitureKey(word)) {
      ++buttons;
      prev_button = true;
    } else if (!prev.empty() && IsFurnitureKey(prev + " " + word)) {
      buttons += prev_button ? 1 : 2;
      prev_button = true;
    } else {
      prev_button = false;
    }
    prev = std::move(word);
  });
  return buttons >= 3 && buttons * 2 >= words;
}

// A sentence closed by a short credit in brackets ("... the campaign.
// (onmeth.com)", "... a defender. (Jane Roe)"): a caption. "(PHOTOS)" or
// "(Video)" after a headline is a label of the headline.
bool EndsWithBracketCredit(std::string_view t) {
  if (t.size() < 8 || t.back() != ')') return false;
  size_t open = t.rfind('(');
  if (open == std::string_view::npos || open < 2 || t.size() - open > 32) return false;
  std::string inside = LineKey(t.substr(open + 1, t.size() - open - 2));
  if (inside.empty() || std::none_of(inside.begin(), inside.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
      })) {
    return false;
  }
  for (const char* label : {"photo", "photos", "pics", "video", "videos", "watch", "live", "update",
                            "updated", "opinion", "analysis", "gallery"}) {
    if (inside == label) return false;
  }
  size_t k = open;
  while (k > 0 && t[k - 1] == ' ') --k;
  if (k == 0) return false;
  std::string_view head = t.substr(0, k);
  for (std::string_view end : {".", "!", "?", "\"", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
    if (head.size() >= end.size() && head.compare(head.size() - end.size(), end.size(), end) == 0)
      return true;
  }
  return false;
}

// The shape of a headline candidate. LineFeatures counts a CJK character as
// a word; a headline's length is read as two of them a word, so that a
// Japanese headline of 40 characters is headline-sized and a label of five
// is short.
LineFeatures AsTitleFeatures(LineFeatures f) {
  if (f.cjk > 0) f.words = f.words - f.cjk + (f.cjk + 1) / 2;
  return f;
}

LineFeatures TitleFeatures(std::string_view t,
                           const std::function<bool(std::string_view)>& is_stop) {
  return AsTitleFeatures(ComputeLineFeatures(t, is_stop));
}

// A call to action naming the site ("Follow Acme News", "Thank you for
// supporting Acme", "S'abonner au Journal", "Folgen Sie uns"): a short line
// opening with the verbs of the languages lede detects, given its key.
bool IsCallToAction(const std::string& key, int words) {
  if (words > 7) return false;
  for (const char* p :
       {"follow ",          "subscribe ",  "thank you for ",  "thanks for ", "suivre ",
        "suivez ",          "s'abonner ",  "s\u2019abonner ", "abonnez",     "abonnieren ",
        "jetzt abonnieren", "folgen sie ", "folge ",          "volg ",       "abbonati",
        "segui ",           "seguici",     "siga ",           "assine ",     "ikuti "}) {
    if (key.rfind(p, 0) == 0) return true;
  }
  // Spanish, Norwegian and Danish, Swedish.
  for (const char* p :
       {"suscríbete", "suscribete", "síguenos", "siguenos", "sigue a ", "følg ", "följ "}) {
    if (key.rfind(p, 0) == 0) return true;
  }
  return false;
}

bool IsTitleCandidate(std::string_view t, const LineFeatures& f) {
  if (f.words < 2 || f.words > 30 || f.chars > 250) return false;
  if (f.digits * 2 > f.chars) return false;
  if (t.size() >= 2 && (t.front() == '[' || t.back() == ']')) return false;
  if (!t.empty() && t.back() == ':') return false;  // a label: "Follow us on:"
  if (t.find('@') != std::string_view::npos) return false;
  if (t.find("http") != std::string_view::npos) return false;
  std::string key = LineKey(t);
  if (key.rfind("by ", 0) == 0 || key.rfind("photo", 0) == 0 || key.rfind("image", 0) == 0 ||
      key.rfind("posted", 0) == 0 || key.rfind("updated", 0) == 0 ||
      key.rfind("published", 0) == 0) {
    return false;
  }
  if (IsEndOfArticleSignal(t) || IsCallToAction(key, f.words)) return false;
  // Page furniture by its shape: a reading time, a row of buttons, a
  // caption closed by its credit, a trail of sections, a ticker entry.
  if (IsFileName(t) || IsReadingTime(key) || EndsWithBracketCredit(t) || IsTightTrail(t) ||
      EndsWithGluedTime(t) || (f.words <= 16 && IsButtonRow(t))) {
    return false;
  }
  // A timestamp is not a headline, nor a copyright line.
  std::vector<DateMatch> dates = FindDates(t);
  if (IsStampOrCopyright(t, dates) || (!dates.empty() && f.words <= 10)) return false;
  return !IsNeverHeadline(t, key, f);
}

// Photo captions and credits, which share words with the story but are not
// its headline: the same test as the body's.
// t is a trimmed line, key and f its LineKey and features.
bool IsCaptionLike(std::string_view t, const std::string& key, const LineFeatures& f) {
  return IsCaption(key, f.words) || (f.words <= 60 && EndsWithCredit(std::string(t)));
}

bool IsQuoted(std::string_view t) {
  auto opens = [&](std::string_view q) { return t.rfind(q, 0) == 0; };
  auto closes = [&](std::string_view q) {
    return t.size() >= q.size() && t.compare(t.size() - q.size(), q.size(), q) == 0;
  };
  // German „...“, French «...», Japanese 「...」 as well.
  if ((opens("\xE2\x80\x9E") && (closes("\xE2\x80\x9C") || closes("\xE2\x80\x9D"))) ||
      (opens("\xC2\xAB") && closes("\xC2\xBB")) ||
      (opens("\xE3\x80\x8C") && closes("\xE3\x80\x8D"))) {
    return true;
  }
  return (opens("\"") || opens("\xE2\x80\x9C")) &&
         (closes("\"") || closes("\xE2\x80\x9D") || closes(".\"") || closes(".\xE2\x80\x9D"));
}

struct TitleChoice {
  int line = -1;
  bool from_body = false;        // the first kept line turned out to be the title
  bool over_standfirst = false;  // moved up from the standfirst under it
};

// "Von Karim Natour", "Par Martin Untersinger", "di Viviana Mazza": a
// byline word of the languages lede detects followed by names (capitalised
// words, "und"/"et"/"and" between them, perhaps a date). "Von der Leyen
// says ..." is a sentence.
bool IsBylineAnyLanguage(std::string_view t) {
  size_t space = t.find(' ');
  if (space == std::string_view::npos || space > 5) return false;
  std::string head = LineKey(t.substr(0, space));
  static const std::array<std::string_view, 10> kBy = {"by",   "von", "par", "por",  "di",
                                                       "door", "av",  "af",  "oleh", "от"};
  if (std::find(kBy.begin(), kBy.end(), head) == kBy.end()) return false;
  int names = 0, others = 0;
  std::string_view rest = t.substr(space + 1);
  size_t pos = 0;
  while (pos < rest.size()) {
    size_t end = rest.find(' ', pos);
    if (end == std::string_view::npos) end = rest.size();
    std::string_view word = rest.substr(pos, end - pos);
    pos = end + 1;
    while (!word.empty() && std::string_view(",;:|()").find(word.back()) != std::string_view::npos)
      word.remove_suffix(1);
    if (word.empty() || (word[0] >= '0' && word[0] <= '9')) continue;
    std::string lower = LineKey(word);
    static const std::array<std::string_view, 14> kJoin = {
        "and", "und", "et", "y", "e", "og", "en", "i", "mit", "with", "avec", "con", "com", "dan"};
    if (std::find(kJoin.begin(), kJoin.end(), lower) != kJoin.end()) continue;
    LineFeatures f = ComputeLineFeatures(word, nullptr);
    if (f.alpha_words == 0) continue;
    if (f.capitalised > 0) {
      ++names;
    } else {
      ++others;
    }
  }
  return names >= 1 && names <= 8 && others <= 1;
}

// Byline and timestamp lines ("By Jill Disis", "Updated November 19, 2019")
// sit right under the headline on most news pages.
// 2 for a byline ("By ...", "Posted ..."), 1 for a timestamp, 0 otherwise.
// Attributions under a quote or a tweet ("— David McKinley on Sunday,
// October 13th, 2019") are neither.
// t is a trimmed line, key and f its LineKey and features.
int BylineOrTimestamp(std::string_view t, const std::string& key, const LineFeatures& f) {
  if (t.empty() || t.size() > 200) return 0;
  if (t[0] == '-' || t.rfind("\xE2\x80\x94", 0) == 0 || t.rfind("\xE2\x80\x93", 0) == 0) {
    return 0;
  }
  if (key.empty() || std::count(key.begin(), key.end(), ' ') > 25) return 0;
  if (key == "by" || key.rfind("posted ", 0) == 0 || key.rfind("published ", 0) == 0 ||
      key.rfind("updated ", 0) == 0 || IsBylineAnyLanguage(t) ||
      (key.rfind("by ", 0) == 0 && IsByline(std::string(t), f))) {
    return 2;
  }
  // "Jane Roe | Published 15 hours ago": a name, then the stamp.
  if (std::count(key.begin(), key.end(), ' ') < 12) {
    const std::string spaced = " " + key + " ";
    for (const char* p : {" published ", " posted "}) {
      size_t at = spaced.find(p);
      if (at != std::string::npos && at > 0 &&
          (key.find(" ago") != std::string::npos || !FindDates(t).empty())) {
        return 2;
      }
    }
  }
  for (const DateMatch& m : FindDates(t)) {
    if (m.has_year) return 1;
  }
  return 0;
}

// "Jane Roe", "Ann Mary Poe": two or three words, each a capital and then
// lower-case letters, nothing else (a kicker in capitals, "NEWS ANALYSIS",
// or a German noun phrase with its "in" or "der" is not a bare name).
bool IsBareName(std::string_view t) {
  int words = 0;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t end = t.find(' ', pos);
    if (end == std::string_view::npos) end = t.size();
    std::string_view w = t.substr(pos, end - pos);
    pos = end + 1;
    if (w.empty()) continue;
    ++words;
    if (!(w[0] >= 'A' && w[0] <= 'Z') || w.size() < 2) return false;
    for (size_t k = 1; k < w.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(w[k]);
      if (!((c >= 'a' && c <= 'z') || c >= 0x80 || c == '-' || c == '\'')) return false;
    }
  }
  return words >= 2 && words <= 3;
}

// How often each of a set of hashes was added. Every page counts the words
// of its whole body and looks up only those of a few headline candidates,
// so adding must be cheap: a flat table probed from the hash's bits (word
// hashes are uniform), at most half full, rather than a node per word.
class HashCounts {
 public:
  void Add(size_t hash) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& s = slots_[Find(hash)];
    if (s.count == 0) {
      s.hash = hash;
      ++size_;
    }
    ++s.count;
  }

  int Count(size_t hash) const { return slots_.empty() ? 0 : slots_[Find(hash)].count; }

 private:
  struct Slot {
    size_t hash = 0;
    int count = 0;  // 0: a free slot
  };

  // The slot holding hash, or the free slot where it would go.
  size_t Find(size_t hash) const {
    const size_t mask = slots_.size() - 1;
    size_t i = (hash ^ (hash >> 32)) & mask;
    while (slots_[i].count != 0 && slots_[i].hash != hash) i = (i + 1) & mask;
    return i;
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.count != 0) slots_[Find(s.hash)] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// What the headline candidates are weighed against: the words of the body,
// the lines above it (nearest first) and which of them are bylines or
// timestamps.
class TitleScorer {
 public:
  TitleScorer(const std::vector<std::string_view>& lines, const PageLines& page,
              const BoilerplateResult& bp, const std::string& lang)
      : lines_(lines),
        page_(page),
        bp_(bp),
        is_stop_(lang),
        lowest_(std::max(0, bp.first_kept - kHeaderReach)),
        anchor_of_line_(lines.size(), -1),
        caption_of_line_(lines.size(), -1) {
    // The body's paragraphs are its kept lines (a hard-wrapped paragraph
    // joins several with spaces), so their words are the words of those
    // lines' keys, one space between each: no need to read the text again.
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!bp.keep[i]) continue;
      const std::string& key = page.keys[i];
      for (size_t at = 0; at < key.size();) {
        size_t space = key.find(' ', at);
        if (space == std::string::npos) space = key.size();
        const std::string_view w(key.data() + at, space - at);
        if (w.size() >= 3 || static_cast<unsigned char>(w[0]) >= 0xE0) {
          body_words_.Add(std::hash<std::string_view>()(w));
        }
        at = space + 1;
      }
      page_has_lower_ = page_has_lower_ || page.features[i].has_lower;
    }
    // Byte lengths of the lines above the body, so that looking for a second
    // copy of a candidate only reads lines of the same length.
    for (int i = lowest_; i < static_cast<int>(lines.size()); ++i) {
      size_t len = TrimLine(lines[i]).size();
      if (len > 0 && len < 300) ++length_count_[len];
    }
    for (int i = bp.first_kept - 1; i >= lowest_; --i) {
      std::string_view t = TrimLine(lines[i]);
      if (t.empty()) continue;
      header_.push_back(i);
      anchor_.push_back(AnchorOf(i));
      words_.push_back(page_.features[i].words);
    }
    // A bare name right above or below a time stamp is the byline.
    for (size_t h = 0; h < anchor_.size(); ++h) {
      if (anchor_[h] != 0) continue;
      bool next_to_stamp =
          (h > 0 && anchor_[h - 1] == 1) || (h + 1 < anchor_.size() && anchor_[h + 1] == 1);
      if (next_to_stamp && IsBareName(TrimLine(lines[header_[h]]))) {
        anchor_[h] = 2;
        bylines_.insert(header_[h]);
      }
    }
    for (size_t h = 0; h < anchor_.size(); ++h) {
      if (anchor_[h] == 2) {
        byline_at_ = static_cast<int>(h);
        break;
      }
    }
    if (byline_at_ < 0) AddLinesAboveFarByline();
    // The body may open with the byline or stamp line ("Le Journal | 04.05.2015
    // | Par Jane Roe"): it anchors the headline as one above the body would.
    opening_anchor_ = AnchorOf(bp.first_kept);
  }

  // Non-blank lines above the body, nearest first, then perhaps the lines
  // from a byline further up (from far_from() on).
  const std::vector<int>& header() const { return header_; }
  int far_from() const { return far_from_; }
  // Words of each line of header().
  const std::vector<int>& words() const { return words_; }

  // The score of line i as the headline, or nothing when it cannot be one.
  // distance: its place in header() plus one (0 for the first body line);
  // text_between: lines of text between it and the body.
  std::optional<double> Score(int i, int distance, int text_between, bool first_body) const {
    std::string_view t = TrimLine(lines_[i]);
    // Stop words are counted by the scorer itself: none needed here.
    LineFeatures f = AsTitleFeatures(page_.features[i]);
    if (first_body && (f.ends_sentence || f.words > 20 || bp_.paragraphs.size() < 2)) {
      return std::nullopt;
    }
    if (bylines_.count(i)) return std::nullopt;
    NameShape names = NameLineShape(t, f, is_stop_);
    if (!IsTitleCandidate(t, f) || names == NameShape::kList) return std::nullopt;
    // A fragment: the rest of a line cut after its label.
    if (t.front() == ':' || t.front() == ',') return std::nullopt;
    // The terms are added in a fixed order: a tie between two candidates
    // must not depend on rounding.
    double score = ShapeScore(i, t, f);
    // Pages often print the headline twice (page title, share box).
    if (f.words >= 5 && PrintedTwice(t)) score += 0.5;
    if (distance > 0) AddPlaceScore(distance, &score);
    if (names == NameShape::kRun) score -= 1.5;
    score -= 0.05 * text_between;
    // Under the byline come the photo, its caption and the page's buttons
    // ("Save", "Listen", "Subscribers only"), not the headline.
    if (byline_at_ >= 0 && distance > 0 && distance - 1 < byline_at_) score -= kUnderByline;
    return score;
  }

 private:
  // What the line itself says: words shared with the body, length, case,
  // punctuation, caption and byline words.
  double ShapeScore(int i, std::string_view t, const LineFeatures& f) const {
    int content = 0, shared = 0;
    // A label the body prints again (an ad slot's "Thank you for supporting
    // ...") shares its words with the story through its own copies only:
    // a word counts when the body has it beyond them (the first body line,
    // a candidate too, is not its own copy).
    int copies = std::max(0, CopiesInBody(t) - (i >= bp_.first_kept ? 1 : 0));
    ForEachWord(t, [&](std::string_view w) {
      if (is_stop_(w) || (w.size() < 3 && static_cast<unsigned char>(w[0]) < 0xE0)) {
        return;
      }
      ++content;
      if (body_words_.Count(std::hash<std::string_view>()(w)) > copies) ++shared;
    });
    // One shared word in a two-word line is weak evidence: count at least
    // three content words (ten CJK characters).
    double overlap = static_cast<double>(shared) /
                     std::max(content, f.cjk > 0 ? kMinContentCjk : kMinContentWords);
    double score = 3.0 * overlap;
    // Alt text is printed again as the start of its caption.
    if (AltTextOfNext(i, t)) score -= 1.5;
    if (f.words >= 3 && f.words <= 14) {
      score += 1.0;
    } else if (f.words >= 15 && f.words <= 20) {
      score += 0.5;
    }
    // A kicker in capitals ("BLACK DEATH FEARS") above a headline in
    // mixed case; pages in capitals throughout keep their headline.
    if (!f.has_lower && f.alpha_words > 0 && page_has_lower_) score -= 0.7;
    if (f.words <= 2) score -= 1.0;
    // Headlines rarely end with a full stop; captions and standfirsts do.
    if (!t.empty() && t.back() == '.') score -= 1.0;
    if (CaptionAt(i)) score -= 1.5;
    // A line in quotes from end to end is a pull quote; a line starting in
    // lower case is a menu or a fragment.
    if (IsQuoted(t)) score -= 0.7;
    // Menus are runs of lines with no blank line between them; a headline
    // stands apart.
    if (InMenu(i)) score -= 0.7;
    if (BreadcrumbArrows(t) > 0) score -= 1.0;
    if (t[0] >= 'a' && t[0] <= 'z') score -= 0.5;
    // Bylines without "By": an author's name or the agency's.
    if (!KnownSource(t, nullptr).empty()) score -= 1.5;
    if (f.words <= 4 && f.capitalised == f.alpha_words && shared == 0) score -= 1.0;
    return score;
  }

  // Just above a byline or timestamp, or just below a timestamp; not just
  // above a photo credit (then it is the caption).
  void AddPlaceScore(int distance, double* score_out) const {
    double& score = *score_out;
    // Within five lines above a byline or stamp; one-word lines (share
    // buttons, "Post") do not count.
    int anchor = 0, seen = 0;
    for (int k = distance - 2; k >= 0 && seen < kAnchorLines; --k) {
      if (anchor_[k] > 0) {
        anchor = anchor_[k];
        break;
      }
      if (words_[k] >= 2) ++seen;
    }
    bool near_body = far_from_ < 0 || distance - 1 < far_from_;
    if (anchor == 0 && seen < kAnchorLines && near_body) anchor = opening_anchor_;
    if (anchor > 0) score += anchor == 2 ? 1.2 : 0.8;
    for (int k = distance; k < distance + 2 && k < static_cast<int>(header_.size()); ++k) {
      if (anchor_[k] > 0) {
        score += 0.3;
        break;
      }
    }
    if (distance >= 2) {
      std::string_view below = TrimLine(lines_[header_[distance - 2]]);
      bool credit = below.size() >= 2 &&
                    ((below.front() == '(' && below.back() == ')') || below.front() == '[');
      if ((below.size() < 80 && credit) || CaptionAt(header_[distance - 2])) score -= 1.0;
    }
  }

  // A story may start far below its headline block (a video, a gallery, a
  // box of links between): with no byline above the body, the byline
  // further up and the few lines above it are candidates too.
  void AddLinesAboveFarByline() {
    for (int i = lowest_ - 1; i >= 0 && i >= bp_.first_kept - kFarBylineReach; --i) {
      std::string_view t = TrimLine(lines_[i]);
      if (t.empty() || AnchorOf(i) != 2) continue;
      far_from_ = static_cast<int>(header_.size());
      for (int j = i; j >= 0 && static_cast<int>(header_.size()) - far_from_ < kFarBylineLines;
           --j) {
        std::string_view u = TrimLine(lines_[j]);
        if (u.empty()) continue;
        header_.push_back(j);
        anchor_.push_back(AnchorOf(j));
        words_.push_back(page_.features[j].words);
      }
      return;
    }
  }

  // IsCaptionLike of line j, worked out once (a line is asked as a
  // candidate and again as the line under the next one).
  bool CaptionAt(int j) const {
    int8_t& c = caption_of_line_[static_cast<size_t>(j)];
    if (c < 0) {
      const auto line = static_cast<size_t>(j);
      c = IsCaptionLike(TrimLine(lines_[line]), page_.keys[line], page_.features[line]) ? 1 : 0;
    }
    return c == 1;
  }

  // BylineOrTimestamp of line j, worked out once.
  int AnchorOf(int j) const {
    int8_t& a = anchor_of_line_[static_cast<size_t>(j)];
    if (a < 0) {
      const auto line = static_cast<size_t>(j);
      a = static_cast<int8_t>(
          BylineOrTimestamp(TrimLine(lines_[line]), page_.keys[line], page_.features[line]));
    }
    return a;
  }

  // A menu: a run of three or more lines with no blank line between them
  // and no byline or timestamp among them (a headline block may run
  // straight into its byline).
  bool InMenu(int i) const {
    const int n = static_cast<int>(lines_.size());
    int first = i, last = i;
    while (first > 0 && !TrimLine(lines_[first - 1]).empty()) --first;
    while (last + 1 < n && !TrimLine(lines_[last + 1]).empty()) ++last;
    if (last - first + 1 < 3) return false;
    for (int j = first; j <= last && j <= first + 12; ++j) {
      if (j != i && AnchorOf(j) > 0) return false;
    }
    return true;
  }

  // Alt text run before its caption: a line the next lines repeat and
  // extend ("A man walks" then "A man walks. (Photo: Jane Roe)").
  bool AltTextOfNext(int i, std::string_view t) const {
    int seen = 0;
    for (int j = i + 1; j < static_cast<int>(lines_.size()) && seen < 3; ++j) {
      std::string_view u = TrimLine(lines_[j]);
      if (u.empty()) continue;
      ++seen;
      if (u.size() > t.size() && u.compare(0, t.size(), t) == 0) return true;
    }
    return false;
  }

  // Paragraphs of the body that are the line t.
  int CopiesInBody(std::string_view t) const {
    auto it = length_count_.find(t.size());
    if (it == length_count_.end() || it->second < 2) return 0;
    int copies = 0;
    for (const std::string& p : bp_.paragraphs) copies += p == t ? 1 : 0;
    return copies;
  }

  bool PrintedTwice(std::string_view t) const {
    auto it = length_count_.find(t.size());
    if (it == length_count_.end() || it->second < 2) return false;
    int copies = 0;
    for (int i = lowest_; i < static_cast<int>(lines_.size()); ++i) {
      if (TrimLine(lines_[i]) == t && ++copies > 1) return true;
    }
    return false;
  }

  const std::vector<std::string_view>& lines_;
  const PageLines& page_;  // every line's features and key
  const BoilerplateResult& bp_;
  const StopWordTest is_stop_;
  const int lowest_;
  // Hashes of the body's words and how often each occurs (a collision
  // costs one word of overlap).
  HashCounts body_words_;
  mutable std::vector<int8_t> anchor_of_line_;   // -1: not worked out yet
  mutable std::vector<int8_t> caption_of_line_;  // -1: not worked out yet
  std::unordered_map<size_t, int> length_count_;
  std::vector<int> header_;
  std::vector<int> anchor_;  // BylineOrTimestamp of each header line
  std::vector<int> words_;   // and its words
  bool page_has_lower_ = false;
  std::unordered_set<int> bylines_;  // bare names read as bylines
  int opening_anchor_ = 0;           // BylineOrTimestamp of the body's first line
  int far_from_ = -1;   // place in header_ of a byline beyond kHeaderReach
  int byline_at_ = -1;  // place in header_ of the byline nearest the body, if any
};

// A standfirst sits right under the headline and, being longer, shares more
// words with the story: a close runner-up on the line just above the winner
// is the headline.
void PreferOverStandfirst(const std::vector<std::string_view>& lines,
                          const std::unordered_map<int, double>& scores, double best_score,
                          TitleChoice* choice) {
  if (choice->line <= 0 || choice->from_body) return;
  int above = choice->line - 1;
  while (above >= 0 && TrimLine(lines[above]).empty()) --above;
  auto it = scores.find(above);
  if (above >= 0 && choice->line - above <= 2 && it != scores.end() &&
      it->second >= best_score - kStandfirstMargin) {
    LineFeatures upper = TitleFeatures(TrimLine(lines[above]), nullptr);
    LineFeatures lower = TitleFeatures(TrimLine(lines[choice->line]), nullptr);
    // A standfirst reads as a sentence (a full stop, or ten words and more);
    // a line ending in a full stop above it is a quote or a caption.
    std::string_view upper_text = TrimLine(lines[above]);
    bool standfirst_below = lower.ends_sentence || lower.words >= 10;
    bool before_standfirst = upper.words >= 3 && upper.has_lower && upper.words < lower.words &&
                             standfirst_below && upper_text.back() != '.';
    // A deck: two headline-sized lines in a row are the headline and its
    // deck, whatever their lengths, unless the upper one is an attribution
    // ("— Jane Roe on ..."), a breadcrumb trail ending in the headline, or
    // tags joined by commas.
    bool dash = upper_text[0] == '-' || upper_text.rfind("\xE2\x80\x94", 0) == 0 ||
                upper_text.rfind("\xE2\x80\x93", 0) == 0;
    bool before_deck =
        upper.words >= 5 && lower.words >= 5 && upper.has_lower && upper_text.back() != '.' &&
        !dash && !TagsJoined(upper_text) &&
        LineKey(upper_text).find(LineKey(TrimLine(lines[choice->line]))) == std::string::npos;
    // A line in quotes from end to end above the headline is the title of
    // a film or a book the story is about, or a pull quote.
    if (IsQuoted(upper_text)) before_standfirst = before_deck = false;
    if (before_standfirst || before_deck) {
      choice->line = above;
      choice->over_standfirst = true;
    }
  }
}

// The headline is a headline-sized line above the body that shares words
// with it and sits just above the byline (or, lacking one, close to the
// body). The site name and menu lines share few words with the story, which
// is what sets them apart; captions share many, but sit below the byline and
// end like sentences.
TitleChoice FindTitle(const std::vector<std::string_view>& lines, const PageLines& page,
                      const BoilerplateResult& bp, const std::string& lang) {
  TitleChoice choice;
  if (bp.first_kept < 0) return choice;
  TitleScorer scorer(lines, page, bp, lang);
  double best_score = -1e9;
  std::unordered_map<int, double> scores;  // line -> score, for the standfirst check
  auto consider = [&](int i, int distance, int text_between, bool first_body) {
    std::optional<double> score = scorer.Score(i, distance, text_between, first_body);
    if (!score) return;
    scores[i] = *score;
    if (*score > best_score) {
      best_score = *score;
      choice.line = i;
      choice.from_body = first_body;
    }
  };
  // The first kept line is a candidate as well: a sentence-case headline
  // without a full stop can pass for a short paragraph.
  consider(bp.first_kept, 0, 0, true);
  // Distance counts the lines of text in between, not share buttons and
  // one-word menu items.
  int text_lines = 0;
  const std::vector<int>& header = scorer.header();
  for (size_t h = 0; h < header.size(); ++h) {
    // What lies between a far byline and the body is not counted against
    // the lines above that byline.
    if (static_cast<int>(h) == scorer.far_from()) text_lines = 0;
    consider(header[h], static_cast<int>(h) + 1, text_lines, false);
    if (scorer.words()[h] >= 5) ++text_lines;
  }
  PreferOverStandfirst(lines, scores, best_score, &choice);
  return choice;
}

struct DateChoice {
  std::optional<Date> date;
  std::string evidence;
};

std::optional<DateMatch> FirstDatedWithYear(std::string_view t) {
  for (const DateMatch& m : FindDates(t)) {
    if (m.has_year) return m;
  }
  return std::nullopt;
}

// How much a line looks like the page's own timestamp rather than a sentence
// or caption that happens to name a date: "Published Nov 19, 2019 7:05 AM",
// "By Jill Disis, updated November 19, 2019" are; embedded tweets
// ("— Jane (@jane) November 18, 2019") and corrections are not.
double TimestampLikeness(std::string_view t, const DateMatch& m) {
  std::string key = LineKey(t);
  double score = 0;
  for (const char* p : {"published", "posted", "updated", "by ", "date", "on ", "veröffentlicht",
                        "publicado", "publié", "diterbitkan"}) {
    if (key.rfind(p, 0) == 0) score += 0.5;
  }
  if (m.has_time) score += 0.3;
  if ((m.end - m.begin) * 3 >= t.size()) score += 0.3;
  if (t.find("(@") != std::string_view::npos) score -= 2;
  if (key.rfind("correction", 0) == 0) score -= 2;
  // The page's publication date, not its last edit, when it shows both.
  for (const char* p : {"updated", "last updated", "last modified", "modified", "aktualisiert",
                        "atualizado", "actualizado", "mis à jour", "diperbarui"}) {
    if (key.rfind(p, 0) == 0) score -= 0.4;
  }
  return score;
}

// Looks for the publication date where pages print it: between the headline
// and the first paragraphs, in the dateline, just above the headline, right
// after the body, else on a timestamp-like line above the body. Dates inside
// the story, in comments or in teaser lists are events of other stories.
class DateFinder {
 public:
  // language: the page's, for the order of all-numeric dates.
  DateFinder(const std::vector<std::string_view>& lines, const BoilerplateResult& bp,
             int title_line, const std::string& language)
      : lines_(lines),
        bp_(bp),
        title_line_(title_line),
        order_(language.empty() || language == "en" ? DateOrder::kMonthFirst
                                                    : DateOrder::kDayFirst),
        n_(static_cast<int>(lines.size())),
        body_(bp.first_kept) {}

  DateChoice Find() {
    if (body_ < 0) return out_;
    BetweenHeadlineAndBody();
    AboveHeadline();
    AfterBody();
    TimestampsAbove();
    if (!out_.date) LabelledStamp();
    if (!out_.date) YearFromPage();
    if (out_.date) SettleOrder();
    return out_;
  }

 private:
  // 1. Between the headline and the second paragraph of prose; long lines
  // only by their dateline.
  void BetweenHeadlineAndBody() {
    int from = title_line_ >= 0 && title_line_ < body_ ? title_line_ + 1 : std::max(0, body_ - 8);
    int paragraphs = 0;
    const int stamp = StampRightAboveBody();
    for (int i = from; i < n_ && i < bp_.end_marker && paragraphs < 2; ++i) {
      bool kept_prose = i >= body_ && bp_.keep[i] && TrimLine(lines_[i]).size() > 60;
      Look(i, 3.0 + (i == stamp ? kStampAboveBodyBonus : 0.0), false, i >= body_ && bp_.keep[i]);
      if (kept_prose) ++paragraphs;
    }
  }

  // The stamp line nearest above the body, at most kStampToBody lines up,
  // or -1: when the headline taken is far above the body (a site's name at
  // the top), the stretch between them holds the page's other dates too
  // ("today" in the header, a caption's).
  // Of stamps on lines in a row ("Posted: ..." over "Updated: ..."), the
  // first.
  int StampRightAboveBody() const {
    auto stamp = [&](int i) {
      std::string_view t = TrimLine(lines_[i]);
      return !t.empty() && IsDateStamp(std::string(t), ComputeLineFeatures(t, nullptr));
    };
    for (int i = body_ - 1; i >= 0 && body_ - i <= kStampToBody; --i) {
      if (!stamp(i)) continue;
      while (i > 0 && stamp(i - 1)) --i;
      return i;
    }
    return -1;
  }

  // 2. Just above the headline (some sites print the date first).
  void AboveHeadline() {
    if (title_line_ < 0) return;
    int seen = 0;
    for (int i = std::min(title_line_, body_) - 1; i >= 0 && seen < 4; --i) {
      if (TrimLine(lines_[i]).empty()) continue;
      ++seen;
      Look(i, 2.0, true, false);
    }
  }

  // 3. Just after the body, before any end-of-article furniture.
  void AfterBody() {
    if (bp_.last_kept < 0) return;
    int seen = 0;
    for (int i = bp_.last_kept + 1; i < bp_.end_marker && i < n_ && seen < 4; ++i) {
      if (TrimLine(lines_[i]).empty()) continue;
      ++seen;
      Look(i, 1.5, true, false);
    }
  }

  // 4. A timestamp-like line higher up (when the headline was missed).
  void TimestampsAbove() {
    for (int i = body_ - 1; i >= 0 && i >= body_ - kHeaderReach; --i) {
      std::string_view t = TrimLine(lines_[i]);
      if (t.empty() || t.size() > 100) continue;
      Look(i, 1.0, true, false);
    }
  }

  // 4b. A stamp that says what it is ("Posted: Aug 08, 2024"): among the
  // body's first lines (a byline line under the standfirst that the body
  // took in), else anywhere above the body, long or far (a body that starts
  // far below its headline block).
  void LabelledStamp() {
    int seen = 0;
    for (int i = body_; i < n_ && i < bp_.end_marker && seen < kStampReachInBody; ++i) {
      if (TrimLine(lines_[i]).empty()) continue;
      ++seen;
      if (TakeLabelledStamp(i)) return;
    }
    for (int i = body_ - 1; i >= 0; --i) {
      if (TakeLabelledStamp(i)) return;
    }
  }

  bool TakeLabelledStamp(int i) {
    std::string_view t = TrimLine(lines_[i]);
    if (t.empty() || t.size() > 160) return false;
    std::string key = LineKey(t);
    bool says = false;
    for (const char* p : {"published", "posted", "veröffentlicht", "publicado", "publié",
                          "publicerad", "publisert", "diterbitkan", "pubblicato"}) {
      size_t at = key.find(p);
      if (at != std::string::npos && (at == 0 || key[at - 1] == ' ')) says = true;
    }
    if (!says) return false;
    if (auto m = FirstDatedWithYear(t)) {
      out_.date = m->date;
      out_.evidence = std::string(Utf8Prefix(t, 200));
      return true;
    }
    return false;
  }

  // An all-numeric date the page's language reads one way ("06/01/2026":
  // June 1 in English) is read the other way when the page writes that other
  // date out with a month name ("6 January, 2026") and never the first.
  void SettleOrder() {
    std::vector<DateMatch> as_read = FindDates(out_.evidence, order_);
    DateOrder other =
        order_ == DateOrder::kMonthFirst ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
    std::vector<DateMatch> swapped = FindDates(out_.evidence, other);
    std::optional<Date> alternative;
    for (size_t k = 0; k < as_read.size() && k < swapped.size(); ++k) {
      if (as_read[k].date == *out_.date && as_read[k].begin == swapped[k].begin &&
          !(swapped[k].date == *out_.date)) {
        alternative = swapped[k].date;
        break;
      }
    }
    if (!alternative) return;
    int for_read = 0, for_other = 0;
    for (int i = 0; i < n_; ++i) {
      std::string_view t = TrimLine(lines_[i]);
      if (t.size() < 8) continue;
      std::vector<DateMatch> a = FindDates(t, order_);
      if (a.empty()) continue;
      std::vector<DateMatch> b = FindDates(t, other);
      for (size_t k = 0; k < a.size() && k < b.size(); ++k) {
        if (!(a[k].date == b[k].date)) continue;  // itself ambiguous
        if (a[k].date == *out_.date) ++for_read;
        if (a[k].date == *alternative) ++for_other;
      }
    }
    if (for_other > 0 && for_read == 0) out_.date = alternative;
  }

  // 5. A dateline without a year takes it from a nearby dated line above the
  // end of the article (the page timestamp); otherwise the year is unknown.
  void YearFromPage() {
    if (!yearless_) return;
    int limit = std::min(bp_.end_marker, n_);
    for (int i = std::max(0, body_ - kHeaderReach); i < limit; ++i) {
      std::string_view t = TrimLine(lines_[i]);
      if (auto m = FirstDatedWithYear(t)) {
        Date d = yearless_->date;
        d.year = m->date.year;
        // "Dec. 30" in a page dated January 2 belongs to the year before.
        if (d.month == 12 && m->date.month == 1) --d.year;
        out_.date = d;
        out_.evidence = std::string(Utf8Prefix(yearless_line_, 200));
        return;
      }
    }
  }

  // Weighs the first dated match of line i; zone: how much a date found
  // there is trusted.
  void Look(int i, double zone, bool short_only, bool dateline) {
    std::string_view t = TrimLine(lines_[i]);
    if (t.empty()) return;
    std::string_view part = t;
    if (t.size() > 160) {
      if (short_only) return;
      // A long line is a paragraph or a caption: trust its dateline, and
      // the rest only a little (captions often date the photo, which is
      // usually the day of the story).
      if (dateline) {
        part = t.substr(0, 80);
      } else {
        zone -= 1.5;
      }
    }
    // A date inside one of the story's sentences ("reported on the radio on
    // 14.04.2026") dates an event; a stamp line above the headline dates the
    // page.
    const bool in_sentence = dateline && t.size() <= 160;
    for (const DateMatch& m : FindDates(part, order_)) {
      if (!m.has_year) {
        if (dateline && !yearless_) {
          yearless_ = m;
          yearless_line_ = t;
        }
        continue;
      }
      if (in_sentence && !IsDateStamp(std::string(t), ComputeLineFeatures(t, nullptr))) {
        zone -= kSentenceDateCost;
      }
      double score = zone + TimestampLikeness(t, m);
      if (score > best_) {
        best_ = score;
        out_.date = m.date;
        out_.evidence = std::string(Utf8Prefix(t, 200));
      }
      break;
    }
  }

  const std::vector<std::string_view>& lines_;
  const BoilerplateResult& bp_;
  const int title_line_;
  // Most languages but American English write the day first.
  const DateOrder order_;
  const int n_;
  const int body_;
  DateChoice out_;
  double best_ = -1e9;
  std::optional<DateMatch> yearless_;
  std::string_view yearless_line_;
};

std::optional<SourceMatch> FindSource(const std::vector<std::string_view>& lines,
                                      const BoilerplateResult& bp, int title_line,
                                      const SourceAliases* aliases) {
  const int n = static_cast<int>(lines.size());
  if (bp.first_kept >= 0) {
    int opened = 0;
    for (int i = bp.first_kept; i < n && opened < 3; ++i) {
      if (!bp.keep[i]) continue;
      ++opened;
      if (auto m = SourceFromDateline(lines[i], aliases)) return m;
    }
    // The credit line closing the article, kept or not.
    int seen = 0;
    for (int i = bp.last_kept; i < n && i < bp.end_marker && seen < 5; ++i) {
      std::string_view t = TrimLine(lines[i]);
      if (t.empty()) continue;
      ++seen;
      if (auto m = SourceFromCredit(t, aliases)) return m;
    }
    int from = title_line >= 0 && title_line < bp.first_kept ? title_line + 1 : bp.first_kept;
    for (int i = from; i < bp.first_kept; ++i) {
      if (auto m = SourceFromByline(lines[i], aliases)) return m;
    }
  }
  // An outlet naming its own reporter ("VOA's Jane Roe reports") names the
  // publisher, not an agency: FindPageCredits reads it.
  return std::nullopt;
}

Article ExtractPlain(const std::vector<std::string_view>& lines) {
  Article a;
  for (size_t i = 0; i < lines.size(); ++i) {
    int line_no = static_cast<int>(i) + 1;
    std::string_view t = TrimLine(lines[i]);
    if (t.empty()) {
      a.lines.push_back({line_no, false, "blank"});
    } else if (a.title.empty()) {
      a.title = std::string(t);
      a.lines.push_back({line_no, true, "title: first line (plain text)"});
    } else {
      a.paragraphs.emplace_back(t);
      a.lines.push_back({line_no, true, "plain text: every line kept"});
    }
  }
  return a;
}

struct PageLanguages {
  std::string detected;
  // The language whose stop words tell prose from menus: the detected one,
  // or none when its stop words are too rare for the text to be in it.
  std::string prose;
};

// The page's language is the language of its longer lines: menus are often
// in English on pages that are not.
PageLanguages PageLanguage(const std::vector<std::string_view>& lines, const PageLines& page,
                           std::string_view text) {
  // The sample: the long lines, joined by '\n'. When it is read whole, its
  // words are those of the lines' keys, and the text need not be read again.
  std::vector<std::string_view> sample_lines, sample_keys;
  size_t sample_size = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].size() < kLanguageLineBytes) continue;
    sample_lines.push_back(lines[i]);
    sample_keys.push_back(page.keys[i]);
    sample_size += lines[i].size() + 1;
    if (sample_size > kLanguageSampleBytes) break;
  }
  const bool by_keys = !sample_lines.empty() && sample_size <= kDetectLanguageBytes &&
                       sample_size <= kStopWordShareBytes;
  std::string sample;
  if (!by_keys) {
    for (std::string_view line : sample_lines) {
      sample.append(line);
      sample.push_back('\n');
    }
  }
  std::string_view read = sample.empty() ? text : std::string_view(sample);
  PageLanguages out;
  out.detected = by_keys ? DetectLanguageOfLines(sample_lines, sample_keys) : DetectLanguage(read);
  out.prose = out.detected;
  // A page in a language without a stop-word list (Turkish, Czech,
  // Vietnamese, ...) is read as the closest language that has one, from a
  // few chance matches; weighing its prose by that list's stop words would
  // drop every paragraph as "few stop words". English is exempt: its list
  // is the long frequent-word one, and an English page scoring low is a
  // table of results or figures, whose lines must not pass for prose.
  if (HasStopWords(out.detected) && out.detected != "en") {
    double share = 0;
    if (by_keys) {  // StopWordShare(sample, language), from the keys
      const StopWordTest is_stop(out.detected);
      long words = 0, stop_words = 0;
      for (std::string_view key : sample_keys) {
        const StopWordCount count = CountStopWordsInKey(key, is_stop);
        words += count.words;
        stop_words += count.stop_words;
      }
      share = words > 0 ? static_cast<double>(stop_words) / static_cast<double>(words) : 0;
    } else {
      share = StopWordShare(read, out.detected);
    }
    if (share < kMinStopWordShare) out.prose.clear();
  }
  // An English page as a whole (menus, footer) whose sentences are in a
  // language without a list (Zulu): most of its long lines of words, not
  // figures, have next to no English stop word. A table of results has
  // figures in its lines and is left alone.
  if (out.detected == "en") {
    const StopWordTest english("en");
    int sentences = 0, foreign = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].size() < kLanguageLineBytes) continue;
      const LineFeatures& f = page.features[i];
      if (f.words < 12 || f.digits * 20 > f.chars) continue;
      ++sentences;
      // StopWordShare(line, "en"), from the words of the line's key; a line
      // longer than StopWordShare reads is read as it reads it.
      double share = 0;
      if (lines[i].size() > kStopWordShareBytes) {
        share = StopWordShare(lines[i], "en");
      } else {
        const StopWordCount count = CountStopWordsInKey(page.keys[i], english);
        share = count.words > 0
                    ? static_cast<double>(count.stop_words) / static_cast<double>(count.words)
                    : 0;
      }
      if (share < kForeignLineStopShare) ++foreign;
    }
    if (sentences >= 5 && foreign * 100 >= sentences * kForeignLinesPct) out.prose.clear();
  }
  return out;
}

std::string BodyLanguage(const std::vector<std::string>& paragraphs) {
  std::string sample;
  for (const std::string& p : paragraphs) {
    sample.append(p);
    sample.push_back('\n');
    if (sample.size() > kLanguageSampleBytes) break;
  }
  return DetectLanguage(sample);
}

BoilerplateResult FindBody(const std::vector<std::string_view>& lines, const PageLines& page,
                           const std::string& language, const ExtractContext& context) {
  BoilerplateInput input;
  input.lines = lines;
  input.language = language;
  input.line_features = &page.features;
  input.line_keys = &page.keys;
  if (context.line_stats != nullptr) {
    input.total_files = context.line_stats->total_files();
    input.files_with_line.reserve(lines.size());
    for (const std::string& key : page.keys) {
      input.files_with_line.push_back(context.line_stats->CountKey(LineStats::KeyOfLineKey(key)));
    }
  }
  return RemoveBoilerplate(input);
}

// The headline's text: its line, and the rest of it when a page prints a
// kicker and ": the rest" as two spans, the second on the next line.
std::string TitleText(const std::vector<std::string_view>& lines, int line) {
  std::string text(TrimLine(lines[static_cast<size_t>(line)]));
  for (size_t j = static_cast<size_t>(line) + 1;
       j < lines.size() && j <= static_cast<size_t>(line) + 2; ++j) {
    std::string_view rest = TrimLine(lines[j]);
    if (rest.empty()) continue;
    if (rest.size() > 2 && rest.size() < 200 && rest[0] == ':') text += rest;
    break;
  }
  return text;
}

// Clean text that starts right with the body (an abstract, a wire story):
// its first line is the title, and stays in the body too. True when the
// title was taken so.
bool TitleFromFirstLine(const std::vector<std::string_view>& lines, const BoilerplateResult& bp,
                        TitleChoice* title) {
  if (title->line >= 0 || bp.first_kept < 0) return false;
  int first = 0;
  while (first < bp.first_kept && TrimLine(lines[first]).empty()) ++first;
  LineFeatures f = ComputeLineFeatures(TrimLine(lines[first]), nullptr);
  if (first != bp.first_kept || f.words <= 0 || f.words > 30) return false;
  title->line = first;
  return true;
}

// Story paragraphs: a lead printed above the headline as a summary stays
// in the body.
constexpr int kStoryParagraphWords = 25;

// The body without its headline: the first kept line when it turned out to
// be the title, copies of the headline that galleries and share boxes print
// inside the article, and lines printed above the headline and again inside
// the story (share rows, ad labels, section names, a series label): the
// page's furniture, not the story's.
void RemoveTitleFromBody(const std::vector<std::string_view>& lines, const PageLines& page,
                         const TitleChoice& title, bool title_in_body, BoilerplateResult* bp) {
  if (title.line < 0) return;
  if (title.from_body) {
    bp->keep[title.line] = false;
    if (!bp->paragraphs.empty()) bp->paragraphs.erase(bp->paragraphs.begin());
    bp->first_kept = -1;
    for (int i = title.line + 1; i < static_cast<int>(lines.size()); ++i) {
      if (bp->keep[i]) {
        bp->first_kept = i;
        break;
      }
    }
  }
  std::unordered_set<std::string_view> above;
  for (int i = 0; i < title.line; ++i) {
    std::string_view t = TrimLine(lines[static_cast<size_t>(i)]);
    if (!t.empty()) above.insert(t);
  }
  for (size_t i = static_cast<size_t>(title.line) + 1; i < lines.size(); ++i) {
    if (!bp->keep[i]) continue;
    std::string_view t = TrimLine(lines[i]);
    if (above.count(t) == 0) continue;
    LineFeatures f = ComputeLineFeatures(t, nullptr);
    if (f.words >= kStoryParagraphWords && f.ends_sentence) continue;
    bp->keep[i] = false;
    bp->reason[i] = "printed above the headline too (page furniture)";
    auto it = std::find(bp->paragraphs.begin(), bp->paragraphs.end(), t);
    if (it != bp->paragraphs.end()) bp->paragraphs.erase(it);
  }
  if (title_in_body) return;
  const std::string& title_key = page.keys[title.line];
  for (size_t i = 0; i < lines.size(); ++i) {
    if (bp->keep[i] && static_cast<int>(i) != title.line && page.keys[i] == title_key) {
      bp->keep[i] = false;
      bp->reason[i] = "the headline again";
      std::string_view t = TrimLine(lines[i]);
      auto it = std::find(bp->paragraphs.begin(), bp->paragraphs.end(), t);
      if (it != bp->paragraphs.end()) bp->paragraphs.erase(it);
    }
  }
}

// Every line's decision and reason, for --explain.
std::vector<LineDecision> Decisions(const BoilerplateResult& bp, const TitleChoice& title,
                                    bool title_in_body) {
  std::vector<LineDecision> out;
  out.reserve(bp.keep.size());
  for (size_t i = 0; i < bp.keep.size(); ++i) {
    LineDecision d;
    d.line_no = static_cast<int>(i) + 1;
    d.keep = bp.keep[i];
    d.reason = bp.reason[i];
    if (static_cast<int>(i) == title.line) {
      d.keep = true;
      d.reason = title_in_body
                     ? "title: first line of text that starts with the body (kept in the body too)"
                 : title.over_standfirst
                     ? "title: headline-sized line right above a longer standfirst that scored "
                       "about as well"
                     : "title: headline-sized line sharing the most words with the body";
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

Article Extract(std::string_view text, const ExtractContext& context) {
  std::vector<std::string_view> lines = SplitLines(text);
  if (context.plain) {
    Article a = ExtractPlain(lines);
    a.language = DetectLanguage(a.Body().empty() ? a.title : a.Body());
    return a;
  }
  const PageLines page = ReadLines(lines);
  PageLanguages languages = PageLanguage(lines, page, text);
  const std::string& page_language = languages.detected;
  BoilerplateResult bp = FindBody(lines, page, languages.prose, context);

  Article a;
  TitleChoice title = FindTitle(lines, page, bp, languages.prose);
  bool title_in_body = TitleFromFirstLine(lines, bp, &title);
  if (title.line >= 0) a.title = TitleText(lines, title.line);
  RemoveTitleFromBody(lines, page, title, title_in_body, &bp);
  a.paragraphs = bp.paragraphs;

  DateChoice date = DateFinder(lines, bp, title.line, page_language).Find();
  a.date = date.date;
  a.date_evidence = date.evidence;
  if (auto agency = FindSource(lines, bp, title.line, context.source_aliases)) {
    a.agency = agency->name;
    a.agency_evidence = agency->evidence;
  }
  PageCredits credits = FindPageCredits(lines, a.agency.value_or(""), context.source_aliases);
  if (!a.agency && credits.agency_notice) {
    a.agency = credits.agency_notice->name;
    a.agency_evidence = credits.agency_notice->evidence;
  }
  if (credits.publisher) {
    a.publisher = credits.publisher->name;
    a.publisher_evidence = credits.publisher->evidence;
  }
  std::string body_language = BodyLanguage(a.paragraphs);
  a.language = body_language.empty() ? page_language : body_language;
  a.lines = Decisions(bp, title, title_in_body);
  return a;
}

}  // namespace lede

// The classifier follows jusText (Pomikálek 2011): a context-free class per
// paragraph from its length and stop-word density, then context-sensitive
// smoothing, because short lines between body paragraphs are body
// (sub-headings) and short lines amid menus are menus. jusText keeps good
// paragraphs anywhere on the page; news pages put comment threads and teaser
// blurbs that read like prose after the article, so here the kept paragraphs
// must also form one stretch, which end-of-article signals cut.
#include "common/extract/boilerplate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "common/extract/date_parse.h"
#include "common/extract/language.h"
#include "common/extract/line_features.h"

namespace lede {
namespace {

enum class Class { kGood, kNearGood, kShort, kBad };

struct Unit {
  int first = 0;  // line indexes, inclusive
  int last = 0;
  std::string text;
  std::string key;
  LineFeatures f;
  Class initial = Class::kBad;
  Class cls = Class::kBad;
  std::string reason;
  bool hard_bad = false;  // never body, whatever the neighbours say
  bool end_signal = false;
  bool notice = false;  // legal or account notice: a story may go on after it
  bool image_text = false;  // alt text or caption of an image
  bool credit = false;      // a short photo credit line
  bool teaser_label = false;  // "More:", "Related:" on a line of its own
  bool date_only = false;
  int list_head = -1;  // unit that announces the list this unit is an item of
};

// Phrases that open the page furniture following an article. Matched against
// the start of a short line's key, so "Comments (12)" and "Related Stories"
// count too.
constexpr std::array<const char*, 104> kEndSignals = {
    "you may like", "you might also like", "you may also like",
    "you might like", "most popular", "most read", "most viewed",
    "most shared", "comments", "comment", "leave your comment",
    "leave a comment", "leave a reply", "post a comment", "add a comment",
    "add comment", "join the conversation", "check also", "featured videos",
    "featured", "we recommend", "recommended", "related", "more stories",
    "more from", "more on this", "more news", "more in", "read next",
    "read more", "latest news", "latest stories", "latest", "trending",
    "popular", "share this", "about the author", "sponsored",
    "top stories", "editor's picks", "editors picks", "editor s picks",
    "don't miss", "don t miss", "also on", "further reading", "see also",
    "around the web", "from the web", "promoted stories", "elsewhere on",
    "other news", "next article", "previous article", "recent posts",
    // de, pt, es, fr, it, id, ru, ja
    "weitere artikel", "das könnte sie auch interessieren", "mehr zum thema",
    "kommentare", "leia também", "veja também", "mais lidas", "comentários",
    "noticias relacionadas", "comentarios", "lire aussi", "commentaires",
    "articoli correlati", "commenti", "artikel terkait", "berita terkait",
    "читайте также", "комментарии", "artigos relacionados",
    "posts relacionados", "deixe uma resposta", "deixe um comentário",
    "comentário", "deja una respuesta", "artículos relacionados",
    "entradas relacionadas", "ähnliche artikel", "verwandte artikel",
    "schreibe einen kommentar", "hinterlasse einen kommentar",
    "laisser un commentaire", "articles similaires", "articles connexes",
    "lascia un commento", "articoli simili", "tinggalkan balasan",
    "tinggalkan komentar", "artikel lainnya", "вам также может быть интересно",
    "добавить комментарий", "оставить комментарий", "оставьте комментарий",
    "похожие статьи", "похожие записи", "комментарий", "関連記事", "コメント",
    "you might also be interested", "you may also be interested"};

// Short lines that are page furniture wherever they appear, even between two
// body paragraphs.
constexpr std::array<const char*, 40> kFurniture = {
    "advertisement", "advertising", "ad", "sponsored content", "share",
    "tweet", "email", "print", "share this article", "share on facebook",
    "share on twitter", "facebook", "twitter", "linkedin", "whatsapp",
    "pinterest", "reddit", "copy link", "close", "caption", "back to gallery",
    "continue reading", "read more", "click here", "subscribe", "sign in",
    "log in", "sign up", "menu", "search", "home", "next", "previous",
    "loading", "skip to content", "story continues below advertisement",
    "story continues below", "scroll to continue", "enlarge this image",
    "toggle caption"};

// Prefixes of inline teasers and credits inside the body.
// Substrings of legal and account furniture (footers, cookie banners). The
// strong ones are never said in a story; the weak ones only mark short lines.
constexpr std::array<const char*, 7> kStrongFurnitureText = {
    "all rights reserved", "copyright", "trademarks of",
    "on this website", "of this website", "earn a commission", "activation link"};
constexpr std::array<const char*, 16> kWeakFurnitureText = {
    "privacy policy", "terms of use", "terms of service", "cookie",    "javascript", "your browser",
    "newsletter",     "subscribe to", "sign up for",      "log in to", "sign in to", "subscription",
    "email address",  "unsubscribe",  "on this site",     "follow us"};

constexpr std::array<const char*, 18> kInlineTeasers = {
    "related", "read more", "read also", "also read", "see also", "more",
    "photo", "image", "video", "watch", "listen", "baca juga", "lihat juga",
    "leia também", "lesen sie auch", "lire aussi", "getty images",
    "file photo"};

// Looks up every word-boundary prefix of key (up to max_words words) in
// phrases: a handful of hash lookups instead of a scan of the list.
bool HasPhrasePrefix(const std::string& key, const std::unordered_set<std::string_view>& phrases,
                     int max_words) {
  size_t cut = 0;
  for (int words = 0; words < max_words && cut < key.size(); ++words) {
    size_t space = key.find(' ', cut + (words > 0 ? 1 : 0));
    cut = space == std::string::npos ? key.size() : space;
    if (phrases.count(std::string_view(key.data(), cut))) return true;
    // "comments12": a count glued to the phrase.
    size_t digits = cut;
    while (digits > 0 && key[digits - 1] >= '0' && key[digits - 1] <= '9') --digits;
    if (digits < cut && digits > 0 && phrases.count(std::string_view(key.data(), digits))) {
      return true;
    }
  }
  return false;
}

template <size_t N>
std::unordered_set<std::string_view> PhraseSet(const std::array<const char*, N>& list) {
  std::unordered_set<std::string_view> out;
  for (const char* p : list) out.insert(p);
  return out;
}

int WordCount(const std::string& key) {
  if (key.empty()) return 0;
  return static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1;
}

bool IsEndSignalKey(const std::string& key) {
  if (key.empty() || key.size() > 80 || WordCount(key) > 6) return false;
  static const std::unordered_set<std::string_view> kSet = PhraseSet(kEndSignals);
  return HasPhrasePrefix(key, kSet, 6);
}

bool IsFurnitureKey(const std::string& key) {
  static const std::unordered_set<std::string_view> kSet = PhraseSet(kFurniture);
  return kSet.count(key) > 0;
}

bool HasFurnitureText(const Unit& u) {
  if (u.f.words > 60) return false;
  if (u.text.find("\xC2\xA9") != std::string::npos) return true;  // ©
  for (const char* p : kStrongFurnitureText) {
    if (u.key.find(p) != std::string::npos) return true;
  }
  if (u.f.words > 25) return false;
  for (const char* p : kWeakFurnitureText) {
    if (u.key.find(p) != std::string::npos) return true;
  }
  return false;
}

// Photo captions and credits: agencies write them in set phrases.
// "... (Image: GETTY)", "... Credit: ESA": a caption ends with its credit.
bool EndsWithCredit(const std::string& text) {
  // "(Image: GETTY)" closes the line, or "Credit: ESA" sits in its last
  // few words; a "(pictured)" earlier on is part of the sentence.
  size_t open = text.rfind('(');
  bool in_parens = open != std::string::npos && !text.empty() && text.back() == ')';
  size_t from = in_parens ? open + 1 : (text.size() > 40 ? text.size() - 40 : 0);
  std::string tail = text.substr(from);
  for (char& c : tail) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const char* p : {"image:", "photo:", "picture:", "credit:", "pic:", "photograph:"}) {
    size_t at = tail.find(p);
    if (at != std::string::npos && (!in_parens || at == 0)) return true;
  }
  return false;
}

// "Tags: ads, meth", "Filed under: Music", "Wordcount: 717": the page's
// index entries and counters under a story, a label and a list of values.
bool IsTaxonomyLine(const std::string& text, const std::string& key, int words) {
  if (words > 25) return false;
  size_t colon = text.find(':');
  std::string head =
      colon == std::string::npos || colon > 20 ? std::string() : LineKey(text.substr(0, colon));
  for (const char* p :
       {"tags", "tagged", "tagged with", "topics", "keywords", "categories", "category",
        "filed under", "posted in", "wordcount", "word count", "in this article", "schlagwörter",
        "kategorien", "etiquetas", "categorias", "marcadores"}) {
    if (head == p) return true;
  }
  return words <= 12 && (key.rfind("filed under ", 0) == 0 || key.rfind("posted in ", 0) == 0);
}

// "Home » News » World", "BLOG > Nutrition > Meal Plans": a breadcrumb
// trail, a few short items joined by arrows.
bool IsBreadcrumbTrail(std::string_view t, int words) {
  if (words > 10) return false;
  int arrows = 0;
  for (std::string_view sep : {" \xC2\xBB", " > ", " \xE2\x80\xBA", " / "}) {
    for (size_t at = t.find(sep); at != std::string_view::npos; at = t.find(sep, at + 1)) {
      ++arrows;
    }
  }
  return arrows > 0 && words <= 3 * (arrows + 1);
}

// "SEE MORE: ...", "Read more: ...", "Related: ...": a link to another story.
bool IsTeaserLink(const std::string& text, const std::string& key) {
  size_t colon = text.find(':');
  if (colon == std::string::npos || colon > 20) return false;
  std::string head = LineKey(std::string_view(text).substr(0, colon));
  for (const char* p : {"see more", "read more", "read also", "also read", "related",
                        "watch", "listen", "more", "see also", "don't miss", "dont miss",
                        "recommended", "baca juga", "leia também", "lesen sie auch",
                        "lire aussi", "читайте также"}) {
    if (head == p) return !key.empty();
  }
  return false;
}

bool IsCaption(const std::string& key, int words) {
  for (const char* p : {"in this photo", "in this image", "in this file photo",
                        "in this undated photo", "in this handout photo",
                        "file photo"}) {
    if (key.rfind(p, 0) == 0) return true;
  }
  // "Photo: Hau Dinh, AP"; a paragraph may start with "Photos show", though.
  if (words <= 20) {
    for (const char* p : {"file ", "photo ", "photos ", "image ", "pictured "}) {
      if (key.rfind(p, 0) == 0) return true;
    }
  }
  for (std::string_view p : {"ap photo", "photo by", "photo credit", "getty images",
                             "image copyright", "file photo"}) {
    if (HasWordPhrase(key, p)) return true;
  }
  return false;
}

// Words that go with a time stamp ("Published Monday, ... 8:22AM EST").
bool IsStampWord(std::string_view w) {
  static constexpr std::array<const char*, 37> kStampWords = {
      "published", "updated",  "posted", "last",     "at",     "on",  "am",     "pm",
      "a",         "m",        "p",      "est",      "edt",    "cst", "cdt",    "pst",
      "pdt",       "gmt",      "utc",    "et",       "pt",     "ct",  "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "by",  "mon",    "tue",
      "wed",       "thu",      "fri",    "sat",      "sun"};
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return true;
  for (const char* s : kStampWords) {
    if (w == s) return true;
  }
  return w.size() >= 4 && (w.substr(w.size() - 2) == "am" || w.substr(w.size() - 2) == "pm") &&
         w[0] >= '0' && w[0] <= '9';
}

// "By Laura Mowat", "By Matthew Digby, Minh Do on Monday, November 18th,
// 2019 at 11:08 a.m.": "By" and names (words in capitals), perhaps a date.
// "By Monday, the council had agreed ..." is a sentence.
bool IsByline(const std::string& text, const LineFeatures& f) {
  if (f.words < 2 || f.words > 20 || text.size() < 4) return false;
  if (!((text[0] == 'B' || text[0] == 'b') && text[1] == 'y' && text[2] == ' ')) return false;
  std::string rest = text.substr(3);
  std::vector<DateMatch> dates = FindDates(rest);
  for (auto it = dates.rbegin(); it != dates.rend(); ++it)
    rest.erase(it->begin, it->end - it->begin);
  int names = 0, others = 0;
  size_t pos = 0;
  // Capitals are read from the original words, so walk them by hand.
  while (pos < rest.size()) {
    while (pos < rest.size() && !std::isalpha(static_cast<unsigned char>(rest[pos])) &&
           static_cast<unsigned char>(rest[pos]) < 0x80) {
      ++pos;
    }
    if (pos >= rest.size()) break;
    size_t end = pos;
    while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) ||
                                 static_cast<unsigned char>(rest[end]) >= 0x80 ||
                                 rest[end] == '\'' || rest[end] == '.' || rest[end] == '-')) {
      ++end;
    }
    std::string_view word(rest.data() + pos, end - pos);
    pos = end;
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!lower.empty() && lower.back() == '.') lower.pop_back();
    if (IsStampWord(lower) || lower == "and" || lower == "in" || lower == "for" || lower == "the" ||
        lower == "of") {
      continue;
    }
    if (std::isupper(static_cast<unsigned char>(word[0])) ||
        static_cast<unsigned char>(word[0]) >= 0x80) {
      ++names;
    } else {
      ++others;
    }
  }
  return names >= 1 && others <= 1 && names <= 8;
}

bool IsInlineTeaser(const std::string& key) {
  static const std::unordered_set<std::string_view> kSet = PhraseSet(kInlineTeasers);
  return HasPhrasePrefix(key, kSet, 3);
}

// An image caption w3m runs together with its alt text: the line is some
// text followed by itself again (or by the start of itself).
bool IsSelfRepeat(std::string_view t) {
  constexpr size_t kProbe = 24;
  if (t.size() < 2 * kProbe) return false;
  std::string_view probe = t.substr(0, kProbe);
  size_t at = t.find(probe, 1);
  while (at != std::string_view::npos) {
    if (at >= t.size() / 3 && t.compare(at, std::string_view::npos, t, 0,
                                        t.size() - at) == 0) {
      return true;
    }
    at = t.find(probe, at + 1);
  }
  return false;
}

bool LooksLikeLink(std::string_view t, const LineFeatures& f) {
  if (t.size() >= 2 && t.front() == '[' && t.back() == ']') return true;
  bool url = t.find("http://") != std::string_view::npos ||
             t.find("https://") != std::string_view::npos ||
             t.find("www.") != std::string_view::npos;
  return url && f.words < 12;
}

// Hard-wrapped text (fixed-width files, abstracts) has no line longer than a
// terminal and many lines that stop mid-sentence; its paragraphs are blocks
// of lines. Web dumps here put one paragraph on one line.
bool IsHardWrapped(const std::vector<std::string_view>& lines,
                   const std::vector<LineFeatures>& f) {
  int text_lines = 0, wide = 0, pairs = 0, continued = 0, broken = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (f[i].chars < 15) continue;
    ++text_lines;
    if (f[i].chars > 100) ++wide;
    if (i + 1 < lines.size() && f[i + 1].chars >= 15) {
      ++pairs;
      // The sentence runs on into the next line, which starts in lower case.
      std::string_view next = TrimLine(lines[i + 1]);
      if (!f[i].ends_sentence && next[0] >= 'a' && next[0] <= 'z') {
        ++continued;
      } else if (!f[i].ends_sentence && !(next[0] >= 'a' && next[0] <= 'z')) {
        ++broken;
      }
    }
  }
  // A title or two may be longer than the wrap width; a web dump has a
  // paragraph per line, so several lines are.
  if (text_lines < 3 || wide > 2 || (wide > 1 && wide * 10 > text_lines)) return false;
  // A short text may have more sentence ends than wraps; then no line may
  // stop mid-sentence before a line that starts anew (as menus do).
  return pairs >= 2 && (continued * 2 >= pairs || (continued >= 1 && broken == 0));
}

const char* ClassName(Class c) {
  switch (c) {
    case Class::kGood:
      return "prose";
    case Class::kNearGood:
      return "near-prose";
    case Class::kShort:
      return "short";
    case Class::kBad:
      return "not prose";
  }
  return "";
}

// The context-free class of a unit, from its shape alone.
Class Classify(const Unit& u, bool has_stop_words, std::string* why) {
  const LineFeatures& f = u.f;
  bool cjk_text = f.cjk * 3 > f.chars;
  if (cjk_text) {
    if (f.cjk >= 40 && f.ends_sentence) {
      *why = "long CJK sentence";
      return Class::kGood;
    }
    if (f.cjk >= 25) {
      *why = "CJK text";
      return Class::kNearGood;
    }
    *why = "short CJK line";
    return Class::kShort;
  }
  if (f.words < 7 || f.chars < 40) {
    *why = "short line";
    return Class::kShort;
  }
  double density = f.words > 0 ? static_cast<double>(f.stop_words) / f.words : 0;
  // Title Case Runs Of Links are menus and teaser headlines, not prose; text
  // in capitals throughout (old wire copy) is exempt since it has no case.
  bool title_case = f.has_lower && f.alpha_words >= 5 &&
                    f.capitalised * 10 >= f.alpha_words * 7;
  if (title_case) {
    *why = "mostly capitalised words";
    return f.words >= 25 ? Class::kNearGood : Class::kBad;
  }
  if (f.digits * 3 > f.chars) {
    *why = "mostly digits";
    return Class::kBad;
  }
  if (has_stop_words && density < 0.12) {
    *why = "few stop words";
    return f.words >= 40 ? Class::kNearGood : Class::kBad;
  }
  // Teaser headlines run together into one line read like prose but have
  // hardly any sentence breaks.
  if (f.chars >= 400 && (f.sentence_marks + 1) * 350 < f.chars) {
    *why = "long run-on line (joined headlines?)";
    return Class::kNearGood;
  }
  bool enough_stop = !has_stop_words || density >= 0.2;
  if (f.words >= 14 && enough_stop && (f.ends_sentence || f.words >= 30)) {
    *why = "sentence-like prose";
    return Class::kGood;
  }
  if (f.words >= 10 && (enough_stop || density >= 0.15)) {
    *why = f.ends_sentence ? "short sentence" : "prose-like, no full stop";
    return Class::kNearGood;
  }
  *why = "short line";
  return Class::kShort;
}

}  // namespace

bool IsEndOfArticleSignal(std::string_view line) {
  return IsEndSignalKey(LineKey(line));
}

BoilerplateResult RemoveBoilerplate(const BoilerplateInput& input) {
  const auto& lines = input.lines;
  const int n = static_cast<int>(lines.size());
  BoilerplateResult out;
  out.keep.assign(lines.size(), false);
  out.reason.assign(lines.size(), "blank");
  out.end_marker = n;

  const std::string& lang = input.language;
  const bool has_stop_words = HasStopWords(lang);
  const int stop_bit = StopWordBit(lang);
  auto is_stop = [stop_bit](std::string_view w) {
    return stop_bit >= 0 && ((StopWordMask(w) >> stop_bit) & 1u) != 0;
  };

  std::vector<LineFeatures> feats(lines.size());
  std::vector<std::string> keys(lines.size());
  for (int i = 0; i < n; ++i) feats[i] = ComputeLineFeatures(lines[i], is_stop, &keys[i]);

  // Units: one per non-blank line, or one per block of lines when wrapped.
  std::vector<Unit> units;
  bool wrapped = IsHardWrapped(lines, feats);
  for (int i = 0; i < n; ++i) {
    std::string_view t = TrimLine(lines[i]);
    if (t.empty()) continue;
    if (wrapped && !units.empty() && units.back().last == i - 1) {
      units.back().last = i;
      units.back().text.push_back(' ');
      units.back().text.append(t);
      continue;
    }
    Unit u;
    u.first = u.last = i;
    u.text = std::string(t);
    units.push_back(std::move(u));
  }
  for (Unit& u : units) {
    if (u.first == u.last) {
      u.f = feats[u.first];
      u.key = std::move(keys[u.first]);
    } else {
      u.f = ComputeLineFeatures(u.text, is_stop, &u.key);
    }
  }

  uint32_t collection_min = std::max<uint32_t>(4, input.total_files / 50);
  for (int k = 0; k < static_cast<int>(units.size()); ++k) {
    Unit& u = units[k];
    u.initial = Classify(u, has_stop_words, &u.reason);
    auto bad = [&u](const std::string& why) {
      u.initial = Class::kBad;
      u.hard_bad = true;
      u.reason = why;
    };
    if (u.key.empty()) {
      bad("no words");
      continue;
    }
    if (u.f.alpha_words == 0 && u.f.cjk == 0) {
      bad("no letters (counter, score or number)");
      continue;
    }
    // Captions come in twos and threes, sometimes with a credit appended to
    // one copy: compare the start of the line. Teaser cards print their
    // label and headline twice (label, headline, image, label, headline): a
    // copy further away counts when its neighbour is repeated as well. A
    // line that recurs in a list ("Eat every 2-3 hours") does not.
    const int num_units = static_cast<int>(units.size());
    auto same_start = [&](int a_index, int b_index) {
      if (a_index < 0 || b_index < 0 || a_index >= num_units || b_index >= num_units) {
        return false;
      }
      const std::string& a = units[a_index].key;
      const std::string& b = units[b_index].key;
      size_t len = std::min({a.size(), b.size(), static_cast<size_t>(60)});
      return len >= 8 && a.compare(0, len, b, 0, len) == 0 && (len == a.size() || len >= 40);
    };
    bool near_copy = false;
    for (int d = -4; d <= 4 && !near_copy; ++d) {
      if (d == 0 || !same_start(k, k + d)) continue;
      auto exact = [&](int a_index, int b_index) {
        return a_index >= 0 && b_index >= 0 && a_index < num_units && b_index < num_units &&
               !units[a_index].key.empty() && units[a_index].key == units[b_index].key;
      };
      near_copy = std::abs(d) <= 2 || exact(k - 1, k + d - 1) || exact(k + 1, k + d + 1);
    }
    auto dates_only = [&u]() {
      // A line that is little more than a dated time stamp, e.g. a
      // comment's, or "Published: 10:48, Tue, Nov 19, 2019 | Updated: ...";
      // "June 9 -- Coral Sky Amphitheatre" in a list is not.
      if (u.f.words > 20 || u.f.chars > 120) return false;
      std::vector<DateMatch> dates = FindDates(u.text);
      bool dated = false;
      std::string rest;
      size_t from = 0;
      for (const DateMatch& m : dates) {
        if (!m.has_year && !m.has_time) continue;
        dated = true;
        rest.append(u.text, from, m.begin - from).push_back(' ');
        from = m.end;
      }
      if (!dated) return false;
      rest.append(u.text, from, std::string::npos);
      int other_words = 0;
      ForEachWord(rest, [&](std::string_view w) {
        if (!IsStampWord(w)) ++other_words;
      });
      return other_words <= 2;
    };
    if (IsEndSignalKey(u.key)) {
      u.end_signal = true;
      bad("end-of-article signal \"" + std::string(Utf8Prefix(u.text, 40)) + "\"");
    } else if (IsFurnitureKey(u.key)) {
      bad("page furniture");
    } else if (IsCaption(u.key, u.f.words) || (u.f.words <= 60 && EndsWithCredit(u.text))) {
      // Before notices: "Image copyright Getty Images" credits a photo.
      u.image_text = true;
      u.credit = u.f.words <= 10;
      bad("photo caption or credit");
    } else if (HasFurnitureText(u)) {
      u.notice = true;
      bad("legal or account notice");
    } else if (IsBreadcrumbTrail(u.text, u.f.words)) {
      bad("breadcrumb trail");
    } else if (IsTaxonomyLine(u.text, u.key, u.f.words)) {
      bad("tags, categories or counters");
    } else if (IsTeaserLink(u.text, u.key)) {
      u.teaser_label = u.text.back() == ':';
      bad(u.teaser_label ? "label over links to other stories" : "link to another story");
    } else if (LooksLikeLink(u.text, u.f)) {
      bad("link or image");
    } else if (IsSelfRepeat(u.text)) {
      bad("caption repeated in one line");
    } else if (near_copy && u.key.size() >= 8) {
      u.image_text = true;
      bad("repeated nearby (caption or teaser)");
    } else if (input.total_files >= 5 && u.first == u.last &&
               static_cast<size_t>(u.first) < input.files_with_line.size() &&
               input.files_with_line[u.first] >=
                   (u.f.words >= 30 ? collection_min * 2 : collection_min)) {
      bad("in " + std::to_string(input.files_with_line[u.first]) + " of " +
          std::to_string(input.total_files) + " files");
    } else if (dates_only()) {
      u.date_only = true;
      u.reason = "date or time stamp";
      u.initial = Class::kShort;
    } else if (IsByline(u.text, u.f)) {
      bad("byline");
    }
  }

  // On a page whose prose is in mixed case, a line of eight words or more in
  // capitals throughout is a link or a label ("CLICK HERE TO GET THE APP",
  // a teaser headline), even inside the story. Wire copy in capitals
  // throughout keeps its lines.
  int prose_units = 0, prose_lower = 0;
  for (const Unit& u : units) {
    if (u.initial != Class::kGood) continue;
    ++prose_units;
    if (u.f.has_lower) ++prose_lower;
  }
  if (prose_units >= 3 && prose_lower * 10 >= prose_units * 9) {
    for (Unit& u : units) {
      // Sub-headings in capitals are short ("WHO IS THE FRONT-RUNNER?");
      // scripts without case have no capitals at all.
      if (u.hard_bad || u.f.has_lower || u.f.alpha_words < 8 || u.f.capitalised < u.f.alpha_words ||
          u.text.back() == '?') {
        continue;
      }
      u.initial = Class::kBad;
      u.hard_bad = true;
      u.reason = "in capitals on a page in mixed case (link or label)";
    }
  }

  // w3m prints an image's alt text and its caption as one block: the line
  // right under a caption or a repeated line, with no blank line between,
  // is its caption even when it reads like prose and names no credit.
  for (int k = 1; k < static_cast<int>(units.size()); ++k) {
    Unit& u = units[k];
    const Unit& above = units[k - 1];
    if (u.hard_bad || !above.image_text || u.first != above.last + 1) continue;
    // A teaser prints its headline over and over; the story may go on right
    // under the last copy.
    if (k >= 2 && units[k - 2].key == above.key && units[k - 2].last + 1 == above.first) continue;
    u.initial = Class::kBad;
    u.hard_bad = true;
    u.image_text = true;
    u.reason = "caption: right under an image's alt text";
  }
  // Likewise a caption sits right above its credit ("Jane Doe | Getty
  // Images"); a full paragraph of prose does not.
  for (int k = 0; k + 1 < static_cast<int>(units.size()); ++k) {
    Unit& u = units[k];
    const Unit& below = units[k + 1];
    if (u.hard_bad || u.initial == Class::kGood || !below.credit || below.first != u.last + 1) {
      continue;
    }
    u.initial = Class::kBad;
    u.hard_bad = true;
    u.image_text = true;
    u.reason = "caption: right above a photo credit";
  }

  // Context-sensitive pass (jusText): near-good and short units take the
  // class of their neighbours; the page edges count as bad.
  const int m = static_cast<int>(units.size());
  for (Unit& u : units) u.cls = u.initial;
  auto neighbour = [&](int k, int step, bool skip_near) {
    for (int j = k + step; j >= 0 && j < m; j += step) {
      Class c = units[j].initial;
      if (c == Class::kShort) continue;
      if (skip_near && c == Class::kNearGood) continue;
      return c;
    }
    return Class::kBad;
  };
  for (int k = 0; k < m; ++k) {
    Unit& u = units[k];
    if (u.hard_bad || u.initial != Class::kNearGood) continue;
    Class prev = neighbour(k, -1, true), next = neighbour(k, +1, true);
    if (prev == Class::kGood || next == Class::kGood) {
      u.cls = Class::kGood;
      u.reason += ", next to prose";
    } else {
      u.cls = Class::kBad;
      u.reason += ", no prose nearby";
    }
  }
  for (int k = 0; k < m; ++k) {
    Unit& u = units[k];
    if (u.hard_bad || u.initial != Class::kShort) continue;
    Class prev = neighbour(k, -1, false), next = neighbour(k, +1, false);
    auto goodish = [](Class c) { return c == Class::kGood || c == Class::kNearGood; };
    // Only a run of one or two short lines can be a sub-heading.
    bool lone = (k == 0 || units[k - 1].initial != Class::kShort ||
                 k < 2 || units[k - 2].initial != Class::kShort) &&
                (k + 1 >= m || units[k + 1].initial != Class::kShort);
    if (goodish(prev) && goodish(next) && lone && !u.date_only &&
        !IsInlineTeaser(u.key) && units[k].f.words <= 20) {
      u.cls = Class::kGood;
      u.reason += " between prose paragraphs (sub-heading)";
    } else {
      u.cls = Class::kBad;
      if (u.date_only) continue;
      u.reason += goodish(prev) && goodish(next) ? " (teaser or run of short lines)"
                                                 : ", not between prose";
    }
  }

  // Lists and tables: a run of units with at most one blank line between
  // them and nothing the page never says in a story (furniture, captions,
  // links, end-of-article signals, time stamps). Returns one past the last.
  // Menus: three or more lines with no blank line between them, of a few
  // words (fewer than three) each on average.
  std::vector<bool> menu(units.size(), false);
  for (int k = 0; k < m;) {
    int end = k + 1;
    int words = units[k].f.words;
    while (end < m && units[end].first == units[end - 1].last + 1) words += units[end++].f.words;
    if (end - k >= 3 && words < 3 * (end - k)) {
      for (int j = k; j < end; ++j) menu[j] = true;
    }
    k = end;
  }
  auto list_run_end = [&](int from) {
    int j = from;
    while (j < m && !units[j].hard_bad && !units[j].date_only && !menu[j] &&
           (j == from || units[j].first - units[j - 1].last <= 2)) {
      ++j;
    }
    return j;
  };
  // A paragraph ending in a colon announces a list or table ("Standings
  // after 36 races:", "Here are the highlights:"): its items belong to the
  // story, however little they read like prose, and weigh in its favour.
  for (int k = 0; k + 1 < m; ++k) {
    const Unit& head = units[k];
    if (head.cls != Class::kGood || head.text.back() != ':') continue;
    if (units[k + 1].first - head.last > 2) continue;
    int end = list_run_end(k + 1);
    if (end - (k + 1) < 2) continue;
    for (int j = k + 1; j < end; ++j) {
      Unit& item = units[j];
      if (item.cls == Class::kGood) continue;
      item.cls = Class::kGood;
      item.list_head = k;
      item.reason = "item of the list announced by line " + std::to_string(head.last + 1) + " (" +
                    item.reason + ")";
    }
    k = end - 1;
  }

  // One stretch: clusters of good units separated by at most a few bad lines
  // and by no end-of-article signal or time stamp; the largest wins.
  struct Cluster {
    int begin, end;  // unit indexes, inclusive
    long weight;
  };
  std::vector<Cluster> clusters;
  int gap_lines = 0;
  bool cut = true;
  constexpr int kMaxGap = 4;
  constexpr int kMaxJoinGap = 12;
  // Weight of a stretch of prose that can be an article (a few sentences).
  constexpr long kSubstantial = 400;
  // Share of a later stretch's content words the story must already have.
  constexpr int kStoryOverlapPct = 15;
  constexpr int kShortTail = 4;
  constexpr int kLongPage = 150;
  // What each non-prose line inside a cluster costs it: link lists with a
  // caption here and there must not outweigh a story.
  constexpr long kInsideCost = 40;
  int pending_bad = 0;
  for (int k = 0; k < m; ++k) {
    const Unit& u = units[k];
    if (u.cls == Class::kGood) {
      // Prose weighs by its length and how much it reads like running text;
      // contact blocks and teaser captions are long but thin in stop words.
      double density = u.f.words > 0 ? static_cast<double>(u.f.stop_words) / u.f.words : 0;
      double prose = has_stop_words ? std::min(1.0, density / 0.3) : 1.0;
      long w = u.initial == Class::kGood
                   ? static_cast<long>(u.f.chars * prose) + u.f.cjk * 2
                   : 0;
      // List items count for their text, not their padding, and half.
      if (u.list_head >= 0) w = static_cast<long>(u.key.size()) / 2;
      // The last stretch of a long page is its footer (disclaimers, about
      // the publisher): it counts half.
      if (n >= kLongPage && u.first * 100 >= n * 85) w /= 2;
      if (cut || gap_lines > kMaxGap) {
        clusters.push_back({k, k, w});
      } else {
        clusters.back().end = k;
        clusters.back().weight += w - kInsideCost * pending_bad;
      }
      cut = false;
      gap_lines = 0;
      pending_bad = 0;
    } else {
      if (u.end_signal || u.date_only || u.notice) cut = true;
      gap_lines += u.last - u.first + 1;
      ++pending_bad;
    }
  }
  if (clusters.empty()) {
    // Nothing reads like prose (a stub, a list, an odd language): keep the
    // lines of at least a few words so that the body is never empty.
    for (int k = 0; k < m; ++k) {
      Unit& u = units[k];
      if (u.hard_bad || u.date_only || u.f.words < 4) continue;
      u.cls = u.initial = Class::kGood;
      u.reason = "no prose on the page; kept as the longest lines";
    }
    for (int k = 0; k < m; ++k) {
      if (units[k].cls == Class::kGood) {
        if (clusters.empty()) clusters.push_back({k, k, 0});
        clusters.back().end = k;
      }
    }
    if (clusters.empty()) {
      for (int k = 0; k < m; ++k) {
        if (units[k].f.words == 0) continue;
        units[k].cls = units[k].initial = Class::kGood;
        units[k].reason = "no prose on the page; kept";
        if (clusters.empty()) clusters.push_back({k, k, 0});
        clusters.back().end = k;
      }
    }
  }
  // Once a page has shown a substantial stretch of prose and then an
  // end-of-article signal, what follows are lists of other stories, however
  // long they are.
  long max_weight = 0;
  for (const Cluster& c : clusters) max_weight = std::max(max_weight, c.weight);
  int eligible_end = static_cast<int>(clusters.size());
  for (int c = 0; c + 1 < static_cast<int>(clusters.size()); ++c) {
    if (clusters[c].weight < kSubstantial || clusters[c].weight * 10 < max_weight * 3) {
      continue;
    }
    bool signal = false;
    for (int k = clusters[c].end + 1; k < clusters[c + 1].begin; ++k) {
      if (units[k].end_signal) signal = true;
    }
    if (signal) {
      eligible_end = c + 1;
      break;
    }
  }
  int best = -1;
  for (int c = 0; c < eligible_end; ++c) {
    if (best < 0 || clusters[c].weight > clusters[best].weight) best = c;
  }
  for (int i = 0; i < n; ++i) {
    if (!TrimLine(lines[i]).empty()) out.reason[i] = "";
  }
  if (best < 0) {
    for (const Unit& u : units) {
      for (int i = u.first; i <= u.last; ++i) out.reason[i] = u.reason;
    }
    return out;
  }
  // A page with no stretch of prose worth the name (results, standings, a
  // schedule) is its biggest list: the longest run of lines of a few words
  // that are neither furniture nor time stamps.
  int block_begin = -1, block_end = -1;
  long block_weight = 0;
  if (clusters[best].weight < kSubstantial) {
    for (int k = 0; k < m;) {
      if (units[k].hard_bad || units[k].date_only || menu[k]) {
        ++k;
        continue;
      }
      int end = list_run_end(k);
      long w = 0;
      for (int j = k; j < end; ++j) {
        if (units[j].f.words >= 3) w += static_cast<long>(units[j].key.size());
      }
      if (w > block_weight) {
        block_weight = w;
        block_begin = k;
        block_end = end - 1;
      }
      k = end;
    }
  }
  // When the page has a little prose, the list must take it in (a short
  // intro above its list); a long teaser list elsewhere is not the story.
  const bool takes_in_prose =
      block_begin <= clusters[best].begin && block_end >= clusters[best].end;
  const bool list_page = block_begin >= 0 && block_weight > 3 * clusters[best].weight &&
                         (clusters[best].weight < kSubstantial / 8 || takes_in_prose);
  // Articles are broken up by photos, ads and pull quotes longer than the
  // cluster gap; neighbouring clusters join the main one unless an
  // end-of-article signal or a time stamp lies between them.
  Cluster main = clusters[best];
  // Content words of the main cluster: a stretch after a "Related" or
  // "Trending" box that continues the same story shares them; comments and
  // teasers for other stories mostly do not.
  auto content_words = [&](int from, int to, std::unordered_map<std::string, int>* out_words) {
    for (int k = from; k <= to; ++k) {
      if (units[k].initial != Class::kGood) continue;
      ForEachWord(units[k].text, [&](std::string_view w) {
        if (w.size() >= 4 && !is_stop(w)) ++(*out_words)[std::string(w)];
      });
    }
  };
  std::unordered_map<std::string, int> main_words;
  content_words(main.begin, main.end, &main_words);
  auto continues_story = [&](const Cluster& c) {
    std::unordered_map<std::string, int> words;
    content_words(c.begin, c.end, &words);
    int shared = 0, total = 0;
    for (const auto& [w, count] : words) {
      total += count;
      if (main_words.count(w)) shared += count;
    }
    // A numbered list right after "Related" is a list of stories.
    for (int k = c.begin; k <= c.end; ++k) {
      if (units[k].initial != Class::kGood) continue;
      const std::string& t = units[k].text;
      size_t digits = 0;
      while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
      if (digits > 0 && digits + 1 < t.size() && t[digits] == '.' && t[digits + 1] == ' ') {
        return false;
      }
      break;
    }
    return c.weight >= kSubstantial / 2 && total > 0 && shared * 100 >= total * kStoryOverlapPct;
  };
  // Units skipped over when a box inside the story is crossed.
  std::vector<bool> boxed(units.size(), false);
  // 0: may join, 1: too far or a time stamp between, 2: only an
  // end-of-article signal between (joins if the story goes on).
  auto cut_between = [&](int from, int to) {
    int gap = 0;
    bool signal = false;
    for (int k = from + 1; k < to; ++k) {
      if (units[k].date_only) return 1;
      if (units[k].end_signal || units[k].notice) signal = true;
      gap += units[k].last - units[k].first + 1;
    }
    if (gap > kMaxJoinGap) return 1;
    return signal ? 2 : 0;
  };
  // Boxes the units between from and to, and the teaser lines that open the
  // next stretch (they read as prose only by being next to it).
  auto box = [&](int from, int to) {
    for (int k = from + 1; k < to; ++k) boxed[k] = true;
    if (to > from) {
      for (int k = to; k < m && units[k].initial != Class::kGood; ++k) boxed[k] = true;
    }
  };
  // Joins the next cluster in direction step, or crosses a box of teasers
  // to a later cluster that continues the story; false when neither works.
  const int num_clusters = static_cast<int>(clusters.size());
  auto extend = [&](int* c, int step) {
    int near_end = step > 0 ? main.end : main.begin;
    for (int d = *c; d >= 0 && d < num_clusters; d += step) {
      int from = step > 0 ? near_end : clusters[d].end;
      int to = step > 0 ? clusters[d].begin : near_end;
      int why = cut_between(from, to);
      if (why == 1) return false;
      if (why == 0 && d == *c) {
        if (step > 0 && d >= eligible_end) return false;
      } else if (!continues_story(clusters[d])) {
        continue;
      } else {
        box(from, to);
      }
      if (step > 0) {
        main.end = clusters[d].end;
      } else {
        main.begin = clusters[d].begin;
      }
      *c = d;
      return true;
    }
    return false;
  };
  int tail_items = 0;
  std::string tail_stop;  // what ends that list, for --explain
  if (list_page) {
    main.begin = block_begin;
    main.end = block_end;
  } else {
    for (int c = best + 1; c < num_clusters; ++c) {
      if (!extend(&c, +1)) break;
    }
    for (int c = best - 1; c >= 0; --c) {
      if (!extend(&c, -1)) break;
    }
    // The article starts with real prose, and a short tail of lines that only
    // borrowed the class from a neighbour (a newsletter box, "Find a partner")
    // is not part of it; a long tail is a list the article ends with.
    // A long paragraph without a full stop that runs straight into the
    // story (no byline, stamp or share buttons between) is its first.
    auto opens_story = [&](int k) {
      if (units[k].initial != Class::kNearGood || units[k].f.words < 16) return false;
      for (int j = k + 1; j <= main.end; ++j) {
        if (units[j].initial == Class::kGood) return true;
        if (units[j].initial != Class::kNearGood) return false;
      }
      return false;
    };
    while (main.begin < main.end && units[main.begin].initial != Class::kGood &&
           !opens_story(main.begin)) {
      ++main.begin;
    }
    int last_prose = main.end;
    auto sentence = [&](const Unit& u) {
      return u.initial == Class::kGood ||
             (!u.hard_bad && u.f.ends_sentence && u.f.words >= 3 && !u.date_only);
    };
    while (last_prose > main.begin && !sentence(units[last_prose])) --last_prose;
    int tail = 0;
    for (int k = last_prose + 1; k <= main.end; ++k) tail += units[k].hard_bad ? 0 : 1;
    if (tail <= kShortTail) main.end = last_prose;
    // A line ending in a colon announces a list ("Tour dates:", "Here are the
    // highlights:"); the run of lines that follows it without a blank line is
    // part of the article even after its last paragraph.
    for (int k = main.begin; k <= main.end + 1 && k < m; ++k) {
      if (units[k].hard_bad || units[k].text.empty() || units[k].text.back() != ':') continue;
      int j = k + 1;
      while (j < m && units[j].first == units[j - 1].last + 1 && !units[j].hard_bad) ++j;
      if (j - 1 > main.end && j - k > 2) main.end = j - 1;
    }
    // A list or table right after the last paragraph (tour dates, a recipe's
    // steps, results) that runs up to the page furniture is how the article
    // ends; teaser lists are set apart by a heading such as "Related", which
    // stops the run.
    if (main.end + 1 < m && units[main.end + 1].first - units[main.end].last <= 2) {
      int end = list_run_end(main.end + 1);
      bool furniture_next = end >= m || units[end].hard_bad || units[end].date_only;
      // Headlines in Title Case without a figure in them are teasers; the
      // lists stories end with have dates, counts, scores.
      int headlines = 0;
      for (int j = main.end + 1; j < end; ++j) {
        const LineFeatures& f = units[j].f;
        if (f.digits == 0 && f.alpha_words >= 4 && f.capitalised * 10 >= f.alpha_words * 7) {
          ++headlines;
        }
      }
      bool teasers = headlines * 2 >= end - (main.end + 1);
      if (end - (main.end + 1) >= 3 && furniture_next && !teasers) {
        tail_items = end - (main.end + 1);
        tail_stop = end < m ? "up to line " + std::to_string(units[end].first + 1) + " (" +
                                  units[end].reason + ")"
                            : "up to the end of the page";
        main.end = end - 1;
      }
    }
  }
  // "More:" or "Related:" inside the story, then headlines (no full stop,
  // not prose): links to other stories, up to the story's next paragraph.
  std::vector<int> listed_under(units.size(), -1);
  for (int k = main.begin; k <= main.end && k < m; ++k) {
    if (!units[k].teaser_label && !units[k].end_signal) continue;
    for (int j = k + 1; j <= main.end && units[j].first - units[j - 1].last <= 2; ++j) {
      const Unit& link = units[j];
      if (link.initial == Class::kGood || link.f.ends_sentence || link.list_head >= 0) break;
      listed_under[j] = k;
    }
  }
  for (int k = 0; k < m; ++k) {
    const Unit& u = units[k];
    bool in_main = k >= main.begin && k <= main.end;
    if (in_main && listed_under[k] >= 0) {
      for (int i = u.first; i <= u.last; ++i) {
        out.keep[i] = false;
        out.reason[i] = "link listed under \"" +
                        std::string(Utf8Prefix(units[listed_under[k]].text, 40)) + "\" (line " +
                        std::to_string(units[listed_under[k]].first + 1) + ")";
      }
      continue;
    }
    // Inside the article, lines that are not furniture are body even when
    // short: list items, table rows, sub-headings.
    bool keep = in_main && !boxed[k] && (u.cls == Class::kGood || !u.hard_bad);
    std::string why;
    if (keep && list_page) {
      why = "no stretch of prose on the page; its longest list: " + u.reason;
    } else if (in_main && boxed[k]) {
      why = "box of other stories inside the article: " + u.reason;
    } else if (keep && k > main.end - tail_items) {
      why = "list right after the last paragraph, " + tail_stop + ": " + u.reason;
    } else if (keep && u.cls != Class::kGood) {
      why = "inside the article: " + u.reason;
    } else if (keep) {
      why = ClassName(u.initial) + std::string(": ") + u.reason;
    } else if (u.cls == Class::kGood) {
      why = "outside the article (" + std::string(k < main.begin ? "before" : "after") +
            " it): " + u.reason;
    } else {
      why = u.reason;
    }
    for (int i = u.first; i <= u.last; ++i) {
      out.keep[i] = keep;
      out.reason[i] = why;
    }
    if (keep) {
      out.paragraphs.push_back(u.text);
      if (out.first_kept < 0) out.first_kept = u.first;
      out.last_kept = u.last;
    }
    if (k > main.end && u.end_signal && out.end_marker == n) out.end_marker = u.first;
  }
  return out;
}

}  // namespace lede

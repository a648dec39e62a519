// The word lists behind the line tests of line_rules.h. A list matched
// against the start of a line's key is a hash set of phrases, so a test costs
// a handful of lookups whatever the length of the list.
#include "common/extract/line_rules.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cassert>
#include <cctype>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/extract/date_parse.h"

namespace lede {
namespace {

// Phrases that open the page furniture following an article. Matched against
// the start of a short line's key, so "Comments (12)" and "Related Stories"
// count too.
constexpr std::array<const char*, 104> kEndSignals = {
    "you may like", "you might also like", "you may also like", "you might like", "most popular",
    "most read", "most viewed", "most shared", "comments", "comment", "leave your comment",
    "leave a comment", "leave a reply", "post a comment", "add a comment", "add comment",
    "join the conversation", "check also", "featured videos", "featured", "we recommend",
    "recommended", "related", "more stories", "more from", "more on this", "more news", "more in",
    "read next", "read more", "latest news", "latest stories", "latest", "trending", "popular",
    "share this", "about the author", "sponsored", "top stories", "editor's picks", "editors picks",
    "editor s picks", "don't miss", "don t miss", "also on", "further reading", "see also",
    "around the web", "from the web", "promoted stories", "elsewhere on", "other news",
    "next article", "previous article", "recent posts",
    // de, pt, es, fr, it, id, ru, ja
    "weitere artikel", "das könnte sie auch interessieren", "mehr zum thema", "kommentare",
    "leia também", "veja também", "mais lidas", "comentários", "noticias relacionadas",
    "comentarios", "lire aussi", "commentaires", "articoli correlati", "commenti",
    "artikel terkait", "berita terkait", "читайте также", "комментарии", "artigos relacionados",
    "posts relacionados", "deixe uma resposta", "deixe um comentário", "comentário",
    "deja una respuesta", "artículos relacionados", "entradas relacionadas", "ähnliche artikel",
    "verwandte artikel", "schreibe einen kommentar", "hinterlasse einen kommentar",
    "laisser un commentaire", "articles similaires", "articles connexes", "lascia un commento",
    "articoli simili", "tinggalkan balasan", "tinggalkan komentar", "artikel lainnya",
    "вам также может быть интересно", "добавить комментарий", "оставить комментарий",
    "оставьте комментарий", "похожие статьи", "похожие записи", "комментарий", "関連記事",
    "コメント", "you might also be interested", "you may also be interested"};

// Short lines that are page furniture wherever they appear, even between two
// body paragraphs.
constexpr std::array<const char*, 40> kFurniture = {"advertisement",
                                                    "advertising",
                                                    "ad",
                                                    "sponsored content",
                                                    "share",
                                                    "tweet",
                                                    "email",
                                                    "print",
                                                    "share this article",
                                                    "share on facebook",
                                                    "share on twitter",
                                                    "facebook",
                                                    "twitter",
                                                    "linkedin",
                                                    "whatsapp",
                                                    "pinterest",
                                                    "reddit",
                                                    "copy link",
                                                    "close",
                                                    "caption",
                                                    "back to gallery",
                                                    "continue reading",
                                                    "read more",
                                                    "click here",
                                                    "subscribe",
                                                    "sign in",
                                                    "log in",
                                                    "sign up",
                                                    "menu",
                                                    "search",
                                                    "home",
                                                    "next",
                                                    "previous",
                                                    "loading",
                                                    "skip to content",
                                                    "story continues below advertisement",
                                                    "story continues below",
                                                    "scroll to continue",
                                                    "enlarge this image",
                                                    "toggle caption"};

// Substrings of legal and account furniture (footers, cookie banners). The
// strong ones are never said in a story; the weak ones only mark short lines.
constexpr std::array<const char*, 7> kStrongFurnitureText = {
    "all rights reserved", "copyright",         "trademarks of",  "on this website",
    "of this website",     "earn a commission", "activation link"};
// The box an embedded post or video sits in until the reader consents to
// loading it ("Externer Inhalt: ich bin damit einverstanden, dass mir externe
// Inhalte angezeigt werden"), in the languages lede reads.
constexpr std::array<const char*, 23> kEmbedConsentText = {
    "external content",   "third party content", "third party provider", "externe inhalte",
    "externen inhalt",    "externer inhalt",     "drittplattform",       "drittanbieter",
    "contenu externe",    "contenus externes",   "contenu tiers",        "contenido externo",
    "contenidos externos", "contenuto esterno",  "contenuti esterni",    "externe inhoud",
    "externe content",    "conteúdo externo",    "conteúdos externos",   "externt innehåll",
    "eksternt innhold",   "eksternt indhold",    "konten eksternal"};
// A paywall's notice: the rest of the story is for subscribers ("La suite
// est réservée aux abonnés"), in the languages lede reads.
constexpr std::array<const char*, 14> kPaywallText = {
    "reserved for subscribers", "for subscribers only",     "réservée aux abonnés",
    "réservé aux abonnés",      "für abonnenten",           "abonnenten vorbehalten",
    "reservado a suscriptores", "exclusivo para suscriptores", "riservato agli abbonati",
    "exclusivo para assinantes", "alleen voor abonnees",    "endast för prenumeranter",
    "kun for abonnenter",       "khusus pelanggan"};
constexpr std::array<const char*, 16> kWeakFurnitureText = {
    "privacy policy", "terms of use", "terms of service", "cookie",    "javascript", "your browser",
    "newsletter",     "subscribe to", "sign up for",      "log in to", "sign in to", "subscription",
    "email address",  "unsubscribe",  "on this site",     "follow us"};

// Prefixes of inline teasers and credits inside the body.
constexpr std::array<const char*, 28> kInlineTeasers = {
    "related",      "read more",   "read also",      "also read",  "see also",     "more",
    "photo",        "image",       "video",          "watch",      "listen",       "baca juga",
    "lihat juga",   "leia também", "lesen sie auch", "lire aussi", "getty images", "file photo",
    "veja também",  "voir aussi",  "lees ook",       "leggi anche", "lee también", "lea también",
    "läs också",    "läs även",    "les også",       "læs også"};

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

// A list of phrases as LineKey writes them, so that a phrase matches the
// key of a line that says it: "don't miss" is "don t miss", and a CJK phrase
// ("関連記事") has a space between its characters.
class PhraseSet {
 public:
  template <size_t N>
  explicit PhraseSet(const std::array<const char*, N>& list) {
    keys_.reserve(2 * N);
    for (const char* p : list) {
      keys_.emplace_back(p);
      keys_.push_back(LineKey(p));
    }
    for (const std::string& k : keys_) set_.insert(k);
  }
  const std::unordered_set<std::string_view>& set() const { return set_; }

 private:
  std::vector<std::string> keys_;  // reserved up front: set_ views into it
  std::unordered_set<std::string_view> set_;
};

int WordCount(const std::string& key) {
  if (key.empty()) return 0;
  return static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1;
}

}  // namespace

bool IsEndSignalKey(const std::string& key) {
  if (key.empty() || key.size() > 80 || WordCount(key) > 6) return false;
  static const PhraseSet kSet(kEndSignals);
  return HasPhrasePrefix(key, kSet.set(), 6);
}

bool IsFurnitureKey(const std::string& key) {
  static const PhraseSet kSet(kFurniture);
  return kSet.set().count(key) > 0;
}

namespace {

// Whether any phrase of several lists occurs in a text, found in one pass:
// a bitmap of the phrases' first two bytes says where one may start, and
// only there are the phrases that open with that byte compared. Testing
// each phrase with find() read a line once per phrase (some forty for the
// furniture lists), and most lines hold none of them.
class PhraseScan {
 public:
  template <size_t N>
  void Add(const std::array<const char*, N>& phrases, uint8_t group) {
    for (std::string_view p : phrases) Add(p, group);
  }
  void Add(std::string_view phrase, uint8_t group) {
    assert(phrase.size() >= 2);  // a phrase starts at a pair of bytes
    starts_.set(Bigram(phrase, 0));
    by_first_byte_[static_cast<unsigned char>(phrase[0])].push_back({phrase, group});
  }

  // The groups of the phrases found in text, or'ed together.
  uint8_t Scan(std::string_view text) const {
    uint8_t found = 0;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (!starts_.test(Bigram(text, i))) continue;
      for (const Phrase& p : by_first_byte_[static_cast<unsigned char>(text[i])]) {
        if (text.compare(i, p.text.size(), p.text) == 0) found |= p.group;
      }
    }
    return found;
  }

 private:
  struct Phrase {
    std::string_view text;  // two bytes or more
    uint8_t group;
  };
  static size_t Bigram(std::string_view s, size_t i) {
    return static_cast<size_t>(static_cast<unsigned char>(s[i])) << 8 |
           static_cast<unsigned char>(s[i + 1]);
  }

  std::bitset<65536> starts_;
  std::array<std::vector<Phrase>, 256> by_first_byte_;
};

enum FurnitureGroup : uint8_t {
  kStrongText = 1,
  kConsentAnchor = 2,  // one of these is in every consent and paywall phrase
  kConsentText = 4,
  kWeakText = 8,
};

}  // namespace

bool HasFurnitureText(const std::string& text, const std::string& key, int words) {
  if (words > 60) return false;
  if (text.find("\xC2\xA9") != std::string::npos) return true;  // ©
  static const PhraseScan kScan = [] {
    PhraseScan scan;
    scan.Add(kStrongFurnitureText, kStrongText);
    for (std::string_view a :
         {"extern", "ekstern", "third party", "dritt", "tiers", "esterno", "esterni", "abonn",
          "abbonat", "subscri", "suscript", "assinant", "prenumer", "pelanggan"}) {
      scan.Add(a, kConsentAnchor);
    }
    scan.Add(kEmbedConsentText, kConsentText);
    scan.Add(kPaywallText, kConsentText);
    scan.Add(kWeakFurnitureText, kWeakText);
    return scan;
  }();
  const uint8_t found = kScan.Scan(key);
  if (found & kStrongText) return true;
  if ((found & kConsentAnchor) && (found & kConsentText)) return true;
  if (words > 25) return false;
  return (found & kWeakText) != 0;
}

// Photo captions and credits: agencies write them in set phrases.
// "... (Image: GETTY)", "... Credit: ESA": a caption ends with its credit.
bool StartsWithCreditLabel(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kLabels = {
      "photo", "image",  "picture", "credit", "foto",    "fotos",
      "bild",  "bilder", "bilde",   "crédit", "crédits", "credits"};
  // Most lines are ruled out by their first letter.
  if (text.empty()) return false;
  char first = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  if (first != 'p' && first != 'i' && first != 'c' && first != 'f' && first != 'b') return false;
  std::string head(text.substr(0, std::min<size_t>(text.size(), 12)));
  for (char& c : head) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (std::string_view p : kLabels) {
    if (head.compare(0, p.size(), p) != 0) continue;
    // "Foto:", and "Crédit :" as French sets it.
    size_t at = p.size();
    if (at < head.size() && head[at] == ' ') ++at;
    if (at < head.size() && head[at] == ':') return true;
  }
  return false;
}

namespace {

// A word that starts with a capital: A-Z, or À-Þ (Latin-1 capitals, two
// bytes in UTF-8); other scripts' letters are let through.
bool Capitalised(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3) return word.size() > 1 && static_cast<unsigned char>(word[1]) < 0x9F;
  return c >= 0xC4;
}

// Words of a span, split on spaces.
std::vector<std::string_view> SpaceWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < s.size()) {
    size_t end = s.find(' ', at);
    if (end == std::string_view::npos) end = s.size();
    if (end > at) words.push_back(s.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

// "(Jane Roe/Associated Press)", "(Jane Roe / The Daily Planet)": a
// photographer's name of two to four capitalised words, a slash and the
// outlet, closing the line in parentheses. Prose puts no name before a
// slash there.
bool EndsWithNamedCredit(std::string_view text) {
  if (text.empty() || text.back() != ')') return false;
  size_t open = text.rfind('(');
  if (open == std::string_view::npos || text.size() - open > 60) return false;
  std::string_view inside = text.substr(open + 1, text.size() - open - 2);
  size_t slash = inside.find('/');
  if (slash == std::string_view::npos || inside.find('/', slash + 1) != std::string_view::npos) {
    return false;
  }
  auto name = SpaceWords(inside.substr(0, slash));
  auto outlet = SpaceWords(inside.substr(slash + 1));
  if (name.size() < 2 || name.size() > 4 || outlet.empty() || outlet.size() > 5) return false;
  for (std::string_view w : name) {
    if (!Capitalised(w)) return false;
  }
  return Capitalised(outlet.front());
}

}  // namespace

bool EndsAnnouncingAList(const std::string& key) {
  // Keys as LineKey writes them: a CJK phrase has a space between its
  // characters.
  static constexpr std::array<std::string_view, 15> kAsFollows = {
      "as follows", "wie folgt", "comme suit", "como sigue", "come segue",
      "als volgt", "som følger", "enligt följande", "sebagai berikut", "следующим образом",
      "次 の と お り", "次 の 通 り", "以 下 の と お り", "以 下 の 通 り", "如 下"};
  for (std::string_view p : kAsFollows) {
    if (key.size() >= p.size() && key.compare(key.size() - p.size(), p.size(), p) == 0 &&
        (key.size() == p.size() || key[key.size() - p.size() - 1] == ' ')) {
      return true;
    }
  }
  return false;
}

bool EndsWithCredit(const std::string& text) {
  if (EndsWithNamedCredit(text)) return true;
  // "(Image: GETTY)" closes the line, or "Credit: ESA" sits in its last
  // few words; a "(pictured)" earlier on is part of the sentence.
  // Long lines are read from the end only as far as these tests look:
  // for the '(' of a closing ')', and for a slash in the last 24 bytes.
  const bool closed = !text.empty() && text.back() == ')';
  size_t open = closed ? text.rfind('(') : std::string::npos;
  bool in_parens = open != std::string::npos && closed;
  size_t from = in_parens ? open + 1 : (text.size() > 40 ? text.size() - 40 : 0);
  std::string tail = text.substr(from);
  for (char& c : tail) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const char* p : {"image:", "photo:", "picture:", "credit:", "pic:", "photograph:"}) {
    size_t at = tail.find(p);
    if (at != std::string::npos && (!in_parens || at == 0)) return true;
  }
  // The same labels in the other languages lede reads ("Foto: Jane Roe
  // (Agency)", "(Bild: Agency)"): only opening a short line or its closing
  // parentheses, since "Bild:" can open a sentence. A source label
  // ("Quelle:", "Kilde:") credits a fact box or a chart as often as a
  // photo, and the lines around it are not captions.
  if ((in_parens && StartsWithCreditLabel(tail)) ||
      (StartsWithCreditLabel(text) && std::count(text.begin(), text.end(), ' ') < 12)) {
    return true;
  }
  // "... Jane Roe/Reuters", "... Jane Roe / AFP": a photographer and the
  // agency, joined by a slash, close the line.
  const size_t window = text.size() > 24 ? text.size() - 24 : 0;
  size_t slash = std::string_view(text).substr(window).rfind('/');
  if (slash != std::string::npos) slash += window;
  if (slash != std::string::npos && slash + 1 < text.size() && text.size() - slash <= 24) {
    std::string agency = LineKey(text.substr(slash + 1));
    for (const char* p : {"reuters", "ap", "afp", "getty images", "getty", "epa", "dpa", "pa",
                          "ap photo", "afp via getty images", "shutterstock", "istock"}) {
      if (agency == p) return true;
    }
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

int BreadcrumbArrows(std::string_view t) {
  int arrows = 0;
  for (std::string_view sep : {" \xC2\xBB", " > ", " \xE2\x80\xBA", " / "}) {
    for (size_t at = t.find(sep); at != std::string_view::npos; at = t.find(sep, at + 1)) {
      ++arrows;
    }
  }
  return arrows;
}

bool IsBreadcrumbTrail(std::string_view t, int words) {
  if (words > 10) return false;
  int arrows = BreadcrumbArrows(t);
  return arrows > 0 && words <= 3 * (arrows + 1);
}

// "SEE MORE: ...", "Read more: ...", "Related: ...": a link to another story.
bool IsTeaserLink(const std::string& text, const std::string& key) {
  size_t colon = text.find(':');
  if (colon == std::string::npos || colon > 20) return false;
  std::string head = LineKey(std::string_view(text).substr(0, colon));
  for (const char* p :
       {"see more", "read more", "read also", "also read", "related", "watch", "listen", "more",
        "see also", "don't miss", "dont miss", "recommended", "baca juga", "leia também",
        "lesen sie auch", "lire aussi", "читайте также", "veja também", "voir aussi", "lees ook",
        "leggi anche", "lee también", "lea también", "läs också", "läs även", "les også",
        "læs også"}) {
    if (head == p) return !key.empty();
  }
  return false;
}

bool IsCaption(const std::string& key, int words) {
  for (const char* p : {"in this photo", "in this image", "in this file photo",
                        "in this undated photo", "in this handout photo", "file photo",
                        "image caption", "media caption", "photo caption", "video caption"}) {
    if (key.rfind(p, 0) == 0) return true;
  }
  // "Photo: Hau Dinh, AP"; a paragraph may start with "Photos show", though.
  if (words <= 20) {
    for (const char* p : {"file ", "photo ", "photos ", "image ", "pictured "}) {
      if (key.rfind(p, 0) == 0) return true;
    }
  }
  for (std::string_view p :
       {"ap photo", "photo by", "photo credit", "getty images", "image copyright", "file photo"}) {
    if (HasWordPhrase(key, p)) return true;
  }
  return false;
}

// Words that go with a time stamp ("Published Monday, ... 8:22AM EST").
bool IsStampWord(std::string_view w) {
  // A reading time ("4 min read", "4 min") goes with a date on a stamp line.
  static constexpr std::array<const char*, 41> kStampWords = {
      "published", "updated",  "posted", "last",     "at",     "on",  "am",     "pm",
      "a",         "m",        "p",      "est",      "edt",    "cst", "cdt",    "pst",
      "pdt",       "gmt",      "utc",    "et",       "pt",     "ct",  "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "by",  "mon",    "tue",
      "wed",       "thu",      "fri",    "sat",      "sun",    "min", "mins",   "minutes",
      "read"};
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
  static const PhraseSet kSet(kInlineTeasers);
  return HasPhrasePrefix(key, kSet.set(), 3);
}

// An image caption w3m runs together with its alt text: the line is some
// text followed by itself again (or by the start of itself).
bool IsSelfRepeat(std::string_view t) {
  constexpr size_t kProbe = 24;
  if (t.size() < 2 * kProbe) return false;
  std::string_view probe = t.substr(0, kProbe);
  size_t at = t.find(probe, 1);
  while (at != std::string_view::npos) {
    if (at >= t.size() / 3 && t.compare(at, std::string_view::npos, t, 0, t.size() - at) == 0) {
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

bool IsDateStamp(const std::string& text, const LineFeatures& f) {
  if (f.words > 20 || f.chars > 120) return false;
  std::vector<DateMatch> dates = FindDates(text);
  bool dated = false;
  std::string rest;
  size_t from = 0;
  for (const DateMatch& m : dates) {
    if (!m.has_year && !m.has_time) continue;
    dated = true;
    rest.append(text, from, m.begin - from).push_back(' ');
    from = m.end;
  }
  if (!dated) return false;
  rest.append(text, from, std::string::npos);
  int other_words = 0;
  ForEachWord(rest, [&](std::string_view w) {
    if (!IsStampWord(w)) ++other_words;
  });
  return other_words <= 2;
}

bool IsGalleryCounter(const std::string& key, int words) {
  if (words > 8) return false;
  static const std::array<std::string_view, 8> kOf = {" of ",  " von ", " de ", " di ",
                                                      " sur ", " van ", " av ", " из "};
  for (size_t at = 0; at < key.size(); ++at) {
    if (key[at] < '0' || key[at] > '9' || (at > 0 && key[at - 1] != ' ')) continue;
    size_t end = at;
    while (end < key.size() && key[end] >= '0' && key[end] <= '9') ++end;
    for (std::string_view of : kOf) {
      if (key.compare(end, of.size(), of) == 0 && end + of.size() < key.size() &&
          key[end + of.size()] >= '0' && key[end + of.size()] <= '9') {
        return true;
      }
    }
    for (std::string_view unit : {" photos", " images", " pictures", " fotos", " bilder"}) {
      if (key.compare(end, unit.size(), unit) == 0) return true;
    }
  }
  return false;
}

bool ParseGalleryCounter(std::string_view text, int* index, int* total) {
  auto number = [&](size_t* at, int* out) {
    size_t start = *at;
    int v = 0;
    while (*at < text.size() && *at - start < 3 && text[*at] >= '0' && text[*at] <= '9') {
      v = v * 10 + (text[*at] - '0');
      ++*at;
    }
    *out = v;
    return *at > start && (*at == text.size() || text[*at] < '0' || text[*at] > '9');
  };
  size_t at = 0;
  // One word before the number at most ("Image", "Foto").
  if (!text.empty() && !(text[0] >= '0' && text[0] <= '9')) {
    size_t space = text.find(' ');
    if (space == std::string_view::npos || space > 12) return false;
    at = space + 1;
  }
  int k = 0, of = 0;
  if (!number(&at, &k)) return false;
  size_t sep = at;
  while (sep < text.size() && text[sep] == ' ') ++sep;
  if (sep < text.size() && text[sep] == '/') {
    ++sep;
  } else {
    static const std::array<std::string_view, 8> kOf = {"of ",  "von ", "de ", "di ",
                                                        "sur ", "van ", "av ", "из "};
    bool found = false;
    for (std::string_view w : kOf) {
      if (sep > at && text.compare(sep, w.size(), w) == 0) {
        sep += w.size();
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  while (sep < text.size() && text[sep] == ' ') ++sep;
  if (!number(&sep, &of)) return false;
  if (sep < text.size() && text[sep] != ' ') return false;
  if (k < 1 || of < 2 || k > of) return false;
  *index = k;
  *total = of;
  return true;
}

bool IsNameLine(std::string_view text, const LineFeatures& f,
                const std::function<bool(std::string_view)>& is_stop) {
  return NameLineShape(text, f, is_stop) == NameShape::kList;
}

NameShape NameLineShape(std::string_view text, const LineFeatures& f,
                        const std::function<bool(std::string_view)>& is_stop) {
  if (f.alpha_words < 3 || f.cjk > 0 || !f.has_lower || f.ends_sentence) return NameShape::kNone;
  // Words that join names, or stand inside them ("Jan van Dijk").
  static const std::array<std::string_view, 19> kJoins = {
      "and", "und", "et", "y",  "e",  "i",   "og",  "och", "en", "&",
      "van", "von", "de", "di", "da", "del", "der", "le",  "al"};
  int joins = 0, other_stop = 0;
  ForEachWord(text, [&](std::string_view w) {
    if (std::find(kJoins.begin(), kJoins.end(), w) != kJoins.end()) {
      ++joins;
    } else if (is_stop && is_stop(w)) {
      ++other_stop;
    }
  });
  if (f.alpha_words - f.capitalised > joins || other_stop > 0) return NameShape::kNone;
  int commas = static_cast<int>(std::count(text.begin(), text.end(), ','));
  if (commas >= 2 || (commas >= 1 && joins >= 1)) return NameShape::kList;
  return f.alpha_words >= 6 ? NameShape::kRun : NameShape::kNone;
}

bool IsAboutPersonHeading(std::string_view text) {
  for (std::string_view p :
       {"About ", "Über ", "Ueber ", "À propos de ", "Sobre ", "Om ", "Tentang ", "Over "}) {
    if (text.size() <= p.size() || text.compare(0, p.size(), p) != 0) continue;
    // Two or three words shaped like a name: a capital, then lower case.
    int words = 0;
    bool name_shaped = true;
    ForEachWord(text.substr(p.size()), [&](std::string_view) { ++words; });
    size_t at = p.size();
    while (at < text.size() && name_shaped) {
      size_t end = text.find(' ', at);
      if (end == std::string_view::npos) end = text.size();
      std::string_view w = text.substr(at, end - at);
      unsigned char c0 = static_cast<unsigned char>(w.empty() ? 'x' : w[0]);
      bool lower_after = w.size() >= 2 && std::islower(static_cast<unsigned char>(w[1]));
      name_shaped = (std::isupper(c0) || c0 >= 0xC3) && lower_after;
      at = end + 1;
    }
    return name_shaped && words >= 2 && words <= 3;
  }
  return false;
}

bool IsClosingNote(const std::string& text, const std::string& key, const LineFeatures& f) {
  if (f.words > 60) return false;
  // A contact address: "Have a tip? ... may be reached at jroe@example.org".
  size_t at = text.find('@');
  if (at != std::string::npos && at > 0 && text.find('.', at) != std::string::npos &&
      std::isalnum(static_cast<unsigned char>(text[at - 1])) && f.words <= 40) {
    return true;
  }
  if (key.rfind("additional reporting by ", 0) == 0 ||
      HasWordPhrase(key, "contributed to this report") ||
      HasWordPhrase(key, "contributed reporting")) {
    return true;
  }
  // "Jane Roe is a staff writer at ...": one to four capitalised words, then
  // "is a" in the languages lede reads.
  size_t pos = 0;
  int names = 0;
  while (names < 5 && pos < text.size()) {
    // A capital, or a letter outside ASCII; not a dash or a quote mark.
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (!(std::isupper(c) || (c >= 0xC3 && c != 0xE2))) break;
    size_t space = text.find(' ', pos);
    if (space == std::string::npos || text[space - 1] == ':') return false;
    ++names;
    pos = space + 1;
  }
  if (names < 1 || names > 4) return false;
  for (std::string_view verb : {"is a ", "is an ", "is the ", "ist ", "est ", "es ", "è "}) {
    if (text.compare(pos, verb.size(), verb) == 0) return true;
  }
  return false;
}

}  // namespace lede

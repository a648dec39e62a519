// The classifier follows jusText (Pomikálek 2011): a context-free class per
// paragraph from its length and stop-word density, then context-sensitive
// smoothing, because short lines between body paragraphs are body
// (sub-headings) and short lines amid menus are menus. jusText keeps good
// paragraphs anywhere on the page; news pages put comment threads and teaser
// blurbs that read like prose after the article, so here the kept paragraphs
// must also form one stretch, which end-of-article signals cut.
#include "common/extract/boilerplate.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/extract/language.h"
#include "common/extract/line_features.h"
#include "common/extract/line_rules.h"

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
  bool notice = false;        // legal or account notice: a story may go on after it
  bool image_text = false;    // alt text or caption of an image
  bool credit = false;        // a short photo credit line
  bool caption_line = false;  // a caption or credit by its own words
  bool printed_nearby = false;  // the line is printed again a few lines away
  bool teaser_label = false;  // "More:", "Related:" on a line of its own
  bool date_only = false;
  bool byline = false;
  int list_head = -1;  // unit that announces the list this unit is an item of
};

// Hard-wrapped text (fixed-width files, abstracts) has no line longer than a
// terminal and many lines that stop mid-sentence; its paragraphs are blocks
// of lines. Web dumps here put one paragraph on one line.
bool IsHardWrapped(const std::vector<std::string_view>& lines, const std::vector<LineFeatures>& f) {
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
  bool title_case = f.has_lower && f.alpha_words >= 5 && f.capitalised * 10 >= f.alpha_words * 7;
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

// Thresholds of the stages below.
// Non-prose lines a cluster of prose may span, and a join of clusters cross.
constexpr int kMaxGap = 4;
constexpr int kMaxJoinGap = 12;
// Weight of a stretch of prose that can be an article (a few sentences).
constexpr long kSubstantial = 400;
// Share of a later stretch's content words the story must already have.
constexpr int kStoryOverlapPct = 15;
// A box that cuts the story (a time stamp in it, or more lines than a join
// crosses) is a parenthesis when it is at most this long and the prose
// after it shares this much more of the story's words.
constexpr int kMaxParenthesisGap = 40;
constexpr int kParenthesisOverlapPct = 30;
// A numbered story ("1. Take the blankets off the bed", "2. ...") goes on
// past a box of any length up to this many lines when the prose after it
// carries the next number.
constexpr int kMaxNumberedGap = 400;
// Share of the story's content words a stretch of prose inside a crossed
// box needs to be the story's.
constexpr int kInnerOverlapPct = 10;
// Share of the story's content words the opening under a byline or stamp
// needs to be joined backwards across a box.
constexpr int kOpeningOverlapPct = 5;
// Lines between a byline or stamp and the first paragraph it heads.
constexpr int kStampToStory = 20;
// Paragraphs an "About NAME" box at the end of the story may hold.
constexpr int kAboutBoxParagraphs = 3;
// Captions in a row that make a gallery inside the story.
constexpr int kMinGalleryCaptions = 4;
// Words an image's alt text over its caption may have; a description
// without a full stop ("A woman in a red dress harvests cassava in ...") may
// be longer than a sentence.
constexpr int kMaxAltTextWords = 15;
constexpr int kMaxAltTextWordsNoStop = 40;
// Headlines in a row that make a feed of other stories, and the most
// words such a headline has.
constexpr int kFeedRun = 2;
constexpr int kFeedHeadlineMaxWords = 20;
// Lines after the last paragraph that only borrowed the class of prose.
constexpr int kShortTail = 4;
// A page of this many lines or more has a footer that counts half.
constexpr int kLongPage = 150;
// What each non-prose line inside a cluster costs it: link lists with a
// caption here and there must not outweigh a story.
constexpr long kInsideCost = 40;

// Stage 1: units, one per non-blank line, or one per block of lines when the
// text is hard-wrapped, each with its features and key.
std::vector<Unit> MakeUnits(const BoilerplateInput& input, const StopWordTest& is_stop) {
  const std::vector<std::string_view>& lines = input.lines;
  const int n = static_cast<int>(lines.size());
  std::vector<LineFeatures> feats(lines.size());
  std::vector<std::string> keys(lines.size());
  if (input.line_features != nullptr && input.line_keys != nullptr) {
    for (int i = 0; i < n; ++i) {
      feats[i] = (*input.line_features)[i];
      keys[i] = (*input.line_keys)[i];
      feats[i].stop_words = CountStopWordsInKey(keys[i], is_stop).stop_words;
    }
  } else {
    for (int i = 0; i < n; ++i) feats[i] = ComputeLineFeatures(lines[i], is_stop, &keys[i]);
  }

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
  return units;
}

// The line opens with a quotation mark (" “ „ « ‘ 「).
bool StartsWithQuote(std::string_view t) {
  for (std::string_view q : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9E", "\xC2\xAB", "\xE2\x80\x98",
                             "\xE3\x80\x8C"}) {
    if (t.substr(0, q.size()) == q) return true;
  }
  return false;
}

void MarkBad(Unit* u, std::string why) {
  u->initial = Class::kBad;
  u->hard_bad = true;
  u->reason = std::move(why);
}

// Captions come in twos and threes, sometimes with a credit appended to one
// copy: compare the start of the line. Teaser cards print their label and
// headline twice (label, headline, image, label, headline): a copy further
// away counts when its neighbour is repeated as well. A line that recurs in
// a list ("Eat every 2-3 hours") does not.
bool IsNearCopy(const std::vector<Unit>& units, int k) {
  const int num_units = static_cast<int>(units.size());
  auto valid = [num_units](int index) { return index >= 0 && index < num_units; };
  auto same_start = [&](int a_index, int b_index) {
    if (!valid(a_index) || !valid(b_index)) return false;
    const std::string& a = units[a_index].key;
    const std::string& b = units[b_index].key;
    // Sixty bytes of a CJK key are fifteen to twenty characters (three
    // bytes each, a space between most), which two paragraphs opening with
    // the same company's name share; compare twice as much.
    const size_t cap = units[a_index].f.cjk * 3 > units[a_index].f.chars ? 120 : 60;
    size_t len = std::min({a.size(), b.size(), cap});
    return len >= 8 && a.compare(0, len, b, 0, len) == 0 && (len == a.size() || len >= 40);
  };
  auto exact = [&](int a_index, int b_index) {
    return valid(a_index) && valid(b_index) && !units[a_index].key.empty() &&
           units[a_index].key == units[b_index].key;
  };
  for (int d = -4; d <= 4; ++d) {
    if (d == 0 || !same_start(k, k + d)) continue;
    if (std::abs(d) <= 2 || exact(k - 1, k + d - 1) || exact(k + 1, k + d + 1)) return true;
  }
  return false;
}

// The line tests that make a unit furniture whatever its neighbours say, in
// order of precedence; a dated time stamp is marked but not furniture.
void MarkFurniture(const BoilerplateInput& input, uint32_t collection_min, std::vector<Unit>* units,
                   int k) {
  Unit& u = (*units)[k];
  if (u.key.empty()) {
    MarkBad(&u, "no words");
  } else if (u.f.alpha_words == 0 && u.f.cjk == 0) {
    MarkBad(&u, "no letters (counter, score or number)");
  } else if (IsEndSignalKey(u.key)) {
    u.end_signal = true;
    MarkBad(&u, "end-of-article signal \"" + std::string(Utf8Prefix(u.text, 40)) + "\"");
  } else if (IsFurnitureKey(u.key)) {
    MarkBad(&u, "page furniture");
  } else if (IsCaption(u.key, u.f.words) || (u.f.words <= 60 && EndsWithCredit(u.text))) {
    // Before notices: "Image copyright Getty Images" credits a photo.
    u.image_text = true;
    u.caption_line = true;
    u.credit = u.f.words <= 10;
    MarkBad(&u, "photo caption or credit");
  } else if (HasFurnitureText(u.text, u.key, u.f.words)) {
    u.notice = true;
    MarkBad(&u, "legal or account notice");
  } else if (IsBreadcrumbTrail(u.text, u.f.words)) {
    MarkBad(&u, "breadcrumb trail");
  } else if (IsTaxonomyLine(u.text, u.key, u.f.words)) {
    MarkBad(&u, "tags, categories or counters");
  } else if (IsTeaserLink(u.text, u.key)) {
    u.teaser_label = u.text.back() == ':';
    MarkBad(&u, u.teaser_label ? "label over links to other stories" : "link to another story");
  } else if (LooksLikeLink(u.text, u.f)) {
    MarkBad(&u, "link or image");
  } else if (IsSelfRepeat(u.text)) {
    MarkBad(&u, "caption repeated in one line");
  } else if (u.key.size() >= 8 && IsNearCopy(*units, k)) {
    u.image_text = true;
    u.printed_nearby = true;
    MarkBad(&u, "repeated nearby (caption or teaser)");
  } else if (input.total_files >= 5 && u.first == u.last &&
             static_cast<size_t>(u.first) < input.files_with_line.size() &&
             input.files_with_line[u.first] >=
                 (u.f.words >= 30 ? collection_min * 2 : collection_min)) {
    MarkBad(&u, "in " + std::to_string(input.files_with_line[u.first]) + " of " +
                    std::to_string(input.total_files) + " files");
  } else if (IsDateStamp(u.text, u.f)) {
    u.date_only = true;
    u.reason = "date or time stamp";
    u.initial = Class::kShort;
  } else if (IsByline(u.text, u.f)) {
    u.byline = true;
    MarkBad(&u, "byline");
  }
}

// On a page whose prose is in mixed case, a line of eight words or more in
// capitals throughout is a link or a label ("CLICK HERE TO GET THE APP",
// a teaser headline), even inside the story. Wire copy in capitals
// throughout keeps its lines.
void DemoteCapitalLines(std::vector<Unit>* units) {
  int prose_units = 0, prose_lower = 0;
  for (const Unit& u : *units) {
    if (u.initial != Class::kGood) continue;
    ++prose_units;
    if (u.f.has_lower) ++prose_lower;
  }
  if (prose_units < 3 || prose_lower * 10 < prose_units * 9) return;
  for (Unit& u : *units) {
    // Sub-headings in capitals are short ("WHO IS THE FRONT-RUNNER?");
    // scripts without case have no capitals at all.
    if (u.hard_bad || u.f.has_lower || u.f.alpha_words < 8 || u.f.capitalised < u.f.alpha_words ||
        u.text.back() == '?') {
      continue;
    }
    MarkBad(&u, "in capitals on a page in mixed case (link or label)");
  }
}

// w3m prints an image's alt text and its caption as one block: the line
// right under a caption or a repeated line, with no blank line between, is
// its caption even when it reads like prose and names no credit. Likewise a
// caption sits right above its credit ("Jane Doe | Getty Images"); a full
// paragraph of prose does not.
void MarkCaptionNeighbours(std::vector<Unit>* units_ptr) {
  std::vector<Unit>& units = *units_ptr;
  for (int k = 1; k < static_cast<int>(units.size()); ++k) {
    Unit& u = units[k];
    const Unit& above = units[k - 1];
    if (u.hard_bad || !above.image_text || u.first != above.last + 1) continue;
    // A teaser prints its headline over and over; the story may go on right
    // under the last copy.
    if (k >= 2 && units[k - 2].key == above.key && units[k - 2].last + 1 == above.first) continue;
    MarkBad(&u, "caption: right under an image's alt text");
    u.image_text = true;
  }
  for (int k = 0; k + 1 < static_cast<int>(units.size()); ++k) {
    Unit& u = units[k];
    const Unit& below = units[k + 1];
    if (u.hard_bad || u.initial == Class::kGood || !below.credit || below.first != u.last + 1) {
      continue;
    }
    MarkBad(&u, "caption: right above a photo credit");
    u.image_text = true;
  }
  // w3m prints an image's alt text, a blank line, then its caption ("A man
  // stands at a podium" over "Jane Roe speaks in Gaza. (John Doe/Agency)"):
  // a short line set apart by blank lines right above a caption that names
  // its credit is that picture's alt text (a longer one when it does not end
  // a sentence). A quote is the story's.
  for (int k = 0; k + 1 < static_cast<int>(units.size()); ++k) {
    Unit& u = units[k];
    const Unit& below = units[k + 1];
    if (u.hard_bad || !below.caption_line || below.credit || below.first != u.last + 2 ||
        u.f.words > (u.f.ends_sentence ? kMaxAltTextWords : kMaxAltTextWordsNoStop) ||
        (k > 0 && units[k - 1].last + 1 == u.first) ||
        StartsWithQuote(u.text)) {
      continue;
    }
    MarkBad(&u, "caption: alt text right above a picture's caption");
    u.image_text = true;
  }
  // A credit that opens with its label ("Foto: Jane Roe") closes a figure
  // block of its own: up to three lines right above it, with no blank line
  // between and a blank line above them, are its caption even when they
  // read as prose.
  for (int k = 1; k < static_cast<int>(units.size()); ++k) {
    if (!units[k].credit || !StartsWithCreditLabel(units[k].text)) continue;
    int top = k;
    while (top > 0 && k - top < 3 && units[top - 1].last + 1 == units[top].first) --top;
    if (top == k || (top > 0 && units[top - 1].last + 1 == units[top].first)) continue;
    for (int j = top; j < k; ++j) {
      if (units[j].hard_bad) continue;
      MarkBad(&units[j], "caption: in the block a photo credit closes");
      units[j].image_text = true;
    }
  }
}

// A gallery prints each picture as a counter ("3/50 City for sale", "Image
// 3 of 12") and its caption, which can read like prose; fifty of them
// outweigh a story. Three counters or more of the same total, in order,
// make a gallery: the counters and what lies between them are captions, and
// so is as much after the last counter as the shortest item holds.
void MarkGalleries(std::vector<Unit>* units_ptr) {
  std::vector<Unit>& units = *units_ptr;
  const int m = static_cast<int>(units.size());
  struct Counter {
    int unit, index;
  };
  std::unordered_map<int, std::vector<Counter>> by_total;
  for (int k = 0; k < m; ++k) {
    int index = 0, total = 0;
    if (units[k].f.words <= 12 && ParseGalleryCounter(units[k].text, &index, &total)) {
      by_total[total].push_back({k, index});
    }
  }
  for (const auto& [total, counters] : by_total) {
    if (counters.size() < 3) continue;
    bool in_order = true;
    int shortest = m;
    for (size_t i = 1; i < counters.size(); ++i) {
      in_order = in_order && counters[i].index > counters[i - 1].index;
      shortest = std::min(shortest, counters[i].unit - counters[i - 1].unit);
    }
    if (!in_order) continue;
    int end = std::min(m, counters.back().unit + shortest);
    for (int k = counters.front().unit; k < end; ++k) {
      if (units[k].hard_bad) continue;
      MarkBad(&units[k],
              "gallery of " + std::to_string(total) + " pictures (" + units[k].reason + ")");
      units[k].image_text = true;
    }
  }
}

// Stage 2: the context-free class of every unit, and the furniture.
void ClassifyUnits(const BoilerplateInput& input, bool has_stop_words, std::vector<Unit>* units) {
  uint32_t collection_min = std::max<uint32_t>(4, input.total_files / 50);
  for (int k = 0; k < static_cast<int>(units->size()); ++k) {
    Unit& u = (*units)[k];
    u.initial = Classify(u, has_stop_words, &u.reason);
    MarkFurniture(input, collection_min, units, k);
  }
  DemoteCapitalLines(units);
  MarkGalleries(units);
  MarkCaptionNeighbours(units);
}

// The class of the nearest unit in direction step that is not short (nor
// near-prose, with skip_near); the page edges count as bad.
Class Neighbour(const std::vector<Unit>& units, int k, int step, bool skip_near) {
  const int m = static_cast<int>(units.size());
  for (int j = k + step; j >= 0 && j < m; j += step) {
    Class c = units[j].initial;
    if (c == Class::kShort) continue;
    if (skip_near && c == Class::kNearGood) continue;
    return c;
  }
  return Class::kBad;
}

// Stage 3 (jusText): near-prose and short units take the class of their
// neighbours.
void SmoothByContext(std::vector<Unit>* units_ptr) {
  std::vector<Unit>& units = *units_ptr;
  const int m = static_cast<int>(units.size());
  for (Unit& u : units) u.cls = u.initial;
  for (int k = 0; k < m; ++k) {
    Unit& u = units[k];
    if (u.hard_bad || u.initial != Class::kNearGood) continue;
    Class prev = Neighbour(units, k, -1, true), next = Neighbour(units, k, +1, true);
    if (prev == Class::kGood || next == Class::kGood) {
      u.cls = Class::kGood;
      u.reason += ", next to prose";
    } else {
      u.cls = Class::kBad;
      u.reason += ", no prose nearby";
    }
  }
  auto goodish = [](Class c) { return c == Class::kGood || c == Class::kNearGood; };
  for (int k = 0; k < m; ++k) {
    Unit& u = units[k];
    if (u.hard_bad || u.initial != Class::kShort) continue;
    Class prev = Neighbour(units, k, -1, false), next = Neighbour(units, k, +1, false);
    // Only a run of one or two short lines can be a sub-heading.
    bool lone = (k == 0 || units[k - 1].initial != Class::kShort || k < 2 ||
                 units[k - 2].initial != Class::kShort) &&
                (k + 1 >= m || units[k + 1].initial != Class::kShort);
    if (goodish(prev) && goodish(next) && lone && !u.date_only && !IsInlineTeaser(u.key) &&
        units[k].f.words <= 20) {
      u.cls = Class::kGood;
      u.reason += " between prose paragraphs (sub-heading)";
    } else {
      u.cls = Class::kBad;
      if (u.date_only) continue;
      u.reason += goodish(prev) && goodish(next) ? " (teaser or run of short lines)"
                                                 : ", not between prose";
    }
  }
}

// Menus: three or more lines with no blank line between them, of a few
// words (fewer than three) each on average.
std::vector<bool> FindMenus(const std::vector<Unit>& units) {
  const int m = static_cast<int>(units.size());
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
  return menu;
}

// Lists and tables: a run of units with at most one blank line between them
// and nothing the page never says in a story (furniture, captions, links,
// end-of-article signals, time stamps, menus). Returns one past the last.
int ListRunEnd(const std::vector<Unit>& units, const std::vector<bool>& menu, int from) {
  const int m = static_cast<int>(units.size());
  int j = from;
  while (j < m && !units[j].hard_bad && !units[j].date_only && !menu[j] &&
         (j == from || units[j].first - units[j - 1].last <= 2)) {
    ++j;
  }
  return j;
}

// Stage 4: a paragraph ending in a colon announces a list or table
// ("Standings after 36 races:", "Here are the highlights:"), and so does a
// line of any length ending in "as follows" ("各地の震度は次のとおり。"): its
// items belong to the story, however little they read like prose, and weigh
// in its favour.
void MarkAnnouncedLists(const std::vector<bool>& menu, std::vector<Unit>* units_ptr) {
  std::vector<Unit>& units = *units_ptr;
  const int m = static_cast<int>(units.size());
  for (int k = 0; k + 1 < m; ++k) {
    const Unit& head = units[k];
    bool announces = (head.cls == Class::kGood && head.text.back() == ':') ||
                     (!head.hard_bad && EndsAnnouncingAList(head.key));
    if (!announces) continue;
    if (units[k + 1].first - head.last > 2) continue;
    int end = ListRunEnd(units, menu, k + 1);
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
}

struct Cluster {
  int begin, end;  // unit indexes, inclusive
  long weight;
};

// The number a unit opens with ("3. Don't use ..."), or -1.
int LeadingItemNumber(const Unit& u) {
  const std::string& t = u.text;
  size_t digits = 0;
  int n = 0;
  while (digits < t.size() && digits < 3 && t[digits] >= '0' && t[digits] <= '9') {
    n = n * 10 + (t[digits++] - '0');
  }
  return digits > 0 && digits + 1 < t.size() && t[digits] == '.' && t[digits + 1] == ' ' ? n : -1;
}

// What a unit of prose adds to its cluster: its length, by how much it reads
// like running text (contact blocks and teaser captions are long but thin in
// stop words).
long ProseWeight(const Unit& u, int n, bool has_stop_words) {
  double density = u.f.words > 0 ? static_cast<double>(u.f.stop_words) / u.f.words : 0;
  double prose = has_stop_words ? std::min(1.0, density / 0.3) : 1.0;
  long w = u.initial == Class::kGood ? static_cast<long>(u.f.chars * prose) + u.f.cjk * 2 : 0;
  // List items count for their text, not their padding, and half.
  if (u.list_head >= 0) w = static_cast<long>(u.key.size()) / 2;
  // The last stretch of a long page is its footer (disclaimers, about the
  // publisher): it counts half.
  if (n >= kLongPage && u.first * 100 >= n * 85) w /= 2;
  return w;
}

// Stage 5: clusters of prose units separated by at most a few bad lines and
// by no end-of-article signal, notice or time stamp.
std::vector<Cluster> FindClusters(const std::vector<Unit>& units, int n, bool has_stop_words) {
  std::vector<Cluster> clusters;
  int gap_lines = 0;
  bool cut = true;
  int pending_bad = 0;
  for (int k = 0; k < static_cast<int>(units.size()); ++k) {
    const Unit& u = units[k];
    if (u.cls == Class::kGood) {
      long w = ProseWeight(u, n, has_stop_words);
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
  return clusters;
}

// Nothing reads like prose (a stub, a list, an odd language): keep the lines
// of at least a few words, else every line with words, so that the body is
// never empty.
std::vector<Cluster> KeepLongestLines(std::vector<Unit>* units_ptr) {
  std::vector<Unit>& units = *units_ptr;
  const int m = static_cast<int>(units.size());
  std::vector<Cluster> clusters;
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
  return clusters;
}

// Content words of the prose units from..to, with their counts.
std::unordered_map<std::string, int> ProseWords(const std::vector<Unit>& units, int from, int to,
                                                const StopWordTest& is_stop) {
  std::unordered_map<std::string, int> words;
  for (int k = from; k <= to; ++k) {
    if (units[k].initial != Class::kGood) continue;
    ForEachWord(units[k].text, [&](std::string_view w) {
      if (w.size() >= 4 && !is_stop(w)) ++words[std::string(w)];
    });
  }
  return words;
}

// A stretch whose every paragraph the page prints again elsewhere is a
// teaser block (a box shown in the header and again in the footer); it
// weighs nothing in the choice of the story when the page has a substantial
// stretch of its own that is about something else. A copy that shares the
// words of that stretch is the story printed twice (a summary in the page's
// metadata) and keeps its weight.
void DiscountCopies(const std::vector<Unit>& units, const StopWordTest& is_stop,
                    std::vector<Cluster>* clusters) {
  // Keys by their hash: a collision only makes a line look printed twice.
  std::unordered_map<size_t, int> seen;
  seen.reserve(units.size());
  const std::hash<std::string> hash;
  for (const Unit& u : units) {
    if (u.key.size() >= 20) ++seen[hash(u.key)];
  }
  std::vector<bool> copy(clusters->size(), false);
  bool any_copy = false;
  int own = -1;
  for (size_t c = 0; c < clusters->size(); ++c) {
    const Cluster& cl = (*clusters)[c];
    int prose = 0, printed_again = 0;
    for (int k = cl.begin; k <= cl.end; ++k) {
      if (units[k].initial != Class::kGood) continue;
      ++prose;
      if (units[k].key.size() < 20) continue;
      auto it = seen.find(hash(units[k].key));
      if (it != seen.end() && it->second >= 2) ++printed_again;
    }
    copy[c] = prose > 0 && printed_again == prose;
    any_copy = any_copy || copy[c];
    if (!copy[c] && cl.weight >= kSubstantial && (own < 0 || cl.weight > (*clusters)[own].weight)) {
      own = static_cast<int>(c);
    }
  }
  if (own < 0 || !any_copy) return;
  const auto own_words = ProseWords(units, (*clusters)[own].begin, (*clusters)[own].end, is_stop);
  for (size_t c = 0; c < clusters->size(); ++c) {
    if (!copy[c]) continue;
    int shared = 0, total = 0;
    for (const auto& [w, count] :
         ProseWords(units, (*clusters)[c].begin, (*clusters)[c].end, is_stop)) {
      total += count;
      if (own_words.count(w)) shared += count;
    }
    if (shared * 100 < total * kStoryOverlapPct) (*clusters)[c].weight = 0;
  }
}

// Once a page has shown a substantial stretch of prose and then an
// end-of-article signal, what follows are lists of other stories, however
// long they are: the clusters from there on cannot be the story.
int EligibleEnd(const std::vector<Unit>& units, const std::vector<Cluster>& clusters) {
  long max_weight = 0;
  for (const Cluster& c : clusters) max_weight = std::max(max_weight, c.weight);
  for (int c = 0; c + 1 < static_cast<int>(clusters.size()); ++c) {
    if (clusters[c].weight < kSubstantial || clusters[c].weight * 10 < max_weight * 3) {
      continue;
    }
    for (int k = clusters[c].end + 1; k < clusters[c + 1].begin; ++k) {
      if (units[k].end_signal) return c + 1;
    }
  }
  return static_cast<int>(clusters.size());
}

struct ListBlock {
  int begin = -1, end = -1;  // unit indexes, inclusive
  long weight = 0;
};

// A page with no stretch of prose worth the name (results, standings, a
// schedule) is its biggest list: the longest run of lines of a few words
// that are neither furniture nor time stamps.
ListBlock LongestList(const std::vector<Unit>& units, const std::vector<bool>& menu) {
  const int m = static_cast<int>(units.size());
  ListBlock block;
  for (int k = 0; k < m;) {
    if (units[k].hard_bad || units[k].date_only || menu[k]) {
      ++k;
      continue;
    }
    int end = ListRunEnd(units, menu, k);
    long w = 0;
    for (int j = k; j < end; ++j) {
      if (units[j].f.words >= 3) w += static_cast<long>(units[j].key.size());
    }
    if (w > block.weight) block = {k, end - 1, w};
    k = end;
  }
  return block;
}

// The story's stretch of units and how it was found, for --explain.
struct Story {
  Cluster span{0, 0, 0};
  bool list_page = false;
  std::vector<bool> boxed;        // skipped over when a box inside the story is crossed
  int tail_items = 0;             // list items taken in after the last paragraph
  std::string tail_stop;          // what ends that list
  std::vector<int> listed_under;  // link under a "More:" label inside the story
  bool feed_cut = false;          // the story ran into a feed of headlines, cut off
};

// Stage 6: grows the heaviest cluster into the story. Articles are broken up
// by photos, ads and pull quotes longer than the cluster gap; neighbouring
// clusters join the story unless an end-of-article signal or a time stamp
// lies between them. Past a signal (a "Related" or "Trending" box), a
// stretch that continues the same story shares its content words; comments
// and teasers for other stories mostly do not.
class StoryGrower {
 public:
  StoryGrower(const std::vector<Unit>& units, const std::vector<Cluster>& clusters,
              int eligible_end, const StopWordTest& is_stop, Story* story)
      : units_(units),
        clusters_(clusters),
        eligible_end_(eligible_end),
        is_stop_(is_stop),
        story_(story) {
    story_->boxed.assign(units.size(), false);
    taken_.push_back(story_->span);
  }

  void Grow(int best) {
    const int num_clusters = static_cast<int>(clusters_.size());
    for (int c = best + 1; c < num_clusters; ++c) {
      if (!Extend(&c, +1)) break;
    }
    for (int c = best - 1; c >= 0; --c) {
      if (!Extend(&c, -1)) break;
    }
    TakeInnerStretches();
  }

 private:
  enum class Between { kJoin, kCut, kSignal, kParenthesis, kGallery };

  void ContentWords(int from, int to, std::unordered_map<std::string, int>* out_words) const {
    for (int k = from; k <= to; ++k) {
      if (units_[k].initial != Class::kGood) continue;
      ForEachWord(units_[k].text, [&](std::string_view w) {
        if (w.size() >= 4 && !is_stop_(w)) ++(*out_words)[std::string(w)];
      });
    }
  }

  bool ContinuesStory(const Cluster& c) const { return ContinuesStory(c, kStoryOverlapPct); }

  // A paragraph of the story printed again (a summary in the page's
  // metadata, a teaser of this very story) is not its continuation.
  bool RepeatsStory(const Cluster& c) const {
    const Cluster& main = story_->span;
    for (int k = c.begin; k <= c.end; ++k) {
      if (units_[k].initial != Class::kGood) continue;
      if (k == c.begin && IsClosingNote(units_[k].text, units_[k].key, units_[k].f)) return true;
      for (int j = main.begin; j <= main.end; ++j) {
        if (units_[j].key == units_[k].key) return true;
      }
    }
    return false;
  }

  bool ContinuesStory(const Cluster& c, int overlap_pct) const {
    std::unordered_map<std::string, int> words;
    ContentWords(c.begin, c.end, &words);
    const std::unordered_map<std::string, int>& main_words = MainWords();
    int shared = 0, total = 0;
    for (const auto& [w, count] : words) {
      total += count;
      if (main_words.count(w)) shared += count;
    }
    // A numbered list right after "Related" is a list of stories.
    for (int k = c.begin; k <= c.end; ++k) {
      if (units_[k].initial != Class::kGood) continue;
      const std::string& t = units_[k].text;
      size_t digits = 0;
      while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
      if (digits > 0 && digits + 1 < t.size() && t[digits] == '.' && t[digits + 1] == ' ') {
        return false;
      }
      break;
    }
    return c.weight >= kSubstantial / 2 && total > 0 && shared * 100 >= total * overlap_pct &&
           !IsCardFeed(c);
  }

  // Teaser cards for stories on the same subject share the story's words:
  // each summary sits right under a headline the page prints twice (the
  // card's picture link and title link). Two or more such paragraphs, and
  // half of the stretch's prose, make a feed of cards, not the story going
  // on; a label of a few words printed between paragraphs ("Article
  // content") is not a headline.
  bool IsCardFeed(const Cluster& c) const {
    int prose = 0, under_copy = 0;
    for (int k = c.begin; k <= c.end; ++k) {
      if (units_[k].initial != Class::kGood) continue;
      ++prose;
      int j = k - 1;
      while (j >= 0 && units_[j].f.words <= 3 && !units_[j].printed_nearby && k - j <= 2) --j;
      if (j >= 0 && units_[j].printed_nearby && units_[j].f.words >= 4 &&
          units_[k].first - units_[j].last <= 3) {
        ++under_copy;
      }
    }
    return under_copy >= 2 && under_copy * 2 >= prose;
  }

  static int LeadingNumber(const Unit& u) { return LeadingItemNumber(u); }

  // The story's items are numbered: the first later cluster, within
  // kMaxNumberedGap lines, whose first numbered unit carries the next number
  // goes on with the story from that unit, whatever lies between (a video
  // player, a gallery, a box of teasers). Joins it and returns true.
  bool JoinNumbered(int* c) {
    Cluster& main = story_->span;
    int last = -1;
    for (int k = main.end; k >= main.begin && last < 0; --k) {
      if (!units_[k].hard_bad) last = LeadingNumber(units_[k]);
    }
    if (last < 1) return false;
    const int num_clusters = static_cast<int>(clusters_.size());
    // The next number is evidence enough past an end-of-article signal too
    // (a "Most popular" box inside a listicle); a list of other stories
    // starts at 1.
    for (int d = *c; d < num_clusters; ++d) {
      if (units_[clusters_[d].begin].first - units_[main.end].last > kMaxNumberedGap) break;
      // The item's number may open a short heading right above the
      // cluster ("6. Mini bars lose money" over its paragraph).
      int from = clusters_[d].begin;
      while (from - 1 > main.end && clusters_[d].begin - (from - 1) <= 2 &&
             !units_[from - 1].hard_bad && units_[from].first - units_[from - 1].last <= 3) {
        --from;
      }
      int n = -1, item = from;
      for (; item <= clusters_[d].end; ++item) {
        if (!units_[item].hard_bad && (n = LeadingNumber(units_[item])) >= 0) break;
      }
      if (n < 0) continue;
      if (n != last + 1) return false;
      // The story resumes at the numbered item; what comes before it in
      // its cluster belongs to the box.
      for (int k = main.end + 1; k < item; ++k) story_->boxed[k] = true;
      main.end = clusters_[d].end;
      *c = d;
      return true;
    }
    return false;
  }

  // A byline or a time stamp lies at most kStampToStory lines above unit
  // `begin`, with no prose between.
  bool StampAbove(int begin) const {
    for (int k = begin - 1; k >= 0; --k) {
      if (units_[begin].first - units_[k].last > kStampToStory) return false;
      if (units_[k].byline || units_[k].date_only) return true;
      if (units_[k].initial == Class::kGood) return false;
    }
    return false;
  }

  // c is where the story opens, and the stretch taken for the story is not:
  // c sits under a byline or stamp and the story does not, and c has more
  // than one paragraph (a standfirst under the stamp has one).
  bool OpensStoryAbove(const Cluster& c) const {
    int paragraphs = 0;
    for (int k = c.begin; k <= c.end; ++k) paragraphs += units_[k].initial == Class::kGood;
    return paragraphs >= 2 && StampAbove(c.begin) && !StampAbove(story_->span.begin);
  }

  // kCut: too far, or a time stamp between; kSignal: only an end-of-article
  // signal or a notice between (joins if the story goes on).
  // kParenthesis: a cut that is short enough to be a box inside the story
  // (a product box, a gallery, a related box with its dates).
  // kGallery: nothing but captions, credits, player notices and labels of
  // a few words between, at least kMinGalleryCaptions captions: pictures
  // inside the story, however many.
  Between CutBetween(int from, int to) const {
    int lines = 0, captions = 0;
    bool only_pictures = true;
    for (int k = from + 1; k < to; ++k) {
      lines += units_[k].last - units_[k].first + 1;
      if (units_[k].image_text) {
        ++captions;
      } else if (!units_[k].notice && units_[k].f.words > 3) {
        only_pictures = false;
      }
    }
    Between why = PlainCutBetween(from, to);
    if (why == Between::kCut && only_pictures && captions >= kMinGalleryCaptions) {
      return Between::kGallery;
    }
    return why == Between::kCut && lines <= kMaxParenthesisGap ? Between::kParenthesis : why;
  }

  Between PlainCutBetween(int from, int to) const {
    int gap = 0;
    bool signal = false;
    for (int k = from + 1; k < to; ++k) {
      if (units_[k].date_only) return Between::kCut;
      if (units_[k].end_signal || units_[k].notice) signal = true;
      gap += units_[k].last - units_[k].first + 1;
    }
    if (gap > kMaxJoinGap) return Between::kCut;
    return signal ? Between::kSignal : Between::kJoin;
  }

  // Boxes the units between from and to, and the teaser lines that open the
  // next stretch (they read as prose only by being next to it).
  void Box(int from, int to) {
    const int m = static_cast<int>(units_.size());
    for (int k = from + 1; k < to; ++k) story_->boxed[k] = true;
    if (to > from) {
      for (int k = to; k < m && units_[k].initial != Class::kGood; ++k) story_->boxed[k] = true;
    }
  }

  // A stretch of prose inside the story that a crossed box took with it
  // (two paragraphs between a "More news" list and an embedded post) is the
  // story's when it shares kInnerOverlapPct of its words and prints none of
  // the story's paragraphs again: teasers set inside a story are headlines,
  // or summaries about other things.
  void TakeInnerStretches() {
    const Cluster& main = story_->span;
    for (const Cluster& c : clusters_) {
      if (c.begin <= main.begin || c.end >= main.end || !story_->boxed[c.begin] ||
          !ContinuesStory(c, kInnerOverlapPct)) {
        continue;
      }
      bool copy = false;
      for (int k = c.begin; k <= c.end && !copy; ++k) {
        if (units_[k].initial != Class::kGood) continue;
        for (int j = main.begin; j <= main.end && !copy; ++j) {
          copy = (j < c.begin || j > c.end) && !story_->boxed[j] && units_[j].key == units_[k].key;
        }
      }
      if (copy) continue;
      for (int k = c.begin; k <= c.end; ++k) story_->boxed[k] = false;
    }
  }

  // Joins the next cluster in direction step, or crosses a box of teasers
  // to a later cluster that continues the story; false when neither works.
  bool Extend(int* c, int step) {
    Cluster& main = story_->span;
    const int num_clusters = static_cast<int>(clusters_.size());
    int near_end = step > 0 ? main.end : main.begin;
    for (int d = *c; d >= 0 && d < num_clusters; d += step) {
      int from = step > 0 ? near_end : clusters_[d].end;
      int to = step > 0 ? clusters_[d].begin : near_end;
      Between why = CutBetween(from, to);
      if (why == Between::kCut) return step > 0 && JoinNumbered(c);
      if (why == Between::kGallery) {
        // Pictures inside the story, in either direction: the prose on the
        // other side must go on with the story's words.
        if (d >= eligible_end_ || RepeatsStory(clusters_[d]) ||
            !ContinuesStory(clusters_[d], kParenthesisOverlapPct)) {
          return step > 0 && JoinNumbered(c);
        }
        Box(from, to);
      } else if (why == Between::kParenthesis) {
        // Past a box the story resumes only forward, with prose that goes
        // on with its words and is not a copy of it.
        // Backward only to the story's opening under its byline or stamp.
        if ((step < 0 && !OpensStoryAbove(clusters_[d])) || d >= eligible_end_ ||
            RepeatsStory(clusters_[d]) ||
            !ContinuesStory(clusters_[d], step < 0 ? kOpeningOverlapPct : kParenthesisOverlapPct)) {
          return step > 0 && JoinNumbered(c);
        }
        Box(from, to);
      } else if (why == Between::kJoin && d == *c) {
        if (step > 0 && d >= eligible_end_) return false;
      } else if (!ContinuesStory(clusters_[d])) {
        continue;
      } else {
        Box(from, to);
      }
      if (step > 0) {
        main.end = clusters_[d].end;
      } else {
        main.begin = clusters_[d].begin;
      }
      // The story's words are those of all it has taken in so far.
      taken_.push_back(clusters_[d]);
      *c = d;
      return true;
    }
    // Nothing past the signals goes on with the story's words; its next
    // numbered item still does.
    return step > 0 && JoinNumbered(c);
  }

  const std::vector<Unit>& units_;
  const std::vector<Cluster>& clusters_;
  const int eligible_end_;
  const StopWordTest& is_stop_;
  // The story's content words: those of every stretch it has taken in,
  // counted when first asked for, since most stories grow without asking.
  const std::unordered_map<std::string, int>& MainWords() const {
    for (; counted_ < taken_.size(); ++counted_) {
      ContentWords(taken_[counted_].begin, taken_[counted_].end, &main_words_);
    }
    return main_words_;
  }

  Story* story_;
  std::vector<Cluster> taken_;  // the first span, then each stretch joined
  mutable size_t counted_ = 0;  // stretches of taken_ in main_words_
  mutable std::unordered_map<std::string, int> main_words_;
};

// Stage 7: the article starts with real prose, and a short tail of lines
// that only borrowed the class from a neighbour (a newsletter box, "Find a
// partner") is not part of it; a long tail is a list the article ends with.
void TrimToProse(const std::vector<Unit>& units, Cluster* main) {
  // A long paragraph without a full stop that runs straight into the story
  // (no byline, stamp or share buttons between) is its first.
  auto opens_story = [&](int k) {
    if (units[k].initial != Class::kNearGood || units[k].f.words < 16) return false;
    for (int j = k + 1; j <= main->end; ++j) {
      if (units[j].initial == Class::kGood) return true;
      if (units[j].initial != Class::kNearGood) return false;
    }
    return false;
  };
  while (main->begin < main->end && units[main->begin].initial != Class::kGood &&
         !opens_story(main->begin)) {
    ++main->begin;
  }
  int last_prose = main->end;
  auto sentence = [&](const Unit& u) {
    return u.initial == Class::kGood ||
           (!u.hard_bad && u.f.ends_sentence && u.f.words >= 3 && !u.date_only);
  };
  while (last_prose > main->begin && !sentence(units[last_prose])) --last_prose;
  int tail = 0;
  for (int k = last_prose + 1; k <= main->end; ++k) tail += units[k].hard_bad ? 0 : 1;
  if (tail <= kShortTail) main->end = last_prose;
}

// A headline in a feed of other stories: five to twenty words, one
// sentence without its full stop, not a numbered or bulleted item, nor the
// item of an announced list.
bool IsFeedHeadline(const Unit& u) {
  if (u.hard_bad || u.date_only || u.list_head >= 0 || u.f.words < 5 ||
      u.f.words > kFeedHeadlineMaxWords || u.f.sentence_marks > 0 || u.f.ends_sentence) {
    return false;
  }
  unsigned char c = static_cast<unsigned char>(u.text[0]);
  if (c == '-' || c == '*' || c == 0xE2) return false;  // "- ", "* ", "• ", "– "
  size_t digits = 0;
  while (digits < u.text.size() && u.text[digits] >= '0' && u.text[digits] <= '9') ++digits;
  return digits == 0 || digits >= u.text.size() || (u.text[digits] != '.' && u.text[digits] != ')');
}

// Stage 7b: a feed of other stories' headlines that the story ran into.
// Headlines set apart by blank lines, kFeedRun or more in a row (labels of
// a few words between them do not count), after which the span never has
// two paragraphs of prose in a row, are teasers: a story's sub-heading is
// followed by its paragraphs, and a list of its own is set tight or
// announced. The story ends at its last paragraph above the feed.
void CutHeadlineFeed(const std::vector<Unit>& units, Story* story) {
  Cluster* main = &story->span;
  auto kept = [&](int k) {
    return !story->boxed[k] && (units[k].cls == Class::kGood || !units[k].hard_bad);
  };
  int run_start = -1, run = 0, prev = -1;
  for (int k = main->begin; k <= main->end; ++k) {
    if (!kept(k)) continue;
    const Unit& u = units[k];
    if (run > 0 && u.f.words < 5 && !u.f.ends_sentence) {
      prev = k;
      continue;
    }
    bool apart = prev < 0 || u.first > units[prev].last + 1;
    prev = k;
    if (!IsFeedHeadline(u)) {
      run = 0;
      continue;
    }
    if (run == 0 || !apart) {
      run = 0;
      run_start = k;
    }
    if (++run < kFeedRun) continue;
    bool story_goes_on = false;
    bool last_was_prose = false;
    for (int j = k + 1; j <= main->end && !story_goes_on; ++j) {
      if (!kept(j)) continue;
      bool prose = units[j].initial == Class::kGood && units[j].f.ends_sentence;
      story_goes_on = prose && last_was_prose;
      last_was_prose = prose;
    }
    if (story_goes_on) continue;
    int end = run_start - 1;
    while (end > main->begin && !(units[end].initial == Class::kGood && kept(end))) --end;
    if (end > main->begin) {
      main->end = end;
      story->feed_cut = true;
    }
    return;
  }
}

// Stage 8: lists the story ends with. A line ending in a colon announces a
// list ("Tour dates:", "Here are the highlights:"); the run of lines that
// follows it without a blank line is part of the article even after its last
// paragraph. A list or table right after the last paragraph (tour dates, a
// recipe's steps, results) that runs up to the page furniture is how the
// article ends; teaser lists are set apart by a heading such as "Related",
// which stops the run.
void TakeClosingLists(const std::vector<Unit>& units, const std::vector<bool>& menu, Story* story) {
  Cluster& main = story->span;
  const int m = static_cast<int>(units.size());
  for (int k = main.begin; k <= main.end + 1 && k < m; ++k) {
    if (units[k].hard_bad || units[k].text.empty() || units[k].text.back() != ':') continue;
    int j = k + 1;
    while (j < m && units[j].first == units[j - 1].last + 1 && !units[j].hard_bad) ++j;
    if (j - 1 > main.end && j - k > 2) main.end = j - 1;
  }
  if (main.end + 1 >= m || units[main.end + 1].first - units[main.end].last > 2) return;
  int end = ListRunEnd(units, menu, main.end + 1);
  bool furniture_next = end >= m || units[end].hard_bad || units[end].date_only;
  // Headlines in Title Case without a figure in them are teasers; the lists
  // stories end with have dates, counts, scores.
  int headlines = 0, feed = 0;
  for (int j = main.end + 1; j < end; ++j) {
    const LineFeatures& f = units[j].f;
    if (f.digits == 0 && f.alpha_words >= 4 && f.capitalised * 10 >= f.alpha_words * 7) {
      ++headlines;
    }
    feed += IsFeedHeadline(units[j]);
  }
  // Nor is a list that goes on with the feed of headlines the story was
  // cut from (half of its lines are such headlines); a recipe's or a
  // plan's list under its last paragraph is mostly not.
  const int items = end - (main.end + 1);
  bool teasers = headlines * 2 >= items || (story->feed_cut && feed * 2 >= items);
  if (items >= 3 && furniture_next && !teasers) {
    story->tail_items = end - (main.end + 1);
    story->tail_stop = end < m ? "up to line " + std::to_string(units[end].first + 1) + " (" +
                                     units[end].reason + ")"
                               : "up to the end of the page";
    main.end = end - 1;
  }
}

// Stage 8b: the story's last paragraphs may be notes about it (the author's
// bio, where to send tips, who else reported): the story ends before them.
void DropClosingNotes(const std::vector<Unit>& units, Story* story) {
  Cluster* main = &story->span;
  int dropped = 0;
  while (main->end > main->begin && dropped < 3 &&
         IsClosingNote(units[main->end].text, units[main->end].key, units[main->end].f)) {
    --main->end;
    ++dropped;
  }
  // A heading "About Jane Roe" over the last few paragraphs: the author's
  // box, not the story. A company's box ("About Acme") is left alone: press
  // releases print it as part of the release as often as not.
  int paragraphs = 0;
  for (int k = main->end; k > main->begin && paragraphs <= kAboutBoxParagraphs; --k) {
    const Unit& u = units[k];
    if (u.initial == Class::kGood) {
      ++paragraphs;
      continue;
    }
    if (paragraphs > 0 && u.f.words <= 5 && IsAboutPersonHeading(u.text)) {
      dropped += main->end - k + 1;
      main->end = k - 1;
      while (main->end > main->begin && units[main->end].hard_bad) --main->end;
      break;
    }
  }
  story->tail_items = std::max(0, story->tail_items - dropped);
}

// Stage 9: "More:" or "Related:" inside the story, then headlines (no full
// stop, not prose): links to other stories, up to the story's next paragraph
// or its next numbered item.
std::vector<int> LinksListedUnder(const std::vector<Unit>& units, const Cluster& main) {
  const int m = static_cast<int>(units.size());
  std::vector<int> listed_under(units.size(), -1);
  int last_item = -1;  // number of the story's last numbered item so far
  for (int k = main.begin; k <= main.end && k < m; ++k) {
    if (listed_under[k] < 0 && LeadingItemNumber(units[k]) >= 0) {
      last_item = LeadingItemNumber(units[k]);
    }
    if (!units[k].teaser_label && !units[k].end_signal) continue;
    for (int j = k + 1; j <= main.end && units[j].first - units[j - 1].last <= 2; ++j) {
      const Unit& link = units[j];
      if (link.initial == Class::kGood || link.f.ends_sentence || link.list_head >= 0) break;
      // The story's next numbered item ends the list of links.
      if (last_item >= 1 && LeadingItemNumber(link) == last_item + 1) break;
      listed_under[j] = k;
    }
  }
  return listed_under;
}

// Why unit k is kept or dropped, given the story; sets *keep.
std::string Explain(const std::vector<Unit>& units, const Story& story, int k, bool* keep) {
  const Unit& u = units[k];
  const Cluster& main = story.span;
  bool in_main = k >= main.begin && k <= main.end;
  if (in_main && story.listed_under[k] >= 0) {
    const Unit& label = units[story.listed_under[k]];
    *keep = false;
    return "link listed under \"" + std::string(Utf8Prefix(label.text, 40)) + "\" (line " +
           std::to_string(label.first + 1) + ")";
  }
  // Inside the article, lines that are not furniture are body even when
  // short: list items, table rows, sub-headings.
  *keep = in_main && !story.boxed[k] && (u.cls == Class::kGood || !u.hard_bad);
  if (*keep && story.list_page) {
    return "no stretch of prose on the page; its longest list: " + u.reason;
  } else if (in_main && story.boxed[k]) {
    return "box of other stories inside the article: " + u.reason;
  } else if (*keep && k > main.end - story.tail_items) {
    return "list right after the last paragraph, " + story.tail_stop + ": " + u.reason;
  } else if (*keep && u.cls != Class::kGood) {
    return "inside the article: " + u.reason;
  } else if (*keep) {
    return ClassName(u.initial) + std::string(": ") + u.reason;
  } else if (u.cls == Class::kGood) {
    return "outside the article (" + std::string(k < main.begin ? "before" : "after") +
           " it): " + u.reason;
  }
  return u.reason;
}

// Stage 10: the result, line by line.
void WriteResult(const std::vector<Unit>& units, const Story& story, BoilerplateResult* out) {
  const int n = static_cast<int>(out->keep.size());
  for (int k = 0; k < static_cast<int>(units.size()); ++k) {
    const Unit& u = units[k];
    bool keep = false;
    std::string why = Explain(units, story, k, &keep);
    for (int i = u.first; i <= u.last; ++i) {
      out->keep[i] = keep;
      out->reason[i] = why;
    }
    if (keep) {
      out->paragraphs.push_back(u.text);
      if (out->first_kept < 0) out->first_kept = u.first;
      out->last_kept = u.last;
    }
    if (k > story.span.end && u.end_signal && out->end_marker == n) out->end_marker = u.first;
  }
}

}  // namespace

bool IsEndOfArticleSignal(std::string_view line) { return IsEndSignalKey(LineKey(line)); }

BoilerplateResult RemoveBoilerplate(const BoilerplateInput& input) {
  const auto& lines = input.lines;
  const int n = static_cast<int>(lines.size());
  BoilerplateResult out;
  out.keep.assign(lines.size(), false);
  out.reason.assign(lines.size(), "blank");
  out.end_marker = n;

  const bool has_stop_words = HasStopWords(input.language);
  const StopWordTest is_stop(input.language);
  std::vector<Unit> units = MakeUnits(input, is_stop);
  ClassifyUnits(input, has_stop_words, &units);
  SmoothByContext(&units);
  const std::vector<bool> menu = FindMenus(units);
  MarkAnnouncedLists(menu, &units);

  std::vector<Cluster> clusters = FindClusters(units, n, has_stop_words);
  if (clusters.empty()) clusters = KeepLongestLines(&units);
  DiscountCopies(units, is_stop, &clusters);
  const int eligible_end = EligibleEnd(units, clusters);
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

  Story story;
  story.span = clusters[best];
  ListBlock block;
  if (clusters[best].weight < kSubstantial) block = LongestList(units, menu);
  // When the page has a little prose, the list must take it in (a short
  // intro above its list); a long teaser list elsewhere is not the story.
  const bool takes_in_prose = block.begin <= story.span.begin && block.end >= story.span.end;
  story.list_page = block.begin >= 0 && block.weight > 3 * story.span.weight &&
                    (story.span.weight < kSubstantial / 8 || takes_in_prose);
  StoryGrower grower(units, clusters, eligible_end, is_stop, &story);
  if (story.list_page) {
    story.span.begin = block.begin;
    story.span.end = block.end;
  } else {
    grower.Grow(best);
    TrimToProse(units, &story.span);
    CutHeadlineFeed(units, &story);
    TakeClosingLists(units, menu, &story);
    DropClosingNotes(units, &story);
  }
  story.listed_under = LinksListedUnder(units, story.span);
  WriteResult(units, story, &out);
  return out;
}

}  // namespace lede

// Extraction ties the pieces together: language first (boilerplate removal
// weighs stop words of the page's language), then the body, then the
// metadata, which is read relative to where the body starts: the headline and
// the page timestamp sit just above it, the dateline opens it, a credit line
// closes it. Dates and credits found further away belong to comments,
// teasers and menus, not to this article.
#include "common/extract/extract.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "common/extract/boilerplate.h"
#include "common/extract/date_parse.h"
#include "common/extract/language.h"
#include "common/extract/line_features.h"
#include "common/extract/source_detect.h"
#include "common/text/hash.h"

namespace lede {
namespace {

// How much lower a headline may score than the standfirst under it.
constexpr double kStandfirstMargin = 1.0;
// How far above the body the headline and timestamp may be, in lines.
constexpr int kHeaderReach = 80;
// Lines long enough to vote on the page's language, and how much to read.
constexpr size_t kLanguageLineBytes = 60;
constexpr size_t kLanguageSampleBytes = 16 * 1024;

bool IsTitleCandidate(std::string_view t, const LineFeatures& f) {
  if (f.words < 2 || f.words > 30 || f.chars > 250) return false;
  if (IsEndOfArticleSignal(t)) return false;
  if (t.size() >= 2 && (t.front() == '[' || t.back() == ']')) return false;
  if (!t.empty() && t.back() == ':') return false;  // a label: "Follow us on:"

  if (t.find('@') != std::string_view::npos) return false;
  if (t.find("http") != std::string_view::npos) return false;
  std::string key = LineKey(t);
  if (key.rfind("by ", 0) == 0 || key.rfind("photo", 0) == 0 ||
      key.rfind("image", 0) == 0 || key.rfind("posted", 0) == 0 ||
      key.rfind("updated", 0) == 0 || key.rfind("published", 0) == 0) {
    return false;
  }
  // A timestamp is not a headline.
  if (!FindDates(t).empty() && f.words <= 10) return false;
  if (f.digits * 2 > f.chars) return false;
  return true;
}

// Photo captions and credits, which share words with the story but are not
// its headline.
bool IsCaptionLike(std::string_view t) {
  std::string key = LineKey(t);
  for (const char* w : {"photo", "image", "getty", "credit", "left", "right",
                        "file", "pictured", "reuters", "afp", "ap"}) {
    if (HasWordPhrase(key, w)) return true;
  }
  return false;
}

bool IsQuoted(std::string_view t) {
  auto opens = [&](std::string_view q) { return t.rfind(q, 0) == 0; };
  auto closes = [&](std::string_view q) {
    return t.size() >= q.size() && t.compare(t.size() - q.size(), q.size(), q) == 0;
  };
  return (opens("\"") || opens("\xE2\x80\x9C")) && (closes("\"") || closes("\xE2\x80\x9D") ||
                                                  closes(".\"") || closes(".\xE2\x80\x9D"));
}

struct TitleChoice {
  int line = -1;
  bool from_body = false;  // the first kept line turned out to be the title
  bool over_standfirst = false;  // moved up from the standfirst under it
};

// Byline and timestamp lines ("By Jill Disis", "Updated November 19, 2019")
// sit right under the headline on most news pages.
// 2 for a byline ("By ...", "Posted ..."), 1 for a timestamp, 0 otherwise.
// Attributions under a quote or a tweet ("— David McKinley on Sunday,
// October 13th, 2019") are neither.
int BylineOrTimestamp(std::string_view t) {
  if (t.empty() || t.size() > 200) return 0;
  if (t[0] == '-' || t.rfind("\xE2\x80\x94", 0) == 0 || t.rfind("\xE2\x80\x93", 0) == 0) {
    return 0;
  }
  std::string key = LineKey(t);
  if (key.empty() || std::count(key.begin(), key.end(), ' ') > 25) return 0;
  if (key == "by" || key.rfind("by ", 0) == 0 || key.rfind("posted ", 0) == 0 ||
      key.rfind("published ", 0) == 0 || key.rfind("updated ", 0) == 0) {
    return 2;
  }
  for (const DateMatch& m : FindDates(t)) {
    if (m.has_year) return 1;
  }
  return 0;
}

// A menu: a run of three or more lines with no blank line between them and
// no byline or timestamp among them (a headline block may run straight into
// its byline).
bool InMenu(const std::vector<std::string_view>& lines, int i) {
  const int n = static_cast<int>(lines.size());
  int first = i, last = i;
  while (first > 0 && !TrimLine(lines[first - 1]).empty()) --first;
  while (last + 1 < n && !TrimLine(lines[last + 1]).empty()) ++last;
  if (last - first + 1 < 3) return false;
  for (int j = first; j <= last && j <= first + 12; ++j) {
    if (j != i && BylineOrTimestamp(TrimLine(lines[j])) > 0) return false;
  }
  return true;
}

// "BLOG > Weight Loss > Tips", "Software ›": a breadcrumb trail.
bool IsBreadcrumb(std::string_view t) {
  return t.find(" > ") != std::string_view::npos || t.find("\xE2\x80\xBA") != std::string_view::npos ||
         t.find(" / ") != std::string_view::npos || t.find(" \xC2\xBB ") != std::string_view::npos;
}

// The headline is a headline-sized line above the body that shares words
// with it and sits just above the byline (or, lacking one, close to the
// body). The site name and menu lines share few words with the story, which
// is what sets them apart; captions share many, but sit below the byline and
// end like sentences.
TitleChoice FindTitle(const std::vector<std::string_view>& lines,
                      const BoilerplateResult& bp, const std::string& lang) {
  TitleChoice choice;
  if (bp.first_kept < 0) return choice;
  std::unordered_set<std::string> body_words;
  for (const std::string& p : bp.paragraphs) {
    ForEachWord(p, [&](std::string_view w) {
      if (w.size() >= 3 || static_cast<unsigned char>(w[0]) >= 0xE0) {
        body_words.emplace(w);
      }
    });
  }
  const int stop_bit = StopWordBit(lang);
  auto is_stop = [stop_bit](std::string_view w) {
    return stop_bit >= 0 && ((StopWordMask(w) >> stop_bit) & 1u) != 0;
  };
  const int lowest = std::max(0, bp.first_kept - kHeaderReach);
  // Byte lengths of the lines above the body, so that looking for a second
  // copy of a candidate only reads lines of the same length.
  std::unordered_map<size_t, int> length_count;
  for (int i = lowest; i < static_cast<int>(lines.size()); ++i) {
    size_t len = TrimLine(lines[i]).size();
    if (len > 0 && len < 300) ++length_count[len];
  }
  auto printed_twice = [&](std::string_view t) {
    auto it = length_count.find(t.size());
    if (it == length_count.end() || it->second < 2) return false;
    int copies = 0;
    for (int i = lowest; i < static_cast<int>(lines.size()); ++i) {
      if (TrimLine(lines[i]) == t && ++copies > 1) return true;
    }
    return false;
  };
  // Non-blank lines above the body, nearest first, with whether each is a
  // byline or timestamp.
  std::vector<int> header;
  std::vector<int> anchor;
  for (int i = bp.first_kept - 1; i >= lowest; --i) {
    std::string_view t = TrimLine(lines[i]);
    if (t.empty()) continue;
    header.push_back(i);
    anchor.push_back(BylineOrTimestamp(t));
  }
  bool page_has_lower = false;
  for (const std::string& p : bp.paragraphs) {
    page_has_lower = page_has_lower || ComputeLineFeatures(p, nullptr).has_lower;
    if (page_has_lower) break;
  }
  double best_score = -1e9;
  std::unordered_map<int, double> scores;  // line -> score, for the standfirst check
  auto consider = [&](int i, int distance, int text_between, bool first_body) {
    std::string_view t = TrimLine(lines[i]);
    LineFeatures f = ComputeLineFeatures(t, is_stop);
    if (first_body && (f.ends_sentence || f.words > 20 || bp.paragraphs.size() < 2)) {
      return;
    }
    if (!IsTitleCandidate(t, f)) return;
    int content = 0, shared = 0;
    ForEachWord(t, [&](std::string_view w) {
      if (is_stop(w) || (w.size() < 3 && static_cast<unsigned char>(w[0]) < 0xE0)) {
        return;
      }
      ++content;
      if (body_words.count(std::string(w))) ++shared;
    });
    // One shared word in a two-word line is weak evidence: count at least
    // three content words.
    double overlap = static_cast<double>(shared) / std::max(content, 3);
    double score = 3.0 * overlap;
    if (f.words >= 3 && f.words <= 14) {
      score += 1.0;
    } else if (f.words >= 15 && f.words <= 20) {
      score += 0.5;
    }
    // A kicker in capitals ("BLACK DEATH FEARS") above a headline in
    // mixed case; pages in capitals throughout keep their headline.
    if (!f.has_lower && f.alpha_words > 0 && page_has_lower) score -= 0.7;
    if (f.words <= 2) score -= 1.0;
    // Headlines rarely end with a full stop; captions and standfirsts do.
    if (!t.empty() && t.back() == '.') score -= 1.0;
    if (IsCaptionLike(t)) score -= 1.5;
    // A line in quotes from end to end is a pull quote; a line starting in
    // lower case is a menu or a fragment.
    if (IsQuoted(t)) score -= 0.7;
    // Menus are runs of lines with no blank line between them; a headline
    // stands apart.
    if (InMenu(lines, i)) score -= 0.7;
    if (IsBreadcrumb(t)) score -= 1.0;
    if (t[0] >= 'a' && t[0] <= 'z') score -= 0.5;
    // Bylines without "By": an author's name or the agency's.
    if (!KnownSource(t, nullptr).empty()) score -= 1.5;
    if (f.words <= 4 && f.capitalised == f.alpha_words && shared == 0) score -= 1.0;
    // Pages often print the headline twice (page title, share box).
    if (f.words >= 5 && printed_twice(t)) score += 0.5;
    // Just above a byline or timestamp, or just below a timestamp; not just
    // above a photo credit (then it is the caption).
    if (distance > 0) {
      for (int k = distance - 2; k >= 0 && k >= distance - 6; --k) {
        if (anchor[k] > 0) {
          score += anchor[k] == 2 ? 1.2 : 0.8;
          break;
        }
      }
      for (int k = distance; k < distance + 2 && k < static_cast<int>(header.size()); ++k) {
        if (anchor[k] > 0) {
          score += 0.3;
          break;
        }
      }
      if (distance >= 2) {
        std::string_view below = TrimLine(lines[header[distance - 2]]);
        bool credit = below.size() >= 2 && ((below.front() == '(' && below.back() == ')') ||
                                            below.front() == '[');
        if (below.size() < 80 && (credit || IsCaptionLike(below))) score -= 1.0;
      }
    }
    score -= 0.05 * text_between;
    scores[i] = score;
    if (score > best_score) {
      best_score = score;
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
  for (size_t h = 0; h < header.size(); ++h) {
    consider(header[h], static_cast<int>(h) + 1, text_lines, false);
    LineFeatures f = ComputeLineFeatures(TrimLine(lines[header[h]]), nullptr);
    if (f.words >= 5) ++text_lines;
  }
  // A standfirst sits right under the headline and, being longer, shares
  // more words with the story: a close runner-up on the line just above
  // the winner is the headline.
  if (choice.line > 0 && !choice.from_body) {
    int above = choice.line - 1;
    while (above >= 0 && TrimLine(lines[above]).empty()) --above;
    auto it = scores.find(above);
    if (above >= 0 && choice.line - above <= 2 && it != scores.end() &&
        it->second >= best_score - kStandfirstMargin) {
      LineFeatures upper = ComputeLineFeatures(TrimLine(lines[above]), nullptr);
      LineFeatures lower = ComputeLineFeatures(TrimLine(lines[choice.line]), nullptr);
      if (upper.words >= 3 && upper.has_lower && upper.words < lower.words) {
        choice.line = above;
        choice.over_standfirst = true;
      }
    }
  }
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
  for (const char* p : {"published", "posted", "updated", "by ", "date", "on ",
                        "veröffentlicht", "publicado", "publié", "diterbitkan"}) {
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
DateChoice FindDate(const std::vector<std::string_view>& lines,
                    const BoilerplateResult& bp, int title_line) {
  DateChoice out;
  if (bp.first_kept < 0) return out;
  const int n = static_cast<int>(lines.size());
  const int body = bp.first_kept;
  double best = -1e9;
  std::optional<DateMatch> yearless;
  std::string_view yearless_line;
  // zone: how much a date found there is trusted.
  auto look = [&](int i, double zone, bool short_only, bool dateline) {
    std::string_view t = TrimLine(lines[i]);
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
    for (const DateMatch& m : FindDates(part)) {
      if (!m.has_year) {
        if (dateline && !yearless) {
          yearless = m;
          yearless_line = t;
        }
        continue;
      }
      double score = zone + TimestampLikeness(t, m);
      if (score > best) {
        best = score;
        out.date = m.date;
        out.evidence = std::string(Utf8Prefix(t, 200));
      }
      break;
    }
  };
  // 1. Between the headline and the second paragraph of prose; long lines
  // only by their dateline.
  int head_from = title_line >= 0 && title_line < body ? title_line + 1 : std::max(0, body - 8);
  int paragraphs = 0;
  for (int i = head_from; i < n && i < bp.end_marker && paragraphs < 2; ++i) {
    bool kept_prose = i >= body && bp.keep[i] && TrimLine(lines[i]).size() > 60;
    look(i, 3.0, false, i >= body && bp.keep[i]);
    if (kept_prose) ++paragraphs;
  }
  // 2. Just above the headline (some sites print the date first).
  if (title_line >= 0) {
    int seen = 0;
    for (int i = std::min(title_line, body) - 1; i >= 0 && seen < 4; --i) {
      if (TrimLine(lines[i]).empty()) continue;
      ++seen;
      look(i, 2.0, true, false);
    }
  }
  // 3. Just after the body, before any end-of-article furniture.
  if (bp.last_kept >= 0) {
    int seen = 0;
    for (int i = bp.last_kept + 1; i < bp.end_marker && i < n && seen < 4; ++i) {
      if (TrimLine(lines[i]).empty()) continue;
      ++seen;
      look(i, 1.5, true, false);
    }
  }
  // 4. A timestamp-like line higher up (when the headline was missed).
  for (int i = body - 1; i >= 0 && i >= body - kHeaderReach; --i) {
    std::string_view t = TrimLine(lines[i]);
    if (t.empty() || t.size() > 100) continue;
    look(i, 1.0, true, false);
  }
  if (out.date) return out;
  // 5. A dateline without a year takes it from a nearby dated line above the
  // end of the article (the page timestamp); otherwise the year is unknown.
  if (yearless) {
    int limit = std::min(bp.end_marker, n);
    for (int i = std::max(0, body - kHeaderReach); i < limit; ++i) {
      std::string_view t = TrimLine(lines[i]);
      if (auto m = FirstDatedWithYear(t)) {
        Date d = yearless->date;
        d.year = m->date.year;
        // "Dec. 30" in a page dated January 2 belongs to the year before.
        if (d.month == 12 && m->date.month == 1) --d.year;
        out.date = d;
        out.evidence = std::string(Utf8Prefix(yearless_line, 200));
        return out;
      }
    }
  }
  return out;
}

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
    int from = title_line >= 0 && title_line < bp.first_kept ? title_line + 1
                                                              : bp.first_kept;
    for (int i = from; i < bp.first_kept; ++i) {
      if (auto m = SourceFromByline(lines[i], aliases)) return m;
    }
  }
  // Last resort, anywhere on the page: the outlet naming its own reporters.
  for (int i = 0; i < n; ++i) {
    if (auto m = SourceFromReporterMention(lines[i], aliases)) return m;
  }
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

}  // namespace

Article Extract(std::string_view text, const ExtractContext& context) {
  std::vector<std::string_view> lines = SplitLines(text);
  // The page's language is the language of its longer lines: menus are
  // often in English on pages that are not.
  std::string sample;
  for (std::string_view line : lines) {
    if (line.size() < kLanguageLineBytes) continue;
    sample.append(line);
    sample.push_back('\n');
    if (sample.size() > kLanguageSampleBytes) break;
  }
  std::string page_language = DetectLanguage(sample.empty() ? text : sample);
  if (context.plain) {
    Article a = ExtractPlain(lines);
    a.language = DetectLanguage(a.Body().empty() ? a.title : a.Body());
    return a;
  }

  BoilerplateInput input;
  input.lines = lines;
  input.language = page_language;
  if (context.line_stats != nullptr) {
    input.total_files = context.line_stats->total_files();
    input.files_with_line.reserve(lines.size());
    for (std::string_view line : lines) {
      input.files_with_line.push_back(context.line_stats->Count(line));
    }
  }
  BoilerplateResult bp = RemoveBoilerplate(input);

  Article a;
  TitleChoice title = FindTitle(lines, bp, page_language);
  // Clean text that starts right with the body (an abstract, a wire story):
  // its first line is the title, and stays in the body too.
  bool title_in_body = false;
  if (title.line < 0 && bp.first_kept >= 0) {
    int first = 0;
    while (first < bp.first_kept && TrimLine(lines[first]).empty()) ++first;
    LineFeatures f = ComputeLineFeatures(TrimLine(lines[first]), nullptr);
    if (first == bp.first_kept && f.words > 0 && f.words <= 30) {
      title.line = first;
      title_in_body = true;
    }
  }
  if (title.line >= 0) {
    a.title = std::string(TrimLine(lines[title.line]));
    if (title.from_body) {
      bp.keep[title.line] = false;
      if (!bp.paragraphs.empty()) bp.paragraphs.erase(bp.paragraphs.begin());
      bp.first_kept = -1;
      for (int i = title.line + 1; i < static_cast<int>(lines.size()); ++i) {
        if (bp.keep[i]) {
          bp.first_kept = i;
          break;
        }
      }
    }
  }
  // Galleries and share boxes print the headline again inside the article.
  if (title.line >= 0 && !title_in_body) {
    std::string title_key = LineKey(a.title);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (bp.keep[i] && static_cast<int>(i) != title.line && LineKey(lines[i]) == title_key) {
        bp.keep[i] = false;
        bp.reason[i] = "the headline again";
        std::string_view t = TrimLine(lines[i]);
        auto it = std::find(bp.paragraphs.begin(), bp.paragraphs.end(), t);
        if (it != bp.paragraphs.end()) bp.paragraphs.erase(it);
      }
    }
  }
  a.paragraphs = bp.paragraphs;

  DateChoice date = FindDate(lines, bp, title.line);
  a.date = date.date;
  a.date_evidence = date.evidence;
  if (auto source = FindSource(lines, bp, title.line, context.source_aliases)) {
    a.source = source->name;
    a.source_evidence = source->evidence;
  }
  std::string body_sample;
  for (const std::string& p : a.paragraphs) {
    body_sample.append(p);
    body_sample.push_back('\n');
    if (body_sample.size() > kLanguageSampleBytes) break;
  }
  std::string body_language = DetectLanguage(body_sample);
  a.language = body_language.empty() ? page_language : body_language;

  a.lines.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
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
    a.lines.push_back(std::move(d));
  }
  return a;
}

}  // namespace lede

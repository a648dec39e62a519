// Finding the story in an HTML page (see html_extract.h). Three layers, each
// with a reason per block for --explain:
//  1. The DOM sets furniture aside whatever its text says: <nav>, <aside>,
//     <footer>, dialogs, figure captions, blocks that are mostly link text,
//     and elements whose class or id names comments, sharing, related links.
//  2. The element that gathers the most prose bounds the story (readability's
//     content score: paragraphs credit their parent and grandparent by length
//     and commas, discounted by link density); siblings that score nearly as
//     well, or are plain paragraphs, join it.
//  3. Within it, the text extractor's line rules run on the blocks as a text
//     browser would lay them out, so bylines, teaser labels, notices and
//     end-of-article furniture are judged as they are for text dumps.
#include "common/extract/html_extract.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

#include "common/extract/boilerplate.h"
#include "common/extract/date_parse.h"
#include "common/extract/html_meta.h"
#include "common/extract/language.h"
#include "common/extract/line_features.h"
#include "common/extract/line_stats.h"
#include "common/extract/publisher_detect.h"
#include "common/extract/source_detect.h"

namespace lede {
namespace {

// Blocks with more of their text in links than this are link lists.
constexpr double kMaxLinkDensity = 0.5;
// Paragraphs shorter than this do not vote for their container.
constexpr int kMinScoredChars = 25;
// How much of an element's class weight (+-25) counts in its score.
constexpr double kClassWeightShare = 0.2;
// Below this many characters of body, class names are not trusted.
constexpr size_t kMinBodyChars = 500;
// How much of the language sample to read.
constexpr size_t kLanguageSampleBytes = 16 * 1024;

// Why the DOM alone sets a block aside, or "" when it does not.
std::string DomReason(const HtmlPage& page, const HtmlBlock& b, bool use_classes) {
  const std::string& where =
      b.node >= 0 ? page.nodes[static_cast<size_t>(b.node)].label : std::string("body");
  if (b.flags & kInDialog) return "in a dialog (cookie, consent or alert box)";
  if (b.flags & kInNav) return "navigation (<nav> or a menu role)";
  if (b.flags & kInAside) return "aside (<aside> or role=complementary)";
  if (b.flags & kInFooter) return "footer (<footer> or role=contentinfo)";
  if (b.flags & kInCaption) return "figure caption";
  if ((b.flags & kNegative) && use_classes) {
    // The nearest element whose class or id names furniture.
    int n = b.node;
    while (n >= 0 && !page.nodes[static_cast<size_t>(n)].furniture) {
      n = page.nodes[static_cast<size_t>(n)].parent;
    }
    return "class or id names page furniture (" +
           (n >= 0 ? page.nodes[static_cast<size_t>(n)].label : where) + ")";
  }
  if (b.chars > 0 && b.link_chars > kMaxLinkDensity * b.chars) return "mostly link text";
  return "";
}

int Commas(std::string_view t) {
  int n = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ',') ++n;
    // ， (U+FF0C) and 、 (U+3001)
    if (t.compare(i, 3, "\xEF\xBC\x8C") == 0 || t.compare(i, 3, "\xE3\x80\x81") == 0) ++n;
  }
  return n;
}

// Paragraph-like blocks vote for their container; list items, headings and
// captions do not (a gallery's captions or a list of teasers would outvote
// the story), as in readability.
bool ScoresParent(const HtmlBlock& b) {
  if (b.heading > 0) return false;
  const std::string& t = b.tag;
  return !(t == "li" || t == "dt" || t == "dd" || t == "th" || t == "figcaption" ||
           t == "caption" || t == "address" || t == "summary" || t == "legend" || t == "ul" ||
           t == "ol" || t == "dl");
}

double InitialScore(const HtmlNode& n) {
  // Class words only break ties: at readability's full weight a wrapper
  // called "content" with one short paragraph outscores a story of ten.
  double s = kClassWeightShare * n.class_weight;
  const std::string& t = n.tag;
  if (t == "div" || t == "article" || t == "section" || t == "main") {
    s += 5;
  } else if (t == "pre" || t == "td" || t == "blockquote") {
    s += 3;
  } else if (t == "address" || t == "ol" || t == "ul" || t == "dl" || t == "dd" || t == "dt" ||
             t == "li" || t == "form") {
    s -= 3;
  } else if ((t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') || t == "th") {
    s -= 5;
  }
  return s;
}

// The elements that hold the story: the best-scoring one and its siblings
// that belong with it.
std::vector<bool> StoryNodes(const HtmlPage& page, const std::vector<bool>& candidate,
                             int* top_out) {
  const size_t n = page.nodes.size();
  std::vector<double> score(n, 0.0);
  std::vector<bool> scored(n, false);
  std::vector<long> chars(n, 0), link_chars(n, 0);
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& b = page.blocks[i];
    for (int x = b.node; x >= 0; x = page.nodes[static_cast<size_t>(x)].parent) {
      chars[static_cast<size_t>(x)] += b.chars;
      link_chars[static_cast<size_t>(x)] += b.link_chars;
    }
    if (!candidate[i] || b.chars < kMinScoredChars || b.node < 0 || !ScoresParent(b)) continue;
    const double content = 1.0 + Commas(b.text) + std::min(b.chars / 100, 3);
    int level = 0;
    for (int x = page.nodes[static_cast<size_t>(b.node)].parent; x >= 0 && level < 5;
         x = page.nodes[static_cast<size_t>(x)].parent, ++level) {
      if (!scored[static_cast<size_t>(x)]) {
        scored[static_cast<size_t>(x)] = true;
        score[static_cast<size_t>(x)] = InitialScore(page.nodes[static_cast<size_t>(x)]);
      }
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score[static_cast<size_t>(x)] += content / divider;
    }
  }
  int top = -1;
  for (size_t x = 0; x < n; ++x) {
    if (!scored[x]) continue;
    const double density = chars[x] > 0 ? static_cast<double>(link_chars[x]) / chars[x] : 0.0;
    score[x] *= 1.0 - density;
    if (top < 0 || score[x] > score[static_cast<size_t>(top)]) top = static_cast<int>(x);
  }
  std::vector<bool> story(n, false);
  *top_out = top;

  if (top < 0) return story;
  // A parent that scores higher than its best child holds more of the story
  // (readability's walk up).
  {
    double last = score[static_cast<size_t>(top)];
    const double threshold = last / 3;
    for (int p = page.nodes[static_cast<size_t>(top)].parent; p >= 0;
         p = page.nodes[static_cast<size_t>(p)].parent) {
      if (!scored[static_cast<size_t>(p)]) continue;
      const double ps = score[static_cast<size_t>(p)];
      if (ps < threshold) break;
      if (ps > last) {
        top = p;
        break;
      }
      last = ps;
    }
  }
  *top_out = top;
  story[static_cast<size_t>(top)] = true;
  const int parent = page.nodes[static_cast<size_t>(top)].parent;
  if (parent < 0) return story;
  const double top_score = score[static_cast<size_t>(top)];
  const double threshold = std::max(10.0, top_score * 0.2);
  // Siblings: elements under the same parent.
  std::vector<std::string> block_text(n);
  for (size_t x = 0; x < n; ++x) {
    if (page.nodes[x].parent != parent || static_cast<int>(x) == top) continue;
    double bonus = 0;
    if (!page.nodes[x].label.empty() && page.nodes[x].label == page.nodes[static_cast<size_t>(top)].label &&
        page.nodes[x].label.find('.') != std::string::npos) {
      bonus = top_score * 0.2;
    }
    if (scored[x] && score[x] + bonus >= threshold) {
      story[x] = true;
    } else if (page.nodes[x].tag == "p" && chars[x] > 0) {
      const double density = static_cast<double>(link_chars[x]) / chars[x];
      if ((chars[x] > 80 && density < 0.25) || (chars[x] <= 80 && link_chars[x] == 0)) {
        story[x] = true;
      }
    }
  }
  return story;
}

bool InStory(const HtmlPage& page, const std::vector<bool>& story, int node) {
  for (int x = node; x >= 0; x = page.nodes[static_cast<size_t>(x)].parent) {
    if (story[static_cast<size_t>(x)]) return true;
  }
  return false;
}

std::string SiteLabel(std::string_view url) {
  size_t s = url.find("://");
  if (s == std::string_view::npos) return "";
  std::string_view host = url.substr(s + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  if (host.rfind("www.", 0) == 0) host.remove_prefix(4);
  return std::string(host);
}

int WordCount(std::string_view t) {
  int n = 0;
  ForEachWord(t, [&](std::string_view) { ++n; });
  return n;
}

// A heading inside a list item is the last step of a breadcrumb trail (some
// sites put their SEO title there as an <h1>), not the page's headline.
bool InListItem(const HtmlPage& page, int node) {
  for (int x = node; x >= 0; x = page.nodes[static_cast<size_t>(x)].parent) {
    if (page.nodes[static_cast<size_t>(x)].tag == "li") return true;
  }
  return false;
}

struct TitlePick {
  std::string title;
  std::string reason;
};

// The headline: a metadata title (or its part without site decoration) that
// the page shows as a block of its own, preferring headings; else the page's
// <h1>; else the metadata title without its decoration.
TitlePick PickTitle(const HtmlPage& page, const PageMeta& meta,
                    const std::vector<std::string>& dom_reason) {
  TitlePick pick;
  std::unordered_set<std::string> heading_keys, block_keys;
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& b = page.blocks[i];
    if (b.chars > 400) continue;
    std::string key = LineKey(b.text);
    if (key.empty()) continue;
    if (b.heading > 0 && b.heading <= 3 && !InListItem(page, b.node)) heading_keys.insert(key);
    if (dom_reason[i].empty() || b.heading > 0) block_keys.insert(key);
  }
  std::string site_key = LineKey(meta.site_name);
  std::string host_key = LineKey(SiteLabel(meta.url));
  auto decoration = [&](const std::string& part) {
    std::string k = LineKey(part);
    return k.empty() || k == site_key || k == host_key ||
           (!host_key.empty() && host_key.find(k) != std::string::npos && WordCount(part) <= 2);
  };
  // 1. Shown as a heading, then as any block.
  for (const auto* keys : {&heading_keys, &block_keys}) {
    for (const std::string& t : meta.titles) {
      // The whole title, or its longest part, or a part the page shows as
      // a heading: a shorter part shown only as a line is the site's name
      // in its logo.
      std::vector<std::string> parts = TitleParts(t);
      size_t longest = 0;
      for (const std::string& p : parts) longest = std::max(longest, p.size());
      std::string best;
      auto consider = [&](const std::string& o, bool whole) {
        if (decoration(o) || WordCount(o) < 2) return;
        const std::string k = LineKey(o);
        if (!keys->count(k)) return;
        if (!whole && o.size() < longest && !heading_keys.count(k)) return;
        if (o.size() > best.size()) best = o;
      };
      consider(t, true);
      for (const std::string& p : parts) consider(p, false);
      if (!best.empty()) {
        pick.title = best;
        pick.reason = keys == &heading_keys ? "title: the page's metadata headline, shown as a heading"
                                            : "title: the page's metadata headline, shown as a line";
        return pick;
      }
    }
  }
  // 2. The first <h1> outside the page furniture.
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& b = page.blocks[i];
    if (b.heading != 1 || !dom_reason[i].empty() || WordCount(b.text) < 2 || b.chars > 300 ||
        InListItem(page, b.node)) {
      continue;
    }
    if (decoration(b.text)) continue;
    pick.title = b.text;
    pick.reason = "title: the page's first <h1>";
    return pick;
  }
  // 3. The metadata title without its decoration: the longest part.
  for (const std::string& t : meta.titles) {
    std::string best;
    for (const std::string& p : TitleParts(t)) {
      if (!decoration(p) && p.size() > best.size()) best = p;
    }
    if (!best.empty()) {
      pick.title = best;
      pick.reason = "title: metadata headline without the site's name";
      return pick;
    }
  }
  return pick;
}

Date AddDays(const Date& d, int days) {
  long n = DaysFromCivil(d.year, d.month, d.day) + days;
  // Inverse of DaysFromCivil (Howard Hinnant's civil_from_days).
  n += 719468;
  const long era = (n >= 0 ? n : n - 146096) / 146097;
  const long doe = n - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date out = d;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2 ? 1 : 0));
  return out;
}


struct Body {
  std::vector<bool> keep;
  std::vector<std::string> reason;
  int title_block = -1;
  int first_kept_block = -1;
  size_t kept_chars = 0;
};

// Layers 1 to 3 (see the top of this file).
Body FindBody(const HtmlPage& page, const std::vector<std::string>& dom_reason,
              const std::string& title_key, const std::string& title_reason,
              const std::string& language, const ExtractContext& context) {
  const size_t nb = page.blocks.size();
  Body body;
  body.keep.assign(nb, false);
  body.reason.assign(nb, "");
  std::vector<bool> candidate(nb);
  for (size_t i = 0; i < nb; ++i) candidate[i] = dom_reason[i].empty();
  int top = -1;
  std::vector<bool> story = StoryNodes(page, candidate, &top);
  const std::string top_label =
      top >= 0 ? page.nodes[static_cast<size_t>(top)].label : std::string();

  std::vector<std::string_view> lines;
  std::vector<int> line_block;  // -1 for an empty line
  for (size_t i = 0; i < nb; ++i) {
    const HtmlBlock& b = page.blocks[i];
    if (!title_key.empty() && body.title_block < 0 && LineKey(b.text) == title_key) {
      body.title_block = static_cast<int>(i);
      body.reason[i] = title_reason;
      continue;
    }
    if (!candidate[i]) {
      body.reason[i] = dom_reason[i];
      continue;
    }
    if (top >= 0 && !InStory(page, story, b.node)) {
      body.reason[i] = "outside the story's element (" + top_label + ")";
      continue;
    }
    if (b.blank_before && !lines.empty()) {
      lines.emplace_back();
      line_block.push_back(-1);
    }
    lines.emplace_back(b.text);
    line_block.push_back(static_cast<int>(i));
  }
  if (lines.empty()) return body;
  BoilerplateInput input;
  input.lines = lines;
  input.language = language;
  if (context.line_stats != nullptr && context.line_stats->total_files() > 0) {
    input.total_files = context.line_stats->total_files();
    for (std::string_view l : lines) input.files_with_line.push_back(context.line_stats->Count(l));
  }
  BoilerplateResult bp = RemoveBoilerplate(input);
  for (size_t l = 0; l < lines.size(); ++l) {
    const int i = line_block[l];
    if (i < 0) continue;
    const auto bi = static_cast<size_t>(i);
    body.keep[bi] = bp.keep[l];
    body.reason[bi] = bp.reason[l];
    if (!bp.keep[l]) continue;
    if (body.first_kept_block < 0) body.first_kept_block = i;
    body.kept_chars += static_cast<size_t>(page.blocks[bi].chars);
  }
  return body;
}

}  // namespace

std::string HtmlPageText(const HtmlPage& page) {
  std::string out;
  for (const HtmlBlock& b : page.blocks) {
    if (!out.empty()) out += b.blank_before ? "\n\n" : "\n";
    out += b.text;
  }
  return out;
}

namespace {

// The language of the page's longer blocks; what the page declares when
// they say too little (and for languages without a stop-word list).
std::string PageLanguage(const HtmlPage& page, const std::vector<std::string>& dom_reason,
                         const PageMeta& meta) {
  const size_t nb = page.blocks.size();
  std::string sample;
  for (size_t i = 0; i < nb && sample.size() < kLanguageSampleBytes; ++i) {
    if (!dom_reason[i].empty() || page.blocks[i].text.size() < 60) continue;
    sample += page.blocks[i].text;
    sample += '\n';
  }
  std::string detected = DetectLanguage(sample);
  return !detected.empty() ? detected : meta.language;

}

// The headline printed again as a kept block is not body.
void DropRepeatedHeadline(const HtmlPage& page, const std::string& title_key, Body* body) {
  std::vector<bool>& keep = body->keep;
  std::vector<std::string>& reason = body->reason;
  const int title_block = body->title_block;
  const size_t nb = page.blocks.size();
  if (!title_key.empty()) {
    for (size_t i = 0; i < nb; ++i) {
      if (keep[i] && static_cast<int>(i) != title_block && LineKey(page.blocks[i].text) == title_key) {
        keep[i] = false;
        reason[i] = "the headline again";
      }
    }
  }
}

// The kept blocks as paragraphs, and every block's decision (--explain).
void AddBlocks(const HtmlPage& page, const Body& body, Article* out) {
  Article& a = *out;
  const std::vector<bool>& keep = body.keep;
  const std::vector<std::string>& reason = body.reason;
  const int title_block = body.title_block;
  const size_t nb = page.blocks.size();
  for (size_t i = 0; i < nb; ++i) {
    if (keep[i]) a.paragraphs.push_back(page.blocks[i].text);
    LineDecision d;
    d.line_no = static_cast<int>(i) + 1;
    d.keep = keep[i] || static_cast<int>(i) == title_block;
    d.reason = reason[i].empty() ? "blank" : reason[i];
    d.text = page.blocks[i].text;
    a.lines.push_back(std::move(d));
  }

}

// The date: the metadata's, moved to the day the page shows when the
// metadata writes a UTC time whose day the page does not show but the day
// before or after; without metadata, a dated line between the headline and
// the story.
void SetDate(const HtmlPage& page, const PageMeta& meta, const Body& body, Article* out) {
  Article& a = *out;
  const std::vector<bool>& keep = body.keep;
  const int title_block = body.title_block;
  const int first_kept_block = body.first_kept_block;
  const size_t nb = page.blocks.size();
  if (meta.published) {
    a.date = meta.published->date;
    a.date_evidence = meta.published->from + ": " + meta.published->evidence;
    if (meta.published->has_time && a.date->precision == DatePrecision::kDay) {
      std::vector<Date> shown;
      auto collect = [&](std::string_view t) {
        for (const DateMatch& m : FindDates(t)) {
          if (m.has_year) shown.push_back(m.date);
        }
      };
      for (const HtmlTime& t : page.times) collect(t.text);
      const int head = title_block >= 0 ? title_block : std::max(0, first_kept_block - 10);
      const int end = first_kept_block >= 0 ? first_kept_block + 2 : head + 12;
      for (int i = std::max(0, head - 5); i < std::min<int>(end, static_cast<int>(nb)); ++i) {
        if (page.blocks[static_cast<size_t>(i)].chars <= 200) collect(page.blocks[static_cast<size_t>(i)].text);
      }
      const Date own = *a.date;
      const bool own_shown = std::find(shown.begin(), shown.end(), own) != shown.end();
      if (!own_shown) {
        for (int delta : {-1, 1}) {
          Date near = AddDays(own, delta);
          if (std::find(shown.begin(), shown.end(), near) != shown.end()) {
            a.date = near;
            a.date_evidence += " (the page shows the local day)";
            break;
          }
        }
      }
    }
  } else {
    // No metadata date: a dated line between the headline and the story.
    const int from = title_block >= 0 ? title_block : std::max(0, first_kept_block - 10);
    const int to = first_kept_block >= 0 ? first_kept_block + 1 : from + 12;
    for (int i = from; i < std::min<int>(to, static_cast<int>(nb)) && !a.date; ++i) {
      const HtmlBlock& b = page.blocks[static_cast<size_t>(i)];
      std::string_view t = b.text;
      if (keep[static_cast<size_t>(i)]) t = Utf8Prefix(t, 80);  // a dateline
      for (const DateMatch& m : FindDates(t)) {
        if (!m.has_year) continue;
        a.date = m.date;
        a.date_evidence = std::string(Utf8Prefix(b.text, 200));
        break;
      }
    }
  }

}

// Agency and publisher.
void SetCredits(const HtmlPage& page, const PageMeta& meta, const Body& body,
                const ExtractContext& context, Article* out) {
  Article& a = *out;
  const std::vector<bool>& keep = body.keep;
  const size_t nb = page.blocks.size();
  // Agency: the one the story's dateline credits, else a wire agency's
  // notice on the page.
  std::vector<std::string_view> block_texts;
  block_texts.reserve(nb);
  for (size_t i = 0; i < nb; ++i) block_texts.push_back(page.blocks[i].text);
  for (size_t i = 0; i < nb; ++i) {
    if (!keep[i]) continue;
    if (auto m = SourceFromDateline(page.blocks[i].text, context.source_aliases)) {
      a.agency = m->name;
      a.agency_evidence = m->evidence;
    }
    break;
  }
  PageCredits credits =
      FindPageCredits(block_texts, a.agency.value_or(""), context.source_aliases);
  if (!a.agency && credits.agency_notice) {
    a.agency = credits.agency_notice->name;
    a.agency_evidence = credits.agency_notice->evidence;
  }
  // Publisher: the one the page's metadata names, else the one its text
  // names, else the site's host.
  if (!meta.site_name.empty()) {
    a.publisher = meta.site_name;
    a.publisher_evidence = "the page's publisher (og:site_name, JSON-LD or application-name)";
  } else if (credits.publisher) {
    a.publisher = credits.publisher->name;
    a.publisher_evidence = credits.publisher->evidence;
  } else if (!meta.url.empty()) {
    a.publisher = SiteLabel(meta.url);
    a.publisher_evidence = "the host of the page's address";
  }
  if (a.publisher) {
    std::string known = KnownSource(*a.publisher, context.source_aliases);
    if (!known.empty()) a.publisher = known;
  }

}

// The language of the body kept, else the page's.
std::string BodyLanguage(const Article& a, const std::string& page_language) {
  std::string body_sample;
  for (const std::string& p : a.paragraphs) {
    body_sample += p;
    body_sample += '\n';
    if (body_sample.size() > kLanguageSampleBytes) break;
  }
  std::string body_language = DetectLanguage(body_sample);
  return !body_language.empty() ? body_language : page_language;
}

}  // namespace

Article ExtractHtmlPage(const HtmlPage& page, const ExtractContext& context) {
  Article a;
  const PageMeta meta = ReadPageMeta(page);
  const size_t nb = page.blocks.size();

  // The DOM's verdict.
  std::vector<std::string> dom_reason(nb);
  for (size_t i = 0; i < nb; ++i) dom_reason[i] = DomReason(page, page.blocks[i], true);
  const std::string language = PageLanguage(page, dom_reason, meta);

  // Headline, so that its block is not body.
  TitlePick title = PickTitle(page, meta, dom_reason);
  const std::string title_key = LineKey(title.title);

  Body body = FindBody(page, dom_reason, title_key, title.reason, language, context);
  // Class names mislead on some sites (a page builder calling every box a
  // widget, a theme calling the story "post-share-wrap"): when they leave
  // almost nothing, the page is read again without them, as readability does.
  if (body.kept_chars < kMinBodyChars) {
    std::vector<std::string> plain_reason(nb);
    for (size_t i = 0; i < nb; ++i) plain_reason[i] = DomReason(page, page.blocks[i], false);
    Body retry = FindBody(page, plain_reason, title_key, title.reason, language, context);
    if (retry.kept_chars > body.kept_chars) body = std::move(retry);
  }
  DropRepeatedHeadline(page, title_key, &body);
  a.title = title.title;
  if (!meta.url.empty()) a.url = meta.url;
  AddBlocks(page, body, &a);
  SetDate(page, meta, body, &a);
  SetCredits(page, meta, body, context, &a);
  a.language = BodyLanguage(a, language);
  return a;
}

Article ExtractHtml(std::string_view bytes, std::string_view http_charset,
                    const ExtractContext& context) {
  std::string encoding;
  bool repaired = false;
  const std::string utf8 = DecodeHtmlBytes(bytes, http_charset, &encoding, &repaired);
  return ExtractHtmlText(utf8, context);
}

Article ExtractHtmlText(std::string_view utf8, const ExtractContext& context,
                        std::vector<uint64_t>* page_line_keys) {
  HtmlPage page = ParseHtml(utf8, true);
  if (page_line_keys) *page_line_keys = LineStats::KeysOf(HtmlPageText(page));
  Article a = ExtractHtmlPage(page, context);
  // Pages that stream their story into hidden elements for a script to
  // move into place show nothing without the script: read them whole.
  if (a.Body().size() < kMinBodyChars) {
    HtmlPage all = ParseHtml(utf8, false);
    Article b = ExtractHtmlPage(all, context);
    if (b.Body().size() > a.Body().size()) return b;
  }
  return a;
}

}  // namespace lede

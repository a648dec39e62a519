// Every signal is matched on the shape of a short line (a prefix, a suffix, a
// marker at its start) so that running text mentioning an outlet is never
// read as the page naming itself; the page-level choice then asks two signals
// to agree, because each alone is sometimes a menu item or a photo credit.
#include "common/extract/publisher_detect.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/extract/line_features.h"

namespace lede {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Every line of a page is tried: no allocation per comparison. The pattern
// is lower case.
bool EqualsNoCase(std::string_view s, std::string_view lower_pattern) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != static_cast<unsigned char>(lower_pattern[i]))
      return false;
  }
  return true;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsNoCase(s.substr(0, prefix.size()), prefix);
}

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsNoCase(s.substr(s.size() - suffix.size()), suffix);
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsYear(std::string_view w) {
  if (w.size() != 4) return false;
  for (char c : w) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return (w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0');
}

// Words a name may hold in lower case ("Voice of America", "Times of India").
bool IsConnector(std::string_view w) {
  static const char* const kConnectors[] = {"of", "and", "&", "the", "de", "du", "des", "la",
                                            "le",  "el",  "y", "del", "di", "da", "van", "von",
                                            "für", "und", "for", "on", "und", "der", "die"};
  for (const char* c : kConnectors) {
    if (w == c) return true;
  }
  return false;
}

// A word of a name: capitalised, a number, a domain ("nj.com",
// "e-Eighteen.com"), or a letter outside ASCII (whose case is not checked).
bool IsNameWord(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  if (std::isupper(c) || std::isdigit(c) || c >= 0x80) return true;
  if (w.find('.') != std::string_view::npos && w.back() != '.') return true;
  return IsConnector(w);
}

// Legal forms after a company's name.
bool IsLegalSuffix(std::string_view w) {
  std::string l = Lower(w);
  while (!l.empty() && (l.back() == ',' || l.back() == '.')) l.pop_back();
  static const char* const kSuffixes[] = {"inc",  "llc", "l.l.c", "ltd", "limited", "corp",
                                          "corporation", "gmbh", "ag",  "s.a",  "plc",  "co",
                                          "pty",  "b.v", "bv",   "kg",  "s.p.a", "spa", "srl",
                                          "s.r.l", "s.l", "oy",  "ab",  "a/s",  "lp",  "llp",
                                          "n.v",  "nv",  "as",   "asa", "a.s", "sas", "s.a.s"};
  for (const char* s : kSuffixes) {
    if (l == s) return true;
  }
  return false;
}

// Words too common in outlet names to tell two outlets apart.
bool IsGenericOutletWord(std::string_view w) {
  static const char* const kGeneric[] = {
      "the",      "a",         "of",         "and",         "for",       "de",     "la",
      "le",       "el",        "der",        "die",         "das",       "news",   "media",
      "network",  "networks",  "group",      "daily",       "times",     "post",   "online",
      "digital",  "publishing", "publications", "communications", "interactive", "inc",
      "llc",      "ltd",       "limited",    "corp",        "com",       "net",    "org",
      "co",       "uk",        "us",         "tv",          "radio",     "press",  "world",
      "international", "corporation", "company", "holdings", "magazine", "newspaper",
      "newspapers", "herald",  "journal",    "today",       "live",      "channel",
      "broadcasting", "services", "www",     "new",         "national",  "global", "local",
      "s",        "in",        "en",         "www",         "de",        "at",     "ch"};
  // Asked for every word of every pair of names a page is compared on.
  static const std::unordered_set<std::string_view> kSet(std::begin(kGeneric), std::end(kGeneric));
  return kSet.count(w) > 0;
}

// Lower-cased words of a name (letters and digits; any non-ASCII byte counts
// as a letter), a trailing possessive dropped.
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isalnum(c)) {
      cur += static_cast<char>(std::tolower(c));
    } else if (c >= 0x80) {
      // A curly apostrophe (U+2019) ends the word like a straight one.
      if (name.compare(i, 3, "\xE2\x80\x99") == 0) {
        flush();
        i += 2;
      } else {
        cur += static_cast<char>(c);
      }
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string_view TrimPunct(std::string_view s) {
  s = TrimLine(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ':' ||
                        s.back() == ';' || s.back() == '-')) {
    s.remove_suffix(1);
    s = TrimLine(s);
  }
  return s;
}

// Drops a possessive: "NJ.com’s" -> "NJ.com".
std::string_view DropPossessive(std::string_view s) {
  if (s.size() > 2 && (s.substr(s.size() - 2) == "'s")) return s.substr(0, s.size() - 2);
  if (s.size() > 4 && s.substr(s.size() - 4) == "\xE2\x80\x99s") return s.substr(0, s.size() - 4);
  return s;
}

// Names that are not names: pronouns, the page's own parts.
bool IsNotAName(std::string_view name) {
  static const char* const kNot[] = {
      "us",         "me",        "our team",  "her",         "him",          "them",
      "you",        "it",        "this",      "the author",  "the editor",   "the editors",
      "the team",   "the newsroom", "the site", "this site", "our site",     "this page",
      "all rights reserved", "privacy", "cookies", "help",   "support",      "advertising",
      "ads",        "home",      "newsletter", "newsletters", "the app",     "app",
      "author",     "authors",   "editor",    "editors",     "staff",        "the staff",
      "image",      "images",    "photo",     "photos",      "video",        "videos",
      "getty images", "shutterstock", "istock", "alamy", "preferences", "settings",
      "details",    "information", "info",   "sales",       "subscriptions", "careers",
      "jobs",       "press",     "feedback",  "the newsroom", "our journalism"};
  std::string l = Lower(name);
  for (const char* n : kNot) {
    if (l == n) return true;
  }
  return false;
}

// A plausible outlet name: one to max_words words of a name, the first not a
// connector, at most 60 bytes, no slash (a photo credit "REUTERS / POOL").
bool LooksLikeName(std::string_view name, size_t max_words) {
  if (name.empty() || name.size() > 60) return false;
  if (name.find('/') != std::string_view::npos || name.find('@') != std::string_view::npos)
    return false;
  std::vector<std::string_view> words = SplitSpaces(name);
  if (words.empty() || words.size() > max_words) return false;
  if (IsConnector(words.front()) && words.front() != "the") return false;
  bool letters = false;
  for (std::string_view w : words) {
    if (!IsNameWord(w)) return false;
    for (char c : w) {
      if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
        letters = true;
    }
  }
  return letters && !IsNotAName(name);
}

// A copyright marker in a lower-cased line: "©", "copyright", "(c) 2019".
size_t FindCopyrightMarker(std::string_view lower, size_t* len) {
  size_t best = std::string_view::npos;
  size_t at = lower.find("\xC2\xA9");
  if (at < best) {
    best = at;
    *len = 2;
  }
  at = lower.find("copyright");
  if (at < best) {
    best = at;
    *len = 9;
  }
  at = lower.find("(c) ");
  if (at < best && at + 5 < lower.size() && std::isdigit(static_cast<unsigned char>(lower[at + 4]))) {
    best = at;
    *len = 3;
  }
  return best;
}

// What may stand before a notice on its line: nothing, a sentence
// ("...redistributed. ©2019"), "The contents of this site are", or a short
// brand ("Hearst Newspapers ©"). Never a caption or a photo credit.
bool NoticeMayFollow(std::string_view prefix) {
  prefix = TrimLine(prefix);
  if (prefix.empty()) return true;
  const std::string l = Lower(prefix);
  for (const char* credit : {"image", "photo", "foto", "picture", "credit", "illustrat",
                             "video", "graphic", "bild", "imagen", "map"}) {
    if (l.find(credit) != std::string::npos) return false;
  }
  const char last = prefix.back();
  if (last == '.' || last == '|' || last == '!') return true;
  if (l.find("content") != std::string::npos) return true;
  std::vector<std::string_view> words = SplitSpaces(prefix);
  if (words.size() > 3) return false;
  for (std::string_view w : words) {
    if (!IsNameWord(w) || IsConnector(w)) return false;
  }
  return true;
}

// The first position in s of any terminator of a notice's holder.
size_t HolderEnd(std::string_view s) {
  const std::string l = Lower(s);
  size_t end = s.size();
  for (const char* t : {". ", ",", " |", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "(", ";",
                        " all rights", " unless", " or its ", " \xC2\xB7 ", "\xC2\xAE", " | ",
                        " a subsidiary", " powered by", " designed by"}) {
    size_t at = l.find(t);
    if (at < end) end = at;
  }
  // "Cable News Network.Turner Broadcasting": two names run together.
  for (size_t i = 1; i + 1 < end; ++i) {
    if (s[i] == '.' && std::isupper(static_cast<unsigned char>(s[i + 1])) &&
        std::islower(static_cast<unsigned char>(s[i - 1]))) {
      end = i;
      break;
    }
  }
  return end;
}

void Add(std::vector<PublisherCandidate>* out, std::string name, std::string_view evidence,
         PublisherSignal signal) {
  out->push_back({std::move(name), std::string(Utf8Prefix(TrimLine(evidence), 200)), signal});
}

}  // namespace

std::optional<PublisherCandidate> PublisherFromCopyright(std::string_view line, bool in_footer) {
  line = TrimLine(line);
  const std::string lower = Lower(line);
  size_t len = 0;
  size_t at = FindCopyrightMarker(lower, &len);
  // "2019 Acme News, Inc. All Rights Reserved": a year opening a line of
  // rights, without the marker.
  if (at == std::string_view::npos && line.size() > 5 && IsYear(line.substr(0, 4)) &&
      lower.find("rights reserved") != std::string::npos) {
    at = 0;
  }
  if (at == std::string_view::npos) return std::nullopt;
  if (!NoticeMayFollow(line.substr(0, at))) return std::nullopt;
  // "Image copyright Getty Images": the word glued to a credit.
  bool has_year = false, has_suffix = false;
  const bool rights = lower.find("rights reserved") != std::string::npos ||
                      lower.find("all rights") != std::string::npos;
  std::string_view rest = line.substr(at + len);
  // Markers, years, ranges and "All Rights Reserved" before the holder.
  for (bool more = true; more;) {
    more = false;
    rest = TrimLine(rest);
    for (const char* skip : {"\xC2\xA9", "copyright", "(c)", "@", ":", "-", "\xE2\x80\x93",
                             "\xE2\x80\x94", ",", ".", "all rights reserved"}) {
      if (StartsWithNoCase(rest, skip)) {
        rest.remove_prefix(std::string_view(skip).size());
        more = true;
        break;
      }
    }
    if (!more && rest.size() >= 4 && IsYear(rest.substr(0, 4)) &&
        (rest.size() == 4 || !std::isalnum(static_cast<unsigned char>(rest[4])))) {
      rest.remove_prefix(4);
      has_year = true;
      more = true;
    }
  }
  std::string_view holder = rest.substr(0, HolderEnd(rest));
  // The holder ends at its legal form ("News Group Newspapers Limited in
  // England"), which is dropped with any year after the name.
  std::vector<std::string_view> words = SplitSpaces(holder);
  std::vector<std::string_view> kept;
  for (std::string_view w : words) {
    if (IsLegalSuffix(w)) {
      has_suffix = true;
      break;
    }
    kept.push_back(w);
  }
  while (!kept.empty() && IsYear(TrimPunct(kept.back()))) {
    kept.pop_back();
    has_year = true;
  }
  if (kept.empty()) return std::nullopt;
  std::string_view name = holder.substr(0, static_cast<size_t>(kept.back().data() +
                                                               kept.back().size() - holder.data()));
  name = TrimPunct(name);
  // A footer line opening with the marker needs none of them ("© Acme
  // Daily | Imprint"): a photo credit sits under its photo.
  const bool footer_notice = in_footer && at == 0;
  if (!has_year && !rights && !has_suffix && !footer_notice) return std::nullopt;
  // A brand written in lower case, one word of letters, with its year
  // ("Copyright © acmenews 2024").
  const bool lower_brand =
      has_year && name.size() >= 4 && std::all_of(name.begin(), name.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) != 0;
      });
  if (!lower_brand && !LooksLikeName(name, 6)) return std::nullopt;
  return PublisherCandidate{std::string(name), std::string(Utf8Prefix(line, 200)),
                            PublisherSignal::kCopyright};
}

std::optional<PublisherCandidate> PublisherFromSelfReference(std::string_view line) {
  line = TrimPunct(line);
  std::string_view name;
  size_t max_words = 4;
  // "Live Science is part of Future US Inc, an international media group"
  size_t part = line.substr(0, 80).find(" is part of ");
  if (part != std::string::npos) {
    name = line.substr(0, part);
  } else {
    if (line.size() > 80) return std::nullopt;
    struct Frame {
      const char* head;
      const char* tail;
    };
    static const Frame kFrames[] = {
        {"follow ", " on twitter"},   {"follow ", " on facebook"},  {"follow ", " on instagram"},
        {"follow ", " on youtube"},   {"follow ", " on linkedin"},  {"download the ", " app"},
        {"get the ", " app"},         {"contact ", ""},             {"support ", ""},
        {"about ", ""},               {"welcome to ", ""},          {"", " - back to home"},
        {"", " logo"},                {"", " app"},
    };
    for (const Frame& f : kFrames) {
      std::string_view head(f.head), tail(f.tail);
      if (!StartsWithNoCase(line, head) || !EndsWithNoCase(line, tail)) continue;
      if (line.size() <= head.size() + tail.size()) continue;
      name = line.substr(head.size(), line.size() - head.size() - tail.size());
      // "Subscribe to NJ.com’s newsletters", "Sign up for the Daily Star newsletter"
      name = DropPossessive(TrimLine(name));
      // "Contact the BBC", "Download the Telegraph App": an article in
      // running text, not part of the name ("The Guardian" keeps its capital).
      if (name.substr(0, 4) == "the ") name.remove_prefix(4);
      break;
    }
  }
  name = TrimPunct(name);
  if (name.empty() || !LooksLikeName(name, max_words)) return std::nullopt;
  return PublisherCandidate{std::string(name), std::string(Utf8Prefix(line, 200)),
                            PublisherSignal::kSelfReference};
}

bool SameOutlet(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = NameWords(a), wb = NameWords(b);
  bool specific_a = false;
  for (const std::string& w : wa) {
    if (IsGenericOutletWord(w)) continue;
    specific_a = true;
    if (std::find(wb.begin(), wb.end(), w) != wb.end()) return true;
  }
  bool specific_b = std::any_of(wb.begin(), wb.end(),
                                [](const std::string& w) { return !IsGenericOutletWord(w); });
  // Names of generic words only ("News Communication") match when equal.
  return !specific_a && !specific_b && !wa.empty() && wa == wb;
}

bool IsWireAgency(std::string_view canonical_name) {
  static const char* const kWires[] = {"AP",    "Reuters", "AFP",    "Xinhua", "dpa",
                                       "UPI",   "ANSA",    "EFE",    "Kyodo",  "Yonhap",
                                       "TASS",  "Interfax", "RIA Novosti", "PTI", "IANS",
                                       "KUNA",  "WAM",     "MENA",   "SANA",   "IRNA",
                                       "Anadolu Agency", "Bloomberg"};
  for (const char* w : kWires) {
    if (canonical_name == w) return true;
  }
  return false;
}

namespace {

// The candidates of every signal, in page order (stage 1 of FindPageCredits).
std::vector<PublisherCandidate> CollectCandidates(const std::vector<std::string_view>& lines,
                                                  const SourceAliases* aliases) {
  std::vector<PublisherCandidate> found;
  const int n = static_cast<int>(lines.size());
  // Short lines printed in the header and again in the footer: a site's name
  // under its logo and in its footer.
  const int edge = std::max(15, n / 5);
  // The footer, for notices: the last fifth of the page (a page of a few
  // lines has none).
  const int footer_from = n - n / 5;
  std::unordered_map<std::string_view, std::pair<int, int>> short_lines;  // first, last line
  for (int i = 0; i < n; ++i) {
    std::string_view t = TrimLine(lines[static_cast<size_t>(i)]);
    if (t.empty()) continue;
    const bool notice_like = t.find("\xC2\xA9") != std::string_view::npos ||
                             (std::isdigit(static_cast<unsigned char>(t[0])) &&
                              t.find("ights") != std::string_view::npos) ||
                             t.find("opyright") != std::string_view::npos ||
                             t.find("(c) ") != std::string_view::npos ||
                             t.find("(C) ") != std::string_view::npos;
    if (notice_like) {
      if (auto c = PublisherFromCopyright(t, i >= footer_from)) found.push_back(std::move(*c));
    }
    if (t.size() <= 80 || t.find(" is part of ") != std::string_view::npos) {
      if (auto c = PublisherFromSelfReference(t)) found.push_back(std::move(*c));
    }
    // Header lines are remembered; footer lines only looked up.
    if (t.size() <= 40 && i < edge) {
      auto [it, fresh] = short_lines.emplace(t, std::make_pair(i, i));
      if (!fresh) it->second.second = i;
    } else if (t.size() <= 40 && i >= n - edge) {
      auto it = short_lines.find(t);
      if (it != short_lines.end()) it->second.second = i;
    }
    if (auto m = SourceFromReporterMention(t, aliases)) {
      Add(&found, m->name, m->evidence, PublisherSignal::kOwnReporter);
    }
  }
  // In page order, so the choice never depends on the hash table's.
  std::vector<std::pair<int, std::string_view>> site_lines;
  for (const auto& [t, span] : short_lines) {
    if (span.first < span.second && span.second >= n - edge && LooksLikeName(TrimPunct(t), 4))
      site_lines.emplace_back(span.first, t);
  }
  std::sort(site_lines.begin(), site_lines.end());
  for (const auto& [first, t] : site_lines) {
    Add(&found, std::string(TrimPunct(t)), t, PublisherSignal::kSiteNameLine);
  }
  return found;
}

// Drops the names that are a byline's ("Follow NAME on Twitter" names the
// author, not the site), except in notices.
void DropBylineNames(const std::vector<std::string_view>& lines,
                     std::vector<PublisherCandidate>* candidates) {
  std::vector<PublisherCandidate>& found = *candidates;
  std::set<std::string> bylines;
  for (std::string_view l : lines) {
    std::string_view t = TrimLine(l);
    if (t.size() < 64 && (StartsWithNoCase(t, "by "))) {
      bylines.insert(Lower(TrimPunct(t.substr(3))));
    }
  }
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const PublisherCandidate& c) {
                               return c.signal != PublisherSignal::kCopyright &&
                                      bylines.count(Lower(c.name)) > 0;
                             }),
              found.end());
}

// The candidates that name one outlet; each distinct line counts once.
struct Group {
  std::vector<const PublisherCandidate*> members;
  std::set<std::string> evidence;
  double score = 0;
  bool named_by_site = false;  // a signal other than a notice
  size_t last = 0;             // the last of its signals, in found order
};

// Groups found by outlet, weighing each signal; notes a wire agency's notice
// in out->agency_notice.
std::vector<Group> GroupByOutlet(const std::vector<PublisherCandidate>& found,
                                 std::string_view agency, const SourceAliases* aliases,
                                 PageCredits* credits) {
  PageCredits& out = *credits;
  std::vector<Group> groups;
  for (const PublisherCandidate& c : found) {
    const std::string known = KnownSource(c.name, aliases);
    const std::string& canonical = known.empty() ? c.name : known;
    const bool wire_notice = c.signal == PublisherSignal::kCopyright &&
                             (IsWireAgency(canonical) || (!agency.empty() && canonical == agency));
    if (wire_notice && !out.agency_notice && IsWireAgency(canonical)) {
      out.agency_notice = SourceMatch{canonical, c.evidence};
    }
    Group* g = nullptr;
    for (Group& h : groups) {
      for (const PublisherCandidate* m : h.members) {
        if (SameOutlet(m->name, c.name)) {
          g = &h;
          break;
        }
      }
      if (g) break;
    }
    if (!g) {
      groups.emplace_back();
      g = &groups.back();
    }
    g->members.push_back(&c);
    g->last = static_cast<size_t>(&c - found.data());
    if (!g->evidence.insert(std::to_string(static_cast<int>(c.signal)) + c.evidence).second)
      continue;
    // A line in both header and footer is often a menu item ("Contact",
    // "Sports"): it only supports a name found otherwise.
    double w = c.signal == PublisherSignal::kSiteNameLine ? 0.5 : 1;
    if (c.signal == PublisherSignal::kCopyright) w = wire_notice ? 1 : 2;
    if (c.signal == PublisherSignal::kOwnReporter) w = 2;
    if (c.signal == PublisherSignal::kSelfReference &&
        c.evidence.find(" is part of ") != std::string::npos)
      w = 2;
    g->score += w;
    if (c.signal != PublisherSignal::kCopyright) g->named_by_site = true;
  }
  return groups;
}

// The group with the most weight (at least two signals' worth), or null.
const Group* BestGroup(const std::vector<Group>& groups) {
  const Group* best = nullptr;
  for (const Group& g : groups) {
    if (g.score < 2) continue;
    if (!best || g.score > best->score ||
        (g.score == best->score && g.named_by_site && !best->named_by_site) ||
        // A notice under the story credits its copy; the site's own closes
        // the page.
        (g.score == best->score && g.named_by_site == best->named_by_site &&
         g.last > best->last)) {
      best = &g;
    }
  }
  return best;
}

// The name best's members give the outlet, or null.
const PublisherCandidate* PickName(const Group* best) {
  // The name the site gives itself beats a notice's legal name ("The
  // Guardian" over "Guardian News & Media") when the notice's name holds it
  // or the site says it more than once; within each, the most repeated.
  auto most_voted = [&](bool notices, int* votes_out) {
    std::map<std::string, int> votes;
    const PublisherCandidate* pick = nullptr;
    *votes_out = 0;
    for (const PublisherCandidate* m : best->members) {
      if ((m->signal == PublisherSignal::kCopyright) != notices) continue;
      if (m->signal == PublisherSignal::kSiteNameLine) continue;
      const int v = ++votes[m->name];
      if (v > *votes_out) {
        pick = m;
        *votes_out = v;
      }
    }
    return pick;
  };
  int own_votes = 0, notice_votes = 0;
  const PublisherCandidate* own = most_voted(false, &own_votes);
  const PublisherCandidate* notice = most_voted(true, &notice_votes);
  const PublisherCandidate* pick = own ? own : notice;
  if (own && notice && own_votes < 2) {
    std::vector<std::string> notice_words = NameWords(notice->name);
    for (const std::string& w : NameWords(own->name)) {
      if (!IsGenericOutletWord(w) &&
          std::find(notice_words.begin(), notice_words.end(), w) == notice_words.end()) {
        pick = notice;
        break;
      }
    }
  }
  return pick;
}

}  // namespace

PageCredits FindPageCredits(const std::vector<std::string_view>& lines,
                            std::string_view agency, const SourceAliases* aliases) {
  std::vector<PublisherCandidate> found = CollectCandidates(lines, aliases);
  DropBylineNames(lines, &found);
  PageCredits out;
  const std::vector<Group> groups = GroupByOutlet(found, agency, aliases, &out);
  const Group* best = BestGroup(groups);
  if (!best) return out;
  const PublisherCandidate* pick = PickName(best);
  if (!pick) return out;
  const std::string known = KnownSource(pick->name, aliases);
  out.publisher = SourceMatch{known.empty() ? pick->name : known, pick->evidence};
  return out;
}

}  // namespace lede

// Source credits follow a handful of conventions shared across outlets; each
// is matched by hand on a short prefix or suffix of a line so that running
// text ("a Reuters report quoted ...") is never mistaken for a credit.
#include "common/extract/source_detect.h"

#include <array>
#include <cctype>
#include <utility>

#include "common/extract/line_features.h"

namespace lede {
namespace {

// Lower-cased alias -> canonical name.
constexpr std::array<std::pair<const char*, const char*>, 46> kKnownSources = {{
    {"xinhua", "Xinhua"},
    {"xinhua news agency", "Xinhua"},
    {"xinhuanet", "Xinhua"},
    {"sana", "SANA"},
    {"syrian arab news agency", "SANA"},
    {"voa", "VOA"},
    {"voice of america", "VOA"},
    {"reuters", "Reuters"},
    {"thomson reuters", "Reuters"},
    {"ap", "AP"},
    {"associated press", "AP"},
    {"the associated press", "AP"},
    {"afp", "AFP"},
    {"agence france-presse", "AFP"},
    {"agence france presse", "AFP"},
    {"bbc", "BBC"},
    {"bbc news", "BBC"},
    {"rt", "RT"},
    {"russia today", "RT"},
    {"tass", "TASS"},
    {"itar-tass", "TASS"},
    {"ria novosti", "RIA Novosti"},
    {"ria", "RIA Novosti"},
    {"interfax", "Interfax"},
    {"irna", "IRNA"},
    {"isna", "ISNA"},
    {"fars", "Fars"},
    {"upi", "UPI"},
    {"dpa", "dpa"},
    {"ansa", "ANSA"},
    {"efe", "EFE"},
    {"kyodo", "Kyodo"},
    {"kyodo news", "Kyodo"},
    {"yonhap", "Yonhap"},
    {"cnn", "CNN"},
    {"anadolu agency", "Anadolu Agency"},
    {"aa", "Anadolu Agency"},
    {"bloomberg", "Bloomberg"},
    {"al jazeera", "Al Jazeera"},
    {"kuna", "KUNA"},
    {"wam", "WAM"},
    {"mena", "MENA"},
    {"pti", "PTI"},
    {"ians", "IANS"},
    {"cna", "CNA"},
    {"china daily", "China Daily"},
}};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "SANA", "KUNA": an agency acronym as datelines print them.
bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return false;
  for (char c : s) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

// Position of a dash that ends a dateline (-, --, –, —), from pos on.
size_t FindDash(std::string_view s, size_t from, size_t* dash_len) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == '-') {
      *dash_len = 1;
      return i;
    }
    if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) {
      *dash_len = 3;
      return i;
    }
  }
  return std::string_view::npos;
}

// Takes name as a source if known, or (when allow_acronym) if it looks like
// an agency acronym.
std::optional<SourceMatch> Credit(std::string_view name, std::string_view evidence,
                                  const SourceAliases* aliases,
                                  bool allow_acronym) {
  name = TrimLine(name);
  std::string known = KnownSource(name, aliases);
  if (known.empty() && allow_acronym && IsAcronym(name)) known = std::string(name);
  if (known.empty()) return std::nullopt;
  return SourceMatch{known, std::string(TrimLine(evidence))};
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  return Lower(s.substr(0, prefix.size())) == prefix;
}

}  // namespace

std::string KnownSource(std::string_view name, const SourceAliases* aliases) {
  std::string key = Lower(TrimLine(name));
  while (!key.empty() && (key.back() == '.' || key.back() == ',')) key.pop_back();
  if (key.empty()) return "";
  if (aliases != nullptr) {
    auto it = aliases->find(key);
    if (it != aliases->end()) return it->second;
  }
  for (const auto& [alias, canonical] : kKnownSources) {
    if (key == alias) return canonical;
  }
  return "";
}

std::optional<SourceMatch> SourceFromDateline(std::string_view line,
                                              const SourceAliases* aliases) {
  line = TrimLine(line);
  // Datelines sit within the first few words.
  std::string_view head = line.substr(0, 120);
  // "(Xinhua) --", "WASHINGTON (AP) —"
  size_t open = head.find('(');
  if (open != std::string_view::npos) {
    size_t close = head.find(')', open);
    if (close != std::string_view::npos && close - open <= 40) {
      std::string_view after = TrimLine(head.substr(close + 1));
      size_t dash_len = 0;
      if (FindDash(after, 0, &dash_len) == 0 || (!after.empty() && after[0] == ':')) {
        std::string_view name = head.substr(open + 1, close - open - 1);
        if (auto m = Credit(name, head.substr(0, close + 1), aliases, true)) return m;
      }
    }
  }
  // "Moscow, SANA –", "Beirut, SANA-"
  size_t dash_len = 0;
  size_t dash = FindDash(head, 0, &dash_len);
  if (dash != std::string_view::npos && dash <= 60) {
    std::string_view before = TrimLine(head.substr(0, dash));
    size_t comma = before.rfind(',');
    if (comma != std::string_view::npos) {
      std::string_view name = before.substr(comma + 1);
      if (auto m = Credit(name, head.substr(0, dash + dash_len), aliases, true)) return m;
    }
  }
  return std::nullopt;
}

std::optional<SourceMatch> SourceFromCredit(std::string_view line,
                                            const SourceAliases* aliases) {
  line = TrimLine(line);
  if (line.empty() || line.size() > 80) return std::nullopt;
  std::string lower = Lower(line);
  // "TBP and Agencies", "Reuters/Agencies", "AFP with agencies"
  for (const char* tail : {" and agencies", "/agencies", " with agencies",
                           " and wires", " & agencies"}) {
    size_t at = lower.rfind(tail);
    if (at != std::string::npos && at + std::string_view(tail).size() == lower.size()) {
      std::string_view name = line.substr(0, at);
      size_t cut = name.find_last_of(",;");
      if (cut != std::string_view::npos) name = name.substr(cut + 1);
      if (auto m = Credit(name, line, aliases, true)) return m;
    }
  }
  // "Source: Reuters", "Sources: AFP, AP"
  for (const char* head : {"source:", "sources:", "source -", "quelle:", "fonte:",
                           "fuente:", "sumber:"}) {
    if (StartsWithNoCase(line, head)) {
      std::string_view rest = line.substr(std::string_view(head).size());
      size_t cut = rest.find_first_of(",;/");
      if (cut != std::string_view::npos) rest = rest.substr(0, cut);
      if (auto m = Credit(rest, line, aliases, false)) return m;
    }
  }
  // Reuters signs every story this way.
  if (StartsWithNoCase(line, "(reporting by") || StartsWithNoCase(line, "reporting by")) {
    if (lower.find("editing by") != std::string::npos) {
      return SourceMatch{KnownSource("reuters", aliases), std::string(line)};
    }
  }
  // "— AFP", "(AP)", "AFP"
  std::string_view name = line;
  size_t dash_len = 0;
  if (FindDash(name, 0, &dash_len) == 0) name = name.substr(dash_len);
  name = TrimLine(name);
  if (name.size() >= 2 && name.front() == '(' && name.back() == ')') {
    name = name.substr(1, name.size() - 2);
  }
  return Credit(name, line, aliases, false);
}

std::optional<SourceMatch> SourceFromByline(std::string_view line,
                                            const SourceAliases* aliases) {
  line = TrimLine(line);
  if (line.empty() || line.size() > 100) return std::nullopt;
  // Split on commas and "by"/"|": one part must be, or start with, a known
  // agency name ("AP Auto Writer", "Associated Press").
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t cut = line.find_first_of(",|", pos);
    if (cut == std::string_view::npos) cut = line.size();
    std::string_view part = TrimLine(line.substr(pos, cut - pos));
    // Try the longest prefix of words that is a known name.
    std::string_view words = part;
    while (!words.empty()) {
      std::string known = KnownSource(words, aliases);
      if (!known.empty()) return SourceMatch{known, std::string(line)};
      size_t sp = words.rfind(' ');
      if (sp == std::string_view::npos) break;
      words = TrimLine(words.substr(0, sp));
    }
    pos = cut + 1;
  }
  return std::nullopt;
}

std::optional<SourceMatch> SourceFromReporterMention(
    std::string_view line, const SourceAliases* aliases) {
  // "<Outlet>'s <Name> [<Name>...] reports"
  size_t pos = 0;
  while (pos < line.size()) {
    size_t at = line.find("'s ", pos);
    size_t len = 3;
    size_t curly = line.find("\xE2\x80\x99s ", pos);
    if (curly != std::string_view::npos && (at == std::string_view::npos || curly < at)) {
      at = curly;
      len = 5;
    }
    if (at == std::string_view::npos) break;
    size_t start = line.find_last_of(" (\"", at == 0 ? 0 : at - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view outlet = line.substr(start, at - start);
    std::string_view after = line.substr(at + len, 80);
    size_t rep = after.find(" reports");
    if (rep == std::string_view::npos) rep = after.find(" reported");
    if (rep != std::string_view::npos && IsAcronym(outlet)) {
      std::string_view reporter = after.substr(0, rep);
      // The reporter is a name: two to five capitalised words, perhaps with a
      // job title ("State Department Correspondent Scott Stearns").
      bool name_like = !reporter.empty();
      int words = 1;
      for (size_t i = 0; i < reporter.size(); ++i) {
        if (reporter[i] == ' ') {
          ++words;
          if (i + 1 < reporter.size() &&
              !std::isupper(static_cast<unsigned char>(reporter[i + 1]))) {
            name_like = false;
          }
        }
      }
      if (name_like && words >= 2 && words <= 6 &&
          std::isupper(static_cast<unsigned char>(reporter[0]))) {
        std::string known = KnownSource(outlet, aliases);
        return SourceMatch{known.empty() ? std::string(outlet) : known,
                           std::string(line.substr(start, at + len + rep + 8 - start))};
      }
    }
    pos = at + len;
  }
  return std::nullopt;
}

}  // namespace lede

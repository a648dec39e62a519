// Who an article credits as its source (a news agency or outlet), read from
// the text: datelines ("MOSCOW, Dec. 3 (Xinhua) --", "Moscow, SANA –"),
// credit lines ("TBP and Agencies", "Source: Reuters"), bylines ("Tom Krisher,
// AP Auto Writer") and reporter mentions ("VOA's Brian Padden reports").
// Names are canonicalised ("Xinhua News Agency" -> "Xinhua").
#ifndef LEDE_COMMON_EXTRACT_SOURCE_DETECT_H_
#define LEDE_COMMON_EXTRACT_SOURCE_DETECT_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lede {

struct SourceMatch {
  std::string name;      // canonical
  std::string evidence;  // the text it was read from
};

// User aliases: lower-cased alias -> canonical name; may be null. They are
// looked up before the built-in table, so they can override it.
using SourceAliases = std::map<std::string, std::string>;

// Canonical name of a known source, or "" when name is not one.
std::string KnownSource(std::string_view name, const SourceAliases* aliases);

// The agency in a dateline at the start of a paragraph: "(Xinhua) --",
// "WASHINGTON (AP) —", "Moscow, SANA –". An unknown all-capitals agency in
// parentheses ("(KUNA) --") is taken as written.
std::optional<SourceMatch> SourceFromDateline(std::string_view line,
                                              const SourceAliases* aliases);

// A credit line of its own, usually closing the article: "TBP and Agencies",
// "Source: Reuters", "— AFP", "(Reporting by ...; Editing by ...)".
std::optional<SourceMatch> SourceFromCredit(std::string_view line,
                                            const SourceAliases* aliases);

// A short byline naming a known agency: "By Tom Krisher, Associated Press".
std::optional<SourceMatch> SourceFromByline(std::string_view line,
                                            const SourceAliases* aliases);

// An outlet naming its own reporter: "VOA's Brian Padden reports". Quotes
// of other outlets ("RT website quoted") are not credits.
std::optional<SourceMatch> SourceFromReporterMention(
    std::string_view line, const SourceAliases* aliases);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_SOURCE_DETECT_H_

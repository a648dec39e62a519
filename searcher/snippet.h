// Snippets of the original text around the best-matching passage, with the
// matched words' byte ranges (stemmed matches included: "talk" marks "talks").
#ifndef LEDE_SEARCHER_SNIPPET_H_
#define LEDE_SEARCHER_SNIPPET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

namespace lede {

struct Snippet {
  std::string text;  // plain text, whitespace runs collapsed, "…" at cut ends
  std::vector<std::pair<size_t, size_t>> highlights;  // [begin, end) byte ranges in text
};

// Picks the window of about max_bytes that holds the most distinct query
// terms (then the most matches), cut at word boundaries. terms are "Z"+stem
// forms. With no match, the start of the text. Pure.
Snippet MakeSnippet(std::string_view text, const std::unordered_set<std::string>& terms,
                    const Xapian::Stem& stemmer, size_t max_bytes = 280);

// Highlights every matching word of a short text (a title) without cutting it.
Snippet HighlightAll(std::string_view text, const std::unordered_set<std::string>& terms,
                     const Xapian::Stem& stemmer);

}  // namespace lede

#endif  // LEDE_SEARCHER_SNIPPET_H_

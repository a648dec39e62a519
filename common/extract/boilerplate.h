// Boilerplate removal for text dumps of web pages: which lines are the
// article and which are navigation, teasers, captions, comments and the like.
// Works on sites never seen before: it weighs the shape of each line (length,
// stop-word density, sentence punctuation, capitals, links), smooths with the
// neighbours as jusText does, then keeps the one stretch of the page that
// holds the article, cut at end-of-article signals ("Most Popular",
// "Comments", "You May Like", ...).
#ifndef LEDE_COMMON_EXTRACT_BOILERPLATE_H_
#define LEDE_COMMON_EXTRACT_BOILERPLATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/line_features.h"

namespace lede {

struct BoilerplateInput {
  std::vector<std::string_view> lines;  // the dump, split on '\n'
  std::string language;                 // ISO 639-1 of the page, "" unknown
  // Per line: how many files of the collection contain it, and how many
  // files there are; empty / 0 when there is no collection evidence.
  std::vector<uint32_t> files_with_line;
  uint32_t total_files = 0;
  // Optional, for a caller that has read every line already: per line,
  // ComputeLineFeatures(lines[i], nullptr, &(*line_keys)[i]) and that key.
  // The stop words of language are counted from the keys. Both null: the
  // lines are read here.
  const std::vector<LineFeatures>* line_features = nullptr;
  const std::vector<std::string>* line_keys = nullptr;
};

struct BoilerplateResult {
  // Per line: part of the article body? and why (for --explain).
  std::vector<bool> keep;
  std::vector<std::string> reason;
  // Body paragraphs in order. A paragraph is one line, or several lines
  // joined with spaces when the text is hard-wrapped (fixed-width files).
  std::vector<std::string> paragraphs;
  // First and last kept line (indexes into lines); -1 when nothing was kept.
  int first_kept = -1;
  int last_kept = -1;
  // First line of the page that is an end-of-article signal after the body,
  // or lines.size() when there is none.
  int end_marker = 0;
};

// Never returns an empty body for a text that has words: if no line looks
// like prose, the longest lines are kept instead.
BoilerplateResult RemoveBoilerplate(const BoilerplateInput& input);

// True when the line, case-folded, is one of the phrases that close an
// article on news pages ("Most Popular", "Comments", "We recommend", ...).
bool IsEndOfArticleSignal(std::string_view line);

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_BOILERPLATE_H_

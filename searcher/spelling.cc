// Word-by-word suggestions, so the rest of the query text stays as typed.
#include "searcher/spelling.h"

#include "common/text/tokenizer.h"

namespace lede {
namespace {

bool IsOperator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

}  // namespace

std::string SuggestSpelling(const Xapian::Database& db, std::string_view query) {
  std::string out;
  size_t last = 0;
  bool changed = false;
  std::string_view previous;
  for (const Token& t : Tokenize(query)) {
    std::string_view original = query.substr(t.begin, t.end - t.begin);
    // Field names, and the values of fields other than title: (dates,
    // source names), are not words to correct.
    const bool field = (t.end < query.size() && query[t.end] == ':') ||
                       (t.begin > 0 && query[t.begin - 1] == ':' && previous != "title");
    previous = original;
    const bool digits = t.term.find_first_of("0123456789") != std::string::npos;
    std::string suggestion;
    if (!field && !digits && !t.cjk && !IsOperator(original)) {
      // Xapian suggests only words within edit distance 2 that are more
      // frequent; a word already in the data gets "".
      suggestion = db.get_spelling_suggestion(t.term, 2);
    }
    out.append(query.substr(last, t.begin - last));
    if (!suggestion.empty() && suggestion != t.term) {
      out += suggestion;
      changed = true;
    } else {
      out.append(original);
    }
    last = t.end;
  }
  out.append(query.substr(last));
  return changed ? out : std::string();
}

}  // namespace lede

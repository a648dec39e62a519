// Snippet window selection over lede's own tokens, so offsets point into the
// original text (accents kept) and stemmed matches are found.
#include "searcher/snippet.h"

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/index/schema.h"
#include "common/text/tokenizer.h"

namespace lede {
namespace {

struct Match {
  size_t begin, end;
  int term_id;  // -1 when the token does not match
};

// Which tokens can stem to a query term. Stemming every token of every hit's
// body was 28% of a --batch run (profiled: docs/ranking.md, "Query cost"), so
// a token whose start rules out every query stem is not stemmed at all.
// An English (Porter2) stem keeps the first two bytes of its word, or is its
// first letter: Porter2 changes only a word's ending, in regions that start
// at its third letter at the earliest, save the exceptions dying, lying and
// tying (die, lie, tie), where the second letter y becomes i. Snowball's
// other stemmers that Xapian has keep at least the first byte (checked on
// random words built from each language's letters and endings), except the
// ones below, which strip or change a word's start.
class StemFilter {
 public:
  StemFilter(const std::unordered_set<std::string>& terms, const Xapian::Stem& stemmer) {
    const std::string description = stemmer.get_description();
    two_bytes_ = description == "Xapian::Stem(english)";
    // Prefixes stripped (Indonesian dimakan → makan, Irish bhfear → fear,
    // Arabic بالكتاب → كتاب) or a short stem's first consonant changed
    // (Turkish buna → p): every token is stemmed.
    for (const char* name : {"arabic", "indonesian", "irish", "turkish"})
      if (description == std::string("Xapian::Stem(") + name + ")") all_ = true;
    for (const std::string& t : terms) {
      const auto parts = schema::SplitStemmedTerm(t);
      if (!parts || parts->field != schema::FieldId::kWords) {
        all_ = true;  // not a plain stem term: stem everything
        continue;
      }
      const auto head = static_cast<unsigned char>(parts->stem[0]);
      heads_[head] = true;
      // The second byte that a token starting with head must have (-1: any).
      seconds_.emplace_back(
          head, parts->stem.size() < 2 ? -1 : static_cast<unsigned char>(parts->stem[1]));
    }
  }
  // head, second: the term's first two bytes (second -2 when it has one).
  bool MayMatch(unsigned char head, int second) const {
    if (all_) return true;
    if (!heads_[head]) return false;
    if (!two_bytes_) return true;
    for (const auto& [h, s] : seconds_) {
      if (h != head) continue;
      if (s == -1 || s == second || (s == 'i' && second == 'y')) return true;
    }
    return false;
  }

 private:
  bool all_ = false;
  bool two_bytes_ = false;
  bool heads_[256] = {};
  std::vector<std::pair<unsigned char, int>> seconds_;
};

bool HasApostrophe(std::string_view term) {
  for (const char c : term)
    if (c == '\'') return true;
  return false;
}

unsigned char LowerAscii(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 'A' && b <= 'Z' ? static_cast<unsigned char>(b - 'A' + 'a') : b;
}

// Whether a word's term may stem to a query term, read from the word as
// written when it is ASCII: its term, made only then, is its lower case.
bool MayMatch(const StemFilter& filter, const Word& w) {
  if (!w.ascii.empty()) {
    return filter.MayMatch(LowerAscii(w.ascii[0]),
                           w.ascii.size() < 2 ? -2 : LowerAscii(w.ascii[1]));
  }
  if (w.term.empty()) return true;
  return filter.MayMatch(static_cast<unsigned char>(w.term[0]),
                         w.term.size() < 2 ? -2 : static_cast<unsigned char>(w.term[1]));
}

std::vector<Match> MatchTokens(std::string_view text, const std::unordered_set<std::string>& terms,
                               const Xapian::Stem& stemmer) {
  std::vector<Match> out;
  // About one token per six bytes of news text: one allocation, mostly.
  out.reserve(text.size() / 6 + 1);
  std::unordered_map<std::string, int> ids;
  const StemFilter filter(terms, stemmer);
  const auto lookup = [&](const std::string& term) {
    if (!term.empty() &&
        !filter.MayMatch(static_cast<unsigned char>(term[0]),
                         term.size() < 2 ? -2 : static_cast<unsigned char>(term[1])))
      return -1;
    std::string z = schema::StemTerm(stemmer, term);
    if (!terms.count(z)) return -1;
    return ids.emplace(z, static_cast<int>(ids.size())).first->second;
  };
  std::string term;
  TokenizeWords(text, 0, [&](const Word& w) {
    int id = -1;
    // French and Italian articles are indexed without their elided article
    // ("l'Élysée" as "elysee"), so the whole word is highlighted for the
    // bare one. Trying the bare form in other languages too costs nothing
    // (only words with an apostrophe) and marks "d'Estaing" for "Estaing".
    const bool apostrophe = HasApostrophe(w.ascii.empty() ? w.term : w.ascii);
    // Most words can stem to no query term: their term is never made.
    if (!terms.empty() && (apostrophe || MayMatch(filter, w))) {
      TermOf(w, &term);
      id = lookup(term);
      if (id < 0 && apostrophe) {
        const std::string_view bare = WithoutElision(term);
        if (bare.size() < term.size()) id = lookup(std::string(bare));
      }
    }
    out.push_back({w.begin, w.end, id});
  });
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

// Copies text[begin,end) collapsing whitespace runs, translating the match
// ranges that fall inside.
Snippet Render(std::string_view text, size_t begin, size_t end, const std::vector<Match>& matches,
               bool cut_start, bool cut_end) {
  Snippet s;
  s.text.reserve(end - begin + 8);
  if (cut_start) s.text += "\xE2\x80\xA6";  // …
  const size_t content_start = s.text.size();
  // The first match starting in the window.
  const auto first = std::lower_bound(matches.begin(), matches.end(), begin,
                                      [](const Match& x, size_t at) { return x.begin < at; });
  auto m = static_cast<size_t>(first - matches.begin());
  bool pending_space = false;
  // Runs of non-space bytes are copied whole; a word never holds a space, so
  // a highlight opens and closes within one run (or where the window ends).
  for (size_t i = begin; i < end;) {
    if (IsSpace(text[i])) {
      pending_space = s.text.size() > content_start;
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < end && !IsSpace(text[j])) ++j;
    if (pending_space) s.text += ' ';
    pending_space = false;
    const size_t at = s.text.size();  // where text[i] goes
    for (; m < matches.size() && matches[m].begin < j; ++m) {
      if (matches[m].term_id < 0) continue;
      s.highlights.emplace_back(at + (matches[m].begin - i),
                                at + (std::min(matches[m].end, j) - i));
    }
    s.text.append(text.data() + i, j - i);
    i = j;
  }
  if (cut_end) s.text += "\xE2\x80\xA6";
  return s;
}

}  // namespace

Snippet MakeSnippet(std::string_view text, const std::unordered_set<std::string>& terms,
                    const Xapian::Stem& stemmer, size_t max_bytes) {
  std::vector<Match> matches = MatchTokens(text, terms, stemmer);
  if (matches.empty()) return Render(text, 0, std::min(text.size(), max_bytes), {}, false,
                                     text.size() > max_bytes);
  // A text that fits is shown whole, from its first word.
  if (text.size() <= max_bytes) return Render(text, 0, text.size(), matches, false, false);

  // Sliding window over tokens whose span fits max_bytes: score by distinct
  // terms, then number of matches, then adjacency (phrases).
  // Matches of each term in the window (term ids count from 0), and how
  // many terms have any.
  int term_count = 0;
  for (const Match& m : matches) term_count = std::max(term_count, m.term_id + 1);
  std::vector<int> in_window(static_cast<size_t>(term_count), 0);
  long distinct = 0;
  size_t best_lo = 0, best_hi = 0;
  long best_score = -1;
  size_t lo = 0;
  long hits = 0, adjacent = 0;
  for (size_t hi = 0; hi < matches.size(); ++hi) {
    if (matches[hi].term_id >= 0) {
      if (in_window[static_cast<size_t>(matches[hi].term_id)]++ == 0) ++distinct;
      ++hits;
      if (hi > lo && matches[hi - 1].term_id >= 0 && matches[hi - 1].term_id != matches[hi].term_id)
        ++adjacent;
    }
    while (matches[hi].end - matches[lo].begin > max_bytes && lo < hi) {
      if (matches[lo].term_id >= 0) {
        if (--in_window[static_cast<size_t>(matches[lo].term_id)] == 0) --distinct;
        --hits;
        if (matches[lo + 1].term_id >= 0 && matches[lo + 1].term_id != matches[lo].term_id)
          --adjacent;
      }
      ++lo;
    }
    long score = distinct * 1000 + adjacent * 100 + hits;
    if (score > best_score) {
      best_score = score;
      best_lo = lo;
      best_hi = hi;
    }
  }
  // The window runs from its first match to its last: the tokens around
  // them that the slide kept in (up to max_bytes before the first match)
  // scored nothing, and starting from them put a lone match at the very
  // end of its snippet, with no text after it.
  while (best_lo < best_hi && matches[best_lo].term_id < 0) ++best_lo;
  while (best_hi > best_lo && matches[best_hi].term_id < 0) --best_hi;
  // Grow the window to max_bytes around the matches, favouring context before
  // the first match up to a sentence start.
  size_t begin = matches[best_lo].begin;
  size_t end = matches[best_hi].end;
  size_t slack = max_bytes > end - begin ? max_bytes - (end - begin) : 0;
  size_t lead = std::min(begin, slack / 2);
  size_t new_begin = begin - lead;
  // Prefer starting right after a sentence end within the lead.
  for (size_t i = begin; i > new_begin; --i) {
    if (text[i - 1] == '\n' || ((text[i - 1] == ' ') && i >= 2 &&
                                (text[i - 2] == '.' || text[i - 2] == '!' || text[i - 2] == '?'))) {
      new_begin = i;
      break;
    }
  }
  slack -= begin - new_begin;
  begin = new_begin;
  end = std::min(text.size(), end + slack);
  // Snap to token boundaries so no word is cut.
  for (const Match& mt : matches) {
    if (mt.begin < begin && mt.end > begin) begin = mt.end;  // drop the cut word
    if (mt.begin < end && mt.end > end) {
      end = mt.begin;
      break;
    }
  }
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return Render(text, begin, end, matches, begin > 0, end < text.size());
}

Snippet HighlightAll(std::string_view text, const std::unordered_set<std::string>& terms,
                     const Xapian::Stem& stemmer) {
  return Render(text, 0, text.size(), MatchTokens(text, terms, stemmer), false, false);
}

}  // namespace lede

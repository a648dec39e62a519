// From the user's query text to a Xapian::Query, with lede's normalization and
// stemming applied exactly as at index time.
#ifndef LEDE_SEARCHER_QUERY_BUILDER_H_
#define LEDE_SEARCHER_QUERY_BUILDER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

namespace lede {

// Rewrites query text so Xapian::QueryParser sees lede's terms: every word is
// replaced by its normalized form (Communiqué → communique, U.N. → un), runs
// of CJK characters become phrases of single characters, and the operators
// AND, OR, NOT, XOR, NEAR, ADJ (upper case only), quotes, parentheses, +/-
// and field prefixes (title:, source:) are left alone. Pure.
// elisions: drop elided French/Italian articles (l'Élysée → elysee), as the
// index does for articles in those languages.
std::string PreprocessQuery(std::string_view query, bool elisions = false);

// The most words one wildcard may stand for.
inline constexpr Xapian::termcount kMaxWildcardTerms = 500;

struct ParsedQuery {
  // Words without an operator between them all required (AND), unless the
  // query was parsed for any word (then OR).
  Xapian::Query query;
  // The same words, any of them (OR): the partial matches that follow the
  // all-words ones. Empty when it would match the same as query (one word,
  // explicit operators only, or parsed for any word).
  Xapian::Query any_words;
  // "Z"+stem forms of the words to highlight in snippets.
  std::unordered_set<std::string> highlight_terms;
  // Set when QueryParser rejected the query and lede fell back to plain terms.
  std::string fallback_note;
};

class QueryBuilder {
 public:
  // db may be an empty Database (no spelling, no wildcard expansion).
  // today_days (days since 1970-01-01) anchors relative dates (date:7d..).
  explicit QueryBuilder(const Xapian::Database& db, long today_days = 0);

  // Never throws for malformed syntax: falls back to the plain words (noted in
  // fallback_note). Throws QueryError when no searchable word is left, or for
  // an invalid date: or source: value. any_word: words join with OR only
  // (--any), no all-words query.
  ParsedQuery Parse(const std::string& text, bool any_word = false) const;

  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  // A parser configured like the index, stemming with stemmer.
  Xapian::QueryParser MakeParser(const Xapian::Database& db, const Xapian::Stem& stemmer) const;
  // The query for a collection stemmed in several languages: each stemmer
  // group's parse of the text, restricted to that group's articles, OR-ed.
  Xapian::Query ParseAcrossGroups(const std::string& text, unsigned flags,
                                  std::unordered_set<std::string>* stems) const;
  // text with each word that ends in '*' (a wildcard) rewritten to expand
  // over the index's stems (StemStart in query_builder.cc).
  std::string RewriteWildcards(const std::string& text) const;
  // One parse of text with op between words; the plain-words fallback (and
  // its note) when the syntax is not understood.
  Xapian::Query ParseWith(const std::string& text, Xapian::Query::op op, std::string* note,
                          std::unordered_set<std::string>* stems) const;

  Xapian::Database db_;
  Xapian::Stem stemmer_;
  bool elisions_ = false;  // the one stemmer group elides articles
  // One parser per stemmer group in the database when there are several
  // (a collection with articles in English and German, say); empty otherwise.
  mutable std::vector<std::pair<std::string, Xapian::QueryParser>> group_parsers_;
  long today_days_;
  mutable Xapian::QueryParser parser_;
  // Set by lede's date:/source: processors during parse_query (they must
  // not throw through Xapian's parser); Parse throws it as a QueryError.
  std::shared_ptr<std::string> filter_error_ = std::make_shared<std::string>();
};

}  // namespace lede

#endif  // LEDE_SEARCHER_QUERY_BUILDER_H_

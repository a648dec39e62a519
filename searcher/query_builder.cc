// QueryParser configured to match the index: STEM_ALL_Z with the English
// stemmer on pre-normalized text, lede's stop words, title: and source:.
#include "searcher/query_builder.h"

#include <algorithm>
#include <vector>

#include "common/error.h"
#include "common/index/schema.h"
#include "common/index/stem.h"
#include "common/text/stopwords.h"
#include "common/text/tokenizer.h"
#include "searcher/date_filter.h"
#include "searcher/filters.h"
#include "searcher/source_filter.h"

namespace lede {
namespace {

class LedeStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& term) const override { return IsEnglishStopword(term); }
};

bool IsOperator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

// Copies the text between words, turning curly double quotes into '"' and
// tracking whether a phrase is open.
void AppendBetweenWords(std::string_view gap, std::string* out, bool* in_quote) {
  for (size_t k = 0; k < gap.size(); ++k) {
    const bool curly =
        gap.compare(k, 3, "\xE2\x80\x9C") == 0 || gap.compare(k, 3, "\xE2\x80\x9D") == 0;
    if (gap[k] == '"' || curly) {
      *in_quote = !*in_quote;
      *out += '"';
      if (curly) k += 2;
    } else {
      *out += gap[k];
    }
  }
}

// The field whose words are already index stems: wildcards are rewritten
// into it, so that they expand over the "Z" terms the index holds.
constexpr char kStemField[] = "xstemwild";

// The start a wildcard word expands from in the index's stems: the word
// itself, or, when a stem in db is a shorter start of it ("negotiat" runs
// past the stem "negoti" of negotiate, negotiation...), the longest such
// stem of at least half the word.
std::string StemStart(const Xapian::Database& db, const std::string& word) {
  const size_t lo = std::max<size_t>(3, word.size() / 2);
  for (size_t k = word.size() - 1; k >= lo && k < word.size(); --k) {
    const std::string start = word.substr(0, k);
    if (db.term_exists(schema::StemmedTerm(schema::FieldId::kWords, start))) return start;
  }
  return word;
}

// lede's own processors of a boolean field: source names keyed like the
// index (case, accents, spacing ignored), date: with lede's DATE syntax
// (searcher/date_filter.h). nullptr for a field whose values are its terms'.
Xapian::FieldProcessor* FieldProcessorFor(schema::FieldId field, long today_days,
                                          const FilterError& error) {
  switch (field) {
    case schema::FieldId::kSource:
      return new SourceFieldProcessor(error);
    case schema::FieldId::kPublisher:
      return new SourceFieldProcessor(error, SourceRole::kPublisher);
    case schema::FieldId::kAgency:
      return new SourceFieldProcessor(error, SourceRole::kAgency);
    case schema::FieldId::kDate:
      return new DateFieldProcessor(today_days, error);
    default:
      return nullptr;
  }
}

}  // namespace

std::string QueryBuilder::RewriteWildcards(const std::string& text) const {
  std::string out;
  size_t last = 0;
  for (const Token& t : Tokenize(text)) {
    if (t.cjk || t.end >= text.size() || text[t.end] != '*') continue;
    const std::string prefix = StemStart(db_, t.term);
    if (prefix.empty()) continue;
    out += text.substr(last, t.begin - last);
    out += std::string(kStemField) + ":" + prefix;
    last = t.end;
  }
  return out + text.substr(last);
}

std::string PreprocessQuery(std::string_view query, bool elisions) {
  std::vector<Token> tokens = Tokenize(query);
  std::string out;
  out.reserve(query.size() + 8);
  size_t last = 0;
  bool in_quote = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    AppendBetweenWords(query.substr(last, t.begin - last), &out, &in_quote);
    if (t.cjk) {
      // A run of adjacent CJK characters is one phrase of single characters.
      size_t j = i;
      while (j + 1 < tokens.size() && tokens[j + 1].cjk && tokens[j + 1].begin == tokens[j].end) ++j;
      const bool quote = !in_quote && j > i;
      if (quote) out += '"';
      for (size_t k = i; k <= j; ++k) {
        if (k > i) out += ' ';
        out += tokens[k].term;
      }
      if (quote) out += '"';
      last = tokens[j].end;
      i = j;
      continue;
    }
    std::string_view original = query.substr(t.begin, t.end - t.begin);
    if (IsOperator(original)) {
      out += original;
    } else {
      out += elisions ? std::string(WithoutElision(t.term)) : t.term;
    }
    last = t.end;
  }
  AppendBetweenWords(query.substr(last), &out, &in_quote);
  return out;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, long today_days)
    : db_(db), stemmer_("english"), today_days_(today_days) {
  parser_ = MakeParser(db, stemmer_);
  // Articles are stemmed in their own language (common/index/schema.h,
  // FieldId::kStemmer); with more than one group, every group gets its parse.
  const std::vector<std::string> groups = schema::TermValues(db, schema::FieldId::kStemmer);
  if (groups.size() == 1 && groups[0] != "english") {
    elisions_ = SplitsElisions(groups[0]);
    stemmer_ = StemmerNamed(groups[0]);
    parser_ = MakeParser(db, stemmer_);
  } else if (groups.size() > 1) {
    for (const std::string& g : groups) group_parsers_.emplace_back(g, MakeParser(db, StemmerNamed(g)));
  }
}

Xapian::QueryParser QueryBuilder::MakeParser(const Xapian::Database& db,
                                             const Xapian::Stem& stemmer) const {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  parser.set_stopper((new LedeStopper)->release());
  parser.set_default_op(Xapian::Query::OP_OR);
  // A wildcard (negotiat*) expands to at most this many words, the most
  // frequent first; past it the query is refused (Parse says so).
  parser.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_ERROR,
                           Xapian::QueryParser::FLAG_WILDCARD);
  // The fields users name in queries (title:, source:, publisher:, agency:,
  // date:), as the schema
  // declares them.
  for (const schema::Field& field : schema::kFields) {
    if (!field.in_queries) continue;
    const std::string name(field.name);
    if (field.kind == schema::FieldKind::kFreeText) {
      parser.add_prefix(name, std::string(field.prefix));
    } else if (Xapian::FieldProcessor* processor =
                   FieldProcessorFor(field.id, today_days_, filter_error_)) {
      parser.add_boolean_prefix(name, processor->release());
    } else {
      parser.add_boolean_prefix(name, std::string(field.prefix));
    }
  }
  parser.add_prefix(kStemField, schema::StemmedTerm(schema::FieldId::kWords, ""));
  // date:DATE..DATE, on the date's slot.
  parser.add_rangeprocessor((new DateRangeProcessor(today_days_, filter_error_))->release());
  return parser;
}

Xapian::Query QueryBuilder::ParseAcrossGroups(const std::string& text, unsigned flags,
                                              std::unordered_set<std::string>* stems) const {
  // The date:/source: filter is the same in every group's parse: keep one
  // copy outside, so filters never change the ranking (searcher/filters.h).
  Xapian::Query filter;
  std::vector<Xapian::Query> parts;
  for (auto& [group, parser] : group_parsers_) {
    const std::string pre = PreprocessQuery(text, SplitsElisions(group));
    auto [scored, group_filter] = SplitFilter(parser.parse_query(pre, flags));
    if (!group_filter.empty()) filter = group_filter;
    if (scored.empty()) continue;
    for (auto it = scored.get_terms_begin(); it != scored.get_terms_end(); ++it) stems->insert(*it);
    parts.emplace_back(Xapian::Query::OP_FILTER, scored,
                       Xapian::Query(schema::Term(schema::FieldId::kStemmer, group)));
  }
  Xapian::Query all(Xapian::Query::OP_OR, parts.begin(), parts.end());
  if (filter.empty()) return all;
  return parts.empty() ? filter : Xapian::Query(Xapian::Query::OP_FILTER, all, filter);
}

Xapian::Query QueryBuilder::ParseWith(const std::string& text, Xapian::Query::op op,
                                      std::string* note,
                                      std::unordered_set<std::string>* stems) const {
  const std::string rewritten = RewriteWildcards(text);
  const std::string pre = PreprocessQuery(rewritten, elisions_);
  const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
                         Xapian::QueryParser::FLAG_WILDCARD;
  try {
    filter_error_->clear();
    parser_.set_default_op(op);
    for (auto& group : group_parsers_) group.second.set_default_op(op);
    Xapian::Query q = group_parsers_.empty() ? parser_.parse_query(pre, flags)
                                             : ParseAcrossGroups(rewritten, flags, stems);
    if (!filter_error_->empty()) throw QueryError(*filter_error_);
    return q;
  } catch (const Xapian::QueryParserError& e) {
    // Plain-terms interpretation: every word, joined with op, stemmed like
    // the index; date: and source: still filter.
    std::string words;
    const Xapian::Query filter = FieldFiltersIn(text, today_days_, &words);
    std::vector<Xapian::Query> terms;
    for (const Token& t : Tokenize(words)) {
      if (IsEnglishStopword(t.term)) continue;
      terms.emplace_back(schema::StemTerm(stemmer_, t.term));
    }
    Xapian::Query q(op, terms.begin(), terms.end());
    if (!filter.empty()) q = terms.empty() ? filter : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    *note = "query syntax not understood (" + e.get_msg() + "); searched for the words as plain terms";
    return q;
  }
}

ParsedQuery QueryBuilder::Parse(const std::string& text, bool any_word) const {
  ParsedQuery pq;
  std::unordered_set<std::string> multi_stems;
  pq.query = ParseWith(text, any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND,
                       &pq.fallback_note, &multi_stems);
  if (!any_word && !pq.query.empty()) {
    std::string note;
    pq.any_words = ParseWith(text, Xapian::Query::OP_OR, &note, &multi_stems);
    if (pq.any_words.get_description() == pq.query.get_description()) pq.any_words = Xapian::Query();
  }
  if (pq.query.empty()) {
    // All stop words ("the who"): search them rather than nothing.
    std::vector<Xapian::Query> terms;
    for (const Token& t : Tokenize(text)) terms.emplace_back(schema::StemTerm(stemmer_, t.term));
    pq.query = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  if (pq.query.empty()) throw QueryError("the query has no searchable words: " + text);
  for (auto it = pq.query.get_terms_begin(); it != pq.query.get_terms_end(); ++it)
    multi_stems.insert(*it);
  for (auto it = pq.any_words.get_terms_begin(); it != pq.any_words.get_terms_end(); ++it)
    multi_stems.insert(*it);
  // Highlighting ignores the field: a title: match is highlighted in the body.
  for (const std::string& term : multi_stems) {
    if (auto word = schema::WordTermOf(term)) pq.highlight_terms.insert(std::move(*word));
  }
  return pq;
}

}  // namespace lede

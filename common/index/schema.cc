// The schema's encoding rules: document data, terms and metadata.
#include "common/index/schema.h"

#include <cstdio>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "common/error.h"
#include "common/index/near_duplicate.h"
#include "common/text/normalize.h"
#include "common/index/stem.h"
#include "common/text/stopwords.h"
#include "common/text/tokenizer.h"
#include "common/text/hash.h"

namespace lede {
namespace schema {
namespace {

// Xapian refuses terms over 245 bytes.
constexpr size_t kMaxXapianTerm = 245;

// What starts every stemmed term, before its field's prefix: Xapian's
// QueryParser with STEM_ALL_Z makes the same form of query words.
constexpr std::string_view kStemMarker = "Z";

bool IsCapital(char c) { return c >= 'A' && c <= 'Z'; }

std::string Pad(int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}

// What one pass over a text gathers besides its postings (the text
// was tokenized three times, for terms, spelling words and MinHash).
struct TextSideEffects {
  std::unordered_map<std::string, unsigned>* spelling = nullptr;  // SpellingWords counts
  std::vector<uint64_t>* word_hashes = nullptr;                   // MinHashWordHash of each
};

// elisions: the article's language elides articles (SplitsElisions), so
// "l'Élysée" is indexed as "elysee".
void AddText(Xapian::Document& doc, const Xapian::Stem& stemmer, bool elisions,
             std::string_view text, Xapian::termpos first, bool title,
             const TextSideEffects& side = {}) {
  Tokenize(text, first, [&](const Token& token) {
    Token t = token;
    if (elisions) t.term = std::string(WithoutElision(t.term));
    std::string z = StemTerm(stemmer, t.term);
    doc.add_posting(z, t.position);
    if (title) doc.add_posting(StemTerm(stemmer, t.term, FieldId::kTitle), t.position);
    if (side.spelling && IsSpellingWord(t)) ++(*side.spelling)[t.term];
    if (side.word_hashes) side.word_hashes->push_back(MinHashWordHash(t.term));
  });
}

// prefix + text, or, when Xapian's term limit forbids it, a readable head made
// unique with a hash of the whole text.
std::string BoundedTerm(std::string_view prefix, std::string_view text) {
  std::string term(prefix);
  if (term.size() + text.size() <= kMaxXapianTerm) {
    term += text;
    return term;
  }
  char hash[24];
  std::snprintf(hash, sizeof hash, "#%016llx", static_cast<unsigned long long>(Fnv1a(text)));
  term += text.substr(0, 200);
  term += hash;
  return term;
}

}  // namespace

std::string TextSettings() {
  return std::string("normalize=") + kNormalizationName +
         ";tokenizer=xapian-rules/v2-elisions-fr-it;stemmer=per-language(default "
         "english);stem_strategy=all_z;stopwords=" +
         kStopwordsName;
}

std::string EncodeData(const StoredArticle& a) {
  nlohmann::json j;
  j["v"] = kVersion;
  j["id"] = a.id;
  j["path"] = a.path;
  if (a.url) j["url"] = *a.url;
  j["title"] = a.title;
  if (a.date) {
    j["date"] = FormatIsoDate(*a.date);
    j["date_precision"] = PrecisionName(a.date->precision);
  }
  if (a.publisher) j["publisher"] = *a.publisher;
  if (a.agency) j["agency"] = *a.agency;
  j["language"] = a.language;
  j["body"] = a.body;
  // Replace rather than throw on invalid UTF-8: the index must take any text.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// A parser per thread, reused: its buffers grow to the largest document it
// has read (about 14 bytes per byte of JSON: structural indexes, tape and
// strings), so a document past this size gets a parser of its own that is
// freed with it: a long article pins at most ~3.5 MB per thread for the rest
// of a run, where news articles' data is a few kilobytes.
constexpr size_t kReusedParserBytes = size_t{256} << 10;

// One value of the stored data, or an IndexError naming the field.
std::string_view StringField(simdjson::dom::element value, std::string_view key) {
  std::string_view s;
  if (value.get_string().get(s) != simdjson::SUCCESS) {
    throw IndexError("document data not written by this lede schema: \"" + std::string(key) +
                     "\" is not a string");
  }
  return s;
}

}  // namespace

StoredArticle DecodeData(std::string_view data) {
  // simdjson's DOM parser validates the whole document (like a full parse)
  // but builds no tree of allocated nodes: decoding the stored JSON with
  // nlohmann was a fifth of a rare-word query's instructions. It reads up to
  // SIMDJSON_PADDING bytes past the end, hence the padded copy.
  thread_local simdjson::dom::parser shared_parser;
  thread_local std::string shared_padded;
  const bool own = data.size() > kReusedParserBytes;
  std::optional<simdjson::dom::parser> own_parser;
  std::string own_padded;
  simdjson::dom::parser& parser = own ? own_parser.emplace() : shared_parser;
  std::string& padded = own ? own_padded : shared_padded;
  padded.assign(data);
  padded.append(simdjson::SIMDJSON_PADDING, '\0');

  simdjson::dom::object object;
  const simdjson::error_code parsed =
      parser.parse(padded.data(), data.size(), false).get_object().get(object);
  if (parsed != simdjson::SUCCESS) {
    throw IndexError(std::string("document data not written by this lede schema: ") +
                     simdjson::error_message(parsed));
  }
  // Fields in any order, unknown ones skipped, the last of a repeated key
  // kept, "path" defaulting to the id, "date_precision" read only with a
  // date: what the nlohmann decoding did.
  enum Key {
    kId,
    kPath,
    kUrl,
    kTitle,
    kDate,
    kPrecision,
    kPublisher,
    kAgency,
    kLanguage,
    kBody,
    kKeys
  };
  static constexpr std::string_view kKeyNames[kKeys] = {
      "id",        "path",   "url",      "title", "date", "date_precision",
      "publisher", "agency", "language", "body"};
  std::optional<simdjson::dom::element> values[kKeys];
  for (const simdjson::dom::key_value_pair field : object) {
    for (int k = 0; k < kKeys; ++k) {
      if (field.key == kKeyNames[k]) {
        values[k] = field.value;
        break;
      }
    }
  }
  const auto text = [&](Key k) -> std::optional<std::string_view> {
    if (!values[k]) return std::nullopt;
    return StringField(*values[k], kKeyNames[k]);
  };
  const auto owned = [&](Key k) -> std::optional<std::string> {
    const std::optional<std::string_view> v = text(k);
    return v ? std::optional<std::string>(*v) : std::nullopt;
  };
  StoredArticle a;
  const std::optional<std::string_view> id = text(kId);
  if (!id) throw IndexError("document data not written by this lede schema: no \"id\"");
  a.id = *id;
  a.path = text(kPath).value_or(*id);
  a.url = owned(kUrl);
  a.title = text(kTitle).value_or("");
  if (const std::optional<std::string_view> date = text(kDate)) {
    Date d;
    const std::string s(*date);
    if (std::sscanf(s.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day) == 3) {
      const std::string_view p = text(kPrecision).value_or("day");
      d.precision = p == "year"    ? DatePrecision::kYear
                    : p == "month" ? DatePrecision::kMonth
                                   : DatePrecision::kDay;
      a.date = d;
    }
  }
  a.publisher = owned(kPublisher);
  a.agency = owned(kAgency);
  a.language = text(kLanguage).value_or("");
  a.body = text(kBody).value_or("");
  return a;
}

const Field* FieldNamed(std::string_view name) {
  for (const Field& f : kFields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string Term(FieldId field, std::string_view value) {
  return BoundedTerm(FieldOf(field).prefix, value);
}

std::vector<std::string> TermValues(const Xapian::Database& db, FieldId field) {
  const std::string prefix(FieldOf(field).prefix);
  std::vector<std::string> values;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    values.push_back((*it).substr(prefix.size()));
  return values;
}

std::string StemmedTerm(FieldId field, std::string_view stem) {
  std::string term(kStemMarker);
  term += FieldOf(field).prefix;
  term += stem;
  return term;
}

std::optional<StemmedParts> SplitStemmedTerm(std::string_view term) {
  if (term.substr(0, kStemMarker.size()) != kStemMarker) return std::nullopt;
  const std::string_view rest = term.substr(kStemMarker.size());
  if (rest.empty()) return std::nullopt;
  // Stems are normalized, so lower case: a capital starts a field's prefix.
  if (!IsCapital(rest[0])) return StemmedParts{FieldId::kWords, rest};
  for (const Field& f : kFields) {
    if (f.kind != FieldKind::kFreeText || f.prefix.empty()) continue;
    if (rest.size() > f.prefix.size() && rest.substr(0, f.prefix.size()) == f.prefix)
      return StemmedParts{f.id, rest.substr(f.prefix.size())};
  }
  return std::nullopt;
}

bool IsWordTerm(std::string_view term) {
  const auto parts = SplitStemmedTerm(term);
  return parts && parts->field == FieldId::kWords;
}

std::optional<std::string> WordTermOf(std::string_view term) {
  const auto parts = SplitStemmedTerm(term);
  if (!parts) return std::nullopt;
  return StemmedTerm(FieldId::kWords, parts->stem);
}

std::optional<std::string> TitleTermOf(std::string_view word_term) {
  const auto parts = SplitStemmedTerm(word_term);
  if (!parts || parts->field != FieldId::kWords) return std::nullopt;
  return StemmedTerm(FieldId::kTitle, parts->stem);
}

std::optional<std::string_view> IdOfTerm(std::string_view term) {
  const std::string_view prefix = FieldOf(FieldId::kId).prefix;
  if (term.size() <= prefix.size() || term.substr(0, prefix.size()) != prefix) return std::nullopt;
  return term.substr(prefix.size());
}

std::string IdTerm(std::string_view id) { return Term(FieldId::kId, id); }

std::string FileTerm(std::string_view file_id) { return Term(FieldId::kFile, file_id); }

std::string RootTerm(std::string_view root) { return Term(FieldId::kRoot, root); }

std::string RootSettingsKey(std::string_view root) {
  // Metadata keys share Xapian's term length limit.
  return BoundedTerm(kMetaRootSettingsPrefix, root);
}

std::string ArchiveKey(std::string_view name) { return BoundedTerm(kMetaArchivePrefix, name); }

// NUL never occurs in a file name or path.
std::string EncodeArchive(std::string_view name, std::string_view path) {
  std::string v(name);
  v += '\0';
  v += path;
  return v;
}

std::pair<std::string, std::string> DecodeArchive(std::string_view value) {
  const size_t nul = value.find('\0');
  if (nul == std::string_view::npos) return {};
  return {std::string(value.substr(0, nul)), std::string(value.substr(nul + 1))};
}

std::string EncodeLineKeys(const std::vector<uint64_t>& keys) {
  std::string out;
  out.reserve(keys.size() * 8);
  for (uint64_t k : keys) {
    for (int b = 0; b < 8; ++b) out += static_cast<char>((k >> (8 * b)) & 0xff);
  }
  return out;
}

std::vector<uint64_t> DecodeLineKeys(std::string_view value) {
  std::vector<uint64_t> keys;
  keys.reserve(value.size() / 8);
  for (size_t i = 0; i + 8 <= value.size(); i += 8) {
    uint64_t k = 0;
    for (int b = 0; b < 8; ++b)
      k |= static_cast<uint64_t>(static_cast<unsigned char>(value[i + b])) << (8 * b);
    keys.push_back(k);
  }
  return keys;
}

// Cluster ids are 16 hex digits (schema_upkeep.cc): always under the limit.
std::string ClusterTerm(std::string_view cluster) { return Term(FieldId::kCluster, cluster); }

std::string SourceKey(std::string_view source_name) {
  std::string key;
  const std::vector<Token> tokens = Tokenize(source_name);
  // "The Guardian" is "Guardian" to a user typing a filter.
  const size_t first = tokens.size() > 1 && tokens[0].term == "the" ? 1 : 0;
  for (size_t i = first; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!key.empty()) key += '_';
    key += t.term;
  }
  return key;
}

std::string StemTerm(const Xapian::Stem& stemmer, const std::string& term, FieldId field) {
  return StemmedTerm(field, stemmer(term));
}

namespace {

// A boolean field's term for term_value and, when the field has a slot,
// slot_value in it.
void AddField(Xapian::Document& doc, FieldId id, std::string_view term_value,
              const std::string& slot_value) {
  doc.add_boolean_term(Term(id, term_value));
  if (FieldOf(id).slot != kNoSlot) doc.add_value(FieldOf(id).slot, slot_value);
}

// Everything but the text's terms (AddText) and the cluster.
void AddFields(Xapian::Document& doc, const StoredArticle& article,
               const std::optional<MinHashSignature>& sig) {
  if (!article.root.empty()) doc.add_boolean_term(Term(FieldId::kRoot, article.root));
  if (!article.file.empty()) doc.add_boolean_term(Term(FieldId::kFile, article.file));
  if (!article.record_key.empty()) doc.add_value(kSlotRecordKey, article.record_key);
  doc.add_value(FieldOf(FieldId::kId).slot, article.id);
  if (!article.file_stamp.empty()) doc.add_value(kSlotFileStamp, article.file_stamp);
  if (!article.content_hash.empty()) doc.add_value(kSlotContentHash, article.content_hash);
  if (!article.line_keys.empty()) doc.add_value(kSlotLineKeys, EncodeLineKeys(article.line_keys));
  if (sig) doc.add_value(kSlotSignature, EncodeSignature(*sig));
  if (!article.cluster.empty()) AddField(doc, FieldId::kCluster, article.cluster, article.cluster);

  // XSOURCE holds both names, so source: and --source match either with one
  // term each; its slot holds the credit.
  if (article.publisher && !SourceKey(*article.publisher).empty()) {
    const std::string key = SourceKey(*article.publisher);
    doc.add_boolean_term(Term(FieldId::kSource, key));
    AddField(doc, FieldId::kPublisher, key, *article.publisher);
  }
  if (article.agency && !SourceKey(*article.agency).empty()) {
    const std::string key = SourceKey(*article.agency);
    doc.add_boolean_term(Term(FieldId::kSource, key));
    AddField(doc, FieldId::kAgency, key, *article.agency);
  }
  if (const std::optional<std::string> credit = article.Source(); credit && !credit->empty()) {
    doc.add_value(FieldOf(FieldId::kSource).slot, *credit);
  }
  if (!article.language.empty())
    AddField(doc, FieldId::kLanguage, article.language, article.language);
  if (article.date) {
    const Date& d = *article.date;
    // The date's slot holds every date, the day term only a full one.
    doc.add_value(
        FieldOf(FieldId::kDate).slot,
        Xapian::sortable_serialise(static_cast<double>(DaysFromCivil(d.year, d.month, d.day))));
    const std::string y = Pad(d.year, 4);
    AddField(doc, FieldId::kYear, y, y);
    if (d.precision != DatePrecision::kYear) {
      const std::string m = Pad(d.month, 2);
      AddField(doc, FieldId::kMonth, y + m, y + "-" + m);
      if (d.precision == DatePrecision::kDay)
        doc.add_boolean_term(Term(FieldId::kDate, y + m + Pad(d.day, 2)));
    }
  }
}

// The words are stemmed with the article's language's stemmer (stemmer is
// the "english" group's).
const Xapian::Stem& WordsStemmer(Xapian::Document& doc, const StoredArticle& article,
                                 const Xapian::Stem& stemmer) {
  const std::string group = StemmerGroupFor(article.language);
  doc.add_boolean_term(Term(FieldId::kStemmer, group));
  return group == "english" ? stemmer : StemmerNamed(group);
}

}  // namespace

Xapian::Document BuildDocument(const StoredArticle& article, const Xapian::Stem& stemmer) {
  Xapian::Document doc;
  doc.set_data(EncodeData(article));
  doc.add_boolean_term(IdTerm(article.id));
  const Xapian::Stem& words = WordsStemmer(doc, article, stemmer);
  const bool elisions = SplitsElisions(StemmerGroupFor(article.language));
  AddText(doc, words, elisions, article.title, 1, true);
  AddText(doc, words, elisions, article.body, kBodyFirstPosition, false);
  AddFields(doc, article, ComputeMinHash(article.body));
  return doc;
}

PreparedArticle PrepareArticle(StoredArticle article, const Xapian::Stem& stemmer) {
  // One tokenization of each text gives the terms, the spelling words and
  // the MinHash input: the same as BuildDocument + SpellingWords.
  PreparedArticle p;
  Xapian::Document& doc = p.doc;
  doc.set_data(EncodeData(article));
  doc.add_boolean_term(IdTerm(article.id));
  const Xapian::Stem& words = WordsStemmer(doc, article, stemmer);
  std::unordered_map<std::string, unsigned> spelling;
  std::vector<uint64_t> hashes;
  const bool elisions = SplitsElisions(StemmerGroupFor(article.language));
  AddText(doc, words, elisions, article.title, 1, true, {&spelling, nullptr});
  AddText(doc, words, elisions, article.body, kBodyFirstPosition, false, {&spelling, &hashes});
  p.signature = ComputeMinHash(hashes);
  AddFields(doc, article, p.signature);
  p.spelling.assign(spelling.begin(), spelling.end());
  p.article = std::move(article);
  return p;
}

void SetCluster(PreparedArticle* prepared, const std::string& cluster) {
  prepared->article.cluster = cluster;
  AddField(prepared->doc, FieldId::kCluster, cluster, cluster);
}

std::string NewClusterId(std::string_view id) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Fnv1a(id)));
  return buf;
}

void StampMetadata(Xapian::WritableDatabase& db) {
  db.set_metadata(kMetaSchemaVersion, std::to_string(kVersion));
  db.set_metadata(kMetaTextSettings, TextSettings());
}

void CheckMetadata(const Xapian::Database& db, const std::string& db_path) {
  const std::string version = db.get_metadata(kMetaSchemaVersion);
  if (version.empty() && db.get_doccount() == 0) return;
  if (version != std::to_string(kVersion)) {
    throw SchemaMismatchError("database " + db_path + " has schema version " +
                              (version.empty() ? std::string("(none)") : version) +
                              ", this lede needs " + std::to_string(kVersion) +
                              "; rebuild it with: lede-index --rebuild --db " + db_path +
                              " PATH...");
  }
  const std::string settings = db.get_metadata(kMetaTextSettings);
  if (settings != TextSettings()) {
    throw SchemaMismatchError("database " + db_path + " was indexed with text settings '" +
                              settings + "', this lede uses '" + TextSettings() +
                              "'; rebuild it with: lede-index --rebuild --db " + db_path +
                              " PATH...");
  }
}

}  // namespace schema
}  // namespace lede

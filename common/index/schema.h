// The index schema, in one place: term prefixes, value slots, document data
// format and database metadata. Nothing else in lede spells a prefix or a slot
// number. Documented for people in docs/schema.md.
#ifndef LEDE_COMMON_INDEX_SCHEMA_H_
#define LEDE_COMMON_INDEX_SCHEMA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/extract/article.h"
#include "common/index/cluster_index.h"
#include "common/index/near_duplicate.h"
#include "common/text/tokenizer.h"

namespace lede {
namespace schema {

// Bump when a prefix, slot, data field or term rule changes meaning.
// 3: near-duplicate band terms, MinHash signature and cluster values, and
// spelling data from titles and bodies.
// 4: XROOT terms, file stamp, content hash and line-key values (incremental
// updates).
// 5: words stemmed in the article's language, XSTEM group terms.
// 6: no XBAND terms: copies are found in memory (ClusterIndex).
// 7: records: XFILE terms, the record key value, "url" in the data; ids
// start with their archive's name (lede.archive.* metadata).
// 8: publisher and agency apart: "publisher" and "agency" in the data
// (no "source"), XPUBLISHER and XAGENCY terms, XSOURCE for either, slot 1
// the credit (agency, else publisher), slots 11 and 12.
// 9: the id in a value slot (kSlotId), the key equal scores are ordered by.
// 10: SourceKey drops a leading "the" (XSOURCE, XPUBLISHER, XAGENCY terms).
inline constexpr int kVersion = 10;

// Value slots, like omega's values.h: the fields' slots (kFields says which
// field each belongs to) and the bookkeeping of incremental updates.
enum Slot : Xapian::valueno {
  kSlotDate = 0,         // sortable_serialise(days since 1970-01-01); empty if unknown
  kSlotSource = 1,       // the credit, as displayed: agency, else publisher
  kSlotMonth = 2,        // "YYYY-MM" (facet); empty if unknown or year-only
  kSlotYear = 3,         // "YYYY" (facet); empty if unknown
  kSlotLanguage = 4,     // ISO 639-1 code
  kSlotCluster = 5,      // near-duplicate cluster id (collapse key)
  kSlotContentHash = 6,  // 16 hex digits: 64-bit hash of the file's bytes
  kSlotFileStamp = 7,    // "size:mtime_ns" of the file when it was read
  kSlotLineKeys = 8,     // LineStats keys of the file's distinct lines, 8 bytes
                         // little-endian each: the collection line statistics
                         // are the sum of these over all documents
  kSlotSignature = 9,    // MinHash signature of the body (EncodeSignature);
                         // empty when the body is too short to compare. With
                         // kSlotCluster, what LoadClusterIndex reads.
  kSlotRecordKey = 10,   // the record's key within its file (Record::id is
                         // RecordId(file id, key)); absent for a whole file
  kSlotPublisher = 11,   // the publisher's name, as displayed (facet)
  kSlotAgency = 12,      // the credited agency's name, as displayed (facet)
  kSlotId = 13,          // the record id: equal scores are ordered by it, so
                         // results do not depend on the docids a build gave.
                         // A value, not a KeyMaker over the id term: the
                         // matcher reads it from a value stream for every
                         // candidate (a term list read per candidate cost a
                         // quarter of a phrase query), and remote shards,
                         // which refuse a KeyMaker, sort by it too.
};
inline constexpr Xapian::valueno kNoSlot = Xapian::BAD_VALUENO;

// The fields of an article in the index. Order: kFields lists them in this
// order.
enum class FieldId {
  kId,        // the record id, unique
  kWords,     // every word of title and body
  kTitle,     // the title's words again
  kStemmer,   // the stemmer group the words were stemmed with (StemmerGroupFor)
  kSource,     // SourceKey of the publisher and of the agency; its slot the credit
  kPublisher,  // SourceKey of who published it
  kAgency,     // SourceKey of the agency whose copy it is
  kLanguage,  // ISO 639-1 code
  kDate,      // the day, YYYYMMDD; its slot holds every date, of any precision
  kMonth,     // YYYYMM
  kYear,      // YYYY
  kCluster,   // the near-duplicate cluster id
  kFile,      // the id of the file the record came from
  kRoot,      // the canonical root the article was found under
};

enum class FieldKind {
  // Words, positional, stemmed in the article's language: "Z" + prefix + stem,
  // the form Xapian's QueryParser makes with STEM_ALL_Z (StemmedTerm).
  kFreeText,
  // Filter terms, prefix + value, without positions or weight (Term).
  kBoolean,
};

// How a field's values are counted over the matches (searcher/facets.h).
enum class Facet {
  kNone,
  kByCount,  // most articles first, then in value order
  kByValue,  // in value order (dates: chronological)
};

// One field, as notmuch's prefix_table has them: the indexer, the query
// parser, the facets and the printers are all set up from kFields.
struct Field {
  FieldId id;
  // The user's name: NAME:value in queries, the facet's name in output. The
  // name of a field users cannot name (in_queries false, no facet) is only
  // for people reading the table.
  std::string_view name;
  // The term prefix, following omega's conventions: capitals, "X" starting
  // lede's own multi-letter ones.
  std::string_view prefix;
  FieldKind kind;
  Xapian::valueno slot;  // the slot holding the field's value, or kNoSlot
  bool in_queries;       // NAME: is understood in queries
  Facet facet;           // counted per value over the matches (needs a slot)
};

inline constexpr Field kFields[] = {
    {FieldId::kId, "id", "Q", FieldKind::kBoolean, kSlotId, false, Facet::kNone},
    {FieldId::kWords, "words", "", FieldKind::kFreeText, kNoSlot, false, Facet::kNone},
    {FieldId::kTitle, "title", "S", FieldKind::kFreeText, kNoSlot, true, Facet::kNone},
    {FieldId::kStemmer, "stemmer", "XSTEM", FieldKind::kBoolean, kNoSlot, false, Facet::kNone},
    {FieldId::kSource, "source", "XSOURCE", FieldKind::kBoolean, kSlotSource, true,
     Facet::kByCount},
    {FieldId::kPublisher, "publisher", "XPUBLISHER", FieldKind::kBoolean, kSlotPublisher, true,
     Facet::kByCount},
    {FieldId::kAgency, "agency", "XAGENCY", FieldKind::kBoolean, kSlotAgency, true,
     Facet::kByCount},
    {FieldId::kLanguage, "language", "L", FieldKind::kBoolean, kSlotLanguage, false, Facet::kNone},
    {FieldId::kDate, "date", "D", FieldKind::kBoolean, kSlotDate, true, Facet::kNone},
    {FieldId::kMonth, "month", "M", FieldKind::kBoolean, kSlotMonth, false, Facet::kByValue},
    {FieldId::kYear, "year", "Y", FieldKind::kBoolean, kSlotYear, false, Facet::kByValue},
    {FieldId::kCluster, "cluster", "XCLUSTER", FieldKind::kBoolean, kSlotCluster, false,
     Facet::kNone},
    {FieldId::kFile, "file", "XFILE", FieldKind::kBoolean, kNoSlot, false, Facet::kNone},
    {FieldId::kRoot, "root", "XROOT", FieldKind::kBoolean, kNoSlot, false, Facet::kNone},
};

// The row of kFields for id.
constexpr const Field& FieldOf(FieldId id) { return kFields[static_cast<size_t>(id)]; }
// The field named name (Field::name), or nullptr.
const Field* FieldNamed(std::string_view name);

// A boolean field's term: prefix + value, or, when Xapian's term limit
// forbids it, the prefix, the value's first 200 bytes, '#' and a 64-bit
// FNV-1a hash of the whole value.
std::string Term(FieldId field, std::string_view value);
// The values of a boolean field's terms in db, in term order (the stemmer
// groups a collection holds, say). Values hashed by Term come back hashed.
std::vector<std::string> TermValues(const Xapian::Database& db, FieldId field);

// A free-text field's term for a stem: "Z" + prefix + stem. With an empty
// stem, the start that every term of the field shares.
std::string StemmedTerm(FieldId field, std::string_view stem);
// What a stemmed term is: "ZSlavrov" is {kTitle, "lavrov"}, "Zlavrov" is
// {kWords, "lavrov"}. stem points into the term given.
struct StemmedParts {
  FieldId field;
  std::string_view stem;
};
// None for a boolean term, a term of no free-text field, or an empty stem.
std::optional<StemmedParts> SplitStemmedTerm(std::string_view term);
// Whether term is a word of title or body ("Z" + stem, not the title's copy
// "ZS" + stem): the terms feedback, related articles and snippets use.
bool IsWordTerm(std::string_view term);
// The word term of a stemmed term of any field ("ZSlavrov" → "Zlavrov");
// none for other terms.
std::optional<std::string> WordTermOf(std::string_view term);
// The title term of a word term ("Zlavrov" → "ZSlavrov"); none for others.
std::optional<std::string> TitleTermOf(std::string_view word_term);

// The id an id term names (the hashed form for an id too long for a term);
// none for other terms. Points into the term given.
std::optional<std::string_view> IdOfTerm(std::string_view term);

// Database metadata keys.
inline constexpr const char* kMetaSchemaVersion = "lede.schema_version";
inline constexpr const char* kMetaTextSettings = "lede.text_settings";
// Documents added, updated or removed since every article was last extracted
// in one run (a --rebuild, or a first run on an empty database), and the
// document count then: how stale the older articles' boilerplate evidence is.
inline constexpr const char* kMetaStatsDrift = "lede.stats_drift";
inline constexpr const char* kMetaStatsBase = "lede.stats_base";
// Prefix of the per-root key holding the extraction settings (plain mode,
// source aliases) the root was last indexed with; see RootSettingsKey.
inline constexpr const char* kMetaRootSettingsPrefix = "lede.root_settings.";
// Prefix of the per-archive keys naming archives: the first part of every id
// (docs/schema.md, "Ids"); see ArchiveKey.
inline constexpr const char* kMetaArchivePrefix = "lede.archive.";

// Where the title ends and the body starts, in term positions: a phrase never
// spans title and body.
inline constexpr Xapian::termpos kBodyFirstPosition = 1000;

// The text settings this binary indexes and queries with: normalization,
// stemmer, stemming strategy, stop words. Stored in the metadata; a database
// written with other settings is refused.
std::string TextSettings();

// What is stored as document data (JSON, see docs/schema.md).
struct StoredArticle {
  std::string id;    // the record id (docs/schema.md, "Ids")
  std::string path;  // path of its file as opened (root as given + relative path)
  std::optional<std::string> url;  // where it was published, when the input says
  std::string title;
  std::optional<Date> date;
  std::optional<std::string> publisher;  // who published it
  std::optional<std::string> agency;     // the agency whose copy it is
  std::string language;
  std::string body;  // clean body, original text (paragraphs joined by "\n\n")

  // Bookkeeping for incremental updates: terms and values, not document data.
  std::string root;          // canonical root (XROOT term); none when empty
  std::string file;          // the file's id (XFILE term); none when empty
  std::string record_key;    // kSlotRecordKey; empty for a whole file
  std::string file_stamp;    // kSlotFileStamp
  std::string content_hash;  // kSlotContentHash
  std::vector<uint64_t> line_keys;  // kSlotLineKeys

  // Near-duplicate cluster id (kSlotCluster and an XCLUSTER term); none when
  // empty. ReplaceArticle assigns it.
  std::string cluster;

  // The credit a reader sees first: the agency whose copy it is, else the
  // publisher (kSlotSource, "source" in lede-search's output).
  std::optional<std::string> Source() const { return agency ? agency : publisher; }
};

std::string EncodeData(const StoredArticle& a);
// Throws IndexError, with a one-line message, on data this schema did not
// write: anything but one JSON object with a string "id", or a known field
// of another type.
StoredArticle DecodeData(std::string_view data);

// The unique-id term for an id ("Q" + id, hashed when too long for Xapian).
std::string IdTerm(std::string_view id);
// The file term for a file id ("XFILE" + id, hashed when long).
std::string FileTerm(std::string_view file_id);
// The root term for a canonical root path ("XROOT" + root, hashed when long).
std::string RootTerm(std::string_view root);
// The metadata key holding a root's extraction settings.
std::string RootSettingsKey(std::string_view root);
// The metadata key naming an archive, and its value: the name and the
// archive's canonical path (the key alone may be hashed when long).
std::string ArchiveKey(std::string_view name);
std::string EncodeArchive(std::string_view name, std::string_view path);
// name, path; both empty for a value EncodeArchive did not write.
std::pair<std::string, std::string> DecodeArchive(std::string_view value);
// kSlotLineKeys encoding; Decode ignores a trailing partial key.
std::string EncodeLineKeys(const std::vector<uint64_t>& keys);
std::vector<uint64_t> DecodeLineKeys(std::string_view value);

// The canonical key of a publisher's or agency's name for the XSOURCE,
// XPUBLISHER and XAGENCY terms: its normalized words joined with '_', a
// leading "the" dropped ("The Guardian" -> "guardian").
std::string SourceKey(std::string_view source_name);
// The free-text field's term of a normalized word: StemmedTerm of its stem.
std::string StemTerm(const Xapian::Stem& stemmer, const std::string& term,
                     FieldId field = FieldId::kWords);

// Builds the whole Xapian document for an article. Words are stemmed with the
// stemmer of the article's language (StemmerGroupFor) and the document is
// tagged with that group (FieldId::kStemmer), so the query side can stem each
// query word the way each group's articles were stemmed. english_stemmer is
// the "english" group's stemmer (callers keep one per thread).
Xapian::Document BuildDocument(const StoredArticle& article, const Xapian::Stem& stemmer);

// The XCLUSTER term of a cluster id.
std::string ClusterTerm(std::string_view cluster);

// An article ready to be written: its document with every term and value but
// the near-duplicate cluster's, its MinHash signature and the words it adds to
// the spelling data. Needs no database, so indexing builds it on worker threads
// and the writer thread only assigns the cluster and writes.
struct PreparedArticle {
  StoredArticle article;
  Xapian::Document doc;
  std::optional<MinHashSignature> signature;  // none: too short to compare
  std::vector<std::pair<std::string, unsigned>> spelling;  // SpellingWords of title + body
};
// stemmer: the "english" group's (as BuildDocument). article.cluster, when
// set, is written as is.
PreparedArticle PrepareArticle(StoredArticle article, const Xapian::Stem& stemmer);
// Gives a prepared article its cluster: value, term and stored field.
void SetCluster(PreparedArticle* prepared, const std::string& cluster);
// The id of the cluster an article starts when it copies no earlier one.
std::string NewClusterId(std::string_view id);

// Index upkeep that spans documents (common/index/schema_upkeep.cc). Xapian errors
// propagate to the caller (the IndexWriter wraps them).
//
// Adds or replaces the article keyed by its id term. Its near-duplicate
// cluster, unless already set, is the cluster of the most similar document
// already in db (ClusterIndex::Find, with the replaced document as self),
// else a new one named after its id; the spelling data gains its title and
// body words and loses those of the document it replaces.
//
// clusters: every document of db, kept up to date here (the indexer keeps
// one for a whole run). Without it the signatures of every document are read
// from db for this one call: fine for a handful of articles (tests), far too
// slow for a collection.
//
// Spelling-data changes gathered over many articles, written at once: Xapian
// looks a word up in its spelling table on every add_spelling call, so one
// call per distinct word per batch costs far less than one per article (it
// was a quarter of indexing time, docs/performance.md).
class SpellingDelta {
 public:
  // Counts the spelling words of an article's title and body, sign +1 when
  // it is added, -1 when it is removed.
  void Count(const StoredArticle& article, int sign);
  // Counts words already gathered (PreparedArticle::spelling).
  void Count(const std::vector<std::pair<std::string, unsigned>>& words, int sign);
  bool empty() const { return net_.empty(); }
  size_t size() const { return net_.size(); }  // distinct words counted
  // Writes the net changes to db and forgets them.
  void ApplyTo(Xapian::WritableDatabase& db);

 private:
  std::unordered_map<std::string, long> net_;
};
// With spelling given, the spelling changes are counted there for a later
// ApplyTo (before the commit) instead of being written at once.
void ReplaceArticle(Xapian::WritableDatabase& db, StoredArticle article,
                    const Xapian::Stem& stemmer, SpellingDelta* spelling = nullptr,
                    ClusterIndex* clusters = nullptr);
// The same for an article prepared on another thread.
void ReplaceArticle(Xapian::WritableDatabase& db, PreparedArticle prepared,
                    SpellingDelta* spelling = nullptr, ClusterIndex* clusters = nullptr);
// Deletes a document, its words from the spelling data and its entry from
// clusters (when given).
void RemoveArticle(Xapian::WritableDatabase& db, Xapian::docid docid,
                   SpellingDelta* spelling = nullptr, ClusterIndex* clusters = nullptr);
// Every document of db with a signature, in docid order (the order a
// database lookup would see them in).
void LoadClusterIndex(const Xapian::Database& db, ClusterIndex* clusters);
// The one place an article gets its near-duplicate cluster, whichever path
// writes it. Unless already set: the cluster of the most similar article in
// clusters (ClusterIndex::Find; the article at `replaces`, which this one
// replaces, never matches), else a new one named after its id. The article
// is then recorded in clusters at `order` (its docid), or forgotten there
// when it is too short to compare.
void AssignCluster(PreparedArticle* prepared, uint64_t order, uint64_t replaces,
                   ClusterIndex* clusters);
// The spelling-data words of a text: normalized words of letters only, 3 to
// 32 bytes, no CJK, each with its count. Pure.
std::vector<std::pair<std::string, unsigned>> SpellingWords(std::string_view text);
// Whether a token is a spelling-data word (the rule SpellingWords applies).
bool IsSpellingWord(const Token& token);

// Writes schema version and text settings into a database being created.
void StampMetadata(Xapian::WritableDatabase& db);
// Throws SchemaMismatchError with a clear message when db was written by another
// schema version or other text settings. An empty database passes.
void CheckMetadata(const Xapian::Database& db, const std::string& db_path);

}  // namespace schema
}  // namespace lede

#endif  // LEDE_COMMON_INDEX_SCHEMA_H_

// The index schema, in one place: term prefixes, value slots, document data
// format and database metadata. Nothing else in lede spells a prefix or a slot
// number. Documented for people in docs/schema.md.
#ifndef LEDE_COMMON_SCHEMA_H_
#define LEDE_COMMON_SCHEMA_H_

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "common/article.h"

namespace lede {
namespace schema {

// Bump when a prefix, slot, data field or term rule changes meaning.
inline constexpr int kVersion = 1;

// Term prefixes, following omega's conventions (single capitals; "X" starts
// our own multi-letter ones).
inline constexpr std::string_view kPrefixId = "Q";        // unique id (relative path)
inline constexpr std::string_view kPrefixStem = "Z";      // stemmed word, positional
inline constexpr std::string_view kPrefixTitle = "S";     // title words: "ZS"+stem
inline constexpr std::string_view kPrefixSource = "XSOURCE";  // boolean: source key
inline constexpr std::string_view kPrefixLanguage = "L";  // boolean: ISO 639-1 code
inline constexpr std::string_view kPrefixDay = "D";       // boolean: YYYYMMDD
inline constexpr std::string_view kPrefixMonth = "M";     // boolean: YYYYMM
inline constexpr std::string_view kPrefixYear = "Y";      // boolean: YYYY
inline constexpr std::string_view kPrefixCluster = "XCLUSTER";  // near-duplicate cluster

// Value slots.
enum Slot : Xapian::valueno {
  kSlotDate = 0,         // sortable_serialise(days since 1970-01-01); empty if unknown
  kSlotSource = 1,       // canonical source name, as displayed; empty if unknown
  kSlotMonth = 2,        // "YYYY-MM" (facet); empty if unknown or year-only
  kSlotYear = 3,         // "YYYY" (facet); empty if unknown
  kSlotLanguage = 4,     // ISO 639-1 code
  kSlotCluster = 5,      // near-duplicate cluster id (collapse key)
  kSlotContentHash = 6,  // hash of the file's bytes (incremental updates)
  kSlotFileStamp = 7,    // "size:mtime_ns" of the file (incremental updates)
};

// Database metadata keys.
inline constexpr const char* kMetaSchemaVersion = "lede.schema_version";
inline constexpr const char* kMetaTextSettings = "lede.text_settings";

// Where the title ends and the body starts, in term positions: a phrase never
// spans title and body.
inline constexpr Xapian::termpos kBodyFirstPosition = 1000;

// The text settings this binary indexes and queries with: normalization,
// stemmer, stemming strategy, stop words. Stored in the metadata; a database
// written with other settings is refused.
std::string TextSettings();

// What is stored as document data (JSON, see docs/schema.md).
struct StoredArticle {
  std::string id;    // path relative to the indexed root, '/'-separated
  std::string path;  // path as given on the command line
  std::string title;
  std::optional<Date> date;
  std::optional<std::string> source;
  std::string language;
  std::string body;  // clean body, original text (paragraphs joined by "\n\n")
};

std::string EncodeData(const StoredArticle& a);
// Throws IndexError on data this schema did not write.
StoredArticle DecodeData(const std::string& data);

// The unique-id term for an id ("Q" + id, hashed when too long for Xapian).
std::string IdTerm(std::string_view id);
// The canonical key of a source name for the XSOURCE term (normalized).
std::string SourceKey(std::string_view source_name);
// "Z" + stem of a normalized term (the form QueryParser's STEM_ALL_Z makes).
std::string StemTerm(const Xapian::Stem& stemmer, const std::string& term,
                     std::string_view field_prefix = {});

// Builds the whole Xapian document for an article.
Xapian::Document BuildDocument(const StoredArticle& article, const Xapian::Stem& stemmer);

// Writes schema version and text settings into a database being created.
void StampMetadata(Xapian::WritableDatabase& db);
// Throws SchemaMismatchError with a clear message when db was written by another
// schema version or other text settings. An empty database passes.
void CheckMetadata(const Xapian::Database& db, const std::string& db_path);

}  // namespace schema
}  // namespace lede

#endif  // LEDE_COMMON_SCHEMA_H_

// Index upkeep spanning documents: near-duplicate cluster assignment and the
// spelling data. Part of the schema (declared in schema.h) because it reads
// the prefixes, slots and data the schema defines.
#include <cstdio>
#include <map>

#include "common/near_duplicate.h"
#include "common/schema.h"
#include "common/tokenizer.h"

namespace lede {
namespace schema {
namespace {

constexpr size_t kMinSpellingBytes = 3;
constexpr size_t kMaxSpellingBytes = 32;

std::string FindCluster(const Xapian::Database& db, const MinHashSignature& sig,
                        Xapian::docid self) {
  std::vector<Xapian::Query> bands;
  for (const std::string& key : BandKeys(sig)) bands.emplace_back(std::string(kPrefixBand) + key);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(kMaxCopyCandidates));
  double best = 0;
  std::string cluster;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == self) continue;
    Xapian::Document doc = it.get_document();
    auto other = DecodeSignature(doc.get_value(kSlotSignature));
    const std::string other_cluster = doc.get_value(kSlotCluster);
    if (!other || other_cluster.empty()) continue;
    const double s = EstimatedSimilarity(sig, *other);
    // Ties go to the older cluster id so the result does not depend on
    // Xapian's order among equal weights.
    if (s >= kNearDuplicateThreshold && (s > best || (s == best && other_cluster < cluster))) {
      best = s;
      cluster = other_cluster;
    }
  }
  return cluster;
}

void ChangeSpelling(Xapian::WritableDatabase& db, const StoredArticle& a, bool add) {
  std::map<std::string, unsigned> words;
  for (const auto& [w, n] : SpellingWords(a.title)) words[w] += n;
  for (const auto& [w, n] : SpellingWords(a.body)) words[w] += n;
  for (const auto& [w, n] : words) {
    if (add)
      db.add_spelling(w, n);
    else
      db.remove_spelling(w, n);
  }
}

Xapian::docid DocidOf(const Xapian::Database& db, const std::string& id_term) {
  Xapian::PostingIterator p = db.postlist_begin(id_term);
  return p == db.postlist_end(id_term) ? 0 : *p;
}

}  // namespace

bool IsSpellingWord(const Token& t) {
  if (t.cjk || t.term.size() < kMinSpellingBytes || t.term.size() > kMaxSpellingBytes) return false;
  for (unsigned char c : t.term) {
    // Digits, apostrophes and joiners make poor suggestions ("3.5", "at&t").
    if (c < 0x80 && !(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

std::vector<std::pair<std::string, unsigned>> SpellingWords(std::string_view text) {
  std::map<std::string, unsigned> counts;
  Tokenize(text, 0, [&](const Token& t) {
    if (IsSpellingWord(t)) ++counts[t.term];
  });
  return {counts.begin(), counts.end()};
}

void SpellingDelta::Count(const StoredArticle& article, int sign) {
  for (const auto& [w, n] : SpellingWords(article.title)) net_[w] += sign * static_cast<long>(n);
  for (const auto& [w, n] : SpellingWords(article.body)) net_[w] += sign * static_cast<long>(n);
}

void SpellingDelta::Count(const std::vector<std::pair<std::string, unsigned>>& words, int sign) {
  for (const auto& [w, n] : words) net_[w] += sign * static_cast<long>(n);
}

void SpellingDelta::ApplyTo(Xapian::WritableDatabase& db) {
  for (const auto& [w, n] : net_) {
    if (n > 0) db.add_spelling(w, static_cast<Xapian::termcount>(n));
    if (n < 0) db.remove_spelling(w, static_cast<Xapian::termcount>(-n));
  }
  net_.clear();
}

void ReplaceArticle(Xapian::WritableDatabase& db, StoredArticle article,
                    const Xapian::Stem& stemmer, SpellingDelta* spelling) {
  ReplaceArticle(db, PrepareArticle(std::move(article), stemmer), spelling);
}

void ReplaceArticle(Xapian::WritableDatabase& db, PreparedArticle prepared,
                    SpellingDelta* spelling) {
  const std::string id_term = IdTerm(prepared.article.id);
  const Xapian::docid old = DocidOf(db, id_term);
  if (old) {
    StoredArticle previous = DecodeData(db.get_document(old).get_data());
    if (spelling)
      spelling->Count(previous, -1);
    else
      ChangeSpelling(db, previous, false);
  }
  if (prepared.article.cluster.empty()) {
    std::string cluster;
    if (prepared.signature) cluster = FindCluster(db, *prepared.signature, old);
    SetCluster(&prepared, cluster.empty() ? NewClusterId(prepared.article.id) : cluster);
  }
  db.replace_document(id_term, prepared.doc);
  if (spelling) {
    spelling->Count(prepared.spelling, +1);
  } else {
    for (const auto& [w, n] : prepared.spelling) db.add_spelling(w, n);
  }
}

void RemoveArticle(Xapian::WritableDatabase& db, Xapian::docid docid, SpellingDelta* spelling) {
  StoredArticle previous = DecodeData(db.get_document(docid).get_data());
  if (spelling)
    spelling->Count(previous, -1);
  else
    ChangeSpelling(db, previous, false);
  db.delete_document(docid);
}

}  // namespace schema
}  // namespace lede

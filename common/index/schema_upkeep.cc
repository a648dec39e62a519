// Index upkeep spanning documents: near-duplicate cluster assignment (the one
// place, for every write path) and the spelling data. Part of the schema
// (declared in schema.h) because it reads the prefixes, slots and data the
// schema defines.
#include <cstdio>
#include <map>

#include "common/index/near_duplicate.h"
#include "common/index/schema.h"
#include "common/text/tokenizer.h"

namespace lede {
namespace schema {
namespace {

constexpr size_t kMinSpellingBytes = 3;
constexpr size_t kMaxSpellingBytes = 32;

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

void LoadClusterIndex(const Xapian::Database& db, ClusterIndex* clusters) {
  // Both value streams are in docid order: walk them side by side.
  auto cl = db.valuestream_begin(kSlotCluster);
  const auto cl_end = db.valuestream_end(kSlotCluster);
  for (auto v = db.valuestream_begin(kSlotSignature); v != db.valuestream_end(kSlotSignature);
       ++v) {
    const Xapian::docid did = v.get_docid();
    if (cl != cl_end && cl.get_docid() < did) cl.skip_to(did);
    if (cl == cl_end) break;
    if (cl.get_docid() != did) continue;
    if (auto sig = DecodeSignature(*v)) clusters->Add(did, *sig, *cl);
  }
}

void AssignCluster(PreparedArticle* prepared, uint64_t order, uint64_t replaces,
                   ClusterIndex* clusters) {
  if (prepared->article.cluster.empty()) {
    const std::string copied =
        prepared->signature ? clusters->Find(*prepared->signature, replaces) : "";
    SetCluster(prepared, copied.empty() ? NewClusterId(prepared->article.id) : copied);
  }
  if (prepared->signature)
    clusters->Add(order, *prepared->signature, prepared->article.cluster);
  else
    clusters->Remove(order);
}

void ReplaceArticle(Xapian::WritableDatabase& db, StoredArticle article,
                    const Xapian::Stem& stemmer, SpellingDelta* spelling, ClusterIndex* clusters) {
  ReplaceArticle(db, PrepareArticle(std::move(article), stemmer), spelling, clusters);
}

void ReplaceArticle(Xapian::WritableDatabase& db, PreparedArticle prepared, SpellingDelta* spelling,
                    ClusterIndex* clusters) {
  const std::string id_term = IdTerm(prepared.article.id);
  const Xapian::docid old = DocidOf(db, id_term);
  ClusterIndex local;
  if (!clusters) {
    LoadClusterIndex(db, &local);
    clusters = &local;
  }
  // Where the document will be: in place of the old one, or next.
  const Xapian::docid did = old ? old : db.get_lastdocid() + 1;
  if (old) {
    StoredArticle previous = DecodeData(db.get_document(old).get_data());
    if (spelling)
      spelling->Count(previous, -1);
    else
      ChangeSpelling(db, previous, false);
  }
  AssignCluster(&prepared, did, old, clusters);
  db.replace_document(id_term, prepared.doc);
  if (spelling) {
    spelling->Count(prepared.spelling, +1);
  } else {
    for (const auto& [w, n] : prepared.spelling) db.add_spelling(w, n);
  }
}

void RemoveArticle(Xapian::WritableDatabase& db, Xapian::docid docid, SpellingDelta* spelling,
                   ClusterIndex* clusters) {
  if (clusters) clusters->Remove(docid);
  StoredArticle previous = DecodeData(db.get_document(docid).get_data());
  if (spelling)
    spelling->Count(previous, -1);
  else
    ChangeSpelling(db, previous, false);
  db.delete_document(docid);
}

}  // namespace schema
}  // namespace lede

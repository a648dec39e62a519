// Lookups, batching and in-place writes over the WriteMode that writes the
// articles; every Xapian error rethrown with the database path.
#include "indexer/index_writer.h"

#include <algorithm>

#include "common/extract/record.h"
#include "common/index/shard_layout.h"
#include "common/index/stem.h"
#include "indexer/part_writers.h"
#include "indexer/write_mode.h"
#include "indexer/xapian_errors.h"

namespace lede {
namespace {

WriterSettings Settings(const std::string& path, unsigned batch_size, unsigned shards,
                        unsigned writers, unsigned part_docs) {
  WriterSettings s;
  s.path = path;
  s.batch_size = batch_size == 0 ? 1 : batch_size;
  s.shards = shards == 0 ? 1 : shards;
  s.writers = std::clamp(writers, 1u, kMaxShards);
  s.part_docs = part_docs == 0 ? kRotatedPartDocs : part_docs;
  return s;
}

}  // namespace

std::string IndexWriter::RebuildDir(const std::string& path) { return lede::RebuildDir(path); }

IndexWriter::IndexWriter(const std::string& path, bool rebuild, unsigned batch_size,
                         unsigned shards, unsigned writers, unsigned part_docs)
    : path_(path), batch_size_(batch_size == 0 ? 1 : batch_size), stemmer_(MakeStemmer("en")) {
  const WriterSettings settings = Settings(path, batch_size, shards, writers, part_docs);
  mode_ = rebuild ? OpenRebuild(settings) : OpenUpdate(settings);
}

IndexWriter::~IndexWriter() {
  if (!finished_) mode_->Abandon(&spelling_);
}

bool IndexWriter::rebuilding() const { return mode_->rebuilds(); }

template <typename Doing, typename Fn>
auto IndexWriter::Quiesced(const Doing& doing, Fn&& fn) -> decltype(fn()) {
  mode_->Quiesce();
  return WithIndexErrors(path_, doing, std::forward<Fn>(fn));
}

std::optional<IndexWriter::Existing> IndexWriter::Find(const std::string& id) {
  Xapian::WritableDatabase& db = mode_->db();
  return Quiesced([&] { return "look up " + id + " in"; },
                  [&]() -> std::optional<Existing> {
                    const std::string term = schema::IdTerm(id);
                    Xapian::PostingIterator p = db.postlist_begin(term);
                    if (p == db.postlist_end(term)) return std::nullopt;
                    Existing e;
                    e.docid = *p;
                    e.id = id;
                    Xapian::Document doc = db.get_document(e.docid, Xapian::DOC_ASSUME_VALID);
                    e.file_stamp = doc.get_value(schema::kSlotFileStamp);
                    e.content_hash = doc.get_value(schema::kSlotContentHash);
                    return e;
                  });
}

std::vector<IndexWriter::Existing> IndexWriter::RecordsOfFile(const std::string& file_id) {
  Xapian::WritableDatabase& db = mode_->db();
  return Quiesced([&] { return "list the records of " + file_id + " in"; },
                  [&] {
                    const std::string term = schema::FileTerm(file_id);
                    std::vector<Existing> out;
                    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
                      Existing e;
                      e.docid = *p;
                      Xapian::Document doc = db.get_document(e.docid, Xapian::DOC_ASSUME_VALID);
                      e.id = RecordId(file_id, doc.get_value(schema::kSlotRecordKey));
                      e.file_stamp = doc.get_value(schema::kSlotFileStamp);
                      e.content_hash = doc.get_value(schema::kSlotContentHash);
                      out.push_back(std::move(e));
                    }
                    return out;
                  });
}

std::vector<Xapian::docid> IndexWriter::DocsUnderRoot(const std::string& root) {
  Xapian::WritableDatabase& db = mode_->db();
  return Quiesced([&] { return "list the articles under " + root + " in"; },
                  [&] {
                    const std::string term = schema::RootTerm(root);
                    std::vector<Xapian::docid> out;
                    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
                      out.push_back(*p);
                    return out;
                  });
}

schema::StoredArticle IndexWriter::Stored(Xapian::docid docid) {
  return Quiesced([&] { return "read document " + std::to_string(docid) + " of"; },
                  [&] { return schema::DecodeData(mode_->db().get_document(docid).get_data()); });
}

std::vector<uint64_t> IndexWriter::LineKeysOf(Xapian::docid docid) {
  return Quiesced([&] { return "read document " + std::to_string(docid) + " of"; },
                  [&] {
                    return schema::DecodeLineKeys(mode_->db()
                                                      .get_document(docid, Xapian::DOC_ASSUME_VALID)
                                                      .get_value(schema::kSlotLineKeys));
                  });
}

void IndexWriter::AddStoredLineStats(LineCounter* counter) {
  Xapian::WritableDatabase& db = mode_->db();
  Quiesced("read line statistics from", [&] {
    const Xapian::valueno slot = schema::kSlotLineKeys;
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v)
      counter->AddKeys(schema::DecodeLineKeys(*v));
  });
}

Xapian::doccount IndexWriter::DocCount() {
  return Quiesced("read", [&] { return mode_->db().get_doccount() + mode_->DocsAside(); });
}

std::string IndexWriter::GetMetadata(const std::string& key) {
  return Quiesced("read metadata of", [&] { return mode_->db().get_metadata(key); });
}

std::vector<std::string> IndexWriter::MetadataValuesUnder(const std::string& prefix) {
  return Quiesced("read metadata of", [&] {
    // Every shard carries the metadata: a sharded database's first shard
    // answers for all (Xapian reads metadata from the first sub-database).
    Xapian::Database db = mode_->MetadataSource();
    std::vector<std::string> out;
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k)
      out.push_back(db.get_metadata(*k));
    return out;
  });
}

void IndexWriter::Put(const schema::StoredArticle& article) {
  const std::optional<Existing> old = Find(article.id);
  Put(schema::PrepareArticle(article, stemmer_), old ? old->docid : 0);
}

void IndexWriter::LoadClusters() {
  if (clusters_loaded_) return;
  // Once per run, and only when something is written: every signature the
  // database holds (~0.3 KB per article). A rebuild starts empty.
  if (!mode_->rebuilds()) {
    WithIndexErrors(path_, "read the near-duplicate signatures of",
                    [&] { schema::LoadClusterIndex(mode_->db(), &clusters_); });
  }
  clusters_loaded_ = true;
}

void IndexWriter::ReserveArticles(size_t articles) {
  LoadClusters();
  clusters_.Reserve(clusters_.size() + articles);
}

void IndexWriter::Put(schema::PreparedArticle prepared, Xapian::docid replaces) {
  const std::string id = prepared.article.id;
  LoadClusters();
  const bool in_place = WithIndexErrors(
      path_, [&] { return "write " + id + " to"; },
      [&] { return mode_->Put(std::move(prepared), replaces, &clusters_, &spelling_); });
  if (in_place) Counted();
}

void IndexWriter::SetStamp(Xapian::docid docid, const std::string& stamp) {
  Quiesced([&] { return "update document " + std::to_string(docid) + " of"; },
           [&] {
             Xapian::WritableDatabase& db = mode_->db();
             Xapian::Document doc = db.get_document(docid);
             doc.add_value(schema::kSlotFileStamp, stamp);
             db.replace_document(docid, doc);
           });
  Counted();
}

void IndexWriter::Remove(Xapian::docid docid) {
  Quiesced([&] { return "remove document " + std::to_string(docid) + " from"; },
           [&] {
             schema::RemoveArticle(mode_->db(), docid, &spelling_,
                                   clusters_loaded_ ? &clusters_ : nullptr);
           });
  Counted();
}

void IndexWriter::SetMetadata(const std::string& key, const std::string& value) {
  Quiesced("write metadata to", [&] { mode_->SetMetadata(key, value); });
}

void IndexWriter::Counted() {
  if (++pending_ >= batch_size_) Commit();
}

void IndexWriter::Commit() {
  Quiesced("commit to", [&] {
    spelling_.ApplyTo(mode_->db());
    mode_->db().commit();
    pending_ = 0;
  });
}

void IndexWriter::Finish() {
  Commit();
  mode_->Finish();
  finished_ = true;
}

}  // namespace lede

// Xapian writes, batched; errors rethrown with the database path.
#include "indexer/index_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <system_error>
#include <thread>

#include "common/error.h"
#include "common/extract/record.h"
#include "common/index/shard_layout.h"
#include "common/index/stem.h"

namespace lede {
namespace fs = std::filesystem;
namespace {

// Xapian says "already locked" when another writer holds the lock; other lock
// failures (an unwritable directory, no locking on the file system) must not
// be blamed on another indexer.
[[noreturn]] void ThrowLockError(const Xapian::DatabaseLockError& e, const std::string& path) {
  if (e.get_msg().find("already locked") != std::string::npos)
    throw IndexError("database " + path + " is locked: another lede-index is writing to it");
  throw IndexError("cannot lock database " + path + " for writing: " + e.get_description());
}

bool LooksLikeXapianDb(const fs::path& dir) {
  std::error_code ec;
  for (const char* marker : {"iamglass", "iamchert", "iamhoney", "iamflint", kStubFileName}) {
    if (fs::exists(dir / marker, ec)) return true;
  }
  return false;
}

void CreateParent(const std::string& path) {
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);  // open reports failure
}

// path without trailing slashes: where a sibling directory's name starts.
std::string WithoutTrailingSlash(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

}  // namespace

std::string IndexWriter::RebuildDir(const std::string& path) {
  return WithoutTrailingSlash(path) + ".rebuild-tmp";
}

IndexWriter::IndexWriter(const std::string& path, bool rebuild, unsigned batch_size,
                         unsigned shards, unsigned writers, unsigned part_docs)
    : path_(path),
      rebuild_(rebuild),
      batch_size_(batch_size == 0 ? 1 : batch_size),
      new_shards_(shards == 0 ? 1 : shards),
      writers_(std::clamp(writers, 1u, kMaxShards)),
      part_docs_(part_docs == 0 ? kRotatedPartDocs : part_docs),
      stemmer_(MakeStemmer("en")) {
  if (rebuild_) {
    OpenForRebuild();
  } else {
    CreateParent(path_);
    try {
      std::error_code ec;
      const bool exists = fs::exists(path_, ec);
      if (!ReadStub(path_).empty() || (new_shards_ > 1 && !exists)) {
        if (!exists) CreateShardedAside();
        OpenShards(path_, Xapian::DB_CREATE_OR_OPEN, 0);
      } else {
        db_ = Xapian::WritableDatabase(path_, Xapian::DB_CREATE_OR_OPEN);
      }
    } catch (const Xapian::DatabaseLockError& e) {
      ThrowLockError(e, path_);
    } catch (const Xapian::Error& e) {
      Rethrow(e, "open");
    }
    schema::CheckMetadata(db_, path_);
    // Holding the lock, we know no rebuild is running: one that was killed
    // left its directory behind.
    std::error_code ec;
    fs::remove_all(RebuildDir(path_), ec);
  }
  try {
    schema::StampMetadata(db_);
    // A sharded database's metadata would otherwise live in its first shard
    // only: every shard carries it, so each can be searched (or served) alone.
    for (Xapian::WritableDatabase& s : shards_) schema::StampMetadata(s);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "write metadata to");
  }
  if (rebuild_) {
    StartPartWriters(RebuildDir(path_), false);
  } else if (shards_.size() > 1) {
    // Every shard's metadata is committed before any shard commits
    // documents: shards commit independently, and a reader (or the run after
    // a kill) must never meet a shard with documents next to one without
    // lede's metadata.
    try {
      db_.commit();
    } catch (const Xapian::Error& e) {
      Rethrow(e, "commit metadata to");
    }
    // An update of a sharded database: one writer per shard too, each new
    // article at the next docid of the shard its id hashes to.
    for (Xapian::WritableDatabase& s : shards_) next_local_.push_back(s.get_lastdocid() + 1);
    StartPartWriters(path_, true);
  }
}

void IndexWriter::CreateShardedAside() {
  // A new sharded database is a directory, its shards and a stub: made
  // beside the path and renamed into place whole, so that a kill at any
  // moment leaves either no database or a complete empty one (never a
  // directory without its stub, which nothing can open).
  const std::string p = WithoutTrailingSlash(path_);
  const std::string tmp = p + ".new-tmp";
  std::error_code ec;
  fs::remove_all(tmp, ec);
  OpenShards(tmp, Xapian::DB_CREATE_OR_OPEN, new_shards_);
  for (Xapian::WritableDatabase& s : shards_) {
    schema::StampMetadata(s);
    s.commit();
  }
  db_.close();
  for (Xapian::WritableDatabase& s : shards_) s.close();
  shards_.clear();
  db_ = Xapian::WritableDatabase();
  if (std::rename(tmp.c_str(), p.c_str()) != 0) {
    const int err = errno;
    fs::remove_all(tmp, ec);
    throw IndexError("cannot create database " + path_ + ": " + std::strerror(err));
  }
}

void IndexWriter::StartPartWriters(const std::string& dir, bool update) {
  std::vector<Xapian::WritableDatabase> parts;
  std::vector<std::string> names;
  if (shards_.empty()) {
    parts.push_back(db_);
    names.push_back(path_);
  } else {
    const std::vector<ShardEntry> entries = ReadStub(dir);
    for (size_t k = 0; k < shards_.size(); ++k) {
      parts.push_back(shards_[k]);
      names.push_back(path_ + " (" + entries[k].path + ")");
    }
  }
  PartRotation rotation;
  if (Rotates()) {
    // The rotated parts live inside the rebuild directory: whatever happens,
    // they go with it.
    rotation.dir = dir;
    rotation.docs_per_part = part_docs_;
    rotation.flags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC;
  }
  parts_ = std::make_unique<PartWriters>(std::move(parts), std::move(names), batch_size_, update,
                                         std::move(rotation));
}

void IndexWriter::Quiesce() {
  if (parts_ && parts_dirty_) {
    parts_->Drain();
    parts_dirty_ = false;
  }
}

bool IndexWriter::MergesParts() const { return rebuild_ && new_shards_ == 1 && writers_ > 1; }

bool IndexWriter::Rotates() const { return rebuild_ && new_shards_ == 1; }

void IndexWriter::OpenForRebuild() {
  std::error_code ec;
  fs::file_status st = fs::status(path_, ec);
  if (fs::exists(st)) {
    if (!fs::is_directory(st))
      throw IndexError(path_ + " exists and is not a database directory; refusing to replace it");
    if (!fs::is_empty(path_, ec) && !LooksLikeXapianDb(path_))
      throw IndexError(path_ +
                       " is a directory that holds no Xapian database; refusing to "
                       "replace it (choose another --db)");
  }
  CreateParent(path_);
  // Lock the live database for the whole rebuild, so no other writer changes
  // what is about to be replaced.
  try {
    live_ = Xapian::WritableDatabase(path_, Xapian::DB_CREATE_OR_OPEN);
    holding_live_ = true;
  } catch (const Xapian::DatabaseLockError& e) {
    ThrowLockError(e, path_);
  } catch (const Xapian::DatabaseCorruptError&) {
    // A broken database is what --rebuild is for: build aside and replace it.
  } catch (const Xapian::DatabaseVersionError&) {
  } catch (const Xapian::Error& e) {
    Rethrow(e, "open");
  }
  const std::string tmp = RebuildDir(path_);
  fs::remove_all(tmp, ec);
  // Nothing to lose until the swap: no fsync per commit (the rebuilt database
  // is compacted, and the compacted copy synced, before it replaces path_).
  const int flags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC;
  try {
    if (new_shards_ > 1) {
      OpenShards(tmp, flags, new_shards_);
    } else if (MergesParts()) {
      // Parts laid out as shards, so the directory is one database to Xapian
      // (and to the compaction that merges them).
      OpenShards(tmp, flags, writers_);
    } else {
      db_ = Xapian::WritableDatabase(tmp, flags);
    }
  } catch (const Xapian::Error& e) {
    Rethrow(e, "create the rebuild directory " + tmp + " for");
  }
}

IndexWriter::~IndexWriter() {
  if (finished_) return;
  // A destructor must not throw: nothing sensible is left to report.
  if (rebuild_) {
    parts_.reset();  // stops the writer threads before their databases close
    try {
      db_.close();
    } catch (...) {  // NOLINT(bugprone-empty-catch)
    }
    std::error_code ec;
    fs::remove_all(RebuildDir(path_), ec);
  } else {
    try {
      // A sharded update's writers first write and commit what they hold,
      // spelling data included, and stop: only then may this thread commit.
      if (parts_) parts_->Drain();
    } catch (...) {  // NOLINT(bugprone-empty-catch)
    }
    parts_.reset();
    try {
      spelling_.ApplyTo(db_);
      db_.commit();
    } catch (...) {  // NOLINT(bugprone-empty-catch)
    }
  }
}

std::optional<IndexWriter::Existing> IndexWriter::Find(const std::string& id) {
  Quiesce();
  try {
    const std::string term = schema::IdTerm(id);
    Xapian::PostingIterator p = db_.postlist_begin(term);
    if (p == db_.postlist_end(term)) return std::nullopt;
    Existing e;
    e.docid = *p;
    e.id = id;
    Xapian::Document doc = db_.get_document(e.docid, Xapian::DOC_ASSUME_VALID);
    e.file_stamp = doc.get_value(schema::kSlotFileStamp);
    e.content_hash = doc.get_value(schema::kSlotContentHash);
    return e;
  } catch (const Xapian::Error& e) {
    Rethrow(e, "look up " + id + " in");
  }
}

std::vector<IndexWriter::Existing> IndexWriter::RecordsOfFile(const std::string& file_id) {
  Quiesce();
  try {
    const std::string term = schema::FileTerm(file_id);
    std::vector<Existing> out;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
      Existing e;
      e.docid = *p;
      Xapian::Document doc = db_.get_document(e.docid, Xapian::DOC_ASSUME_VALID);
      e.id = RecordId(file_id, doc.get_value(schema::kSlotRecordKey));
      e.file_stamp = doc.get_value(schema::kSlotFileStamp);
      e.content_hash = doc.get_value(schema::kSlotContentHash);
      out.push_back(std::move(e));
    }
    return out;
  } catch (const Xapian::Error& e) {
    Rethrow(e, "list the records of " + file_id + " in");
  }
}

std::vector<Xapian::docid> IndexWriter::DocsUnderRoot(const std::string& root) {
  Quiesce();
  try {
    const std::string term = schema::RootTerm(root);
    std::vector<Xapian::docid> out;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) out.push_back(*p);
    return out;
  } catch (const Xapian::Error& e) {
    Rethrow(e, "list the articles under " + root + " in");
  }
}

schema::StoredArticle IndexWriter::Stored(Xapian::docid docid) {
  Quiesce();
  try {
    return schema::DecodeData(db_.get_document(docid).get_data());
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read document " + std::to_string(docid) + " of");
  }
}

std::vector<uint64_t> IndexWriter::LineKeysOf(Xapian::docid docid) {
  Quiesce();
  try {
    return schema::DecodeLineKeys(
        db_.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotLineKeys));
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read document " + std::to_string(docid) + " of");
  }
}

void IndexWriter::AddStoredLineStats(LineCounter* counter) {
  Quiesce();
  try {
    const Xapian::valueno slot = schema::kSlotLineKeys;
    for (auto v = db_.valuestream_begin(slot); v != db_.valuestream_end(slot); ++v) {
      counter->AddKeys(schema::DecodeLineKeys(*v));
    }
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read line statistics from");
  }
}

Xapian::doccount IndexWriter::DocCount() {
  Quiesce();
  try {
    return db_.get_doccount() + (parts_ ? parts_->ChunkDocs() : 0);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read");
  }
}

void IndexWriter::Put(const schema::StoredArticle& article) {
  const std::optional<Existing> old = Find(article.id);
  Put(schema::PrepareArticle(article, stemmer_), old ? old->docid : 0);
}

void IndexWriter::LoadClusters() {
  if (clusters_loaded_) return;
  // Once per run, and only when something is written: every signature the
  // database holds (~0.3 KB per article). A rebuild starts empty.
  if (!rebuild_) {
    try {
      schema::LoadClusterIndex(db_, &clusters_);
    } catch (const Xapian::Error& e) {
      Rethrow(e, "read the near-duplicate signatures of");
    }
  }
  clusters_loaded_ = true;
}

void IndexWriter::Put(schema::PreparedArticle prepared, Xapian::docid replaces) {
  const std::string id = prepared.article.id;
  LoadClusters();
  if (parts_) {
    // Writer threads write; this thread only decides where (docid, part)
    // and the cluster, from clusters_, which holds every article so far.
    unsigned part = 0;
    Xapian::docid local = 0;  // 0: the part's next (a rebuild's parts are new)
    uint64_t order = 0;
    if (rebuild_) {
      part = ShardOf(id, static_cast<unsigned>(parts_->size()));
      order = clusters_.last_order() + 1;
    } else {
      const auto n = static_cast<Xapian::docid>(shards_.size());
      if (replaces) {
        part = static_cast<unsigned>((replaces - 1) % n);
        local = (replaces - 1) / n + 1;
      } else {
        part = ShardOf(id, static_cast<unsigned>(n));
        local = next_local_[part]++;
      }
      order = (local - 1) * n + part + 1;  // the docid in the whole database
    }
    if (prepared.article.cluster.empty()) {
      const std::string copied =
          prepared.signature ? clusters_.Find(*prepared.signature, replaces) : "";
      schema::SetCluster(&prepared, copied.empty() ? schema::NewClusterId(id) : copied);
    }
    if (prepared.signature)
      clusters_.Add(order, *prepared.signature, prepared.article.cluster);
    else
      clusters_.Remove(order);
    parts_dirty_ = true;
    parts_->Add(part, std::move(prepared.doc), std::move(prepared.spelling), local, replaces != 0);
    return;
  }
  try {
    schema::ReplaceArticle(db_, std::move(prepared), &spelling_, &clusters_);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "write " + id + " to");
  }
  Counted();
}

void IndexWriter::SetStamp(Xapian::docid docid, const std::string& stamp) {
  Quiesce();
  try {
    Xapian::Document doc = db_.get_document(docid);
    doc.add_value(schema::kSlotFileStamp, stamp);
    db_.replace_document(docid, doc);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "update document " + std::to_string(docid) + " of");
  }
  Counted();
}

void IndexWriter::Remove(Xapian::docid docid) {
  Quiesce();
  try {
    schema::RemoveArticle(db_, docid, &spelling_, clusters_loaded_ ? &clusters_ : nullptr);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "remove document " + std::to_string(docid) + " from");
  }
  Counted();
}

std::string IndexWriter::GetMetadata(const std::string& key) {
  Quiesce();
  try {
    return db_.get_metadata(key);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read metadata of");
  }
}

std::vector<std::string> IndexWriter::MetadataValuesUnder(const std::string& prefix) {
  Quiesce();
  try {
    // Every shard carries the metadata: a sharded database's first shard
    // answers for all (Xapian reads metadata from the first sub-database).
    Xapian::Database db = rebuild_ && holding_live_ ? live_ : db_;
    std::vector<std::string> out;
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k)
      out.push_back(db.get_metadata(*k));
    return out;
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read metadata of");
  }
}

void IndexWriter::SetMetadata(const std::string& key, const std::string& value) {
  Quiesce();
  try {
    db_.set_metadata(key, value);
    for (Xapian::WritableDatabase& s : shards_) s.set_metadata(key, value);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "write metadata to");
  }
}

void IndexWriter::Counted() {
  if (++pending_ >= batch_size_) Commit();
}

void IndexWriter::Commit() {
  Quiesce();
  try {
    spelling_.ApplyTo(db_);
    db_.commit();
    pending_ = 0;
  } catch (const Xapian::Error& e) {
    Rethrow(e, "commit to");
  }
}

void IndexWriter::Finish() {
  Commit();
  if (parts_) chunks_ = parts_->Chunks();
  parts_.reset();
  if (rebuild_) {
    CompactRebuild();
    Swap();
  }
  finished_ = true;
}

void IndexWriter::OpenShards(const std::string& dir, int flags, unsigned create) {
  std::vector<ShardEntry> entries;
  if (create > 0) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw IndexError("cannot create database directory " + dir + ": " + ec.message());
    entries = LocalShards(create);
  } else {
    entries = ReadStub(dir);
  }
  db_ = Xapian::WritableDatabase();
  shards_.clear();
  for (const ShardEntry& e : entries) {
    if (e.remote)
      throw IndexError("database " + path_ + " lists a remote shard (" + e.host + ":" +
                       std::to_string(e.port) + "): index that shard on its own host");
    const std::string shard = e.path.size() && e.path[0] == '/' ? e.path : dir + "/" + e.path;
    shards_.emplace_back(shard, flags);
    db_.add_database(shards_.back());
  }
  // The stub last: until it exists the directory is not a database.
  if (create > 0) WriteStub(dir, entries);
}

void IndexWriter::CompactRebuild() {
  // Frequent small commits fragment the tables (~2x the size); compaction
  // rewrites them full. Into a second directory, then renamed over the first:
  // the live database at path_ is untouched until Swap.
  const std::string tmp = RebuildDir(path_);
  const std::string out = tmp + ".compact";
  std::error_code ec;
  fs::remove_all(out, ec);
  try {
    db_.close();
    for (Xapian::WritableDatabase& s : shards_) s.close();
    if (shards_.empty() || MergesParts()) {
      // One database, or parts merged into one (docids renumbered part
      // after part: the order depends only on the ids, never on timing).
      // Rotated parts follow the writers' own databases, which hold the
      // metadata (the first input's wins) and spelling data; multipass
      // merges many inputs in a few passes of few inputs each.
      Xapian::Database in(tmp);
      for (const std::string& chunk : chunks_) in.add_database(Xapian::Database(chunk));
      in.compact(out, chunks_.size() > 2 ? Xapian::DBCOMPACT_MULTIPASS : 0);
    } else {
      fs::create_directories(out, ec);
      const std::vector<ShardEntry> entries = ReadStub(tmp);
      // Shards compact independently: side by side.
      std::vector<std::thread> threads;
      std::vector<std::string> errors(entries.size());
      for (size_t k = 0; k < entries.size(); ++k) {
        threads.emplace_back([&, k] {
          try {
            Xapian::Database(tmp + "/" + entries[k].path).compact(out + "/" + entries[k].path);
          } catch (const Xapian::Error& e) {
            errors[k] = e.get_description();
          }
        });
      }
      for (std::thread& t : threads) t.join();
      for (const std::string& e : errors)
        if (!e.empty()) throw IndexError("cannot compact the rebuilt database " + path_ + ": " + e);
      WriteStub(out, entries);
    }
  } catch (const Xapian::Error& e) {
    fs::remove_all(out, ec);
    Rethrow(e, "compact the rebuilt");
  } catch (const IndexError&) {
    fs::remove_all(out, ec);
    throw;
  }
  fs::remove_all(tmp, ec);
  if (ec || std::rename(out.c_str(), tmp.c_str()) != 0)
    throw IndexError("cannot move compacted database " + out + " to " + tmp);
}

void IndexWriter::Swap() {
  const std::string tmp = RebuildDir(path_);
  std::string old = tmp;  // where the replaced database ends up
  // Exchange both directories in one step: at every instant path_ holds a
  // complete database, the old one or the new one.
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path_.c_str(), RENAME_EXCHANGE) != 0) {
    const int err = errno;
    if (err == ENOENT) {
      // Nothing at path_ (the live database could not be opened): just move.
      if (::rename(tmp.c_str(), path_.c_str()) != 0)
        throw IndexError("cannot move rebuilt database " + tmp + " to " + path_ + ": " +
                         std::strerror(errno));
      old.clear();
    } else if (err == EINVAL || err == ENOSYS || err == EOPNOTSUPP) {
      // File systems without RENAME_EXCHANGE: two renames, a short window in
      // which path_ does not exist (readers then fail to open and retry).
      old = path_ + ".old-tmp";
      std::error_code ec;
      fs::remove_all(old, ec);
      if (::rename(path_.c_str(), old.c_str()) != 0)
        throw IndexError("cannot move database " + path_ + " aside: " + std::strerror(errno));
      if (::rename(tmp.c_str(), path_.c_str()) != 0) {
        const int move_err = errno;
        ::rename(old.c_str(), path_.c_str());  // put the old one back
        throw IndexError("cannot move rebuilt database " + tmp + " to " + path_ + ": " +
                         std::strerror(move_err));
      }
    } else {
      throw IndexError("cannot swap rebuilt database " + tmp + " into " + path_ + ": " +
                       std::strerror(err));
    }
  }
  try {
    db_.close();
    if (holding_live_) live_.close();
  } catch (const Xapian::Error& e) {
    Rethrow(e, "close");
  }
  if (!old.empty()) {
    std::error_code ec;
    fs::remove_all(old, ec);
  }
}

void IndexWriter::Rethrow(const Xapian::Error& e, const std::string& doing) const {
  throw IndexError("cannot " + doing + " database " + path_ + ": " + e.get_description());
}

}  // namespace lede

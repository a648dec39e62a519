// Xapian writes, batched; errors rethrown with the database path.
#include "indexer/index_writer.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "common/error.h"
#include "common/shard_layout.h"
#include "common/stem.h"

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

}  // namespace

std::string IndexWriter::RebuildDir(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p + ".rebuild-tmp";
}

IndexWriter::IndexWriter(const std::string& path, bool rebuild, unsigned batch_size,
                         unsigned shards)
    : path_(path),
      rebuild_(rebuild),
      batch_size_(batch_size == 0 ? 1 : batch_size),
      new_shards_(shards == 0 ? 1 : shards),
      stemmer_(MakeStemmer("en")) {
  if (rebuild_) {
    OpenForRebuild();
  } else {
    CreateParent(path_);
    try {
      std::error_code ec;
      const bool exists = fs::exists(path_, ec);
      if (!ReadStub(path_).empty() || (new_shards_ > 1 && !exists)) {
        OpenShards(path_, Xapian::DB_CREATE_OR_OPEN, exists ? 0 : new_shards_);
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
}

void IndexWriter::OpenForRebuild() {
  std::error_code ec;
  fs::file_status st = fs::status(path_, ec);
  if (fs::exists(st)) {
    if (!fs::is_directory(st))
      throw IndexError(path_ + " exists and is not a database directory; refusing to replace it");
    if (!fs::is_empty(path_, ec) && !LooksLikeXapianDb(path_))
      throw IndexError(path_ + " is a directory that holds no Xapian database; refusing to "
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
    try {
      db_.close();
    } catch (...) {  // NOLINT(bugprone-empty-catch)
    }
    std::error_code ec;
    fs::remove_all(RebuildDir(path_), ec);
  } else {
    try {
      spelling_.ApplyTo(db_);
      db_.commit();
    } catch (...) {  // NOLINT(bugprone-empty-catch)
    }
  }
}

std::optional<IndexWriter::Existing> IndexWriter::Find(const std::string& id) {
  try {
    const std::string term = schema::IdTerm(id);
    Xapian::PostingIterator p = db_.postlist_begin(term);
    if (p == db_.postlist_end(term)) return std::nullopt;
    Existing e;
    e.docid = *p;
    Xapian::Document doc = db_.get_document(e.docid, Xapian::DOC_ASSUME_VALID);
    e.file_stamp = doc.get_value(schema::kSlotFileStamp);
    e.content_hash = doc.get_value(schema::kSlotContentHash);
    return e;
  } catch (const Xapian::Error& e) {
    Rethrow(e, "look up " + id + " in");
  }
}

std::vector<Xapian::docid> IndexWriter::DocsUnderRoot(const std::string& root) {
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
  try {
    return schema::DecodeData(db_.get_document(docid).get_data());
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read document " + std::to_string(docid) + " of");
  }
}

std::vector<uint64_t> IndexWriter::LineKeysOf(Xapian::docid docid) {
  try {
    return schema::DecodeLineKeys(
        db_.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotLineKeys));
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read document " + std::to_string(docid) + " of");
  }
}

void IndexWriter::AddStoredLineStats(LineStats* stats) {
  try {
    const Xapian::valueno slot = schema::kSlotLineKeys;
    for (auto v = db_.valuestream_begin(slot); v != db_.valuestream_end(slot); ++v) {
      for (uint64_t k : schema::DecodeLineKeys(*v)) ++stats->files_with_line[k];
      ++stats->total_files;
    }
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read line statistics from");
  }
}

Xapian::doccount IndexWriter::DocCount() {
  try {
    return db_.get_doccount();
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read");
  }
}

void IndexWriter::Put(const schema::StoredArticle& article) {
  try {
    if (shards_.size() > 1) ReserveShardSlot(article.id);
    schema::ReplaceArticle(db_, article, stemmer_, &spelling_);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "write " + article.id + " to");
  }
  Counted();
}

void IndexWriter::SetStamp(Xapian::docid docid, const std::string& stamp) {
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
  try {
    schema::RemoveArticle(db_, docid, &spelling_);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "remove document " + std::to_string(docid) + " from");
  }
  Counted();
}

std::string IndexWriter::GetMetadata(const std::string& key) {
  try {
    return db_.get_metadata(key);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read metadata of");
  }
}

void IndexWriter::SetMetadata(const std::string& key, const std::string& value) {
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

void IndexWriter::ReserveShardSlot(const std::string& id) {
  // A new article must land in the shard its id hashes to, but Xapian gives a
  // new document of a sharded database the next docid round-robin. So claim
  // the next docid of the right shard with a placeholder holding the id term
  // and data with no words; the replace that follows fills it in place.
  const std::string term = schema::IdTerm(id);
  if (db_.postlist_begin(term) != db_.postlist_end(term)) return;
  const auto n = static_cast<Xapian::docid>(shards_.size());
  const unsigned s = ShardOf(id, static_cast<unsigned>(n));
  const Xapian::docid local = shards_[s].get_lastdocid() + 1;
  Xapian::Document placeholder;
  schema::StoredArticle empty;
  empty.id = id;
  placeholder.set_data(schema::EncodeData(empty));
  placeholder.add_boolean_term(term);
  db_.replace_document((local - 1) * n + s + 1, placeholder);
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
    if (shards_.empty()) {
      Xapian::Database(tmp).compact(out);
    } else {
      fs::create_directories(out, ec);
      const std::vector<ShardEntry> entries = ReadStub(tmp);
      for (const ShardEntry& e : entries)
        Xapian::Database(tmp + "/" + e.path).compact(out + "/" + e.path);
      WriteStub(out, entries);
    }
  } catch (const Xapian::Error& e) {
    fs::remove_all(out, ec);
    Rethrow(e, "compact the rebuilt");
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

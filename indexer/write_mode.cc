// What every write mode shares: shards, metadata, handing articles to the
// writer threads.
#include "indexer/write_mode.h"

#include <filesystem>
#include <system_error>

#include "common/error.h"
#include "common/index/shard_layout.h"
#include "indexer/xapian_errors.h"

namespace lede {
namespace fs = std::filesystem;

std::string WithoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string RebuildDir(const std::string& path) {
  return WithoutTrailingSlash(path) + ".rebuild-tmp";
}

void CreateParent(const std::string& path) {
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
}

void WriteMode::Quiesce() {
  if (parts_ && parts_dirty_) {
    parts_->Drain();
    parts_dirty_ = false;
  }
}

Xapian::doccount WriteMode::DocsAside() const { return parts_ ? parts_->ChunkDocs() : 0; }

void WriteMode::SetMetadata(const std::string& key, const std::string& value) {
  db_.set_metadata(key, value);
  for (Xapian::WritableDatabase& s : shards_) s.set_metadata(key, value);
}

void WriteMode::StampMetadata() {
  WithIndexErrors(path(), "write metadata to", [&] {
    schema::StampMetadata(db_);
    for (Xapian::WritableDatabase& s : shards_) schema::StampMetadata(s);
  });
}

void WriteMode::OpenShards(const std::string& dir, int flags, unsigned create) {
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
      throw IndexError("database " + path() + " lists a remote shard (" + e.host + ":" +
                       std::to_string(e.port) + "): index that shard on its own host");
    const std::string shard = e.path.size() && e.path[0] == '/' ? e.path : dir + "/" + e.path;
    shards_.emplace_back(shard, flags);
    db_.add_database(shards_.back());
  }
  // The stub last: until it exists the directory is not a database.
  if (create > 0) WriteStub(dir, entries);
}

void WriteMode::StartPartWriters(const std::string& dir, bool update, PartRotation rotation) {
  std::vector<Xapian::WritableDatabase> parts;
  std::vector<std::string> names;
  if (shards_.empty()) {
    parts.push_back(db_);
    names.push_back(path());
  } else {
    const std::vector<ShardEntry> entries = ReadStub(dir);
    for (size_t k = 0; k < shards_.size(); ++k) {
      parts.push_back(shards_[k]);
      names.push_back(path() + " (" + entries[k].path + ")");
    }
  }
  parts_ = std::make_unique<PartWriters>(std::move(parts), std::move(names), settings_.batch_size,
                                         update, std::move(rotation));
}

void WriteMode::HandOver(unsigned part, schema::PreparedArticle&& prepared, Xapian::docid local,
                         bool replaces) {
  parts_dirty_ = true;
  parts_->Add(part, std::move(prepared.doc), std::move(prepared.spelling), local, replaces);
}

}  // namespace lede

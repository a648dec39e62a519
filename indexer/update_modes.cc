// The two ways an update writes in place: a single database from the
// caller's thread, a sharded one from one writer thread per shard.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "common/error.h"
#include "common/index/shard_layout.h"
#include "indexer/write_mode.h"
#include "indexer/xapian_errors.h"

namespace lede {
namespace fs = std::filesystem;
namespace {

// What both updates share: the checks once the database is open, and
// committing what is done when the run stops early.
class Update : public WriteMode {
 public:
  bool rebuilds() const override { return false; }
  void Finish() override { parts_.reset(); }
  void Abandon(schema::SpellingDelta* spelling) noexcept override {
    // A sharded update's writers first write and commit what they hold,
    // spelling data included, and stop: only then may this thread commit.
    IgnoringErrors([&] {
      if (parts_) parts_->Drain();
    });
    parts_.reset();
    IgnoringErrors([&] {
      spelling->ApplyTo(db_);
      db_.commit();
    });
  }

 protected:
  using WriteMode::WriteMode;
  void Opened() {
    schema::CheckMetadata(db_, path());
    // Holding the lock, we know no rebuild is running: one that was killed
    // left its directory behind.
    std::error_code ec;
    fs::remove_all(RebuildDir(path()), ec);
    StampMetadata();
  }
};

class InPlaceUpdate : public Update {
 public:
  explicit InPlaceUpdate(const WriterSettings& settings) : Update(settings) {
    OpenWithIndexErrors(path(),
                        [&] { db_ = Xapian::WritableDatabase(path(), Xapian::DB_CREATE_OR_OPEN); });
    Opened();
  }
  bool Put(schema::PreparedArticle prepared, Xapian::docid /*replaces*/, ClusterIndex* clusters,
           schema::SpellingDelta* spelling) override {
    schema::ReplaceArticle(db_, std::move(prepared), spelling, clusters);
    return true;
  }
};

class ShardedUpdate : public Update {
 public:
  // create: nothing is at the path yet; a database of settings.shards
  // shards is made first.
  ShardedUpdate(const WriterSettings& settings, bool create) : Update(settings) {
    OpenWithIndexErrors(path(), [&] {
      if (create) CreateAside();
      OpenShards(path(), Xapian::DB_CREATE_OR_OPEN, 0);
    });
    Opened();
    // Every shard's metadata is committed before any shard commits
    // documents: shards commit independently, and a reader (or the run after
    // a kill) must never meet a shard with documents next to one without
    // lede's metadata.
    WithIndexErrors(path(), "commit metadata to", [&] { db_.commit(); });
    std::vector<Xapian::docid> last;
    for (Xapian::WritableDatabase& s : shards_) last.push_back(s.get_lastdocid());
    placer_ = ShardPlacer(last);
    StartPartWriters(path(), true, PartRotation());
  }
  bool Put(schema::PreparedArticle prepared, Xapian::docid replaces, ClusterIndex* clusters,
           schema::SpellingDelta* /*spelling*/) override {
    // The writer threads write; this thread only decides where, and the
    // cluster, ordered by the docid in the whole database.
    const ShardDocid at = placer_.Place(prepared.article.id, replaces);
    schema::AssignCluster(&prepared, JoinDocid(at, placer_.shards()), replaces, clusters);
    HandOver(at.shard, std::move(prepared), at.local, replaces != 0);
    return false;
  }

 private:
  void CreateAside();
  ShardPlacer placer_;
};

void ShardedUpdate::CreateAside() {
  // A new sharded database is a directory, its shards and a stub: made
  // beside the path and renamed into place whole, so that a kill at any
  // moment leaves either no database or a complete empty one (never a
  // directory without its stub, which nothing can open).
  const std::string p = WithoutTrailingSlash(path());
  const std::string tmp = p + ".new-tmp";
  std::error_code ec;
  fs::remove_all(tmp, ec);
  OpenShards(tmp, Xapian::DB_CREATE_OR_OPEN, settings_.shards);
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
    throw IndexError("cannot create database " + path() + ": " + std::strerror(err));
  }
}

}  // namespace

std::unique_ptr<WriteMode> OpenUpdate(const WriterSettings& settings) {
  CreateParent(settings.path);
  std::error_code ec;
  const bool exists = fs::exists(settings.path, ec);
  if (!ReadStub(settings.path).empty() || (settings.shards > 1 && !exists))
    return std::make_unique<ShardedUpdate>(settings, !exists);
  return std::make_unique<InPlaceUpdate>(settings);
}

}  // namespace lede

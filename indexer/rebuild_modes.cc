// The two ways a rebuild writes: beside the live database, which it locks,
// then compacted and swapped in whole.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <system_error>
#include <thread>

#include "common/error.h"
#include "common/index/shard_layout.h"
#include "indexer/write_mode.h"
#include "indexer/xapian_errors.h"

namespace lede {
namespace fs = std::filesystem;
namespace {

// An empty database at path, made aside and renamed into place: a kill while
// Xapian creates its files leaves nothing at path (the next run removes the
// leftover), never a directory that is half a database.
void CreateEmptyDatabase(const std::string& path) {
  const std::string tmp = path + ".lede-creating";
  std::error_code ec;
  fs::remove_all(tmp, ec);
  Xapian::WritableDatabase(tmp, Xapian::DB_CREATE_OR_OVERWRITE).commit();
  fs::rename(tmp, path, ec);
  if (ec) throw IndexError("cannot create database " + path + ": " + ec.message());
}

// Nothing to lose until the swap: no fsync per commit (the rebuilt database
// is compacted, and the compacted copy synced, before it replaces the live
// one).
constexpr int kAsideFlags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC;

bool LooksLikeXapianDb(const fs::path& dir) {
  std::error_code ec;
  for (const char* marker : {"iamglass", "iamchert", "iamhoney", "iamflint", kStubFileName}) {
    if (fs::exists(dir / marker, ec)) return true;
  }
  return false;
}

// What a rebuild may replace: nothing, an empty directory or a database.
void CheckReplaceable(const std::string& path) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) return;
  if (!fs::is_directory(st))
    throw IndexError(path + " exists and is not a database directory; refusing to replace it");
  if (!fs::is_empty(path, ec) && !LooksLikeXapianDb(path))
    throw IndexError(path +
                     " is a directory that holds no Xapian database; refusing to "
                     "replace it (choose another --db)");
}

// What both rebuilds share: the live database's lock, where articles go,
// compaction and the swap.
class Rebuild : public WriteMode {
 public:
  bool rebuilds() const override { return true; }
  Xapian::Database MetadataSource() override {
    if (holding_live_) return live_;
    return db_;
  }
  bool Put(schema::PreparedArticle prepared, Xapian::docid replaces, ClusterIndex* clusters,
           schema::SpellingDelta* /*spelling*/) override {
    // Each writer's share is fixed by the ids alone, and the clusters by
    // the order articles arrive in: the result never depends on timing.
    const unsigned part = ShardOf(prepared.article.id, static_cast<unsigned>(parts_->size()));
    schema::AssignCluster(&prepared, clusters->last_order() + 1, replaces, clusters);
    HandOver(part, std::move(prepared), 0, replaces != 0);
    return false;
  }
  void Finish() override {
    const std::vector<std::string> chunks = parts_->Chunks();
    parts_.reset();
    Compact(chunks);
    Swap();
  }
  void Abandon(schema::SpellingDelta* /*spelling*/) noexcept override {
    parts_.reset();  // stops the writer threads before their databases close
    IgnoringErrors([&] { db_.close(); });
    std::error_code ec;
    fs::remove_all(RebuildDir(path()), ec);
  }

 protected:
  explicit Rebuild(const WriterSettings& settings);
  // Once the subclass has opened db_ in the rebuild directory.
  void Start(PartRotation rotation) {
    StampMetadata();
    StartPartWriters(RebuildDir(path()), false, std::move(rotation));
  }
  // Writes the compacted database (db_ and shards_ closed) into out, a
  // fresh directory. chunks: the rotated parts, in order.
  virtual void CompactInto(const std::string& in, const std::string& out,
                           const std::vector<std::string>& chunks) = 0;

 private:
  void Compact(const std::vector<std::string>& chunks);
  void Swap();

  Xapian::WritableDatabase live_;  // held for its lock
  bool holding_live_ = false;
};

Rebuild::Rebuild(const WriterSettings& settings) : WriteMode(settings) {
  CheckReplaceable(path());
  CreateParent(path());
  // Lock the live database for the whole rebuild, so no other writer changes
  // what is about to be replaced.
  OpenWithIndexErrors(path(), [&] {
    try {
      std::error_code missing;
      if (!fs::exists(path(), missing)) CreateEmptyDatabase(path());
      live_ = Xapian::WritableDatabase(path(), Xapian::DB_CREATE_OR_OPEN);
      holding_live_ = true;
    } catch (const Xapian::DatabaseCorruptError&) {  // NOLINT(bugprone-empty-catch)
      // A broken database is what --rebuild is for: build aside and replace it.
    } catch (const Xapian::DatabaseVersionError&) {  // NOLINT(bugprone-empty-catch)
    }
  });
  std::error_code ec;
  fs::remove_all(RebuildDir(path()), ec);
}

void Rebuild::Compact(const std::vector<std::string>& chunks) {
  // Frequent small commits fragment the tables (~2x the size); compaction
  // rewrites them full. Into a second directory, then renamed over the first:
  // the live database is untouched until Swap.
  const std::string tmp = RebuildDir(path());
  const std::string out = tmp + ".compact";
  std::error_code ec;
  fs::remove_all(out, ec);
  try {
    WithIndexErrors(path(), "compact the rebuilt", [&] {
      db_.close();
      for (Xapian::WritableDatabase& s : shards_) s.close();
      CompactInto(tmp, out, chunks);
    });
  } catch (const IndexError&) {
    fs::remove_all(out, ec);
    throw;
  }
  fs::remove_all(tmp, ec);
  if (ec || std::rename(out.c_str(), tmp.c_str()) != 0)
    throw IndexError("cannot move compacted database " + out + " to " + tmp);
}

void Rebuild::Swap() {
  const std::string tmp = RebuildDir(path());
  const std::string& live = path();
  std::string old = tmp;  // where the replaced database ends up
  // Exchange both directories in one step: at every instant the path holds
  // a complete database, the old one or the new one.
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) != 0) {
    const int err = errno;
    if (err == ENOENT) {
      // Nothing at the path (the live database could not be opened): move.
      if (::rename(tmp.c_str(), live.c_str()) != 0)
        throw IndexError("cannot move rebuilt database " + tmp + " to " + live + ": " +
                         std::strerror(errno));
      old.clear();
    } else if (err == EINVAL || err == ENOSYS || err == EOPNOTSUPP) {
      // File systems without RENAME_EXCHANGE: two renames, a short window in
      // which the path does not exist (readers then fail to open and retry).
      old = live + ".old-tmp";
      std::error_code ec;
      fs::remove_all(old, ec);
      if (::rename(live.c_str(), old.c_str()) != 0)
        throw IndexError("cannot move database " + live + " aside: " + std::strerror(errno));
      if (::rename(tmp.c_str(), live.c_str()) != 0) {
        const int move_err = errno;
        ::rename(old.c_str(), live.c_str());  // put the old one back
        throw IndexError("cannot move rebuilt database " + tmp + " to " + live + ": " +
                         std::strerror(move_err));
      }
    } else {
      throw IndexError("cannot swap rebuilt database " + tmp + " into " + live + ": " +
                       std::strerror(err));
    }
  }
  WithIndexErrors(path(), "close", [&] {
    db_.close();
    if (holding_live_) live_.close();
  });
  if (!old.empty()) {
    std::error_code ec;
    fs::remove_all(old, ec);
  }
}

// One database, written by settings.writers threads at once. Each writer
// fills a run of rotated parts (PartRotation) that the compaction merges
// into one, part after part: docids follow the ids, never timing. Several
// writers' own databases are laid out as shards, so the rebuild directory is
// one database to Xapian (and to the compaction); they hold the metadata
// (the first's wins) and the spelling data.
class PartsRebuild : public Rebuild {
 public:
  explicit PartsRebuild(const WriterSettings& settings) : Rebuild(settings) {
    const std::string tmp = RebuildDir(path());
    WithIndexErrors(path(), "create the rebuild directory " + tmp + " for", [&] {
      if (settings_.writers > 1)
        OpenShards(tmp, kAsideFlags, settings_.writers);
      else
        db_ = Xapian::WritableDatabase(tmp, kAsideFlags);
    });
    // The rotated parts live inside the rebuild directory: whatever
    // happens, they go with it.
    PartRotation rotation;
    rotation.dir = tmp;
    rotation.docs_per_part = settings_.part_docs;
    rotation.flags = kAsideFlags;
    Start(std::move(rotation));
  }

 private:
  void CompactInto(const std::string& in, const std::string& out,
                   const std::vector<std::string>& chunks) override {
    // The disk a merge needs is what bounds a large build, not its time: a
    // compaction of all ~100 parts of a 1M build at once (multipass) held
    // the parts, its intermediate tables and the output together and ran
    // out of 38 GB (docs/performance.md). So the parts are merged a group at
    // a time, each group's inputs removed as soon as it is written: the
    // disk then holds the parts plus one group's output, and at the end the
    // groups plus the result. Groups keep the parts' order, so the docids
    // and the winning metadata are those of one merge of everything.
    std::vector<std::string> level = chunks;
    for (unsigned pass = 0; level.size() > kMergeFanIn; ++pass) {
      std::vector<std::string> next;
      for (size_t first = 0; first < level.size(); first += kMergeFanIn) {
        const size_t end = std::min(level.size(), first + kMergeFanIn);
        if (end - first == 1) {
          next.push_back(level[first]);
          continue;
        }
        const std::string group = in + "/merge-" + std::to_string(pass) + "-" +
                                  std::to_string(next.size());
        Xapian::Database inputs;
        for (size_t k = first; k < end; ++k) inputs.add_database(Xapian::Database(level[k]));
        inputs.compact(group, Xapian::DBCOMPACT_MULTIPASS);
        inputs.close();
        for (size_t k = first; k < end; ++k) RemoveDatabase(level[k]);
        next.push_back(group);
      }
      level = std::move(next);
    }
    // The last merge in one pass: multipass would write its intermediate
    // tables beside the whole result, when the disk is fullest.
    Xapian::Database all(in);
    for (const std::string& part : level) all.add_database(Xapian::Database(part));
    all.compact(out);
  }

  // Merged parts go as soon as their group is written.
  static void RemoveDatabase(const std::string& dir) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (ec) throw IndexError("cannot remove merged part " + dir + ": " + ec.message());
  }
};

// A directory of settings.shards shards, one writer thread each, kept as
// shards: each is compacted on its own, side by side.
class ShardedRebuild : public Rebuild {
 public:
  explicit ShardedRebuild(const WriterSettings& settings) : Rebuild(settings) {
    const std::string tmp = RebuildDir(path());
    WithIndexErrors(path(), "create the rebuild directory " + tmp + " for",
                    [&] { OpenShards(tmp, kAsideFlags, settings_.shards); });
    Start(PartRotation());
  }

 private:
  void CompactInto(const std::string& in, const std::string& out,
                   const std::vector<std::string>& /*chunks*/) override {
    std::error_code ec;
    fs::create_directories(out, ec);
    const std::vector<ShardEntry> entries = ReadStub(in);
    std::vector<std::thread> threads;
    std::vector<std::exception_ptr> errors(entries.size());
    for (size_t k = 0; k < entries.size(); ++k) {
      threads.emplace_back([&, k] {
        try {
          WithIndexErrors(path(), "compact the rebuilt", [&] {
            Xapian::Database(in + "/" + entries[k].path).compact(out + "/" + entries[k].path);
          });
        } catch (const IndexError&) {
          errors[k] = std::current_exception();  // rethrown on the caller's thread
        }
      });
    }
    for (std::thread& t : threads) t.join();
    for (const std::exception_ptr& e : errors)
      if (e) std::rethrow_exception(e);
    WriteStub(out, entries);
  }
};

}  // namespace

std::unique_ptr<WriteMode> OpenRebuild(const WriterSettings& settings) {
  if (settings.shards > 1) return std::make_unique<ShardedRebuild>(settings);
  return std::make_unique<PartsRebuild>(settings);
}

}  // namespace lede

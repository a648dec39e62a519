// How an IndexWriter writes: one type per way of writing a database, chosen
// once when the writer opens. IndexWriter keeps what every way shares (the
// lookups, the batch, stamps, removals, metadata, the clusters); a mode owns
// the database handles, where each article goes, and how the run ends.
//
//   mode            database            articles written by
//   InPlaceUpdate   one, in place       this thread, committed every batch
//   ShardedUpdate   shards, in place    one thread per shard, each article at
//                                       the docid ShardPlacer gives it
//   PartsRebuild    one, built aside    N threads, each filling rotated parts,
//                                       all merged by one compaction
//   ShardedRebuild  shards, built aside one thread per shard, the shards
//                                       compacted side by side
//
// Both rebuilds lock the live database for the whole run and swap the new one
// in only when it is complete (Finish); until then readers and a crash see the
// old database intact.
#ifndef LEDE_INDEXER_WRITE_MODE_H_
#define LEDE_INDEXER_WRITE_MODE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/index/cluster_index.h"
#include "common/index/schema.h"
#include "indexer/part_writers.h"

namespace lede {

// What IndexWriter's constructor was asked for, with its defaults applied.
struct WriterSettings {
  std::string path;
  unsigned batch_size = 1;                // changes per commit, at least 1
  unsigned shards = 1;                    // of a database being created
  unsigned writers = 1;                   // threads of a PartsRebuild
  unsigned part_docs = kRotatedPartDocs;  // documents per rotated part
};

// Where a rebuild of path is written before it replaces path.
std::string RebuildDir(const std::string& path);

class WriteMode {
 public:
  virtual ~WriteMode() = default;
  WriteMode(const WriteMode&) = delete;
  WriteMode& operator=(const WriteMode&) = delete;

  // The database written, all shards as one: what lookups read, and where
  // stamps, removals and metadata are written in place. Only while the
  // writer threads are idle (Quiesce).
  Xapian::WritableDatabase& db() { return db_; }
  // Waits until the writer threads have written what they were handed, so
  // that this thread may use db().
  void Quiesce();
  // Documents in rotated parts already closed: written, but not in db().
  Xapian::doccount DocsAside() const;
  // Sets a metadata value in db() and in every shard: each shard carries it,
  // so each can be searched (or served) alone.
  void SetMetadata(const std::string& key, const std::string& value);
  // Where the metadata a run carries on is read: the database written, or
  // the live database a rebuild replaces.
  virtual Xapian::Database MetadataSource() { return db_; }
  virtual bool rebuilds() const = 0;

  // Writes one article, its cluster assigned from clusters (which holds
  // every article so far: schema::AssignCluster). replaces: the docid the
  // article's id has in db(), 0 for none. True when it was written to db()
  // here and counts toward the batch; false when a writer thread has it.
  // Xapian errors propagate (the caller names the article).
  virtual bool Put(schema::PreparedArticle prepared, Xapian::docid replaces, ClusterIndex* clusters,
                   schema::SpellingDelta* spelling) = 0;
  // After the last commit: stops the writer threads and, for a rebuild,
  // puts the new database in place. Throws IndexError.
  virtual void Finish() = 0;
  // The writer is going away unfinished: an update commits what is done
  // (spelling data included), a rebuild is thrown away. Never throws.
  virtual void Abandon(schema::SpellingDelta* spelling) noexcept = 0;

 protected:
  explicit WriteMode(WriterSettings settings) : settings_(std::move(settings)) {}
  const std::string& path() const { return settings_.path; }

  // Opens the shards dir's stub lists, or (create > 0) creates that many
  // and the stub, as db_ (all of them) and shards_ (each).
  void OpenShards(const std::string& dir, int flags, unsigned create);
  // Writes lede's schema metadata into db_ and every shard.
  void StampMetadata();
  // One writer thread per shard (or db_ alone); the shard names are read
  // from dir's stub.
  void StartPartWriters(const std::string& dir, bool update, PartRotation rotation);
  // Queues an article for writer thread `part`, at docid `local` of it (0:
  // its next).
  void HandOver(unsigned part, schema::PreparedArticle&& prepared, Xapian::docid local,
                bool replaces);
  // For what runs from a destructor: nothing sensible is left to report.
  template <typename Fn>
  static void IgnoringErrors(Fn&& fn) noexcept {
    try {
      fn();
    } catch (...) {  // NOLINT(bugprone-empty-catch)
    }
  }

  const WriterSettings settings_;
  Xapian::WritableDatabase db_;
  std::vector<Xapian::WritableDatabase> shards_;  // sharded: each shard of db_
  std::unique_ptr<PartWriters> parts_;            // the writer threads, if any
  bool parts_dirty_ = false;                      // handed over since Quiesce
};

// Opens the database at settings.path for an update, in place: an
// InPlaceUpdate, or a ShardedUpdate for a sharded database (one is created,
// with settings.shards shards, where nothing exists yet and shards > 1).
// Throws IndexError (SchemaMismatchError for other settings).
std::unique_ptr<WriteMode> OpenUpdate(const WriterSettings& settings);
// Starts a rebuild of settings.path beside it: a ShardedRebuild when
// settings.shards > 1, else a PartsRebuild. Refuses (IndexError) to replace
// what is neither a Xapian database directory nor an empty directory.
std::unique_ptr<WriteMode> OpenRebuild(const WriterSettings& settings);

// Makes path's parent directory, so that a database may be created in a new
// directory (opening reports any failure).
void CreateParent(const std::string& path);
// path without trailing slashes: where a sibling directory's name starts.
std::string WithoutTrailingSlash(std::string path);

}  // namespace lede

#endif  // LEDE_INDEXER_WRITE_MODE_H_

// Thin wrapper over Xapian::WritableDatabase: every Xapian error becomes a
// lede::IndexError with the database path (indexer/xapian_errors.h). The
// lookups incremental updates need, batching, and the writes every mode makes
// in place live here; how articles are written (in place or built aside, one
// database or shards) is the WriteMode chosen when it opens
// (indexer/write_mode.h).
#ifndef LEDE_INDEXER_INDEX_WRITER_H_
#define LEDE_INDEXER_INDEX_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/extract/extract.h"
#include "common/index/cluster_index.h"
#include "common/index/schema.h"

namespace lede {

class WriteMode;

class IndexWriter {
 public:
  // Opens (creating if needed) the database at path and holds its lock.
  //
  // rebuild: the new database is written into a directory beside it
  // (RebuildDir(path)) and only Finish() swaps it in, atomically
  // (renameat2 RENAME_EXCHANGE); until then readers and a crash see the old
  // database intact. A path that exists but is neither a directory holding a
  // Xapian database nor an empty directory is refused, never replaced.
  //
  // Throws IndexError when the database is locked by another writer ("is
  // locked"), cannot be created or opened, or (SchemaMismatchError) was
  // written with other settings and rebuild is false.
  //
  // shards > 1: a new or rebuilt database is a directory of that
  // many shards plus a Xapian stub file (common/index/shard_layout.h); an existing
  // sharded database keeps its own shard count. A new article goes to the
  // shard ShardOf(id) picks; a replaced one stays where it is.
  //
  // A rebuild is written by parallel writer threads: one per shard, or for a
  // single database `writers` writers (at least 1), each writing parts of
  // part_docs documents (0: kRotatedPartDocs; PartRotation) that Finish
  // merges into one. Near-duplicate clusters are assigned in memory (ClusterIndex)
  // in every mode: no thread may read a database another is writing.
  IndexWriter(const std::string& path, bool rebuild, unsigned batch_size, unsigned shards = 1,
              unsigned writers = 1, unsigned part_docs = 0);
  // Unfinished: an update commits what is done; a rebuild is discarded.
  ~IndexWriter();

  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Where a rebuild of path is written before it replaces path.
  static std::string RebuildDir(const std::string& path);

  // What the database holds for one article id.
  struct Existing {
    Xapian::docid docid = 0;
    std::string id;            // the record id
    std::string file_stamp;    // schema::kSlotFileStamp
    std::string content_hash;  // schema::kSlotContentHash
  };
  std::optional<Existing> Find(const std::string& id);
  // Every record indexed from one file (schema::FileTerm), in docid order.
  std::vector<Existing> RecordsOfFile(const std::string& file_id);
  // Documents indexed from this canonical root (schema::RootTerm).
  std::vector<Xapian::docid> DocsUnderRoot(const std::string& root);
  // The stored article of a document (id, path... for reports).
  schema::StoredArticle Stored(Xapian::docid docid);
  // The line keys stored with a document (schema::kSlotLineKeys).
  std::vector<uint64_t> LineKeysOf(Xapian::docid docid);
  // Adds every document's line keys to counter (one file per document that
  // has them): the collection statistics as the database holds them.
  void AddStoredLineStats(LineCounter* counter);
  Xapian::doccount DocCount();

  // Adds or replaces the article keyed by its id term; commits every
  // batch_size changes.
  void Put(const schema::StoredArticle& article);
  // The same for an article prepared on a worker thread. replaces: the
  // docid Find gave for its id, 0 for a new article (the parallel writers of
  // a sharded update rely on it instead of looking the id up themselves).
  void Put(schema::PreparedArticle prepared, Xapian::docid replaces);
  // Makes room for that many more articles in the near-duplicate index, so
  // that it does not grow (and briefly hold two tables) while writing.
  void ReserveArticles(size_t articles);
  // Rewrites only the file stamp of a document (touched, content unchanged).
  void SetStamp(Xapian::docid docid, const std::string& stamp);
  void Remove(Xapian::docid docid);
  std::string GetMetadata(const std::string& key);
  // Every metadata value whose key starts with prefix. A rebuild reads the
  // live database's (what the rebuilt one carries on), when there is one.
  std::vector<std::string> MetadataValuesUnder(const std::string& prefix);
  // Written with the next commit, atomically with the documents.
  void SetMetadata(const std::string& key, const std::string& value);
  void Commit();
  // Commits and, for a rebuild, swaps the new database into place.
  void Finish();

  bool rebuilding() const;
  const std::string& path() const { return path_; }

 private:
  // Runs fn on the database from this thread, once the writer threads are
  // idle; a Xapian error becomes an IndexError saying what was being done.
  template <typename Doing, typename Fn>
  auto Quiesced(const Doing& doing, Fn&& fn) -> decltype(fn());
  void LoadClusters();
  void Counted();

  std::string path_;
  unsigned batch_size_;
  std::unique_ptr<WriteMode> mode_;
  bool finished_ = false;
  unsigned pending_ = 0;  // changes written in place since the last commit
  // Every article's signature and cluster: a rebuild's so far, or (an
  // update) the database's, loaded at the first Put.
  ClusterIndex clusters_;
  bool clusters_loaded_ = false;
  Xapian::Stem stemmer_;
  // Spelling changes since the last commit, written just before it.
  schema::SpellingDelta spelling_;
};

}  // namespace lede

#endif  // LEDE_INDEXER_INDEX_WRITER_H_

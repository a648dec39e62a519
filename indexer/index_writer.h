// Thin wrapper over Xapian::WritableDatabase: every Xapian error becomes a
// lede::IndexError with the database path, and batching lives here.
#ifndef LEDE_INDEXER_INDEX_WRITER_H_
#define LEDE_INDEXER_INDEX_WRITER_H_

#include <memory>
#include <string>

#include <xapian.h>

#include "common/schema.h"

namespace lede {

class IndexWriter {
 public:
  // Opens (creating if needed) the database at path. rebuild empties it.
  // Throws IndexError when the database is locked by another writer, cannot be
  // created, or (SchemaMismatchError) was written with other settings and
  // rebuild is false.
  IndexWriter(const std::string& path, bool rebuild, unsigned batch_size);
  ~IndexWriter();

  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds or replaces the article keyed by its id term; commits every
  // batch_size documents.
  void Put(const schema::StoredArticle& article);
  // Removes the article with this id; no-op if absent.
  void Remove(const std::string& id);
  // True when an article with this id is in the database.
  bool Contains(const std::string& id);
  void Commit();

  const std::string& path() const { return path_; }

 private:
  [[noreturn]] void Rethrow(const Xapian::Error& e, const std::string& doing) const;

  std::string path_;
  unsigned batch_size_;
  unsigned pending_ = 0;
  Xapian::WritableDatabase db_;
  Xapian::Stem stemmer_;
};

}  // namespace lede

#endif  // LEDE_INDEXER_INDEX_WRITER_H_

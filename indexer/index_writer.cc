// Xapian writes, batched; errors rethrown with the database path.
#include "indexer/index_writer.h"

#include <filesystem>

#include "common/error.h"
#include "common/stem.h"

namespace lede {

IndexWriter::IndexWriter(const std::string& path, bool rebuild, unsigned batch_size)
    : path_(path), batch_size_(batch_size == 0 ? 1 : batch_size), stemmer_(MakeStemmer("en")) {
  try {
    std::error_code ec;
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    db_ = Xapian::WritableDatabase(
        path, rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("database " + path + " is locked: another lede-index is writing to it");
  } catch (const Xapian::Error& e) {
    Rethrow(e, "open");
  }
  if (!rebuild) schema::CheckMetadata(db_, path);
  try {
    schema::StampMetadata(db_);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "write metadata to");
  }
}

IndexWriter::~IndexWriter() {
  // Commit what is done; a destructor must not throw.
  try {
    db_.commit();
  } catch (...) {  // NOLINT: nothing sensible to report from a destructor
  }
}

void IndexWriter::Put(const schema::StoredArticle& article) {
  try {
    schema::ReplaceArticle(db_, article, stemmer_);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "write " + article.id + " to");
  }
  if (++pending_ >= batch_size_) Commit();
}

void IndexWriter::Remove(const std::string& id) {
  try {
    Xapian::PostingIterator p = db_.postlist_begin(schema::IdTerm(id));
    if (p != db_.postlist_end(schema::IdTerm(id))) schema::RemoveArticle(db_, *p);
  } catch (const Xapian::Error& e) {
    Rethrow(e, "remove " + id + " from");
  }
  if (++pending_ >= batch_size_) Commit();
}

bool IndexWriter::Contains(const std::string& id) {
  try {
    return db_.term_exists(schema::IdTerm(id));
  } catch (const Xapian::Error& e) {
    Rethrow(e, "read");
  }
}

void IndexWriter::Commit() {
  try {
    db_.commit();
    pending_ = 0;
  } catch (const Xapian::Error& e) {
    Rethrow(e, "commit to");
  }
}

void IndexWriter::Rethrow(const Xapian::Error& e, const std::string& doing) const {
  throw IndexError("cannot " + doing + " database " + path_ + ": " + e.get_description());
}

}  // namespace lede

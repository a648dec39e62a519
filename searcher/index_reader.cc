// Opening the database for reading.
#include "searcher/index_reader.h"

#include <sys/stat.h>

#include "common/error.h"
#include "common/schema.h"

namespace lede {

IndexReader::IndexReader(const std::string& path) : path_(path) {
  struct stat sb;
  if (::stat(path.c_str(), &sb) != 0) {
    throw IndexError("no database at " + path +
                     " (create it with: lede-index --db " + path + " DIR, or set LEDE_DB)");
  }
  try {
    db_ = Xapian::Database(path);
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw IndexError("cannot open database " + path + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open database " + path + ": " + e.get_description());
  }
  WithRetry([&] {
    schema::CheckMetadata(db_, path_);
    return 0;
  });
}

void IndexReader::Reopen() {
  try {
    db_.reopen();
  } catch (const Xapian::Error& e) {
    Fail(e);
  }
}

void IndexReader::Fail(const Xapian::Error& e) const {
  throw IndexError("reading database " + path_ + " failed: " + e.get_description());
}

}  // namespace lede

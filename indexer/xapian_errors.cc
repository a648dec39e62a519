// The messages of the writer's Xapian failures, one line each.
#include "indexer/xapian_errors.h"

#include "common/error.h"

namespace lede {

void ThrowIndexError(const Xapian::Error& e, const std::string& path, const std::string& doing) {
  throw IndexError("cannot " + doing + " database " + path + ": " + e.get_description());
}

void ThrowOpenError(const Xapian::Error& e, const std::string& path) {
  // Xapian::Error has no virtual functions (no dynamic_cast); its type name
  // says which it is. Xapian says "already locked" when another writer holds
  // the lock.
  if (std::string(e.get_type()) == "DatabaseLockError") {
    if (e.get_msg().find("already locked") != std::string::npos)
      throw IndexError("database " + path + " is locked: another lede-index is writing to it");
    throw IndexError("cannot lock database " + path + " for writing: " + e.get_description());
  }
  ThrowIndexError(e, path, "open");
}

}  // namespace lede

// A read-only look at the database before the writer opens it.
#include "indexer/bulk_path.h"

#include <unistd.h>

#include <filesystem>

#include <xapian.h>

#include "common/error.h"
#include "common/index/shard_layout.h"

namespace lede {

bool TakesBulkPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // A user may own a database directory inside one they cannot write to.
  fs::path parent = fs::absolute(path, ec).lexically_normal();
  while (!parent.empty() && !parent.has_filename()) parent = parent.parent_path();
  parent = parent.parent_path();
  if (ec || ::access(parent.c_str(), W_OK) != 0) return false;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) return !ec || ec == std::errc::no_such_file_or_directory;
  if (!fs::is_directory(st)) return false;
  if (fs::is_empty(path, ec)) return !ec;
  try {
    if (!ReadStub(path).empty()) return false;
    return Xapian::Database(path).get_doccount() == 0;
  } catch (const Xapian::Error&) {
    return false;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace lede

// Opening the database for reading.
#include "searcher/index_reader.h"

#include <sys/stat.h>

#include "common/error.h"
#include "common/index/schema.h"

namespace lede {
namespace {

std::string Describe(const std::string& path, const std::vector<RemoteShard>& remotes) {
  std::string out = path;
  for (const RemoteShard& r : remotes) out += (out.empty() ? "remote " : " + remote ") + r.Name();
  return out;
}

Xapian::Database OpenLocal(const std::string& path) {
  struct stat sb;
  if (::stat(path.c_str(), &sb) != 0) {
    throw IndexError("no database at " + path + " (create it with: lede-index --db " + path +
                     " DIR, or set LEDE_DB)");
  }
  // An indexer committing twice while the database is being opened discards
  // the revision being read: opening again reads the new one.
  constexpr int kMaxOpenAttempts = 20;
  for (int attempt = 1;; ++attempt) {
    try {
      return Xapian::Database(path);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= kMaxOpenAttempts)
        throw IndexError("cannot open database " + path + ": " + e.get_description());
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw IndexError("cannot open database " + path + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot open database " + path + ": " + e.get_description());
    }
  }
}

}  // namespace

IndexReader::IndexReader(const std::string& path, const std::vector<RemoteShard>& remotes)
    : path_(Describe(path, remotes)) {
  if (!path.empty()) parts_.emplace_back(path, OpenLocal(path));
  struct stat sb;
  local_ = remotes.empty() && !path.empty() && ::stat((path + "/iamglass").c_str(), &sb) == 0;
  if (local_) local_path_ = path;
  for (const RemoteShard& r : remotes) parts_.emplace_back(r.Name(), OpenRemoteShard(r));
  // add_database shares each part, so reopening db_ reopens them too.
  for (const auto& part : parts_) db_.add_database(part.second);
  // Each part is checked on its own: one database's metadata is its first
  // shard's, and a remote shard of another lede would go unnoticed.
  WithRetry([&] {
    for (const auto& [name, part] : parts_) schema::CheckMetadata(part, name);
    return 0;
  });
}

std::vector<Xapian::Database>& IndexReader::Handles(size_t n) {
  if (!local_) return handles_;
  try {
    while (handles_.size() < n) {
      Xapian::Database more(local_path_);
      if (more.get_revision() != db_.get_revision()) break;
      handles_.push_back(std::move(more));
    }
  } catch (const Xapian::Error&) {
    // A handle that cannot be opened only means no split: db() still works.
  }
  return handles_;
}

void IndexReader::Reopen() {
  handles_.clear();
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

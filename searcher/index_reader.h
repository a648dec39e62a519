// Thin wrapper over Xapian::Database for the searcher: opening with a clear
// error, schema check, and reopen-and-retry when an indexer commits meanwhile.
#ifndef LEDE_SEARCHER_INDEX_READER_H_
#define LEDE_SEARCHER_INDEX_READER_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searcher/remote_shard.h"

namespace lede {

class IndexReader {
 public:
  // Opens the database at path (a lede database, or a directory of shards
  // with its stub file; "" for none) and the remote shards, all as one
  // database. Throws IndexError when there is no database at path, it cannot
  // be read or a remote shard cannot be reached, SchemaMismatchError when one
  // of them was written with other settings.
  explicit IndexReader(const std::string& path, const std::vector<RemoteShard>& remotes = {});

  const Xapian::Database& db() const { return db_; }
  // The path, the remote shards, or both, for messages.
  const std::string& path() const { return path_; }
  // One local glass database (no shards, nothing remote): code given db()'s
  // docids, such as searcher/phrase_check.h's PostingSource, runs on it.
  bool local() const { return local_; }

  // Up to n more handles on the one local database, each at db()'s
  // revision, for a search split across threads (one thread per handle).
  // Opened on first use and kept; none when the database is not local() or
  // has moved on since db() was read (the docids could then differ).
  std::vector<Xapian::Database>& Handles(size_t n);

  // Runs fn, reopening the database and running it again (a bounded number
  // of times) when a concurrent commit invalidated what it was reading.
  // Other Xapian errors become IndexError.
  template <typename Fn>
  auto WithRetry(Fn&& fn) -> decltype(fn()) {
    for (int attempt = 0;; ++attempt) {
      try {
        return fn();
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt >= kMaxRetries) Fail(e);
        Reopen();
      } catch (const Xapian::Error& e) {
        Fail(e);
      }
    }
  }

 private:
  // Each retry reads the newest revision, which fails again only if the
  // indexer commits twice more while it is read: many attempts cost nothing
  // when the database is quiet, and a busy indexer (a commit every few
  // articles) on a loaded machine needs them.
  static constexpr int kMaxRetries = 20;
  void Reopen();
  [[noreturn]] void Fail(const Xapian::Error& e) const;

  std::string path_;
  std::string local_path_;
  bool local_ = false;
  std::vector<Xapian::Database> handles_;
  Xapian::Database db_;
  // What db_ was built from, each with its name, for the schema check.
  std::vector<std::pair<std::string, Xapian::Database>> parts_;
};

}  // namespace lede

#endif  // LEDE_SEARCHER_INDEX_READER_H_

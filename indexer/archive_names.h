// Archive names: the first part of every article id. An archive is a
// directory given to lede-index (or, for a file given alone, the directory
// holding it); its name is its base name, made unique in the database with a
// "~2", "~3"... suffix, and remembered there, so that ids stay the same on
// every run and when the archive is moved and indexed from its new place.
#ifndef LEDE_INDEXER_ARCHIVE_NAMES_H_
#define LEDE_INDEXER_ARCHIVE_NAMES_H_

#include <functional>
#include <map>
#include <string>

namespace lede {

// The archive a canonical root belongs to: the root itself when it is a
// directory, else the directory holding it.
std::string ArchiveOf(const std::string& canonical_root, bool root_is_directory);

// The name an archive at a canonical path starts from: its last component
// ("corpus" for /data/corpus), "_" for the file system's root.
std::string ArchiveBaseName(const std::string& path);

struct ArchiveClaim {
  std::string name;
  // Set when the archive takes over the name of an archive that is no longer
  // where it was (it moved here): that archive's old path.
  std::string moved_from;
};

class ArchiveNames {
 public:
  // known: every name the database gives out, name -> canonical archive
  // path. is_directory: whether a path is a directory now (the file system;
  // tests pass their own).
  ArchiveNames(std::map<std::string, std::string> known,
               std::function<bool(const std::string&)> is_directory);

  // The name of the archive at a canonical path: the one it has, else its
  // base name, else the first free base~N. A name whose archive no longer
  // exists is taken over by a new archive of the same base name: the archive
  // moved (moved_from tells from where).
  ArchiveClaim NameFor(const std::string& path);

  // Names given out or taken over by NameFor, name -> path: to be stored.
  const std::map<std::string, std::string>& changed() const { return changed_; }

 private:
  std::map<std::string, std::string> known_;
  std::function<bool(const std::string&)> is_directory_;
  std::map<std::string, std::string> changed_;
};

}  // namespace lede

#endif  // LEDE_INDEXER_ARCHIVE_NAMES_H_

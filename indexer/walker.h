// Finds the article files under the paths given on the command line.
#ifndef LEDE_INDEXER_WALKER_H_
#define LEDE_INDEXER_WALKER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lede {

struct InputFile {
  std::string path;  // path to open (root joined with the relative path)
  std::string id;    // path relative to its root, '/'-separated
  std::string root;  // the command-line argument it was found under
  uint64_t size = 0;     // as stat(2) saw it during the walk
  int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch
};

struct SkippedPath {
  std::string path;
  std::string reason;
};

// A directory whose listing failed: files under it may exist unseen, so
// articles indexed from there must not be taken for deleted.
struct UnlistedDir {
  std::string root;  // the command-line argument
  std::string rel;   // '/'-separated path relative to root; "" is the root
};

struct WalkResult {
  std::vector<InputFile> files;      // sorted by id, for deterministic runs
  std::vector<SkippedPath> skipped;  // unreadable dirs, broken links, loops...
  std::vector<UnlistedDir> unlisted;
  // Regular files the include/exclude globs left out, by extension
  // (ExtensionOf): the summary names them, so nothing is passed over in
  // silence. Hidden files (".DS_Store") are not counted.
  std::map<std::string, size_t> ignored;
};

struct WalkOptions {
  // Shell globs matched against the file name (and the relative path);
  // default is every name lede reads (DefaultIncludeGlobs).
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

// Walks each path: a file is taken as it is (its id is its file name), a
// directory recursively (ids relative to it). Symlinks are followed, loops
// are detected. Never throws for a bad entry: it is reported in skipped.
WalkResult Walk(const std::vector<std::string>& paths, const WalkOptions& options);

// True when name matches the shell glob (fnmatch, no FNM_PATHNAME).
bool GlobMatch(const std::string& glob, const std::string& name);

}  // namespace lede

#endif  // LEDE_INDEXER_WALKER_H_

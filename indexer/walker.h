// Finds the article files under the paths given on the command line.
#ifndef LEDE_INDEXER_WALKER_H_
#define LEDE_INDEXER_WALKER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// One file found. Compact (a 1M-file walk holds a million): the path
// relative to its root is the end of the path to open, and the root is an
// index.
struct InputFile {
  std::string path;      // path to open (root joined with the relative path)
  uint32_t rel = 0;      // where in path the path relative to its root starts
  uint32_t root = 0;     // the command-line argument it was found under: WalkResult::roots
  uint64_t size = 0;     // as stat(2) saw it during the walk
  int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch

  // The path relative to its root, '/'-separated (a file given on the
  // command line: its name).
  std::string_view relative() const { return std::string_view(path).substr(rel); }
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
  std::vector<std::string> roots;    // the paths walked, as given (InputFile::root)
  std::vector<InputFile> files;      // sorted by relative path, for deterministic runs
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

// Directory walking with std::filesystem; every problem becomes a skip reason.
#include "indexer/walker.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cassert>
#include <filesystem>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include "indexer/inputs/input_format.h"

namespace lede {
namespace fs = std::filesystem;
namespace {

bool Selected(const std::string& name, const std::string& rel, const WalkOptions& o) {
  const auto& inc = o.include.empty() ? DefaultIncludeGlobs() : o.include;
  bool in = std::any_of(inc.begin(), inc.end(), [&](const std::string& g) {
    return GlobMatch(g, name) || GlobMatch(g, rel);
  });
  if (!in) return false;
  return std::none_of(o.exclude.begin(), o.exclude.end(), [&](const std::string& g) {
    return GlobMatch(g, name) || GlobMatch(g, rel);
  });
}

std::string ErrorText(const std::error_code& ec) { return ec.message(); }

class Walker {
 public:
  Walker(const WalkOptions& options, WalkResult* out) : options_(options), out_(out) {}

  void WalkRoot(const std::string& arg) {
    root_ = static_cast<uint32_t>(out_->roots.size());
    out_->roots.push_back(arg);
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      const bool loop = ec == std::errc::too_many_symbolic_link_levels;
      std::error_code lec;
      fs::file_status lst = fs::symlink_status(arg, lec);
      out_->skipped.push_back({arg, loop                  ? "symlink loop"
                                    : fs::is_symlink(lst) ? "broken symlink"
                                                          : "no such file or directory"});
      return;
    }
    if (fs::is_directory(st)) {
      WalkDir(fs::path(arg), fs::path(), arg);
    } else if (fs::is_regular_file(st)) {
      // A file named on the command line is taken whatever its extension.
      const std::string name = fs::path(arg).filename().string();
      AddFile(arg, name.size());
    } else {
      out_->skipped.push_back({arg, "not a regular file"});
    }
  }

 private:
  // rel_size: the length of the path relative to the root, which ends path.
  void AddFile(std::string path, size_t rel_size) {
    InputFile f;
    f.rel = static_cast<uint32_t>(path.size() - rel_size);
    f.root = root_;
    f.path = std::move(path);
    struct stat sb;
    if (::stat(f.path.c_str(), &sb) == 0) {
      f.size = static_cast<uint64_t>(sb.st_size);
      f.mtime_ns = static_cast<int64_t>(sb.st_mtim.tv_sec) * 1000000000 + sb.st_mtim.tv_nsec;
    }
    out_->files.push_back(std::move(f));
  }

  void Unlisted(const std::string& root, const fs::path& rel) {
    out_->unlisted.push_back({root, rel.generic_string()});
  }

  void WalkDir(const fs::path& dir, const fs::path& rel, const std::string& root) {
    struct stat sb;
    if (::stat(dir.c_str(), &sb) != 0) {
      out_->skipped.push_back({dir.string(), "cannot stat directory"});
      Unlisted(root, rel);
      return;
    }
    auto key = std::make_pair(sb.st_dev, sb.st_ino);
    if (!active_.insert(key).second) {
      out_->skipped.push_back({dir.string(), "symlink loop"});
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      out_->skipped.push_back({dir.string(), "cannot read directory: " + ErrorText(ec)});
      Unlisted(root, rel);
      active_.erase(key);
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        out_->skipped.push_back({dir.string(), "error while listing: " + ErrorText(ec)});
        Unlisted(root, rel);
        break;
      }
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& e : entries) {
      const fs::path child_rel = rel / e.path().filename();
      const std::string name = e.path().filename().string();
      const std::string rel_str = child_rel.generic_string();
      std::error_code sec;
      fs::file_status st = e.status(sec);
      if (sec || !fs::exists(st)) {
        const bool loop = sec == std::errc::too_many_symbolic_link_levels;
        std::error_code lec;
        if (e.is_symlink(lec) && Selected(name, rel_str, options_))
          out_->skipped.push_back({e.path().string(), loop ? "symlink loop" : "broken symlink"});
        continue;
      }
      if (fs::is_directory(st)) {
        if (!name.empty() && name[0] == '.') continue;  // .git, .cache ...
        WalkDir(e.path(), child_rel, root);
        continue;
      }
      if (!Selected(name, rel_str, options_)) {
        if (fs::is_regular_file(st) && name[0] != '.') ++out_->ignored[ExtensionOf(name)];
        continue;
      }
      if (!fs::is_regular_file(st)) {
        out_->skipped.push_back({e.path().string(), "not a regular file"});
        continue;
      }
      // The path ends with the relative one: both are joined with '/'.
      std::string path = e.path().string();
      assert(std::string_view(path).substr(path.size() - std::min(path.size(), rel_str.size())) ==
             rel_str);
      AddFile(std::move(path), rel_str.size());
    }
    active_.erase(key);
  }

  const WalkOptions& options_;
  WalkResult* out_;
  uint32_t root_ = 0;                         // index of the root being walked
  std::set<std::pair<dev_t, ino_t>> active_;  // directories on the current path
};

}  // namespace

bool GlobMatch(const std::string& glob, const std::string& name) {
  return ::fnmatch(glob.c_str(), name.c_str(), 0) == 0;
}

WalkResult Walk(const std::vector<std::string>& paths, const WalkOptions& options) {
  WalkResult out;
  Walker walker(options, &out);
  for (const auto& p : paths) walker.WalkRoot(p);
  std::stable_sort(out.files.begin(), out.files.end(), [](const InputFile& a, const InputFile& b) {
    return a.relative() < b.relative();
  });
  out.files.shrink_to_fit();
  return out;
}

}  // namespace lede

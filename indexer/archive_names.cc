// Archive names: lookup by path, then by base name, then base~N.
#include "indexer/archive_names.h"

#include <utility>

namespace lede {

std::string ArchiveOf(const std::string& canonical_root, bool root_is_directory) {
  if (root_is_directory) return canonical_root;
  const size_t slash = canonical_root.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : canonical_root.substr(0, slash);
}

std::string ArchiveBaseName(const std::string& path) {
  size_t end = path.size();
  while (end > 0 && path[end - 1] == '/') --end;
  const size_t slash = path.find_last_of('/', end == 0 ? 0 : end - 1);
  const size_t begin = slash == std::string::npos ? 0 : slash + 1;
  std::string name = end > begin ? path.substr(begin, end - begin) : std::string();
  return name.empty() || name == "." || name == ".." ? "_" : name;
}

ArchiveNames::ArchiveNames(std::map<std::string, std::string> known,
                           std::function<bool(const std::string&)> is_directory)
    : known_(std::move(known)), is_directory_(std::move(is_directory)) {}

ArchiveClaim ArchiveNames::NameFor(const std::string& path) {
  for (const auto& [name, where] : known_)
    if (where == path) return {name, ""};
  const std::string base = ArchiveBaseName(path);
  for (unsigned n = 1;; ++n) {
    const std::string name = n == 1 ? base : base + "~" + std::to_string(n);
    auto it = known_.find(name);
    ArchiveClaim claim{name, ""};
    if (it != known_.end()) {
      if (is_directory_(it->second)) continue;  // another archive's
      claim.moved_from = it->second;
    }
    known_[name] = path;
    changed_[name] = path;
    return claim;
  }
}

}  // namespace lede

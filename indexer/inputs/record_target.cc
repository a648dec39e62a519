// FILE#N and FILE#URL for --explain.
#include "indexer/inputs/record_target.h"

#include <sys/stat.h>

namespace lede {
namespace {

bool Exists(const std::string& path) {
  struct stat sb;
  return ::stat(path.c_str(), &sb) == 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

RecordTarget SplitRecordTarget(const std::string& arg) {
  if (Exists(arg)) return {arg, std::nullopt};
  for (size_t hash = arg.find('#'); hash != std::string::npos; hash = arg.find('#', hash + 1)) {
    std::string path = arg.substr(0, hash);
    if (!path.empty() && Exists(path)) return {path, arg.substr(hash + 1)};
  }
  return {arg, std::nullopt};
}

std::optional<size_t> FindRecord(const std::vector<Record>& records, std::string_view fragment) {
  if (AllDigits(fragment)) {
    const std::string line = "line " + std::string(fragment);
    for (size_t i = 0; i < records.size(); ++i)
      if (records[i].locator == line) return i;
    const size_t n = std::stoul(std::string(fragment));
    bool lines = !records.empty() && records[0].locator.rfind("line ", 0) == 0;
    if (!lines && n >= 1 && n <= records.size()) return n - 1;
    return std::nullopt;
  }
  for (size_t i = 0; i < records.size(); ++i)
    if (records[i].key == fragment) return i;
  for (size_t i = 0; i < records.size(); ++i)
    if (records[i].meta.url && *records[i].meta.url == fragment) return i;
  return std::nullopt;
}

}  // namespace lede

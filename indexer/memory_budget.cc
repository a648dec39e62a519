// The memory budget's default and its command-line spelling.
#include "indexer/memory_budget.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "common/error.h"

namespace lede {

unsigned MemoryBudget::DocsPerWriter(unsigned writers) const {
  const size_t share = bytes / 2 / std::max(writers, 1u);
  return static_cast<unsigned>(std::clamp<size_t>(share / kWriterBytesPerDoc, 100, 5000));
}

size_t DefaultMemoryBytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGE_SIZE);
  size_t ram = pages > 0 && page > 0 ? static_cast<size_t>(pages) * static_cast<size_t>(page)
                                     : size_t{4} << 30;
  return std::clamp<size_t>(ram / 4, size_t{256} << 20, size_t{1} << 30);
}

void ReleaseFreedMemory() {
#ifdef __GLIBC__
  ::malloc_trim(0);
#endif
}

size_t PeakRssBytes() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return 0;
  char line[256];
  size_t kb = 0;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    unsigned long long v = 0;
    if (std::sscanf(line, "VmHWM: %llu kB", &v) == 1) {
      kb = static_cast<size_t>(v);
      break;
    }
  }
  std::fclose(f);
  return kb << 10;
}

size_t ParseMemorySize(const std::string& text) {
  auto bad = [&]() -> UsageError {
    return UsageError("--memory: expected a size such as 512M or 2G (at least 64M), got '" +
                      text + "'");
  };
  size_t i = 0;
  size_t n = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    if (n > (size_t{1} << 50)) throw bad();
    n = n * 10 + static_cast<size_t>(text[i++] - '0');
  }
  if (i == 0) throw bad();
  std::string unit;
  for (; i < text.size(); ++i) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  int shift = 0;
  if (!unit.empty() && (unit[0] == 'k' || unit[0] == 'm' || unit[0] == 'g')) {
    shift = unit[0] == 'k' ? 10 : unit[0] == 'm' ? 20 : 30;
    unit.erase(0, 1);
    if (unit == "ib" || unit == "b") unit.clear();
  } else if (unit == "b") {
    unit.clear();
  }
  if (!unit.empty()) throw bad();
  const size_t bytes = n << shift;
  if (bytes < (size_t{64} << 20) || (bytes >> shift) != n) throw bad();
  return bytes;
}

}  // namespace lede

// How many worker threads the indexing pipeline uses by default.
#include "indexer/pipeline.h"

#include <cstdlib>
#include <string>

namespace lede {

unsigned DefaultWorkerThreads() {
  if (const char* env = std::getenv("LEDE_THREADS")) {
    char* end = nullptr;
    const unsigned long v = std::strtoul(env, &end, 10);
    if (end != env && *end == '\0' && v >= 1 && v <= 256) return static_cast<unsigned>(v);
  }
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

}  // namespace lede

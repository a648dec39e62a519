// Fuzz target: NormalizeTerm on any bytes gives valid UTF-8 and is idempotent.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/text/normalize.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::string once = lede::NormalizeTerm(in);
  lede::CheckUtf8(once, "NormalizeTerm");
  if (lede::NormalizeTerm(once) != once) {
    std::fprintf(stderr, "NormalizeTerm is not idempotent\n");
    std::abort();
  }
  return 0;
}

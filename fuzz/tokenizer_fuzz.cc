// Fuzz target: Tokenize on any bytes gives valid UTF-8 terms, non-empty, with
// increasing positions.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/text/tokenizer.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  uint32_t last = 0;
  bool first = true;
  for (const lede::Token& t : lede::Tokenize(in, 7)) {
    lede::CheckUtf8(t.term, "Tokenize");
    if (t.term.empty() || t.position < 7 || (!first && t.position <= last)) {
      std::fprintf(stderr, "bad token or position\n");
      std::abort();
    }
    last = t.position;
    first = false;
  }
  return 0;
}

// Fuzz target: Tokenize on any bytes gives valid UTF-8 terms, non-empty, with
// increasing positions, and TokenizeWords the same words and terms.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "common/text/tokenizer.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  uint32_t last = 0;
  bool first = true;
  const std::vector<lede::Token> tokens = lede::Tokenize(in, 7);
  size_t k = 0;
  std::string term;
  lede::TokenizeWords(in, 7, [&](const lede::Word& w) {
    lede::TermOf(w, &term);
    if (k >= tokens.size() || tokens[k].begin != w.begin || tokens[k].end != w.end ||
        tokens[k].position != w.position || tokens[k].term != term) {
      std::fprintf(stderr, "TokenizeWords differs from Tokenize\n");
      std::abort();
    }
    ++k;
  });
  if (k != tokens.size()) {
    std::fprintf(stderr, "TokenizeWords gave fewer words than Tokenize\n");
    std::abort();
  }
  for (const lede::Token& t : tokens) {
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

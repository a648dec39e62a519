// Fuzz target: PreprocessQuery never crashes on any bytes, and valid UTF-8 in
// gives valid UTF-8 out (invalid bytes pass through; Xapian takes any bytes
// and lede-search's printers replace them).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "searcher/query_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::string q = lede::PreprocessQuery(in);
  if (lede::IsValidUtf8(in)) lede::CheckUtf8(q, "PreprocessQuery");
  return 0;
}

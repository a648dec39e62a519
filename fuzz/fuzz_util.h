// What every fuzz target checks besides "no crash, no sanitizer report": the
// invariants lede's text functions promise for any bytes.
#ifndef LEDE_FUZZ_FUZZ_UTIL_H_
#define LEDE_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/text/utf8.h"

namespace lede {

// abort() (a finding for libFuzzer, a failure for the regression runner) when
// text that must be valid UTF-8 is not.
inline void CheckUtf8(std::string_view text, const char* what) {
  if (!IsValidUtf8(text)) {
    std::fprintf(stderr, "invalid UTF-8 from %s\n", what);
    std::abort();
  }
}

}  // namespace lede

#endif  // LEDE_FUZZ_FUZZ_UTIL_H_

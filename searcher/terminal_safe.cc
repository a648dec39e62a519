// Length-preserving control-character scrubbing.
#include "searcher/terminal_safe.h"

namespace lede {

std::string TerminalSafe(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x20 || c == 0x7F) {
      out[i] = '?';
    } else if (c == 0xC2 && i + 1 < out.size()) {
      const auto n = static_cast<unsigned char>(out[i + 1]);
      if (n >= 0x80 && n <= 0x9F) out[i + 1] = static_cast<char>(0xB7);  // U+00B7 ·
      ++i;
    }
  }
  return out;
}

}  // namespace lede

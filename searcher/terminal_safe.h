// Article text is untrusted: control characters and escape sequences must not
// reach a terminal raw (a crafted article could otherwise rewrite the screen).
#ifndef LEDE_SEARCHER_TERMINAL_SAFE_H_
#define LEDE_SEARCHER_TERMINAL_SAFE_H_

#include <string>
#include <string_view>

namespace lede {

// Replaces C0 controls (tab and newline included), DEL and C1 controls
// (U+0080..U+009F) with visible characters of the same byte length ('?' and
// '·'), so highlight byte ranges stay valid. Pure.
std::string TerminalSafe(std::string_view text);

}  // namespace lede

#endif  // LEDE_SEARCHER_TERMINAL_SAFE_H_

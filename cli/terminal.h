// When output gets colors and cursor movement: the user's choice, NO_COLOR
// (https://no-color.org) and TERM=dumb, in that order.
#ifndef LEDE_CLI_TERMINAL_H_
#define LEDE_CLI_TERMINAL_H_

#include <string_view>

namespace lede {

// A terminal that understands escape sequences: term is $TERM (nullptr when
// unset). Unset or "dumb" (Emacs shells, some CI logs) says no.
bool TerminalHandlesEscapes(const char* term);

// Whether to color: mode "always" colors, "never" does not, "auto" colors
// when the output is a terminal, NO_COLOR is unset or empty and the terminal
// handles escapes. Pure.
bool WantColor(std::string_view mode, bool is_tty, const char* no_color, const char* term);

}  // namespace lede

#endif  // LEDE_CLI_TERMINAL_H_

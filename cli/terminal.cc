// Color and escape decisions, kept pure so a table can test them.
#include "cli/terminal.h"

namespace lede {

bool TerminalHandlesEscapes(const char* term) {
  return term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
}

bool WantColor(std::string_view mode, bool is_tty, const char* no_color, const char* term) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const bool no_color_set = no_color != nullptr && *no_color != '\0';
  return is_tty && !no_color_set && TerminalHandlesEscapes(term);
}

}  // namespace lede

// Tests for cli/terminal: the color decision table.
#include "cli/terminal.h"

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(Terminal, ColorTable) {
  const struct {
    const char* mode;
    bool tty;
    const char* no_color;
    const char* term;
    bool want;
  } cases[] = {
      {"always", false, "1", "dumb", true},   {"never", true, nullptr, "xterm", false},
      {"auto", true, nullptr, "xterm", true}, {"auto", false, nullptr, "xterm", false},
      {"auto", true, "1", "xterm", false},    {"auto", true, "", "xterm", true},
      {"auto", true, nullptr, "dumb", false}, {"auto", true, nullptr, nullptr, false},
      {"auto", true, nullptr, "", false},
  };
  for (const auto& c : cases)
    EXPECT_EQ(WantColor(c.mode, c.tty, c.no_color, c.term), c.want)
        << c.mode << " tty=" << c.tty << " NO_COLOR=" << (c.no_color ? c.no_color : "(unset)")
        << " TERM=" << (c.term ? c.term : "(unset)");
  EXPECT_FALSE(TerminalHandlesEscapes("dumb"));
  EXPECT_TRUE(TerminalHandlesEscapes("screen-256color"));
}

}  // namespace
}  // namespace lede

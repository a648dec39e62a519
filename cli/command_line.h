// How lede's two command lines look and fail: help that fits 80 columns and
// shows placeholders (QUERY, N, WHEN) instead of CLI11's type and validator
// internals, --version, and option errors as one "PROGRAM: error: ..." line.
#ifndef LEDE_CLI_COMMAND_LINE_H_
#define LEDE_CLI_COMMAND_LINE_H_

#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

namespace lede {

// Help width: the classic terminal, so --help reads anywhere.
inline constexpr size_t kHelpColumns = 80;

// Wraps text to width columns (counting code points); existing line breaks
// are kept. Pure.
std::string WrapText(const std::string& text, size_t width);

// Gives app lede's help layout and a --version flag printing
// VersionText(program). Options show their option_text() (set it for every
// option taking a value) and nothing else after their names.
void SetUpCommandLine(CLI::App& app, const std::string& program);

// Parses argv. Returns nothing when the program should go on; otherwise the
// exit code after printing: help or version on out (0), an option error on
// err as one line "PROGRAM: error: WHAT (see PROGRAM --help)" (2).
std::optional<int> ParseCommandLine(CLI::App& app, int argc, const char* const* argv,
                                    const std::string& program, std::ostream& out,
                                    std::ostream& err);

}  // namespace lede

#endif  // LEDE_CLI_COMMAND_LINE_H_

// Tests for cli/command_line: help layout, errors, --version.
#include "cli/command_line.h"

#include <sstream>

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(CommandLine, WrapTextKeepsBreaksAndWidth) {
  EXPECT_EQ(WrapText("one two three four", 9), "one two\nthree\nfour");
  EXPECT_EQ(WrapText("a\nb c", 80), "a\nb c");
  EXPECT_EQ(WrapText("communiqué communiqué", 10), "communiqué\ncommuniqué");
  EXPECT_EQ(WrapText("", 10), "");
}

struct Fixture {
  CLI::App app{"Does things.", "prog"};
  std::string format = "text";
  size_t limit = 10;
  std::ostringstream out, err;
  Fixture() {
    app.add_option("--format", format, "An option whose description is long enough to need "
                                       "wrapping at the help width of eighty columns, twice over")
        ->check(CLI::IsMember({"text", "json"}))
        ->option_text("FORMAT");
    app.add_option("-n,--limit", limit, "How many")->option_text("N");
    SetUpCommandLine(app, "prog");
  }
  std::optional<int> Parse(std::vector<const char*> args) {
    args.insert(args.begin(), "prog");
    return ParseCommandLine(app, static_cast<int>(args.size()), args.data(), "prog", out, err);
  }
};

TEST(CommandLine, HelpFitsAndShowsPlaceholdersOnly) {
  Fixture f;
  EXPECT_EQ(f.Parse({"--help"}), std::optional<int>(0));
  const std::string help = f.out.str();
  EXPECT_EQ(help.rfind("Usage: prog", 0), 0u) << help;
  EXPECT_NE(help.find("--format FORMAT"), std::string::npos) << help;
  EXPECT_NE(help.find("-n,--limit N"), std::string::npos) << help;
  EXPECT_EQ(help.find("TEXT"), std::string::npos) << help;
  EXPECT_EQ(help.find("{text,json}"), std::string::npos) << help;
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), kHelpColumns) << line;
}

TEST(CommandLine, ErrorsAreOnePrefixedLine) {
  Fixture f;
  EXPECT_EQ(f.Parse({"--format", "xml"}), std::optional<int>(2));
  EXPECT_EQ(f.out.str(), "");
  const std::string e = f.err.str();
  EXPECT_EQ(e.rfind("prog: error: --format: ", 0), 0u) << e;
  EXPECT_EQ(e.find('\n'), e.size() - 1) << e;
  Fixture g;
  EXPECT_EQ(g.Parse({"--bogus"}), std::optional<int>(2));
  EXPECT_EQ(g.err.str().rfind("prog: error: ", 0), 0u);
}

TEST(CommandLine, VersionAndSuccess) {
  Fixture f;
  EXPECT_EQ(f.Parse({"--version"}), std::optional<int>(0));
  EXPECT_EQ(f.out.str().rfind("prog ", 0), 0u);
  EXPECT_NE(f.out.str().find("\nXapian 1."), std::string::npos);
  Fixture g;
  EXPECT_EQ(g.Parse({"-n", "3", "--format", "json"}), std::nullopt);
  EXPECT_EQ(g.limit, 3u);
  EXPECT_EQ(g.format, "json");
}

}  // namespace
}  // namespace lede

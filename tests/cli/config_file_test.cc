// Tests for cli/config_file: where the file is, what it may hold.
#include "cli/config_file.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace lede {
namespace {

TEST(ConfigFile, PathFollowsXdg) {
  EXPECT_EQ(ConfigPath("/x/cfg", "/home/u"), "/x/cfg/lede/config");
  EXPECT_EQ(ConfigPath(nullptr, "/home/u"), "/home/u/.config/lede/config");
  EXPECT_EQ(ConfigPath("", "/home/u"), "/home/u/.config/lede/config");
  // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
  EXPECT_EQ(ConfigPath("rel/cfg", "/home/u"), "/home/u/.config/lede/config");
  EXPECT_EQ(ConfigPath(nullptr, nullptr), "");
}

TEST(ConfigFile, ParsesKeysCommentsQuotesAndHome) {
  const Config c = ParseConfig(
      "# my defaults\n\n  db = ~/news/index  \nlimit=20\r\ncolor = \"never\"\n  # x = y\n",
      "/c", "/home/u");
  EXPECT_EQ(c.Get("db"), std::optional<std::string>("/home/u/news/index"));
  EXPECT_EQ(c.Get("limit"), std::optional<std::string>("20"));
  EXPECT_EQ(c.Get("color"), std::optional<std::string>("never"));
  EXPECT_EQ(c.Get("format"), std::nullopt);
  EXPECT_EQ(c.path, "/c");
  EXPECT_TRUE(ParseConfig("", "/c", nullptr).values.empty());
}

TEST(ConfigFile, RefusesWhatItCannotMean) {
  const struct {
    const char* text;
    const char* message;
  } bad[] = {
      {"limit 20\n", "/c:1: expected 'key = value', got: limit 20"},
      {"\n\nlimt = 2\n", "/c:3: unknown key 'limt' (known: db, limit, color, format, threads)"},
      {"db =\n", "/c:1: no value for 'db'"},
      {"limit = 1\nlimit = 2\n", "/c:2: 'limit' is set twice"},
  };
  for (const auto& b : bad) {
    try {
      ParseConfig(b.text, "/c", "/h");
      ADD_FAILURE() << b.text;
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()), b.message);
    }
  }
}

}  // namespace
}  // namespace lede

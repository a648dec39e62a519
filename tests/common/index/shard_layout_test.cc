// Shard assignment is stable and spread; stub files round-trip and bad lines
// are refused with their line number.
#include "common/index/shard_layout.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "common/error.h"

namespace lede {
namespace {

TEST(ShardLayout, ShardOfIsStableAndInRange) {
  // Fixed values: changing the hash would move every article of every
  // sharded database, so this must never change.
  EXPECT_EQ(ShardOf("001_1c3bda8c987c5d10.txt", 1), 0u);
  EXPECT_EQ(ShardOf("anything", 0), 0u);
  const unsigned a = ShardOf("dir/001.txt", 4);
  EXPECT_EQ(ShardOf("dir/001.txt", 4), a);
  EXPECT_LT(a, 4u);
  EXPECT_EQ(ShardOf("", 2), 1469598103934665603ULL % 2);
}

TEST(ShardLayout, ShardOfSpreadsIds) {
  std::vector<int> count(4);
  for (int i = 0; i < 4000; ++i) ++count[ShardOf("a/" + std::to_string(i) + ".txt", 4)];
  for (int c : count) {
    EXPECT_GT(c, 850);
    EXPECT_LT(c, 1150);
  }
}

TEST(ShardLayout, StubTextRoundTrips) {
  std::vector<ShardEntry> entries = LocalShards(2);
  entries.push_back(ParseRemote("10.0.0.7:33333"));
  const std::string text = StubText(entries);
  EXPECT_EQ(text, "auto shard-0\nauto shard-1\nremote 10.0.0.7:33333\n");
  const std::vector<ShardEntry> back = ParseStub("# lede\n\n" + text, "X");
  ASSERT_EQ(back.size(), 3u);
  EXPECT_FALSE(back[0].remote);
  EXPECT_EQ(back[1].path, "shard-1");
  EXPECT_TRUE(back[2].remote);
  EXPECT_EQ(back[2].host, "10.0.0.7");
  EXPECT_EQ(back[2].port, 33333u);
}

TEST(ShardLayout, BadRemotesAreUsageErrors) {
  for (const char* bad : {"", "host", ":80", "host:", "host:0", "host:65536", "host:8x",
                          "ho st:80"}) {
    EXPECT_THROW(ParseRemote(bad), UsageError) << bad;
  }
  EXPECT_EQ(ParseRemote("search-2.example.org:8100").host, "search-2.example.org");
}

TEST(ShardLayout, BadStubLinesNameTheLine) {
  for (const char* bad : {"auto\n", "tcp host 80\n", "remote nohostport\n", "glass x\n"}) {
    try {
      ParseStub(std::string("auto shard-0\n") + bad, "db/XAPIANDB");
      ADD_FAILURE() << "accepted " << bad;
    } catch (const IndexError& e) {
      EXPECT_NE(std::string(e.what()).find("db/XAPIANDB:2:"), std::string::npos) << e.what();
    }
  }
}

TEST(ShardLayout, WriteAndReadStub) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("lede-shard-layout-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  EXPECT_TRUE(ReadStub(dir.string()).empty());
  WriteStub(dir.string(), LocalShards(3));
  const std::vector<ShardEntry> back = ReadStub(dir.string());
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[2].path, "shard-2");
  EXPECT_FALSE(std::filesystem::exists(dir / "XAPIANDB.tmp"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lede

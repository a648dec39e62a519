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
#include <xapian.h>

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

TEST(ShardLayout, SplitsAndJoinsDocids) {
  struct Case {
    Xapian::docid docid;
    unsigned shards;
    unsigned shard;
    Xapian::docid local;
  };
  const Case cases[] = {
      {1, 1, 0, 1}, {7, 1, 0, 7}, {7, 0, 0, 7}, {1, 3, 0, 1}, {2, 3, 1, 1},       {3, 3, 2, 1},
      {4, 3, 0, 2}, {8, 3, 1, 3}, {9, 3, 2, 3}, {5, 2, 0, 3}, {256, 256, 255, 1}, {257, 256, 0, 2},
  };
  for (const Case& c : cases) {
    const ShardDocid at = SplitDocid(c.docid, c.shards);
    EXPECT_EQ(at.shard, c.shard) << c.docid << " of " << c.shards;
    EXPECT_EQ(at.local, c.local) << c.docid << " of " << c.shards;
    EXPECT_EQ(JoinDocid(at, c.shards), c.docid) << c.docid << " of " << c.shards;
  }
}

// The arithmetic is Xapian's, not ours: a database opened from shards of
// different sizes numbers its documents exactly as SplitDocid says.
TEST(ShardLayout, DocidsAreXapiansInterleaving) {
  const std::vector<unsigned> sizes = {5, 2, 0, 4};
  Xapian::Database whole;
  for (unsigned k = 0; k < sizes.size(); ++k) {
    Xapian::WritableDatabase shard(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (unsigned local = 1; local <= sizes[k]; ++local) {
      Xapian::Document doc;
      doc.set_data(std::to_string(k) + ":" + std::to_string(local));
      shard.add_document(doc);
    }
    whole.add_database(shard);
  }
  const auto n = static_cast<unsigned>(sizes.size());
  unsigned seen = 0;
  for (auto p = whole.postlist_begin(""); p != whole.postlist_end(""); ++p, ++seen) {
    const ShardDocid at = SplitDocid(*p, n);
    EXPECT_EQ(whole.get_document(*p).get_data(),
              std::to_string(at.shard) + ":" + std::to_string(at.local));
    EXPECT_EQ(JoinDocid(at, n), *p);
  }
  EXPECT_EQ(seen, 11u);
}

TEST(ShardLayout, PlacerKeepsReplacedAndAppendsNewToTheirShard) {
  ShardPlacer placer({4, 0, 9});
  ASSERT_EQ(placer.shards(), 3u);
  // A replaced document stays at its docid, whatever its id hashes to.
  const ShardDocid kept = placer.Place("anything", JoinDocid({2, 5}, 3));
  EXPECT_EQ(kept.shard, 2u);
  EXPECT_EQ(kept.local, 5u);
  // New ones: their id's shard, each after that shard's last document.
  std::vector<Xapian::docid> next = {5, 1, 10};
  for (int i = 0; i < 30; ++i) {
    const std::string id = "dir/" + std::to_string(i) + ".txt";
    const ShardDocid at = placer.Place(id, 0);
    EXPECT_EQ(at.shard, ShardOf(id, 3)) << id;
    EXPECT_EQ(at.local, next[at.shard]++) << id;
  }
  // Replacing does not use up a new docid.
  const unsigned s = ShardOf("x.txt", 3);
  const Xapian::docid before = next[s];
  placer.Place("x.txt", 1);
  EXPECT_EQ(placer.Place("x.txt", 0).local, before);
}

TEST(ShardLayout, PlacerOfOneShardAppends) {
  ShardPlacer placer({41});
  EXPECT_EQ(placer.Place("a", 0).local, 42u);
  EXPECT_EQ(placer.Place("b", 0).local, 43u);
  EXPECT_EQ(placer.Place("c", 0).shard, 0u);
}

}  // namespace
}  // namespace lede

#include "common/extract/line_stats.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "common/extract/line_features.h"
#include "common/text/hash.h"

namespace lede {
namespace {

TEST(LineStats, CountsFilesNotOccurrences) {
  LineCounter c;
  c.AddFile("Share\nShare\nStory one.\n");
  c.AddFile("share!\nStory two.\n");
  const LineStats s = c.Finish();
  EXPECT_EQ(s.total_files(), 2u);
  EXPECT_EQ(s.Count("  SHARE "), 2u);
  EXPECT_EQ(s.Count("unseen"), 0u);
  EXPECT_EQ(LineStats::KeyOf("Share"), LineStats::KeyOf("share."));
}

TEST(LineStats, ALineInOneFileIsNotKept) {
  LineCounter c;
  c.AddFile("Follow us\nStory one.\n");
  c.AddFile("Follow us\nStory two.\n");
  const LineStats s = c.Finish();
  EXPECT_EQ(s.Count("Story one."), 0u);
  EXPECT_EQ(s.Count("Follow us"), 2u);
  EXPECT_EQ(s.recurring_lines(), 1u);
}

TEST(LineStats, KeyIsTheHashOfTheLineKey) {
  // Keys are stored in databases: the hash of LineKey's text, however
  // KeyOf computes it.
  for (const char* line : {"", "  Most   Popular!! ", "most popular",
                           "It's \xE2\x80\x9C"
                           "Don\xE2\x80\x99t\xE2\x80\x9D",
                           "\xE6\x9D\xB1\xE4\xBA\xAC news", "CAF\xC3\x89 \xFF bar", "one"}) {
    EXPECT_EQ(LineStats::KeyOf(line), Fnv1a(LineKey(line))) << line;
    EXPECT_EQ(LineStats::KeyOf(line), LineStats::KeyOfLineKey(LineKey(line))) << line;
  }
  EXPECT_EQ(LineStats::KeyOf("Most Popular"), 14949288778929059437ULL);
  EXPECT_EQ(LineStats::KeyOf("..."), kFnv1aOffset);
}

TEST(LineStats, KeysOfAreSortedDistinctAndSkipBlankLines) {
  const std::vector<uint64_t> keys = LineStats::KeysOf("b\n\n  \nA\na.\nb\n");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_LT(keys[0], keys[1]);
  EXPECT_TRUE(LineStats::KeysOf("").empty());
  EXPECT_TRUE(LineStats::KeysOf("\n \n").empty());
}

TEST(LineStats, EmptyStatisticsCountNothing) {
  const LineStats s;
  EXPECT_EQ(s.Count("anything"), 0u);
  EXPECT_EQ(s.total_files(), 0u);
  EXPECT_EQ(LineCounter().Finish().total_files(), 0u);
}

TEST(LineCounter, SubtractingTakesAFileOut) {
  LineCounter c;
  c.AddKeys({1, 2, 3});
  c.AddKeys({2, 3});
  c.AddKeys({3});
  c.SubtractKeys({1, 2, 3});
  const LineStats s = c.Finish();
  EXPECT_EQ(s.total_files(), 2u);
  EXPECT_EQ(s.CountKey(1), 0u);
  EXPECT_EQ(s.CountKey(2), 0u);  // one file left: no evidence
  EXPECT_EQ(s.CountKey(3), 2u);
}

TEST(LineCounter, FinishLeavesItEmpty) {
  LineCounter c;
  c.AddKeys({7});
  c.AddKeys({7});
  EXPECT_EQ(c.Finish().CountKey(7), 2u);
  c.AddKeys({7});
  const LineStats s = c.Finish();
  EXPECT_EQ(s.CountKey(7), 0u);
  EXPECT_EQ(s.total_files(), 1u);
}

// Many files through a tiny buffer (sorted runs in a temporary file, merged)
// give exactly the counts a plain map gives.
TEST(LineCounter, SortedRunsGiveExactCounts) {
  std::mt19937_64 rng(42);
  std::map<uint64_t, int64_t> truth;
  LineCounter c(1024 * 16);  // 1,024 entries: the smallest buffer
  std::vector<std::vector<uint64_t>> files;
  for (int f = 0; f < 3000; ++f) {
    std::vector<uint64_t> keys;
    for (int i = 0; i < 20; ++i) {
      // Half the lines from a small pool (they recur), half unique; key 0
      // and the largest key are legal too.
      const uint64_t k = i % 2 ? rng() % 500 : rng();
      keys.push_back(f == 5 && i == 0 ? 0 : f == 6 && i == 0 ? UINT64_MAX : k);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (uint64_t k : keys) ++truth[k];
    c.AddKeys(keys);
    files.push_back(keys);
  }
  for (int f = 0; f < 3000; f += 7) {  // some files leave again
    for (uint64_t k : files[f]) --truth[k];
    c.SubtractKeys(files[f]);
  }
  EXPECT_GT(c.runs(), 10u);
  const LineStats s = c.Finish();
  EXPECT_EQ(s.total_files(), 3000u - 429u);
  size_t kept = 0;
  for (const auto& [k, n] : truth) {
    EXPECT_EQ(s.CountKey(k), n >= 2 ? static_cast<uint32_t>(n) : 0u) << k;
    kept += n >= 2;
  }
  EXPECT_EQ(s.recurring_lines(), kept);
  EXPECT_GT(kept, 400u);  // the small pool's keys recur
}

}  // namespace
}  // namespace lede

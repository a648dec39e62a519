#include "indexer/memory_budget.h"

#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"

namespace lede {
namespace {

TEST(MemoryBudget, ParsesSizes) {
  EXPECT_EQ(ParseMemorySize("512M"), size_t{512} << 20);
  EXPECT_EQ(ParseMemorySize("512m"), size_t{512} << 20);
  EXPECT_EQ(ParseMemorySize("2G"), size_t{2} << 30);
  EXPECT_EQ(ParseMemorySize("2GiB"), size_t{2} << 30);
  EXPECT_EQ(ParseMemorySize("100000k"), size_t{100000} << 10);
  EXPECT_EQ(ParseMemorySize("300000000"), size_t{300000000});
  EXPECT_EQ(ParseMemorySize("300000000B"), size_t{300000000});
}

TEST(MemoryBudget, RefusesBadSizes) {
  for (const char* bad : {"", "M", "-1G", "1.5G", "12X", "1 G", "10M", "99999999999999999999G"})
    EXPECT_THROW(ParseMemorySize(bad), UsageError) << bad;
}

TEST(MemoryBudget, DefaultIsBoundedBothWays) {
  const size_t d = DefaultMemoryBytes();
  EXPECT_GE(d, size_t{256} << 20);
  EXPECT_LE(d, size_t{1} << 30);
}

TEST(MemoryBudget, SplitsTheBudget) {
  const MemoryBudget b{size_t{1} << 30};
  EXPECT_EQ(b.TextCacheBytes(), size_t{128} << 20);
  EXPECT_EQ(b.LineCounterBytes(), size_t{64} << 20);
  // Half of 1 GiB over two writers at 150 KB each.
  EXPECT_EQ(b.DocsPerWriter(2), 1747u);
  EXPECT_EQ(b.DocsPerWriter(0), 3495u);
  EXPECT_EQ(MemoryBudget{size_t{64} << 20}.DocsPerWriter(8), 100u);
  EXPECT_EQ(MemoryBudget{size_t{64} << 30}.DocsPerWriter(1), 5000u);
}

TEST(MemoryBudget, PeakRssCountsMemoryTouchedAndStaysAfterItIsFreed) {
  {
    std::vector<char> big(size_t{96} << 20);
    std::memset(big.data(), 1, big.size());
    volatile char touched = big[big.size() / 2];  // keeps the memory from being elided
    EXPECT_EQ(touched, 1);
    EXPECT_GE(PeakRssBytes(), big.size());
  }
  ReleaseFreedMemory();
  EXPECT_GE(PeakRssBytes(), size_t{96} << 20);  // a peak, not the current size
}

}  // namespace
}  // namespace lede

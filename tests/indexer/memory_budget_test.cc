#include "indexer/memory_budget.h"

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
  EXPECT_EQ(b.TextCacheBytes(), size_t{256} << 20);
  EXPECT_EQ(b.LineCounterBytes(), size_t{64} << 20);
  // Half of 1 GiB over two writers at 150 KB each.
  EXPECT_EQ(b.DocsPerWriter(2), 1747u);
  EXPECT_EQ(b.DocsPerWriter(0), 3495u);
  EXPECT_EQ(MemoryBudget{size_t{64} << 20}.DocsPerWriter(8), 100u);
  EXPECT_EQ(MemoryBudget{size_t{64} << 30}.DocsPerWriter(1), 5000u);
}

}  // namespace
}  // namespace lede

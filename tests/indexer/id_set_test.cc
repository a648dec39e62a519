#include "indexer/id_set.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(IdSet, RefusesAnIdMetBefore) {
  std::vector<std::string> ids = {"a/x.txt", "a/y.txt", "a/x.txt", "b/x.txt", "a/y.txt"};
  IdSet set([&](uint32_t ref) { return ids[ref]; });
  std::vector<bool> fresh;
  for (uint32_t i = 0; i < ids.size(); ++i) fresh.push_back(set.Insert(ids[i], i));
  EXPECT_EQ(fresh, (std::vector<bool>{true, true, false, true, false}));
  EXPECT_EQ(set.size(), 3u);
}

TEST(IdSet, KeepsEveryIdThroughGrowth) {
  std::vector<std::string> ids;
  for (int i = 0; i < 20000; ++i)
    ids.push_back("archive/dir" + std::to_string(i % 7) + "/" + std::to_string(i) + ".txt");
  IdSet set([&](uint32_t ref) { return ids[ref]; });
  for (uint32_t i = 0; i < ids.size(); ++i) ASSERT_TRUE(set.Insert(ids[i], i)) << ids[i];
  for (uint32_t i = 0; i < ids.size(); ++i) ASSERT_FALSE(set.Insert(ids[i], i)) << ids[i];
  EXPECT_EQ(set.size(), ids.size());
  set.Clear();
  EXPECT_EQ(set.size(), 0u);
  EXPECT_TRUE(set.Insert(ids[0], 0));
}

TEST(IdSet, AReservedSetTakesAsManyAsAsked) {
  std::vector<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.push_back(std::to_string(i));
  IdSet set([&](uint32_t ref) { return ids[ref]; });
  set.Reserve(ids.size());
  for (uint32_t i = 0; i < ids.size(); ++i) EXPECT_TRUE(set.Insert(ids[i], i));
  EXPECT_FALSE(set.Insert("999", 5));
  EXPECT_TRUE(set.Insert("1000", 5));
}

}  // namespace
}  // namespace lede

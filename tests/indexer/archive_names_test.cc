// Tests for indexer/archive_names: names by path, base name, base~N, and the
// take-over of a name whose archive moved.
#include "indexer/archive_names.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(ArchiveOf, DirectoryIsItselfFileIsItsFolder) {
  EXPECT_EQ(ArchiveOf("/data/news", true), "/data/news");
  EXPECT_EQ(ArchiveOf("/data/news/a.txt", false), "/data/news");
  EXPECT_EQ(ArchiveOf("/a.txt", false), "/");
}

TEST(ArchiveBaseName, LastComponent) {
  EXPECT_EQ(ArchiveBaseName("/data/news"), "news");
  EXPECT_EQ(ArchiveBaseName("/data/news/"), "news");
  EXPECT_EQ(ArchiveBaseName("/"), "_");
  EXPECT_EQ(ArchiveBaseName("news"), "news");
}

TEST(ArchiveNames, KnownPathKeepsItsNameNewOnesGetBaseThenSuffix) {
  std::set<std::string> dirs = {"/x/news", "/y/news", "/z/news"};
  auto is_dir = [&](const std::string& p) { return dirs.count(p) > 0; };
  ArchiveNames names({{"news", "/x/news"}}, is_dir);
  EXPECT_EQ(names.NameFor("/x/news").name, "news");
  EXPECT_TRUE(names.changed().empty());
  EXPECT_EQ(names.NameFor("/y/news").name, "news~2");
  EXPECT_EQ(names.NameFor("/z/news").name, "news~3");
  EXPECT_EQ(names.NameFor("/y/news").name, "news~2");  // asked again: the same
  EXPECT_EQ(names.changed().size(), 2u);
  EXPECT_EQ(names.changed().at("news~2"), "/y/news");
}

TEST(ArchiveNames, ANameWhoseArchiveIsGoneIsTakenOver) {
  std::set<std::string> dirs = {"/new/news"};
  ArchiveNames names({{"news", "/old/news"}},
                     [&](const std::string& p) { return dirs.count(p) > 0; });
  const ArchiveClaim c = names.NameFor("/new/news");
  EXPECT_EQ(c.name, "news");
  EXPECT_EQ(c.moved_from, "/old/news");
  EXPECT_EQ(names.changed().at("news"), "/new/news");
}

}  // namespace
}  // namespace lede

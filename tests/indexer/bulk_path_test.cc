#include "indexer/bulk_path.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/index/shard_layout.h"

namespace lede {
namespace {
namespace fs = std::filesystem;

class BulkPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lede-bulk-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(BulkPathTest, NothingThereOrAnEmptyDirectoryTakesBulkPath) {
  EXPECT_TRUE(TakesBulkPath(P("missing")));
  fs::create_directories(P("empty"));
  EXPECT_TRUE(TakesBulkPath(P("empty")));
}

TEST_F(BulkPathTest, ADatabaseWithoutDocumentsTakesBulkPathOneWithDocumentsDoesNot) {
  {
    Xapian::WritableDatabase db(P("db"), Xapian::DB_CREATE);
    db.set_metadata("k", "v");
    db.commit();
  }
  EXPECT_TRUE(TakesBulkPath(P("db")));
  {
    Xapian::WritableDatabase db(P("db"), Xapian::DB_OPEN);
    db.add_document(Xapian::Document());
    db.commit();
  }
  EXPECT_FALSE(TakesBulkPath(P("db")));
}

TEST_F(BulkPathTest, WhatIsNotAnUnshardedDatabaseIsLeftToTheUpdatePath) {
  std::ofstream(P("file")) << "x";
  EXPECT_FALSE(TakesBulkPath(P("file")));
  fs::create_directories(P("docs"));
  std::ofstream(P("docs/a.txt")) << "x";
  EXPECT_FALSE(TakesBulkPath(P("docs")));
  // An empty sharded database keeps its shards.
  fs::create_directories(P("sharded"));
  std::vector<ShardEntry> shards = LocalShards(2);
  for (const ShardEntry& e : shards)
    Xapian::WritableDatabase(P("sharded/" + e.path), Xapian::DB_CREATE).commit();
  WriteStub(P("sharded"), shards);
  EXPECT_FALSE(TakesBulkPath(P("sharded")));
}

TEST_F(BulkPathTest, NotWhereNothingCanBeWrittenBesideTheDatabase) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes everywhere";
  fs::create_directories(P("ro/db"));
  fs::permissions(P("ro"), fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_FALSE(TakesBulkPath(P("ro/db")));
  EXPECT_FALSE(TakesBulkPath(P("ro/db/")));
  fs::permissions(P("ro"), fs::perms::owner_all);
  EXPECT_TRUE(TakesBulkPath(P("ro/db/")));
}

}  // namespace
}  // namespace lede

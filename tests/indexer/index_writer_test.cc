// Tests for indexer/index_writer on temporary on-disk databases: lookups for
// incremental updates, locking, and the build-aside-then-swap rebuild.
#include "indexer/index_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "common/index/shard_layout.h"
#include "indexer/part_writers.h"

namespace lede {
namespace {
namespace fs = std::filesystem;

schema::StoredArticle Article(const std::string& id, const std::string& body) {
  schema::StoredArticle a;
  a.id = id;
  a.path = "root/" + id;
  a.title = "Title of " + id;
  a.body = body;
  a.root = "/abs/root";
  a.file_stamp = "10:20";
  a.content_hash = "00000000000000aa";
  a.line_keys = {1, 2, 3};
  return a;
}

std::vector<std::string> Ids(const std::string& path) {
  Xapian::Database db(path);
  std::vector<std::string> ids;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) ids.push_back((*t).substr(1));
  return ids;
}

// Article ids in docid order: what a merge's order decides.
std::vector<std::string> IdsByDocid(const std::string& path) {
  Xapian::Database db(path);
  std::vector<std::string> ids(db.get_lastdocid());
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t)
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p)
      ids.at(*p - 1) = (*t).substr(1);
  return ids;
}

class IndexWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lede-writer-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    db_ = (dir_ / "db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Seed(const std::vector<std::string>& ids) {
    IndexWriter w(db_, false, 100);
    for (const auto& id : ids) w.Put(Article(id, "body of " + id));
    w.Finish();
  }
  fs::path dir_;
  std::string db_;
};

TEST_F(IndexWriterTest, FindsStampsRootsAndLineKeys) {
  Seed({"a.txt", "b.txt"});
  IndexWriter w(db_, false, 100);
  auto a = w.Find("a.txt");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->file_stamp, "10:20");
  EXPECT_EQ(a->content_hash, "00000000000000aa");
  EXPECT_FALSE(w.Find("zzz.txt"));
  EXPECT_EQ(w.DocsUnderRoot("/abs/root").size(), 2u);
  EXPECT_TRUE(w.DocsUnderRoot("/abs/other").empty());
  EXPECT_EQ(w.LineKeysOf(a->docid), (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(w.Stored(a->docid).id, "a.txt");

  LineCounter counter;
  w.AddStoredLineStats(&counter);
  const LineStats stats = counter.Finish();
  EXPECT_EQ(stats.total_files(), 2u);
  EXPECT_EQ(stats.CountKey(2), 2u);

  w.SetStamp(a->docid, "11:22");
  EXPECT_EQ(w.Find("a.txt")->file_stamp, "11:22");
  EXPECT_EQ(w.Find("a.txt")->content_hash, "00000000000000aa");  // only the stamp changed
  w.Remove(w.Find("b.txt")->docid);
  w.Finish();
  EXPECT_EQ(Ids(db_), (std::vector<std::string>{"a.txt"}));
}

TEST_F(IndexWriterTest, SecondWriterIsToldTheDatabaseIsLocked) {
  Seed({"a.txt"});
  IndexWriter first(db_, false, 100);
  try {
    IndexWriter second(db_, false, 100);
    FAIL() << "second writer opened a locked database";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("is locked: another lede-index"), std::string::npos)
        << e.what();
  }
  try {
    IndexWriter rebuild(db_, true, 100);
    FAIL() << "a rebuild opened a locked database";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("is locked"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(IndexWriter::RebuildDir(db_)));
}

TEST_F(IndexWriterTest, RebuildIsInvisibleUntilFinished) {
  Seed({"old1.txt", "old2.txt"});
  {
    IndexWriter w(db_, true, 1);  // commits after every document
    w.Put(Article("new.txt", "fresh"));
    w.Commit();
    EXPECT_EQ(Ids(db_), (std::vector<std::string>{"old1.txt", "old2.txt"}));
    EXPECT_TRUE(fs::exists(IndexWriter::RebuildDir(db_)));
    w.Finish();
  }
  EXPECT_EQ(Ids(db_), (std::vector<std::string>{"new.txt"}));
  EXPECT_FALSE(fs::exists(IndexWriter::RebuildDir(db_)));
}

TEST_F(IndexWriterTest, AbandonedRebuildLeavesTheOldDatabase) {
  Seed({"old.txt"});
  {
    IndexWriter w(db_, true, 1);
    w.Put(Article("new.txt", "fresh"));
    w.Commit();
  }  // no Finish: interrupted
  EXPECT_EQ(Ids(db_), (std::vector<std::string>{"old.txt"}));
  EXPECT_FALSE(fs::exists(IndexWriter::RebuildDir(db_)));
}

TEST_F(IndexWriterTest, LeftoverRebuildDirectoryIsCleanedByNextWriter) {
  Seed({"old.txt"});
  fs::create_directories(IndexWriter::RebuildDir(db_));
  std::ofstream(IndexWriter::RebuildDir(db_) + "/junk") << "x";
  IndexWriter w(db_, false, 1);
  EXPECT_FALSE(fs::exists(IndexWriter::RebuildDir(db_)));
}

TEST_F(IndexWriterTest, RebuildCreatesAMissingDatabase) {
  {
    IndexWriter w(db_, true, 10);
    w.Put(Article("a.txt", "x"));
    w.Finish();
  }
  EXPECT_EQ(Ids(db_), (std::vector<std::string>{"a.txt"}));
}

TEST_F(IndexWriterTest, RebuildMergesRotatedPartsIntoOneDatabase) {
  std::vector<std::string> ids;
  {
    // Two writers, parts of 3 documents, flushed every 2: 25 documents make
    // 9 parts, merged in several passes.
    IndexWriter w(db_, true, 2, 1, 2, 3);
    for (int i = 0; i < 25; ++i) {
      ids.push_back("a" + std::to_string(100 + i) + ".txt");
      w.Put(Article(ids.back(), "body " + std::to_string(i)));
    }
    w.SetMetadata("lede:test", "kept");
    EXPECT_EQ(w.DocCount(), 25u);
    w.Finish();
  }
  EXPECT_EQ(Ids(db_), ids);
  Xapian::Database db(db_);
  EXPECT_EQ(db.get_doccount(), 25u);
  EXPECT_EQ(db.get_lastdocid(), 25u);
  EXPECT_EQ(db.get_metadata("lede:test"), "kept");
  EXPECT_NE(db.get_metadata(schema::kMetaSchemaVersion), "");
  EXPECT_FALSE(fs::exists(IndexWriter::RebuildDir(db_)));
  IndexWriter again(db_, false, 10);  // an ordinary lede database
  EXPECT_TRUE(again.Find("a107.txt"));
}

TEST_F(IndexWriterTest, RebuildMergesManyPartsInGroupsKeepingTheirOrder) {
  // Every lookup closes the writers' parts, so each article here is a part
  // of its own: more parts than one merge takes (kMergeFanIn), merged a
  // group at a time, then the groups. The result must be that of one
  // merge: docids in the parts' order, writer 0's parts before writer 1's.
  const int n = static_cast<int>(3 * kMergeFanIn) - 2;
  std::vector<std::string> ids;
  {
    IndexWriter w(db_, true, 1, 1, 2);
    for (int i = 0; i < n; ++i) {
      ids.push_back("g" + std::to_string(100 + i) + ".txt");
      EXPECT_FALSE(w.Find(ids.back()));
      w.Put(Article(ids.back(), i % 3 ? "harbor strike" : "harbor"));
    }
    w.SetMetadata("lede:test", "kept");
    w.Finish();
  }
  std::stable_partition(ids.begin(), ids.end(),
                        [](const std::string& id) { return ShardOf(id, 2) == 0; });
  EXPECT_EQ(IdsByDocid(db_), ids);
  Xapian::Database db(db_);
  EXPECT_EQ(db.get_lastdocid(), static_cast<Xapian::docid>(n));
  EXPECT_EQ(db.get_doccount(), static_cast<Xapian::doccount>(n));
  EXPECT_EQ(db.get_metadata("lede:test"), "kept");
  EXPECT_FALSE(fs::exists(IndexWriter::RebuildDir(db_)));
  EXPECT_FALSE(fs::exists(IndexWriter::RebuildDir(db_) + ".compact"));
}

TEST_F(IndexWriterTest, RebuildRefusesToReplaceWhatIsNotADatabase) {
  const std::string docs = (dir_ / "docs").string();
  fs::create_directories(docs);
  std::ofstream(docs + "/thesis.tex") << "precious";
  EXPECT_THROW(IndexWriter(docs, true, 10), IndexError);
  EXPECT_TRUE(fs::exists(docs + "/thesis.tex"));

  const std::string file = (dir_ / "file").string();
  std::ofstream(file) << "precious";
  EXPECT_THROW(IndexWriter(file, true, 10), IndexError);
  EXPECT_TRUE(fs::is_regular_file(file));
}

TEST_F(IndexWriterTest, UnfinishedUpdateCommitsWhatIsDone) {
  {
    IndexWriter w(db_, false, 1000);
    w.Put(Article("a.txt", "x"));
  }  // destructor commits
  EXPECT_EQ(Ids(db_), (std::vector<std::string>{"a.txt"}));
}

}  // namespace
}  // namespace lede

// Tests for indexer/indexer RunIndex: incremental updates, removal under the
// roots given, reports, interruption. In-process, on temporary trees.
#include "indexer/indexer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/index/schema.h"
#include "indexer/stop_signal.h"

namespace lede {
namespace {
namespace fs = std::filesystem;

struct RunResult {
  int code = 0;
  std::string out, err;
};

class IndexerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lede-indexer-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    root_ = dir_ / "root";
    fs::create_directories(root_);
    db_ = (dir_ / "db").string();
    SetStopSignalForTest(0);
  }
  void TearDown() override {
    SetStopSignalForTest(0);
    fs::remove_all(dir_);
  }

  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  static std::string Story(const std::string& title, const std::string& words) {
    return title + "\n\nBy Staff Reporter\n\n" + words +
           " The talks went on for hours, officials said, and a statement followed later.\n";
  }
  RunResult Index(std::vector<std::string> paths = {}, bool rebuild = false,
            const std::string& report = "") {
    IndexOptions o;
    o.db_path = db_;
    o.paths = paths.empty() ? std::vector<std::string>{root_.string()} : paths;
    o.rebuild = rebuild;
    o.report_file = report;
    std::ostringstream out, err;
    RunResult r;
    r.code = RunIndex(o, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
  }
  std::map<std::string, std::string> Docs() {  // id -> title + body
    Xapian::Database db(db_);
    std::map<std::string, std::string> docs;
    for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
      Xapian::Document d = db.get_document(*db.postlist_begin(*t));
      schema::StoredArticle a = schema::DecodeData(d.get_data());
      docs[a.id] = a.title + "|" + a.body;
    }
    return docs;
  }
  fs::path dir_, root_;
  std::string db_;
};

TEST_F(IndexerTest, SecondRunOnSameTreeChangesNothing) {
  Write("a.txt", Story("Alpha", "Geneva."));
  Write("sub/b.txt", Story("Beta", "Moscow."));
  RunResult first = Index();
  ASSERT_EQ(first.code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("2 files seen, 2 added, 0 updated, 0 unchanged, 0 removed, 0 skipped"),
            std::string::npos) << first.out;
  auto before = Docs();
  RunResult second = Index();
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.out.find("0 added, 0 updated, 2 unchanged, 0 removed, 0 skipped"),
            std::string::npos) << second.out;
  EXPECT_EQ(Docs(), before);
}

TEST_F(IndexerTest, ChangedTouchedAddedAndDeletedFiles) {
  Write("a.txt", Story("Alpha", "Geneva."));
  Write("b.txt", Story("Beta", "Moscow."));
  Write("c.txt", Story("Gamma", "Paris."));
  ASSERT_EQ(Index().code, 0);

  Write("a.txt", Story("Alpha revised", "Geneva again."));  // content changed
  fs::last_write_time(root_ / "b.txt", fs::last_write_time(root_ / "b.txt") + std::chrono::hours(1));
  fs::remove(root_ / "c.txt");
  Write("d.txt", Story("Delta", "Rome."));
  const std::string report = (dir_ / "report.jsonl").string();
  RunResult r = Index({}, false, report);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("3 files seen, 1 added, 1 updated, 1 unchanged, 1 removed, 0 skipped"),
            std::string::npos) << r.out;
  auto docs = Docs();
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs["root/a.txt"].rfind("Alpha revised|", 0), 0u) << docs["root/a.txt"];
  EXPECT_TRUE(docs.count("root/d.txt"));
  EXPECT_FALSE(docs.count("root/c.txt"));

  std::map<std::string, std::string> outcome, reason;
  std::ifstream in(report);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line);
    outcome[j["id"]] = j["outcome"];
    reason[j["id"]] = j["reason"];
  }
  EXPECT_EQ(outcome["root/a.txt"], "indexed");
  EXPECT_EQ(reason["root/a.txt"], "content changed");
  EXPECT_EQ(outcome["root/b.txt"], "unchanged");
  EXPECT_EQ(reason["root/b.txt"], "same content (only touched)");
  EXPECT_EQ(outcome["root/c.txt"], "removed");
  EXPECT_EQ(outcome["root/d.txt"], "indexed");
  EXPECT_EQ(reason["root/d.txt"], "new file");

  // The touched file's new stamp was stored: next time it is not even read.
  RunResult again = Index({}, false, report);
  EXPECT_NE(again.out.find("3 unchanged"), std::string::npos) << again.out;
  std::ifstream in2(report);
  for (std::string line; std::getline(in2, line);)
    EXPECT_EQ(nlohmann::json::parse(line)["reason"], "same size and modification time") << line;
}

TEST_F(IndexerTest, RemovesOnlyUnderTheRootsGiven) {
  fs::path other = dir_ / "other";
  fs::create_directories(other);
  std::ofstream(other / "x.txt") << Story("Other", "Berlin.");
  Write("a.txt", Story("Alpha", "Geneva."));
  ASSERT_EQ(Index({root_.string(), other.string()}).code, 0);
  fs::remove(root_ / "a.txt");
  Write("b.txt", Story("Beta", "Moscow."));
  // Spelled differently, still the same root.
  RunResult r = Index({root_.string() + "/./"});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  auto docs = Docs();
  EXPECT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs.count("other/x.txt"));  // other root untouched
  EXPECT_TRUE(docs.count("root/b.txt"));
  EXPECT_NE(r.out.find("1 added, 0 updated, 0 unchanged, 1 removed"), std::string::npos) << r.out;
}

TEST_F(IndexerTest, FileThatBecomesBinaryLosesItsArticle) {
  Write("a.txt", Story("Alpha", "Geneva."));
  Write("b.txt", Story("Beta", "Moscow."));
  ASSERT_EQ(Index().code, 0);
  Write("a.txt", std::string("PNG\0\0\0binary", 12));
  RunResult r = Index();
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.err.find("binary file (NUL bytes); its earlier article is removed"), std::string::npos)
      << r.err;
  EXPECT_EQ(Docs().size(), 1u);
}

TEST_F(IndexerTest, UnlistedDirectoryKeepsItsArticles) {
  if (::geteuid() == 0) GTEST_SKIP() << "root lists any directory (tested as nobody in e2e)";
  Write("locked/a.txt", Story("Alpha", "Geneva."));
  Write("b.txt", Story("Beta", "Moscow."));
  ASSERT_EQ(Index().code, 0);
  fs::permissions(root_ / "locked", fs::perms::none);
  RunResult r = Index();
  fs::permissions(root_ / "locked", fs::perms::owner_all);
  EXPECT_NE(r.err.find("cannot read directory"), std::string::npos) << r.err;
  EXPECT_EQ(Docs().size(), 2u);
}

TEST_F(IndexerTest, StopSignalCommitsSummarizesAndExitsNonZero) {
  Write("a.txt", Story("Alpha", "Geneva."));
  SetStopSignalForTest(SIGINT);
  RunResult r = Index();
  EXPECT_EQ(r.code, 128 + SIGINT);
  EXPECT_NE(r.out.find("lede-index: interrupted: "), std::string::npos) << r.out;
  SetStopSignalForTest(0);
  RunResult resumed = Index();
  EXPECT_EQ(resumed.code, 0);
  EXPECT_EQ(Docs().size(), 1u);
}

TEST_F(IndexerTest, InterruptedRebuildKeepsTheOldDatabase) {
  Write("a.txt", Story("Alpha", "Geneva."));
  ASSERT_EQ(Index().code, 0);
  auto before = Docs();
  Write("b.txt", Story("Beta", "Moscow."));
  SetStopSignalForTest(SIGTERM);
  RunResult r = Index({}, true);
  EXPECT_EQ(r.code, 128 + SIGTERM);
  EXPECT_NE(r.out.find("left unchanged (rebuild abandoned)"), std::string::npos) << r.out;
  EXPECT_EQ(Docs(), before);
}

TEST_F(IndexerTest, RebuildAfterUpdatesEqualsFreshBuild) {
  for (int i = 0; i < 8; ++i)
    Write("f" + std::to_string(i) + ".txt",
          Story("Story " + std::to_string(i), "Words " + std::to_string(i) + ".") +
              "\nSubscribe to our newsletter for more\n");
  ASSERT_EQ(Index().code, 0);
  fs::remove(root_ / "f0.txt");
  Write("f1.txt", Story("Story one revised", "Changed.") + "\nSubscribe to our newsletter for more\n");
  ASSERT_EQ(Index().code, 0);
  auto incremental = Docs();
  ASSERT_EQ(Index({}, true).code, 0);
  EXPECT_EQ(Docs(), incremental);
  const std::string clean_db = db_;
  db_ = (dir_ / "clean").string();
  ASSERT_EQ(Index().code, 0);
  EXPECT_EQ(Docs(), incremental);
}

// Everything a database holds per article: data, every term with its wdf and
// positions, every value. Keyed by id, so docid numbering does not matter.
std::map<std::string, std::string> Contents(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, std::string> out;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
    const Xapian::docid did = *db.postlist_begin(*t);
    Xapian::Document d = db.get_document(did);
    std::string s = d.get_data() + "\n";
    for (auto term = d.termlist_begin(); term != d.termlist_end(); ++term) {
      s += *term + ":" + std::to_string(term.get_wdf()) + "@";
      for (auto p = db.positionlist_begin(did, *term); p != db.positionlist_end(did, *term); ++p)
        s += std::to_string(*p) + ",";
      s += " ";
    }
    for (auto v = d.values_begin(); v != d.values_end(); ++v)
      s += "\n" + std::to_string(v.get_valueno()) + "=" + *v;
    out[*t] = s;
  }
  return out;
}

TEST_F(IndexerTest, ParallelRebuildWritesWhatOneWriterWrites) {
  // Copies (one cluster) and distinct stories, over parts and shards.
  const std::string shared =
      "Negotiators from both sides returned to the table in Geneva on Wednesday, diplomats "
      "said, after a week in which the ceasefire held along most of the front line.";
  for (int i = 0; i < 24; ++i) {
    const std::string n = std::to_string(i);
    std::string own;  // enough words of its own not to look like a copy
    for (int k = 0; k < 30; ++k) own += "harvest" + n + "x" + std::to_string(k) + " ";
    Write("d" + std::to_string(i % 3) + "/f" + n + ".txt",
          i % 4 == 0 ? Story("Copy " + n, shared + " Filed by desk " + n + ".")
                     : Story("Story " + n, own + "."));
  }
  auto build = [&](const std::string& name, bool rebuild, unsigned writers, unsigned shards) {
    IndexOptions o;
    o.db_path = (dir_ / name).string();
    o.paths = {root_.string()};
    o.rebuild = rebuild;
    o.writers = writers;
    o.shards = shards;
    o.batch_size = 5;
    std::ostringstream out, err;
    EXPECT_EQ(RunIndex(o, out, err), 0) << err.str();
    return Contents(o.db_path);
  };
  const auto serial = build("serial", false, 1, 1);
  ASSERT_EQ(serial.size(), 24u);
  EXPECT_EQ(build("one-writer", true, 1, 1), serial);
  EXPECT_EQ(build("three-parts", true, 3, 1), serial);
  EXPECT_EQ(build("two-shards", true, 1, 2), serial);
  // A new sharded database without --rebuild: one writer per shard too.
  EXPECT_EQ(build("two-shards-update", false, 1, 2), serial);
  // The merged parts are one database, not a stub directory.
  EXPECT_TRUE(fs::exists(dir_ / "three-parts" / "iamglass"));
  EXPECT_TRUE(fs::exists(dir_ / "two-shards" / "XAPIANDB"));
  // Copies were recognised (one cluster for the six copies).
  Xapian::Database db((dir_ / "three-parts").string());
  std::map<std::string, int> clusters;
  for (auto t = db.allterms_begin("XCLUSTER"); t != db.allterms_end("XCLUSTER"); ++t)
    clusters[*t] = static_cast<int>(t.get_termfreq());
  EXPECT_EQ(clusters.size(), 19u);

  // An update (changed, new and deleted files, a copy that joins a cluster)
  // gives the same articles in one database and in parallel-written shards.
  Write("d1/f1.txt", Story("Copy again", shared + " Filed late."));
  Write("d1/new.txt", Story("New", "harvest news of its own " + std::string(200, 'x') + "."));
  fs::remove(root_ / "d2/f2.txt");
  const auto serial_update = build("serial", false, 1, 1);
  EXPECT_EQ(serial_update.size(), 24u);
  EXPECT_NE(serial_update, serial);
  EXPECT_EQ(build("two-shards-update", false, 1, 2), serial_update);
  EXPECT_EQ(build("two-shards", false, 1, 2), serial_update);
}

TEST_F(IndexerTest, AdvisesRebuildWhenMuchChanged) {
  for (int i = 0; i < 10; ++i) Write("f" + std::to_string(i) + ".txt", Story("S" + std::to_string(i), "x."));
  RunResult first = Index();
  EXPECT_EQ(first.out.find("note:"), std::string::npos) << first.out;
  for (int i = 10; i < 14; ++i) Write("f" + std::to_string(i) + ".txt", Story("S" + std::to_string(i), "y."));
  RunResult more = Index();
  EXPECT_NE(more.out.find("--rebuild re-extracts them all"), std::string::npos) << more.out;
  RunResult rebuilt = Index({}, true);
  EXPECT_EQ(rebuilt.out.find("note:"), std::string::npos) << rebuilt.out;
}

}  // namespace
}  // namespace lede

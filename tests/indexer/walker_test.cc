// Tests for indexer/walker on a temporary tree.
#include "indexer/walker.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace lede {
namespace {
namespace fs = std::filesystem;

class WalkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lede-walker-XXXXXX";
    root_ = ::mkdtemp(tmpl);
    fs::create_directories(root_ / "a" / "b");
    fs::create_directories(root_ / "dir.txt");  // a directory named like an article
    Touch(root_ / "one.txt");
    Touch(root_ / "a" / "two.txt");
    Touch(root_ / "a" / "b" / "three.txt");
    Touch(root_ / "a" / "skip.html");
    Touch(root_ / "a" / "manual.pdf");
    Touch(root_ / "a" / "scan.PDF");
    Touch(root_ / "a" / ".DS_Store");
    Touch(root_ / "name with spaces.txt");
    fs::create_symlink(root_ / "missing.txt", root_ / "broken.txt");
    fs::create_directory_symlink(root_, root_ / "a" / "loop");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Touch(const fs::path& p) { std::ofstream(p) << "x"; }
  fs::path root_;
};

TEST_F(WalkerTest, FindsArticleFilesRecursivelyWithRelativeIds) {
  WalkResult r = Walk({root_.string()}, {});
  std::vector<std::string> ids;
  for (const auto& f : r.files) ids.push_back(std::string(f.relative()));
  EXPECT_EQ(ids, (std::vector<std::string>{"a/b/three.txt", "a/skip.html", "a/two.txt",
                                           "name with spaces.txt", "one.txt"}));
}

TEST_F(WalkerTest, CountsIgnoredFilesByExtension) {
  WalkResult r = Walk({root_.string()}, {});
  EXPECT_EQ(r.ignored, (std::map<std::string, size_t>{{".pdf", 2}}));
  WalkOptions o;
  o.include = {"*.txt"};
  r = Walk({root_.string()}, o);
  EXPECT_EQ(r.ignored, (std::map<std::string, size_t>{{".html", 1}, {".pdf", 2}}));
}

TEST_F(WalkerTest, ReportsBrokenSymlinksAndLoops) {
  WalkResult r = Walk({root_.string()}, {});
  bool broken = false, loop = false;
  for (const auto& s : r.skipped) {
    if (s.reason == "broken symlink") broken = true;
    if (s.reason == "symlink loop") loop = true;
  }
  EXPECT_TRUE(broken);
  EXPECT_TRUE(loop);
}

TEST_F(WalkerTest, IncludeAndExcludeGlobs) {
  WalkOptions o;
  o.include = {"*.html", "*.txt"};
  o.exclude = {"two.*"};
  WalkResult r = Walk({root_.string()}, o);
  std::vector<std::string> ids;
  for (const auto& f : r.files) ids.push_back(std::string(f.relative()));
  EXPECT_EQ(ids, (std::vector<std::string>{"a/b/three.txt", "a/skip.html", "name with spaces.txt",
                                           "one.txt"}));
}

TEST_F(WalkerTest, MissingPathIsReportedNotThrown) {
  WalkResult r = Walk({(root_ / "nope").string()}, {});
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].reason, "no such file or directory");
}

TEST_F(WalkerTest, FileArgumentIsTakenWithItsName) {
  WalkResult r = Walk({(root_ / "a" / "two.txt").string()}, {});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].relative(), "two.txt");
}

}  // namespace
}  // namespace lede

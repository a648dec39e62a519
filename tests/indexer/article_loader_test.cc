// Tests for indexer/article_loader: every broken input is a skip reason or
// valid UTF-8 text, never a crash; limits are enforced.
#include "indexer/article_loader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/text/utf8.h"
#include "indexer/file_identity.h"

namespace lede {
namespace {
namespace fs = std::filesystem;

const std::string kBroken = std::string(LEDE_TEST_DATA_DIR) + "/broken/";

class LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lede-loader-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  fs::path dir_;
};

TEST_F(LoaderTest, FixturesDecodeOrSkipWithReason) {
  const struct {
    const char* file;
    const char* encoding;  // nullptr: skipped
    const char* reason_or_text;
  } cases[] = {
      {"bom-utf8.txt", "UTF-8 (BOM)", nullptr},
      {"utf16le.txt", "UTF-16LE", nullptr},
      {"utf16be.txt", "UTF-16BE", nullptr},
      {"cp1252.txt", "windows-1252", "\u201cQuoted,\u201d she said \u2014 caf\u00e9, \u00a35, \u20ac10."},
      {"latin1.txt", "ISO-8859-1", nullptr},
      {"invalid-utf8.txt", "UTF-8", nullptr},
      {"binary.txt", nullptr, "binary file (NUL bytes)"},
      {"empty.txt", nullptr, "empty file"},
      {"whitespace.txt", nullptr, "whitespace only"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    LoadOutcome lo = LoadArticleFile(kBroken + c.file);
    EXPECT_FALSE(lo.unreadable);
    EXPECT_EQ(lo.content_hash.size(), 16u);
    if (c.encoding == nullptr) {
      EXPECT_FALSE(lo.file.has_value());
      EXPECT_EQ(lo.skip_reason, c.reason_or_text);
      continue;
    }
    ASSERT_TRUE(lo.file.has_value()) << lo.skip_reason;
    EXPECT_TRUE(IsValidUtf8(lo.file->text));
    EXPECT_EQ(lo.file->encoding.rfind(c.encoding, 0), 0u) << lo.file->encoding;
    EXPECT_EQ(lo.file->text.rfind("\xEF\xBB\xBF", 0), std::string::npos);  // BOM removed
    if (c.reason_or_text) {
      EXPECT_EQ(lo.file->text.substr(0, lo.file->text.find('\n')), c.reason_or_text);
    }
  }
  EXPECT_TRUE(LoadArticleFile(kBroken + "invalid-utf8.txt").file->repaired);
}

TEST_F(LoaderTest, HashIsOfTheBytes) {
  std::string p = Write("a.txt", "Title\n\nBody text.\n");
  EXPECT_EQ(LoadArticleFile(p).content_hash, ContentHash("Title\n\nBody text.\n"));
}

TEST_F(LoaderTest, MissingDirectoryAndFifoAreSkipped) {
  LoadOutcome missing = LoadArticleFile((dir_ / "nope.txt").string());
  EXPECT_FALSE(missing.file);
  EXPECT_FALSE(missing.unreadable);  // gone, not unreadable
  EXPECT_NE(missing.skip_reason.find("No such file"), std::string::npos);

  fs::create_directory(dir_ / "dir.txt");
  LoadOutcome dir = LoadArticleFile((dir_ / "dir.txt").string());
  EXPECT_FALSE(dir.file);
  EXPECT_EQ(dir.skip_reason, "not a regular file");

  ASSERT_EQ(::mkfifo((dir_ / "fifo.txt").c_str(), 0644), 0);
  LoadOutcome fifo = LoadArticleFile((dir_ / "fifo.txt").string());  // must not block
  EXPECT_FALSE(fifo.file);
  EXPECT_EQ(fifo.skip_reason, "not a regular file");
}

TEST_F(LoaderTest, FileOverTheLimitIsSkippedUnread) {
  // Sparse: 200 MiB of size without 200 MiB of disk.
  std::string p = Write("huge.txt", "x");
  fs::resize_file(p, 200ull << 20);
  LoadOutcome lo = LoadArticleFile(p);
  EXPECT_FALSE(lo.file);
  EXPECT_FALSE(lo.unreadable);
  EXPECT_EQ(lo.skip_reason, "too large (200 MiB; limit 64 MiB)");
}

TEST_F(LoaderTest, UnreadableFileIsMarkedUnreadable) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file (tested as nobody in e2e)";
  std::string p = Write("secret.txt", "Title\n\nText.\n");
  fs::permissions(p, fs::perms::none);
  LoadOutcome lo = LoadArticleFile(p);
  EXPECT_FALSE(lo.file);
  EXPECT_TRUE(lo.unreadable);
  EXPECT_NE(lo.skip_reason.find("Permission denied"), std::string::npos);
}

TEST(CutLongLines, CutsOnlyLongLinesAtCharacterBoundaries) {
  std::string text = "short\n" + std::string(10, 'a') + "\nend";
  EXPECT_EQ(CutLongLines(text, 10), 0u);
  text = "short\n" + std::string(25, 'a') + "\nmid\n" + std::string(11, 'b');
  EXPECT_EQ(CutLongLines(text, 10), 2u);
  EXPECT_EQ(text, "short\n" + std::string(10, 'a') + "\nmid\n" + std::string(10, 'b'));
  // "é" is two bytes: a cut inside it backs up to its first byte.
  std::string accents = "aaaaaaaaa\xC3\xA9z";
  EXPECT_EQ(CutLongLines(accents, 10), 1u);
  EXPECT_EQ(accents, "aaaaaaaaa");
  EXPECT_TRUE(IsValidUtf8(accents));
}

TEST(CutLongLines, FiftyMegabyteLineBecomesOneShortLine) {
  std::string text = "Title\n\n" + std::string(50u << 20, 'w') + "\nLast line.\n";
  LoadOutcome lo = DecodeArticleBytes(text);
  ASSERT_TRUE(lo.file);
  EXPECT_EQ(lo.file->lines_cut, 1u);
  EXPECT_EQ(lo.file->text.size(), 7 + kMaxLineBytes + 12);
  EXPECT_EQ(lo.content_hash, ContentHash(text));  // of the bytes, before the cut
}

}  // namespace
}  // namespace lede

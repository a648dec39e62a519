// Tests for indexer/article_loader: a file becomes records, or a skip reason;
// every broken input decodes to a skip reason or valid UTF-8 text, never a
// crash; limits are enforced.
#include "indexer/article_loader.h"

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "common/extract/record.h"
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
      {"cp1252.txt", "windows-1252",
       "\u201cQuoted,\u201d she said \u2014 caf\u00e9, \u00a35, \u20ac10."},
      {"latin1.txt", "ISO-8859-1", nullptr},
      {"invalid-utf8.txt", "UTF-8", nullptr},
      {"binary.txt", nullptr, "binary file (NUL bytes)"},
      {"empty.txt", nullptr, "empty file"},
      {"whitespace.txt", nullptr, "whitespace only"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    InputRead read = ReadInputFile(kBroken + c.file, std::string("dir/") + c.file);
    EXPECT_FALSE(read.unreadable);
    EXPECT_EQ(read.skip_reason, "");
    ASSERT_EQ(read.records.size(), 1u);
    const Record& r = read.records[0];
    EXPECT_EQ(r.id, std::string("dir/") + c.file);  // a whole file: its record's id is the file's
    EXPECT_EQ(r.file_id, r.id);
    EXPECT_EQ(r.key, "");
    EXPECT_EQ(r.format, RecordFormat::kText);
    EXPECT_EQ(r.content_hash.size(), 16u);
    DecodedRecord d = DecodeRecord(r);
    if (c.encoding == nullptr) {
      ASSERT_TRUE(std::holds_alternative<NotText>(d));
      EXPECT_EQ(NotTextReason(std::get<NotText>(d)), c.reason_or_text);
      continue;
    }
    ASSERT_TRUE(std::holds_alternative<ArticleText>(d));
    const ArticleText& t = std::get<ArticleText>(d);
    EXPECT_TRUE(IsValidUtf8(t.text));
    EXPECT_EQ(t.encoding.rfind(c.encoding, 0), 0u) << t.encoding;
    EXPECT_EQ(t.text.rfind("\xEF\xBB\xBF", 0), std::string::npos);  // BOM removed
    if (c.reason_or_text) {
      EXPECT_EQ(t.text.substr(0, t.text.find('\n')), c.reason_or_text);
    }
  }
  const InputRead bad = ReadInputFile(kBroken + "invalid-utf8.txt", "x");
  EXPECT_TRUE(std::get<ArticleText>(DecodeRecord(bad.records.at(0))).repaired);
}

TEST_F(LoaderTest, HashIsOfTheBytes) {
  std::string p = Write("a.txt", "Title\n\nBody text.\n");
  EXPECT_EQ(ReadInputFile(p, "a.txt").records.at(0).content_hash,
            ContentHash("Title\n\nBody text.\n"));
}

TEST_F(LoaderTest, RecordKeepsWhereItCameFrom) {
  std::string p = Write("b.txt", "Title\n\nBody.\n");
  InputRead read = ReadInputFile(p, "corpus/b.txt");
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0].path, p);
  EXPECT_EQ(read.records[0].locator, "");
  EXPECT_EQ(read.records[0].bytes, "Title\n\nBody.\n");
  EXPECT_TRUE(read.records[0].meta.empty());
}

TEST_F(LoaderTest, MissingDirectoryAndFifoAreSkipped) {
  InputRead missing = ReadInputFile((dir_ / "nope.txt").string(), "nope.txt");
  EXPECT_TRUE(missing.records.empty());
  EXPECT_FALSE(missing.unreadable);  // gone, not unreadable
  EXPECT_NE(missing.skip_reason.find("No such file"), std::string::npos);

  fs::create_directory(dir_ / "dir.txt");
  InputRead dir = ReadInputFile((dir_ / "dir.txt").string(), "dir.txt");
  EXPECT_TRUE(dir.records.empty());
  EXPECT_EQ(dir.skip_reason, "not a regular file");

  ASSERT_EQ(::mkfifo((dir_ / "fifo.txt").c_str(), 0644), 0);
  InputRead fifo = ReadInputFile((dir_ / "fifo.txt").string(), "fifo.txt");  // must not block
  EXPECT_TRUE(fifo.records.empty());
  EXPECT_EQ(fifo.skip_reason, "not a regular file");
}

TEST_F(LoaderTest, FileOverTheLimitIsSkippedUnread) {
  // Sparse: 200 MiB of size without 200 MiB of disk.
  std::string p = Write("huge.txt", "x");
  fs::resize_file(p, 200ull << 20);
  InputRead read = ReadInputFile(p, "huge.txt");
  EXPECT_TRUE(read.records.empty());
  EXPECT_FALSE(read.unreadable);
  EXPECT_EQ(read.skip_reason, "too large (200 MiB; limit 64 MiB)");
}

TEST_F(LoaderTest, UnreadableFileIsMarkedUnreadable) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file (tested as nobody in e2e)";
  std::string p = Write("secret.txt", "Title\n\nText.\n");
  fs::permissions(p, fs::perms::none);
  InputRead read = ReadInputFile(p, "secret.txt");
  EXPECT_TRUE(read.records.empty());
  EXPECT_TRUE(read.unreadable);
  EXPECT_NE(read.skip_reason.find("Permission denied"), std::string::npos);
}

}  // namespace
}  // namespace lede

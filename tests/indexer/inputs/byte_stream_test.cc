#include "indexer/inputs/byte_stream.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/indexer/inputs/warc_test_util.h"

namespace lede {
namespace {

using testing::GzipMember;

// Reads everything, marking each gap with "|".
std::string ReadAll(ByteStream& s, size_t chunk = 7) {
  std::string out;
  std::string buf(chunk, '\0');
  for (;;) {
    size_t n = s.Read(buf.data(), buf.size());
    out.append(buf, 0, n);
    if (s.TakeGap()) {
      out += "|";
      continue;
    }
    if (n == 0) return out;
  }
}

TEST(ByteStream, PlainBytesPassThrough) {
  ByteStream s(std::string("hello\nworld\n"), ByteStream::kInMemory);
  EXPECT_FALSE(s.gzip());
  EXPECT_EQ(ReadAll(s), "hello\nworld\n");
  EXPECT_TRUE(s.problems().empty());
}

TEST(ByteStream, GzipMembersAreJoined) {
  std::string a(100000, 'a');  // spans several reads
  ByteStream s(GzipMember(a) + GzipMember("bc") + GzipMember("d"), ByteStream::kInMemory);
  EXPECT_TRUE(s.gzip());
  EXPECT_EQ(ReadAll(s, 4096), a + "bcd");
  EXPECT_TRUE(s.problems().empty());
}

TEST(ByteStream, FileOffsetOfGivesTheMember) {
  const std::string m1 = GzipMember("first"), m2 = GzipMember("second");
  ByteStream s(m1 + m2, ByteStream::kInMemory);
  EXPECT_EQ(ReadAll(s), "firstsecond");
  EXPECT_EQ(s.FileOffsetOf(0), 0u);
  EXPECT_EQ(s.FileOffsetOf(4), 0u);
  EXPECT_EQ(s.FileOffsetOf(5), m1.size());
  EXPECT_EQ(s.FileOffsetOf(10), m1.size());
}

TEST(ByteStream, CorruptMemberIsAGapAndReadingGoesOn) {
  const std::string m1 = GzipMember("one "), m3 = GzipMember("three");
  std::string m2 = GzipMember(std::string(5000, 'x') + "two");
  for (size_t i = 12; i < 40; ++i) m2[i] = static_cast<char>(0xff);  // wreck the deflate data
  ByteStream s(m1 + m2 + m3, ByteStream::kInMemory);
  const std::string got = ReadAll(s);
  EXPECT_EQ(got.substr(0, 4), "one ");
  EXPECT_NE(got.find('|'), std::string::npos);
  EXPECT_EQ(got.substr(got.size() - 5), "three");
  ASSERT_EQ(s.problems().size(), 1u);
  EXPECT_EQ(s.problems()[0].offset, m1.size());
  EXPECT_NE(s.problems()[0].what.find("corrupt gzip data"), std::string::npos);
}

TEST(ByteStream, TruncatedMemberIsReported) {
  const std::string m1 = GzipMember("complete"), m2 = GzipMember(std::string(3000, 'y'));
  ByteStream s(m1 + m2.substr(0, m2.size() / 2), ByteStream::kInMemory);
  const std::string got = ReadAll(s);
  EXPECT_EQ(got.substr(0, 8), "complete");
  ASSERT_EQ(s.problems().size(), 1u);
  EXPECT_NE(s.problems()[0].what.find("truncated"), std::string::npos);
}

TEST(ByteStream, GarbageBetweenMembersIsSkipped) {
  ByteStream s(GzipMember("a") + "junk junk" + GzipMember("b"), ByteStream::kInMemory);
  EXPECT_EQ(ReadAll(s), "a|b");
  ASSERT_EQ(s.problems().size(), 1u);
  EXPECT_EQ(s.problems()[0].offset, GzipMember("a").size());
}

TEST(ByteStream, MissingFileThrows) {
  EXPECT_THROW(ByteStream("/nonexistent/file.warc.gz"), std::exception);
}

}  // namespace
}  // namespace lede

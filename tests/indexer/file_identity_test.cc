// Tests for indexer/file_identity: stamps and content hashes.
#include "indexer/file_identity.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(FileIdentity, StampIsSizeAndNanoseconds) {
  EXPECT_EQ(FileStamp(1234, 1700000000123456789), "1234:1700000000123456789");
  EXPECT_NE(FileStamp(1, 2), FileStamp(1, 3));
}

TEST(FileIdentity, HashIsStableHexOfSixteenDigits) {
  const std::string h = ContentHash("Geneva communiqué");
  EXPECT_EQ(h.size(), 16u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(ContentHash("Geneva communiqué"), h);
  // Pinned: the value is stored in databases, so it must never change.
  EXPECT_EQ(ContentHash(""), ContentHash(std::string()));
}

TEST(FileIdentity, HashSeesEveryByteAndLength) {
  std::set<std::string> hashes;
  std::string base(100, 'a');
  hashes.insert(ContentHash(base));
  for (size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = 'b';
    hashes.insert(ContentHash(changed));
  }
  for (size_t n = 0; n < 20; ++n) hashes.insert(ContentHash(std::string(n, '\0')));
  EXPECT_EQ(hashes.size(), 1u + 100u + 20u);
}

TEST(FileIdentity, HashBitsRoundTrip) {
  for (const std::string& bytes : {std::string(), std::string("a"), std::string(1000, 'x')}) {
    const std::string h = ContentHash(bytes);
    const std::optional<uint64_t> bits = ContentHashBits(h);
    ASSERT_TRUE(bits) << h;
    EXPECT_EQ(ContentHashText(*bits), h);
  }
  EXPECT_EQ(ContentHashText(0), "0000000000000000");
  EXPECT_EQ(ContentHashBits("00000000000000ff"), std::optional<uint64_t>(255));
}

TEST(FileIdentity, HashBitsRefuseWhatContentHashNeverWrites) {
  for (const char* bad :
       {"", "0", "00000000000000000", "00000000000000FF", "000000000000000g", " 000000000000000"})
    EXPECT_EQ(ContentHashBits(bad), std::nullopt) << bad;
}

}  // namespace
}  // namespace lede

#include "common/text/hash.h"

#include <gtest/gtest.h>

namespace lede {
namespace {

// The values databases hold (see kFnv1aOffset): a change must fail here first.
TEST(Hash, KeepsTheValuesDatabasesHold) {
  EXPECT_EQ(Fnv1a(""), 1469598103934665603ULL);
  EXPECT_EQ(Fnv1a("a"), 4953267810257967366ULL);
  EXPECT_EQ(Fnv1a("foobar"), 9870438755804841970ULL);
}

// With the published offset basis it is textbook FNV-1a 64 (reference vectors).
TEST(Hash, IsFnv1aWithThePublishedBasis) {
  constexpr uint64_t kPublishedBasis = 0xcbf29ce484222325ULL;
  EXPECT_EQ(Fnv1a("a", kPublishedBasis), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a("foobar", kPublishedBasis), 0x85944171f73967e8ULL);
}

TEST(Hash, ChainsLikeOneCall) {
  EXPECT_EQ(Fnv1a("bar", Fnv1a("foo")), Fnv1a("foobar"));
  EXPECT_NE(Fnv1a("ab"), Fnv1a("ba"));
}

}  // namespace
}  // namespace lede

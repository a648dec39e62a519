// Tests for common/near_duplicate: copies of one story score above the
// threshold, different stories on the same subject below it.
#include "common/index/near_duplicate.h"

#include <gtest/gtest.h>

namespace lede {
namespace {

const char* kStory =
    "Negotiators from both sides returned to the table in Geneva on Wednesday, diplomats said, "
    "after a week in which the ceasefire held along most of the front line.\n\n"
    "The talks, mediated by the United Nations envoy, are expected to focus on prisoner "
    "exchanges and on the opening of humanitarian corridors to besieged towns in the north.\n\n"
    "\"We are cautiously optimistic,\" one Western diplomat told reporters, speaking on "
    "condition of anonymity because the discussions were confidential.\n\n"
    "The envoy is due to brief the Security Council in New York next week on the progress made "
    "so far and on the obstacles that remain.\n\n"
    "Previous rounds collapsed over the sequencing of a political transition, with each side "
    "accusing the other of bad faith and of violating earlier agreements.";

// The same story, last paragraph trimmed, another outlet's line added, and
// case and accents changed.
const char* kCopy =
    "NEGOTIATORS from both sides returned to the table in Genève on Wednesday, diplomats said, "
    "after a week in which the ceasefire held along most of the front line.\n\n"
    "The talks, mediated by the United Nations envoy, are expected to focus on prisoner "
    "exchanges and on the opening of humanitarian corridors to besieged towns in the north.\n\n"
    "\"We are cautiously optimistic,\" one Western diplomat told reporters, speaking on "
    "condition of anonymity because the discussions were confidential.\n\n"
    "The envoy is due to brief the Security Council in New York next week on the progress made "
    "so far and on the obstacles that remain.\n\n"
    "Follow us on Twitter for more news.";

const char* kOtherStory =
    "A United Nations aid convoy reached a besieged town in the north on Thursday, two weeks "
    "after negotiators in Geneva agreed to open humanitarian corridors under the ceasefire.\n\n"
    "Trucks carrying flour, medicine and blankets entered the town at dawn, a spokeswoman for "
    "the World Food Programme said, adding that more convoys were planned for the coming days.";

TEST(NearDuplicate, IdenticalBodiesAreIdentical) {
  auto a = ComputeMinHash(kStory);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(EstimatedSimilarity(*a, *a), 1.0);
  EXPECT_EQ(*ComputeMinHash(kStory), *a);  // deterministic
}

TEST(NearDuplicate, TrimmedCopyWithBoilerplateIsACopy) {
  auto a = ComputeMinHash(kStory);
  auto b = ComputeMinHash(kCopy);
  ASSERT_TRUE(a && b);
  EXPECT_GE(EstimatedSimilarity(*a, *b), kNearDuplicateThreshold);
  // A copy shares at least one LSH band, so the index lookup finds it.
  auto ka = BandKeys(*a), kb = BandKeys(*b);
  bool shared = false;
  for (size_t i = 0; i < ka.size(); ++i) shared = shared || ka[i] == kb[i];
  EXPECT_TRUE(shared);
}

TEST(NearDuplicate, SameSubjectOtherStoryIsNot) {
  auto a = ComputeMinHash(kStory);
  auto c = ComputeMinHash(kOtherStory);
  ASSERT_TRUE(a && c);
  EXPECT_LT(EstimatedSimilarity(*a, *c), 0.2);
}

TEST(NearDuplicate, SignatureValuesAreStable) {
  // Stored in databases: the values of an earlier build, for a body whose
  // repeated sentence repeats shingles (each distinct shingle counts once).
  const auto sig = ComputeMinHash(
      "The minister said the talks would resume next week. The minister said the talks would "
      "resume next week, after the opposition left the capital on Monday and the army returned "
      "to its barracks in the north.");
  ASSERT_TRUE(sig);
  EXPECT_EQ((*sig)[0], 0x040ffb65u);
  EXPECT_EQ((*sig)[1], 0x050be064u);
  EXPECT_EQ((*sig)[2], 0x08d5cd2cu);
  EXPECT_EQ((*sig)[3], 0x00ab8191u);
}

TEST(NearDuplicate, ShortBodiesHaveNoSignature) {
  EXPECT_FALSE(ComputeMinHash("").has_value());
  EXPECT_FALSE(ComputeMinHash("Breaking: talks resume.").has_value());
  EXPECT_FALSE(ComputeMinHash("word word word word word word word word word word").has_value());
}

TEST(NearDuplicate, SignatureEncodingRoundTrips) {
  auto a = ComputeMinHash(kStory);
  ASSERT_TRUE(a);
  const std::string bytes = EncodeSignature(*a);
  EXPECT_EQ(bytes.size(), kMinHashSize * 4);
  EXPECT_EQ(DecodeSignature(bytes), a);
  EXPECT_FALSE(DecodeSignature("").has_value());
  EXPECT_FALSE(DecodeSignature(bytes.substr(1)).has_value());
}

TEST(NearDuplicate, BandKeysAreOnePerBand) {
  auto keys = BandKeys(*ComputeMinHash(kStory));
  ASSERT_EQ(keys.size(), kMinHashBands);
  EXPECT_EQ(keys[0].substr(0, 2), "0:");
  EXPECT_EQ(keys[15].substr(0, 3), "15:");
}

}  // namespace
}  // namespace lede

// Tests for indexer/progress: the line's text and that it stays off when
// disabled (not a terminal, --quiet).
#include "indexer/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace lede {
namespace {

TEST(Progress, FormatsCountsRateAndTimeLeft) {
  EXPECT_EQ(FormatProgress("indexing", 0, 100, 0, 0.0), "indexing 0/100 files");
  EXPECT_EQ(FormatProgress("indexing", 50, 100, 40, 10.0),
            "indexing 50/100 files, 4 articles/s, 0:10 left");
  EXPECT_EQ(FormatProgress("indexing", 200, 7300, 200, 2.0),
            "indexing 200/7300 files, 100 articles/s, 1:11 left");
  EXPECT_EQ(FormatProgress("indexing", 10, 40000, 10, 10.0),
            "indexing 10/40000 files, 1 article/s, 11:06:30 left");
  EXPECT_EQ(FormatProgress("indexing", 100, 100, 90, 2.0), "indexing 100/100 files, 45 articles/s");
}

TEST(Progress, NoRateOrEstimateBeforeTheyMeanSomething) {
  // Checking files writes no article: no "0 articles/s".
  EXPECT_EQ(FormatProgress("checking", 500, 1000, 0, 5.0), "checking 500/1000 files, 0:05 left");
  // The first instants and the first files say nothing yet.
  EXPECT_EQ(FormatProgress("indexing", 50, 100, 50, 0.5), "indexing 50/100 files");
  EXPECT_EQ(FormatProgress("indexing", 3, 4000, 3, 3.0), "indexing 3/4000 files, 1 article/s");
  // Under a second left: no "0:00 left".
  EXPECT_EQ(FormatProgress("checking", 999, 1000, 0, 5.0), "checking 999/1000 files");
}

TEST(Progress, DisabledWritesNothing) {
  std::ostringstream out;
  Progress p(out, false);
  p.Start("indexing", 10);
  p.Update(5, 5);
  p.Clear();
  EXPECT_EQ(out.str(), "");
}

TEST(Progress, EnabledRedrawsInPlaceAndErases) {
  std::ostringstream out;
  Progress p(out, true);
  p.Start("indexing", 2);
  p.Update(2, 2);
  p.Clear();
  const std::string s = out.str();
  EXPECT_EQ(s.rfind("\r\x1b[K", 0), 0u);
  EXPECT_NE(s.find("indexing 2/2 files"), std::string::npos);
  EXPECT_EQ(s.find('\n'), std::string::npos);  // in place, never a new line
  EXPECT_EQ(s.substr(s.size() - 4), "\r\x1b[K");
}

}  // namespace
}  // namespace lede

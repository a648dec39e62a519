// The English stop words: the query view and the frequent-word view of one
// table.
#include "common/text/stopwords.h"

#include <algorithm>
#include <string_view>

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(Stopwords, QueryViewIsTheSnowballList) {
  for (std::string_view w : {"the", "a", "yourselves", "aren't", "above", "between"}) {
    EXPECT_TRUE(IsEnglishStopword(w)) << w;
  }
  // Frequent in news text but meaningful in a query.
  for (std::string_view w : {"said", "also", "one", "may", "us", "just", "", "bridge", "The"}) {
    EXPECT_FALSE(IsEnglishStopword(w)) << w;
  }
}

TEST(Stopwords, FrequentViewIsTheShortFunctionWordList) {
  const auto& words = EnglishFrequentWords();
  EXPECT_EQ(words.size(), 89u);
  EXPECT_TRUE(std::is_sorted(words.begin(), words.end()));
  auto has = [&](std::string_view w) { return std::binary_search(words.begin(), words.end(), w); };
  EXPECT_TRUE(has("the"));
  EXPECT_TRUE(has("said"));
  EXPECT_FALSE(has("above"));  // a query stop word, too rare to vote
  EXPECT_FALSE(has("aren't"));
}

}  // namespace
}  // namespace lede

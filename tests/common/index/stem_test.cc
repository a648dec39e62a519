// Tests for stemming: a query word finds the other forms of the word.
#include "common/index/stem.h"

#include <gtest/gtest.h>

#include "common/text/normalize.h"
#include "common/index/schema.h"

namespace lede {
namespace {

std::string Z(const char* word) {
  return schema::StemTerm(MakeStemmer("en"), NormalizeTerm(word));
}

TEST(Stem, EnglishFormsShareAStem) {
  EXPECT_EQ(Z("negotiate"), Z("negotiations"));
  EXPECT_EQ(Z("negotiate"), Z("negotiating"));
  EXPECT_EQ(Z("talk"), Z("talks"));
  EXPECT_EQ(Z("Russia's"), Z("Russia"));
  EXPECT_EQ(Z("NEGOTIATIONS"), Z("negotiate"));  // capitals stem too
  EXPECT_EQ(Z("negotiate").substr(0, 1), "Z");
}

TEST(Stem, LanguageNames) {
  EXPECT_EQ(StemmerNameFor("en"), "english");
  EXPECT_EQ(StemmerNameFor("de"), "german");
  EXPECT_EQ(StemmerNameFor("ja"), "");
  EXPECT_EQ(StemmerNameFor(""), "");
}

// Every name given is one this Xapian has, so no article's language makes
// the indexer or the searcher throw (Xapian 1.4 has no Greek stemmer).
TEST(Stem, EveryLanguageGetsAStemmerThisXapianHas) {
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; ++b) {
      const std::string code{a, b};
      const std::string name = StemmerNameFor(code);
      if (!name.empty()) {
        EXPECT_NO_THROW(Xapian::Stem{name}) << code;
      }
      EXPECT_NO_THROW(StemmerNamed(StemmerGroupFor(code))) << code;
      EXPECT_NO_THROW(MakeStemmer(code)) << code;
    }
  }
  const std::string available = Xapian::Stem::get_available_languages();
  if (available.find("greek") == std::string::npos) {
    EXPECT_EQ(StemmerGroupFor("el"), "english");
  }
}

}  // namespace
}  // namespace lede

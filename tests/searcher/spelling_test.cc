// Tests for searcher/spelling: suggestions from the indexed words, the rest
// of the query kept as typed.
#include "searcher/spelling.h"

#include <gtest/gtest.h>

#include "tests/searcher/test_db.h"

namespace lede {
namespace {

TEST(Spelling, SuggestsIndexedWordsKeepingSyntax) {
  auto db = testing::MakeDb(
      {{"a", "The Geneva Communiqué was signed by Lavrov.", std::nullopt, std::nullopt}});
  EXPECT_EQ(SuggestSpelling(db, "comunique"), "communique");
  EXPECT_EQ(SuggestSpelling(db, "\"Genva comunique\" AND lavrov"),
            "\"geneva communique\" AND lavrov");
  EXPECT_EQ(SuggestSpelling(db, "title:genva"), "title:geneva");
  EXPECT_EQ(SuggestSpelling(db, "geneva"), "");                   // known: no suggestion
  EXPECT_EQ(SuggestSpelling(db, "zzyzxqwv"), "");                 // nothing close
  EXPECT_EQ(SuggestSpelling(db, "date:2012 source:xinhau"), "");  // field values are not words
}

}  // namespace
}  // namespace lede

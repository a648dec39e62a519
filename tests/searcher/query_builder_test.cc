// Tests for searcher/query_builder: the query side normalizes like the index.
#include "searcher/query_builder.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace lede {
namespace {

struct Case {
  const char* in;
  const char* out;
};

TEST(PreprocessQuery, NormalizesWordsAndKeepsSyntax) {
  const Case cases[] = {
      {"Geneva communiqué", "geneva communique"},
      {"GENEVA COMMUNIQUE", "geneva communique"},
      {"\"Geneva Communiqué\"", "\"geneva communique\""},
      {"“Geneva Communiqué”", "\"geneva communique\""},
      {"Lavrov AND Kerry NOT Geneva", "lavrov AND kerry NOT geneva"},
      {"title:Lavrov source:Xinhua", "title:lavrov source:xinhua"},
      {"+Syria -Iran (talks OR dialogue)", "+syria -iran (talks OR dialogue)"},
      {"follow-up U.N.", "follow-up un"},
      {"東京", "\"東 京\""},
      {"\"東京 会議\"", "\"東 京 会 議\""},
  };
  for (const Case& c : cases) EXPECT_EQ(PreprocessQuery(c.in), c.out) << c.in;
}

std::string Describe(const ParsedQuery& q) { return q.query.get_description(); }

TEST(QueryBuilder, StemsAllTermsWithZPrefix) {
  QueryBuilder qb{Xapian::Database()};
  ParsedQuery q = qb.Parse("Negotiations");
  EXPECT_NE(Describe(q).find("Znegoti"), std::string::npos) << Describe(q);
  EXPECT_TRUE(q.highlight_terms.count("Znegoti"));
}

TEST(QueryBuilder, PhrasesAreStemmedToo) {
  QueryBuilder qb{Xapian::Database()};
  ParsedQuery q = qb.Parse("\"Geneva communiqués\"");
  EXPECT_NE(Describe(q).find("PHRASE"), std::string::npos) << Describe(q);
  EXPECT_NE(Describe(q).find("Zcommuniqu"), std::string::npos) << Describe(q);
}

TEST(QueryBuilder, TitleAndSourceFields) {
  QueryBuilder qb{Xapian::Database()};
  EXPECT_NE(Describe(qb.Parse("title:Lavrov")).find("ZSlavrov"), std::string::npos);
  EXPECT_NE(Describe(qb.Parse("syria source:Xinhua")).find("XSOURCExinhua"), std::string::npos);
}

TEST(QueryBuilder, DropsStopWordsOutsidePhrases) {
  QueryBuilder qb{Xapian::Database()};
  std::string d = Describe(qb.Parse("the talks"));
  EXPECT_EQ(d.find("Zthe"), std::string::npos) << d;
  // A query of stop words only still searches them.
  EXPECT_FALSE(qb.Parse("the who").query.empty());
}

TEST(QueryBuilder, MalformedQueriesNeverFail) {
  QueryBuilder qb{Xapian::Database()};
  const char* bad[] = {"\"unbalanced", "(foo OR", "foo AND", "multi-agent", "AT&T", "C++",
                       ")))", "NOT", "\"\"", "title:", "-", "foo NEAR"};
  for (const char* q : bad) {
    try {
      qb.Parse(q);
    } catch (const QueryError&) {
      // Acceptable only when nothing searchable is left.
    }
  }
  EXPECT_THROW(qb.Parse("!!! ???"), QueryError);
}

}  // namespace
}  // namespace lede

// Tests for searcher/query_builder: the query side normalizes like the index.
#include "searcher/query_builder.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "common/error.h"
#include "common/index/schema.h"

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

namespace lede {
namespace {

// Articles are stemmed in their own language; a query finds each article by
// the stem its own language gives the query word.
TEST(QueryBuilder, StemsPerLanguageGroup) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  schema::StoredArticle en;
  en.id = "en.txt";
  en.title = "Talks";
  en.body = "The negotiations continued in Geneva.";
  en.language = "en";
  schema::StoredArticle de;
  de.id = "de.txt";
  de.title = "Gespräche";
  de.body = "Die Verhandlungen über Syrien gehen weiter.";
  de.language = "de";
  const Xapian::Stem english("english");
  db.add_document(schema::BuildDocument(en, english));
  db.add_document(schema::BuildDocument(de, english));
  EXPECT_TRUE(db.term_exists("XSTEMgerman"));
  EXPECT_TRUE(db.term_exists("Zverhandl"));  // German stem, not English's "verhandlungen"

  QueryBuilder qb{db};
  auto ids = [&](const std::string& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(qb.Parse(q).query);
    std::vector<std::string> out;
    Xapian::MSet m = enquire.get_mset(0, 10);
    for (auto it = m.begin(); it != m.end(); ++it)
      out.push_back(schema::DecodeData(it.get_document().get_data()).id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids("Verhandlung"), (std::vector<std::string>{"de.txt"}));
  EXPECT_EQ(ids("negotiate"), (std::vector<std::string>{"en.txt"}));
  EXPECT_EQ(ids("Geneva OR Syrien"), (std::vector<std::string>{"de.txt", "en.txt"}));
  // Highlight terms hold both groups' stems.
  ParsedQuery pq = qb.Parse("Verhandlungen");
  EXPECT_TRUE(pq.highlight_terms.count("Zverhandl"));
}

TEST(PreprocessQuery, DropsElisionsOnlyWhenAsked) {
  EXPECT_EQ(PreprocessQuery("à l'Élysée", true), "a elysee");
  EXPECT_EQ(PreprocessQuery("d\u2019Estaing", true), "estaing");
  EXPECT_EQ(PreprocessQuery("l'Élysée"), "l'elysee");
}

TEST(QueryBuilder, WordsMeanAllOfThemWithAnyWordsBeside) {
  QueryBuilder qb{Xapian::Database()};
  const ParsedQuery q = qb.Parse("lavrov kerry");
  EXPECT_EQ(q.query.get_type(), Xapian::Query::OP_AND) << Describe(q);
  ASSERT_FALSE(q.any_words.empty());
  EXPECT_EQ(q.any_words.get_type(), Xapian::Query::OP_OR);
  // One word, or explicit operators only: nothing else to fall back on.
  EXPECT_TRUE(qb.Parse("lavrov").any_words.empty());
  EXPECT_TRUE(qb.Parse("lavrov OR kerry").any_words.empty());
  // --any: OR only.
  const ParsedQuery any = qb.Parse("lavrov kerry", true);
  EXPECT_EQ(any.query.get_type(), Xapian::Query::OP_OR);
  EXPECT_TRUE(any.any_words.empty());
  // Exclusions stay exclusions in both.
  const ParsedQuery not_geneva = qb.Parse("syria talks -geneva");
  EXPECT_EQ(not_geneva.query.get_type(), Xapian::Query::OP_AND_NOT);
  EXPECT_EQ(not_geneva.any_words.get_type(), Xapian::Query::OP_AND_NOT);
}

TEST(QueryBuilder, WildcardsExpandOverStems) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  for (const char* t : {"Znegoti", "Znegotiabl", "Znew", "Zrain"}) doc.add_term(t);
  db.add_document(doc);
  QueryBuilder qb(db);
  // "negotiat" runs past the stem "negoti": the wildcard starts from it.
  const std::string d = Describe(qb.Parse("negotiat*"));
  EXPECT_NE(d.find("WILDCARD"), std::string::npos) << d;
  EXPECT_NE(d.find("Znegoti"), std::string::npos) << d;
  EXPECT_EQ(d.find("Znegotiat"), std::string::npos) << d;
  Xapian::Enquire e(db);
  e.set_query(qb.Parse("negotiat*").query);
  EXPECT_EQ(e.get_mset(0, 10).size(), 1u);
  e.set_query(qb.Parse("zzz*").query);
  EXPECT_EQ(e.get_mset(0, 10).size(), 0u);
}

}  // namespace
}  // namespace lede

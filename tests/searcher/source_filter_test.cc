// Tests for searcher/source_filter: names match whatever their case, accents
// or spacing, OR between names.
#include "searcher/source_filter.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/searcher/test_db.h"

namespace lede {
namespace {

using testing::Ids;

TEST(SourceFilter, TermsIgnoreCaseAccentsAndSpacing) {
  EXPECT_EQ(SourceTerm("Xinhua"), "XSOURCExinhua");
  EXPECT_EQ(SourceTerm("AGÊNCIA  brasil"), SourceTerm("agencia brasil"));
  EXPECT_EQ(SourceTerm("Agência Brasil"), "XSOURCEagencia_brasil");
  EXPECT_EQ(SourceTerm("agencia_brasil"), "XSOURCEagencia_brasil");
  EXPECT_EQ(SourceTerm("The Guardian"), SourceTerm("guardian"));  // a leading "the" dropped
  EXPECT_EQ(SourceTerm("The"), "XSOURCEthe");
  EXPECT_THROW(SourceTerm(" -- "), QueryError);
  EXPECT_TRUE(SourcesQuery({}).empty());
}

TEST(SourceFilter, AnyOfTheNamesMatches) {
  auto db = testing::MakeDb({{"a", "syria talks", std::nullopt, "Xinhua"},
                             {"b", "syria talks", std::nullopt, "Agência Brasil"},
                             {"c", "syria talks", std::nullopt, "VOA"},
                             {"d", "syria talks", std::nullopt, std::nullopt}});
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("Zsyria"),
                            SourcesQuery({"xinhua", "AGENCIA BRASIL"})));
  auto ids = Ids(e.get_mset(0, 10));
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b"}));
  Xapian::QueryParser qp;
  auto error = std::make_shared<std::string>();
  qp.add_boolean_prefix("source", (new SourceFieldProcessor(error))->release());
  e.set_query(qp.parse_query(
      "source:VOA", Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT));
  EXPECT_EQ(Ids(e.get_mset(0, 10)), (std::vector<std::string>{"c"}));
  EXPECT_TRUE(error->empty());
  // A name with no word: no exception through Xapian's parser, an error left.
  qp.parse_query("source:\"--\"", Xapian::QueryParser::FLAG_DEFAULT);
  EXPECT_NE(error->find("invalid source"), std::string::npos) << *error;
}

TEST(SourceFilter, EitherNameOrOneOfThem) {
  // People's Daily running Xinhua copy; Xinhua's own site; an outlet's own story.
  auto db = testing::MakeDb({{"pd", "syria talks", std::nullopt, "Xinhua", "People's Daily"},
                             {"xh", "syria talks", std::nullopt, "Xinhua", "Xinhua"},
                             {"own", "syria talks", std::nullopt, std::nullopt, "People's Daily"}});
  auto matching = [&](const Xapian::Query& filter) {
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("Zsyria"), filter));
    auto ids = Ids(e.get_mset(0, 10));
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(matching(SourcesQuery({"xinhua"})), (V{"pd", "xh"}));
  EXPECT_EQ(matching(SourcesQuery({"people's daily"})), (V{"own", "pd"}));
  EXPECT_EQ(matching(SourcesQuery({"xinhua"}, SourceRole::kAgency)), (V{"pd", "xh"}));
  EXPECT_EQ(matching(SourcesQuery({"xinhua"}, SourceRole::kPublisher)), (V{"xh"}));
  EXPECT_EQ(matching(SourcesQuery({"People's Daily"}, SourceRole::kAgency)), V{});
  EXPECT_EQ(SourceTerm("Xinhua", SourceRole::kPublisher), "XPUBLISHERxinhua");
  EXPECT_EQ(SourceTerm("Xinhua", SourceRole::kAgency), "XAGENCYxinhua");
  try {
    SourceTerm("--", SourceRole::kAgency);
    ADD_FAILURE() << "no error";
  } catch (const QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("invalid agency"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace lede

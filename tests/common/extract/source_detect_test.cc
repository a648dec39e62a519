// Table-driven tests for source credits.
#include "common/extract/source_detect.h"

#include <gtest/gtest.h>

namespace lede {
namespace {

TEST(SourceDetect, Datelines) {
  struct Case {
    const char* line;
    const char* source;  // "" for none
  } cases[] = {
      {"MOSCOW, Dec. 3 (Xinhua) -- Russia has been in intensive contacts", "Xinhua"},
      {"Moscow, SANA – Russia’s Foreign Minister Sergey Lavrov", "SANA"},
      {"Beirut, SANA- The popular Arab and international campaign", "SANA"},
      {"WASHINGTON (AP) — The Senate voted on Tuesday", "AP"},
      {"LONDON (Reuters) - Britain said", "Reuters"},
      {"KUWAIT CITY, Nov 3 (KUNA) -- The minister", "KUNA"},
      {"BERLIN -- The European Space Agency says", ""},
      {"Lavrov attends a news conference (not pictured) in Moscow.", ""},
      {"Russia's Foreign Minister said on Thursday - a day later", ""},
  };
  for (const auto& c : cases) {
    auto m = SourceFromDateline(c.line, nullptr);
    EXPECT_EQ(m ? m->name : "", c.source) << c.line;
  }
}

TEST(SourceDetect, CreditLines) {
  struct Case {
    const char* line;
    const char* source;
  } cases[] = {
      {"TBP and Agencies", "TBP"},
      {"Source: Reuters", "Reuters"},
      {"— AFP", "AFP"},
      {"(Reporting by John Smith; Editing by Jane Doe)", "Reuters"},
      {"M.D", ""},
      {"RT website quoted Lavrov as saying", ""},
      {"Russia has refused to back three rounds of resolutions.", ""},
  };
  for (const auto& c : cases) {
    auto m = SourceFromCredit(c.line, nullptr);
    EXPECT_EQ(m ? m->name : "", c.source) << c.line;
  }
}

TEST(SourceDetect, BylinesAndReporterMentions) {
  auto m = SourceFromByline("Tom Krisher, Ap Auto Writer", nullptr);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "AP");
  EXPECT_FALSE(SourceFromByline("By Sarah E. Needleman", nullptr));

  m = SourceFromReporterMention(
      "protesters are hoping to stage a rally. VOA's Brian Padden visited one "
      "of the sites. VOA's Brian Padden reports.", nullptr);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "VOA");
  EXPECT_FALSE(SourceFromReporterMention(
      "Speaking to journalists, RT website quoted Lavrov as saying", nullptr));
}

TEST(SourceDetect, UserAliasesOverride) {
  SourceAliases aliases = {{"tbp", "The Baltic Post"}, {"ria", "RIA"}};
  EXPECT_EQ(KnownSource("TBP", &aliases), "The Baltic Post");
  EXPECT_EQ(KnownSource("Xinhua News Agency", &aliases), "Xinhua");
  EXPECT_EQ(KnownSource("Nobody", &aliases), "");
  auto m = SourceFromCredit("TBP and Agencies", &aliases);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "The Baltic Post");
}

}  // namespace
}  // namespace lede

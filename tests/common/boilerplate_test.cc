// Boilerplate removal on small hand-made pages.
#include "common/boilerplate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/line_features.h"

namespace lede {
namespace {

const char kPage[] =
    "Home\nWorld\nSports\nBusiness\n\n"
    "Mayor opens the new bridge\n\n"
    "The mayor opened the new bridge over the river on Monday, after three "
    "years of work that had been delayed twice by floods.\n\n"
    "Residents said they were glad that the crossing, which links the two "
    "halves of the town, was finally open to traffic.\n\n"
    "A long wait\n\n"
    "The project was first proposed in 2009, but the council could not agree "
    "on how to pay for it until the state offered a loan.\n\n"
    "Advertisement\n\n"
    "The bridge is expected to carry about 12,000 cars a day when the "
    "bypass is finished next year, officials said.\n\n"
    "Most Popular\n\n"
    "Storm hits the coast, thousands of homes are left without power for days "
    "as the repair crews struggle to reach them.\n\n"
    "Local team wins the cup\n\n"
    "Comments\n\n"
    "This is a great day for the town and I hope that the council will now "
    "fix the roads that lead to the bridge as well.\n";

std::vector<std::string> Kept(const BoilerplateResult& r) { return r.paragraphs; }

TEST(Boilerplate, KeepsStoryAndSubHeadingDropsFurniture) {
  BoilerplateInput in;
  in.lines = SplitLines(kPage);
  in.language = "en";
  BoilerplateResult r = RemoveBoilerplate(in);
  std::vector<std::string> kept = Kept(r);
  ASSERT_EQ(kept.size(), 5u);
  EXPECT_EQ(kept[0].substr(0, 22), "The mayor opened the n");
  EXPECT_EQ(kept[2], "A long wait");
  EXPECT_EQ(kept[4].substr(0, 20), "The bridge is expect");
  EXPECT_EQ(r.keep.size(), in.lines.size());
  EXPECT_EQ(r.reason.size(), in.lines.size());
  for (size_t i = 0; i < in.lines.size(); ++i) EXPECT_FALSE(r.reason[i].empty()) << i;
  EXPECT_LT(r.end_marker, static_cast<int>(in.lines.size()));
  EXPECT_EQ(in.lines[r.end_marker], "Most Popular");
}

TEST(Boilerplate, DropsRepeatedCaptions) {
  const std::string caption =
      "The minister attends a news conference in Moscow, December 28, 2012.";
  std::string page = caption + caption + "\n" + caption + "\n" + caption + "\n" +
                     std::string(kPage);
  BoilerplateInput in;
  in.lines = SplitLines(page);
  in.language = "en";
  BoilerplateResult r = RemoveBoilerplate(in);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(r.keep[i]) << r.reason[i];
}

TEST(Boilerplate, CollectionEvidenceDropsSiteWideLines) {
  const std::string footer =
      "The Daily Planet is published by Planet Media and was founded in 1938 "
      "by a group of reporters who wanted a paper of their own.";
  std::string page = std::string(kPage);
  page.insert(page.find("Advertisement"), footer + "\n\n");
  BoilerplateInput in;
  in.lines = SplitLines(page);
  in.language = "en";
  in.total_files = 100;
  in.files_with_line.assign(in.lines.size(), 1);
  for (size_t i = 0; i < in.lines.size(); ++i) {
    if (in.lines[i] == footer) in.files_with_line[i] = 90;
  }
  BoilerplateResult r = RemoveBoilerplate(in);
  for (const std::string& p : r.paragraphs) EXPECT_NE(p, footer);
}

TEST(Boilerplate, HardWrappedTextIsKeptWhole) {
  const char kAbstract[] =
      "experimental investigation of the aerodynamics of a\n"
      "wing in a slipstream .\n"
      "an experimental study of a wing in a propeller slipstream was\n"
      "made in order to determine the spanwise distribution of the lift\n"
      "increase due to slipstream at different angles of attack of the wing\n"
      "and at different free stream to slipstream velocity ratios .  the\n"
      "results were intended in part as an evaluation basis for different\n"
      "theoretical treatments of this problem .";
  BoilerplateInput in;
  in.lines = SplitLines(kAbstract);
  in.language = "en";
  BoilerplateResult r = RemoveBoilerplate(in);
  for (size_t i = 0; i < in.lines.size(); ++i) EXPECT_TRUE(r.keep[i]) << i;
}

TEST(Boilerplate, NeverEmptyWhenThereAreWords) {
  BoilerplateInput in;
  in.lines = SplitLines("Fixture list\nArsenal v Chelsea\nLiverpool v Everton\n");
  in.language = "en";
  EXPECT_FALSE(RemoveBoilerplate(in).paragraphs.empty());
}

TEST(Boilerplate, EndSignals) {
  EXPECT_TRUE(IsEndOfArticleSignal("You May Like"));
  EXPECT_TRUE(IsEndOfArticleSignal("Leave your comment0 comments"));
  EXPECT_TRUE(IsEndOfArticleSignal("  Most Popular "));
  EXPECT_FALSE(IsEndOfArticleSignal("Opposition bristles"));
  EXPECT_FALSE(IsEndOfArticleSignal(
      "Comments made by the minister on Monday were criticised by the "
      "opposition as reckless."));
}

}  // namespace
}  // namespace lede

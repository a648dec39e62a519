// Boilerplate removal on small hand-made pages.
#include "common/extract/boilerplate.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "common/extract/line_features.h"

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
  std::string page =
      caption + caption + "\n" + caption + "\n" + caption + "\n" + std::string(kPage);
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

TEST(Boilerplate, LinesReadByTheCallerGiveTheSameResult) {
  // A caller that has every line's features and key passes them in; the
  // stop words of the page's language are counted from the keys. Pages in
  // a language with a list, one without, and hard-wrapped text.
  const std::string wrapped =
      "an experimental study of a wing in a propeller slipstream was\n"
      "made in order to determine the spanwise distribution of the lift\n"
      "increase due to slipstream at different angles of attack .\n";
  for (const auto& [page, language] : std::vector<std::pair<std::string, std::string>>{
           {kPage, "en"}, {kPage, ""}, {kPage, "de"}, {wrapped, "en"}}) {
    BoilerplateInput in;
    in.lines = SplitLines(page);
    in.language = language;
    const BoilerplateResult alone = RemoveBoilerplate(in);
    std::vector<LineFeatures> features(in.lines.size());
    std::vector<std::string> keys(in.lines.size());
    for (size_t i = 0; i < in.lines.size(); ++i) {
      features[i] = ComputeLineFeatures(in.lines[i], nullptr, &keys[i]);
    }
    in.line_features = &features;
    in.line_keys = &keys;
    const BoilerplateResult given = RemoveBoilerplate(in);
    EXPECT_EQ(given.keep, alone.keep) << language;
    EXPECT_EQ(given.reason, alone.reason) << language;
    EXPECT_EQ(given.paragraphs, alone.paragraphs) << language;
    EXPECT_EQ(given.end_marker, alone.end_marker) << language;
  }
}

// Kept paragraphs and the reasons of every line, for the list tests.
BoilerplateResult RunOn(const std::string& page) {
  static std::vector<std::string> pages;  // keeps the views valid
  pages.push_back(page);
  BoilerplateInput in;
  in.lines = SplitLines(pages.back());
  in.language = "en";
  return RemoveBoilerplate(in);
}

bool Has(const std::vector<std::string>& kept, const std::string& p) {
  return std::find(kept.begin(), kept.end(), p) != kept.end();
}

const char kStory[] =
    "The city council voted on Tuesday to approve the budget for next year, "
    "after a debate that lasted most of the afternoon and evening.\n\n"
    "Members of the opposition said that the plan would leave the schools "
    "without the money they need, and that the vote was rushed.\n\n";
const char kMoreStory[] =
    "The mayor said that she would sign the budget by the end of the week, "
    "and that the schools would get more money from the state next year.\n\n"
    "A group of parents who had come to the meeting said they would hold a "
    "protest in front of the town hall on Saturday morning.\n\n";

TEST(Boilerplate, TableAnnouncedByAColonIsPartOfTheStory) {
  std::string page = std::string("Home\nNews\nSports\n\n") +
                     "The standings after the last race of the season were as follows "
                     "for the top five drivers in the championship:\n\n";
  for (int i = 1; i <= 6; ++i) {
    page += std::to_string(i) + "     Driver Number" + std::to_string(i) + "     " +
            std::to_string(5000 - i * 10) + "     3     1\n\n";
  }
  page +=
      "Most Popular\n\nSomething else happened in a town far away from here today, "
      "and the police said that nobody was hurt in the incident at all.\n";
  BoilerplateResult r = RunOn(page);
  EXPECT_TRUE(Has(r.paragraphs, "3     Driver Number3     4970     3     1"));
  EXPECT_NE(r.reason[8].find("announced by line 5"), std::string::npos) << r.reason[8];
  EXPECT_FALSE(Has(r.paragraphs, "Most Popular"));
}

TEST(Boilerplate, ListThatEndsTheArticleIsKeptTeaserListIsNot) {
  std::string page = std::string(kStory) + "June 9 - West Palm Beach, FL @ Coral Sky\n" +
                     "June 10 - Tampa, FL @ Credit Union Amphitheatre\n" +
                     "June 14 - Alpharetta, GA @ Ameris Bank Amphitheatre\n" +
                     "June 17 - Nashville, TN @ Bridgestone Arena\n\n" +
                     "Copyright 2019 The Daily Planet. All rights reserved.\n";
  BoilerplateResult r = RunOn(page);
  EXPECT_TRUE(Has(r.paragraphs, "June 17 - Nashville, TN @ Bridgestone Arena"));
  // The same list after "Related" is a list of other stories.
  std::string teasers = std::string(kStory) + "Related\n\n" +
                        "Mayor opens the new bridge over the river\n\n" +
                        "Local team wins the cup after twenty years\n\n" +
                        "Storm leaves thousands without power\n\n" +
                        "Copyright 2019 The Daily Planet. All rights reserved.\n";
  r = RunOn(teasers);
  EXPECT_EQ(r.paragraphs.size(), 2u);
  // Without the heading, headlines in Title Case are still teasers.
  std::string headlines = std::string(kStory) + "Mayor Opens The New Bridge Over The River\n\n" +
                          "Local Team Wins The Cup After Twenty Years\n\n" +
                          "Storm Leaves Thousands Without Power\n\n" +
                          "Copyright 2019 The Daily Planet. All rights reserved.\n";
  r = RunOn(headlines);
  EXPECT_EQ(r.paragraphs.size(), 2u);
}

TEST(Boilerplate, PageWithoutProseKeepsItsLongestList) {
  std::string page =
      "Home\nScores\nTeams\nVideo\n\nHigh school roundup\n\n"
      "Published 2:16 AM EST Nov 20, 2019\n\n";
  for (const char* game : {"Palm Bay d. Rockledge 70-44", "Heritage d. Titusville 53-9",
                           "Melbourne d. Space Coast 69-54", "Cocoa d. West Shore 61-21"}) {
    page += std::string(game) + "\n\n";
  }
  page += "Terms of Service Privacy Notice\n";
  BoilerplateResult r = RunOn(page);
  EXPECT_EQ(r.paragraphs.size(), 4u);
  EXPECT_TRUE(Has(r.paragraphs, "Cocoa d. West Shore 61-21"));
  EXPECT_FALSE(Has(r.paragraphs, "Scores"));
}

TEST(Boilerplate, ShortStoryIsNotTradedForALongTeaserList) {
  const std::string brief =
      "The bridge over the river was closed on Monday after a truck hit one of its "
      "pillars, and the police said it would stay closed for a week.";
  std::string page = "Bridge closed after crash\n\n" + brief + "\n\nMost Popular\n\n";
  for (int i = 0; i < 12; ++i) {
    page += "Teaser headline number " + std::to_string(i) + " about something else\n\n";
  }
  BoilerplateResult r = RunOn(page);
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_EQ(r.paragraphs[0], brief);
}

TEST(Boilerplate, TeaserCardsRepeatInPairsListLinesDoNot) {
  // A teaser card prints its label and headline twice; a list repeats a
  // line among different ones.
  std::string cards = std::string(kStory) + "Business\nAirlines order fifty new planes\n" +
                      "Plane on a runway\nBusiness\nAirlines order fifty new planes\n\n" +
                      kMoreStory;
  BoilerplateResult r = RunOn(cards);
  EXPECT_FALSE(Has(r.paragraphs, "Airlines order fifty new planes"));
  std::string list = std::string(kStory) + "Meal 1\n\nEat every 2-3 hours\n\n" +
                     "One cup of strawberries and almond milk\n\nMeal 2\n\n" +
                     "Eat every 2-3 hours\n\nTomato salad with feta\n\n" + kMoreStory;
  r = RunOn(list);
  EXPECT_TRUE(Has(r.paragraphs, "Eat every 2-3 hours"));
}

TEST(Boilerplate, BreadcrumbsAndTagsAreFurniture) {
  std::string page = std::string("Home \xC2\xBB News \xC2\xBB World\n\n") + kStory +
                     "Tags: budget, council, schools\n\n" + kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_EQ(r.reason[0], "breadcrumb trail");
  EXPECT_FALSE(Has(r.paragraphs, "Tags: budget, council, schools"));
}

TEST(Boilerplate, ProseAfterANoticeMustContinueTheStory) {
  const std::string promo =
      "Get breaking space news and the latest updates on rocket launches, skywatching "
      "events and more delivered to you every single week!";
  std::string page = std::string(kStory) + kMoreStory +
                     "Sign up for our newsletter and never miss a story.\n\n" + promo + "\n";
  BoilerplateResult r = RunOn(page);
  EXPECT_FALSE(Has(r.paragraphs, promo));
  EXPECT_EQ(r.paragraphs.size(), 4u);
  // The same notice in the middle of the story does not end it.
  const std::string more =
      "The council will meet again next month to vote on the budget for the schools, "
      "the mayor said, and parents of the pupils are invited to the meeting.";
  page = std::string(kStory) + "Sign up for our newsletter and never miss a story.\n\n" +
         kMoreStory + more + "\n";
  r = RunOn(page);
  EXPECT_TRUE(Has(r.paragraphs, more));
}

TEST(Boilerplate, StoryResumesAfterABoxThatCutsIt) {
  // A box of links with their dates (a time stamp cuts a story) inside the
  // story: the prose after it goes on with the story's words.
  std::string box = "Around the town\n\n";
  for (int i = 0; i < 4; ++i) {
    box += "Town plans a new park " + std::to_string(i) + "\nNov " + std::to_string(i + 10) +
           ", 2019\n\n";
  }
  const std::string resumed =
      "The council said the budget for the schools would be published on its website next "
      "week, and the mayor told the parents at the meeting that the vote on the budget for the "
      "schools had not been rushed and that the state would give the schools more money.";
  BoilerplateResult r = RunOn(std::string(kStory) + kMoreStory + box + resumed + "\n");
  EXPECT_TRUE(Has(r.paragraphs, resumed));
  EXPECT_EQ(r.paragraphs.size(), 5u);
  // Prose about something else after the box stays out.
  const std::string other =
      "Heavy rain flooded several roads along the coast on Sunday night, and drivers were "
      "told to avoid the area until the water had gone down again, the police in the harbour "
      "district said in a statement that was posted on the internet before dawn.";
  r = RunOn(std::string(kStory) + kMoreStory + box + other + "\n");
  EXPECT_FALSE(Has(r.paragraphs, other));
}

TEST(Boilerplate, GalleryItemsAreCaptionsNotTheStory) {
  // Twelve pictures with a counter and a caption that reads like prose:
  // together they outweigh the story, but they are a gallery.
  std::string gallery = "Pictures of the week\n\n";
  for (int i = 1; i <= 12; ++i) {
    gallery += std::to_string(i) + "/12 Harbour scene number " + std::to_string(i) +
               "\n\nFishermen unload the morning catch at the old harbour while the gulls "
               "circle above the boats and the market opens for the day.\n\nAgency\n\n";
  }
  BoilerplateResult r = RunOn(std::string(kStory) + kMoreStory + gallery);
  EXPECT_TRUE(Has(r.paragraphs,
                  "The mayor said that she would sign the budget by the end of the week, and that "
                  "the schools would get more money from the state next year."));
  for (const std::string& p : r.paragraphs) {
    EXPECT_EQ(p.find("Fishermen"), std::string::npos) << p;
  }
  // Fractions in a recipe are not in order: its steps stay.
  std::string recipe =
      std::string(kStory) +
      "1/2 cup of sugar\n1/2 cup of flour\n1/4 cup of milk\n1/2 teaspoon of salt\n\n" + kMoreStory;
  r = RunOn(recipe);
  EXPECT_TRUE(Has(r.paragraphs, "1/4 cup of milk"));
}

TEST(Boilerplate, NumberedStoryGoesOnPastALongBox) {
  const std::string first =
      "1. Check the smoke alarm\n\nThe alarm in the hall should be tested every month, "
      "and the battery must be changed when it starts to beep at night.\n\n";
  // A video player's menus and a box of other stories: far more lines than
  // a join crosses, and a time stamp in them.
  std::string box = "Video\n\nNov 10, 2019\n\n";
  for (int i = 0; i < 30; ++i) box += "Menu item " + std::to_string(i) + "\n";
  box +=
      "\nThe harbour festival drew a record crowd of visitors on Sunday, and the "
      "organisers said that the boats and the food stalls had never been so busy.\n\n";
  const std::string second =
      "2. Keep the stairs clear\n\nShoes and bags left on the stairs are the most common "
      "cause of falls at home, and a light switch at both ends of them helps as well.\n";
  BoilerplateResult r = RunOn(std::string(kStory) + first + box + second);
  EXPECT_TRUE(Has(r.paragraphs, "2. Keep the stairs clear"));
  for (const std::string& p : r.paragraphs) {
    EXPECT_EQ(p.find("harbour festival"), std::string::npos) << p;
  }
  // A list that does not carry the next number stays out.
  const std::string other =
      "5. Storm closes the coast road\n\nHeavy rain flooded several roads along the coast on "
      "Sunday night, and drivers were told to avoid the area until the water had gone down.\n";
  r = RunOn(std::string(kStory) + first + box + other);
  EXPECT_FALSE(Has(r.paragraphs, "5. Storm closes the coast road"));
}

TEST(Boilerplate, NumberedStoryGoesOnPastAnEndSignal) {
  const std::string first =
      "1. Check the smoke alarm\n\nThe alarm in the hall should be tested every month, "
      "and the battery must be changed when it starts to beep at night.\n\n";
  std::string box = "Most Popular\n\n";
  for (int i = 0; i < 6; ++i) {
    box += "Storm number " + std::to_string(i) + " closes the coast road for the weekend\n\n";
  }
  const std::string second =
      "2. Keep the stairs clear\n\nShoes and bags left on the stairs are the most common "
      "cause of falls at home, and a light switch at both ends of them helps as well.\n";
  BoilerplateResult r = RunOn(std::string(kStory) + first + box + second);
  EXPECT_TRUE(Has(r.paragraphs, "2. Keep the stairs clear"));
  EXPECT_FALSE(Has(r.paragraphs, "Storm number 3 closes the coast road for the weekend"));
}

TEST(Boilerplate, LinksUnderALabelEndAtTheStorysNextItem) {
  // "More:" and two links, then the story's third item: not a link.
  const std::string page =
      std::string(kStory) +
      "1. Check the smoke alarm\n\nThe alarm in the hall should be tested every month, and the "
      "battery must be changed when it starts to beep at night.\n\n"
      "2. Keep the stairs clear\n\nShoes and bags left on the stairs are the most common cause "
      "of falls at home, and a light switch at both ends of them helps as well.\n\n"
      "More:\nNew bridge opens after three years of work\nHarbour festival draws a record crowd\n"
      "3. Light the stairs at night\n\nA light at both ends of the stairs and a lamp by the front "
      "door keep falls at home down, and the alarm in the hall should have a light of its own at "
      "night.\n\n"
      "4. Lock the back door\n\nMost break-ins at home start at a back door that was left open, "
      "and a lock that needs a key on both sides keeps it shut at night.\n";
  BoilerplateResult r = RunOn(page);
  EXPECT_TRUE(Has(r.paragraphs, "3. Light the stairs at night"));
  EXPECT_FALSE(Has(r.paragraphs, "Harbour festival draws a record crowd"));
}

TEST(Boilerplate, StoryGoesOnAcrossAGalleryOfCaptions) {
  // Fifteen pictures, each as alt text and caption with its credit: far
  // more lines than a join crosses, and nothing but pictures.
  std::string gallery;
  for (int i = 0; i < 15; ++i) {
    std::string caption =
        "Council members arrive at the town hall for vote number " + std::to_string(i);
    gallery += caption + "\n\n" + caption + " (Picture: Agency)\n\n";
  }
  const std::string later = std::string(kMoreStory) +
                            "The schools in the north of the town would get the largest share "
                            "of the money, the council said, because their roofs need repairs.\n\n"
                            "The vote on the budget for the schools was the last one before the "
                            "council breaks for the summer, and the opposition said it would "
                            "try again in the autumn to change the plan for the schools.\n\n";
  BoilerplateResult r = RunOn(std::string(kStory) + gallery + later);
  // The heavier stretch after the gallery is the story; the one before it
  // shares its words and joins it backwards.
  EXPECT_TRUE(Has(r.paragraphs,
                  "Members of the opposition said that the plan would leave the schools without "
                  "the money they need, and that the vote was rushed."));
  for (const std::string& p : r.paragraphs) {
    EXPECT_EQ(p.find("(Picture"), std::string::npos) << p;
  }
  // Prose about something else before the gallery stays out.
  const std::string other =
      "Heavy rain flooded several roads along the coast on Sunday night, and drivers were "
      "told to avoid the area until the water had gone down again, the police said.\n\n";
  r = RunOn(other + gallery + later);
  EXPECT_FALSE(Has(r.paragraphs, std::string(TrimLine(other))));
}

TEST(Boilerplate, TeaserBlockPrintedTwiceIsNotTheStory) {
  // A box about another subject, in the header and again in the footer,
  // with an end-of-article signal after its first copy.
  const std::string teaser =
      "Rivers across the region are running low after the driest summer in fifty years, and "
      "farmers say that the harvest will be smaller than it has been for a decade.\n\n"
      "We bring you the latest figures on the weather from the most important sources, and we "
      "explain what they mean for the fields, the forests and the towns along the coast.\n\n"
      "Water companies have asked their customers to take shorter showers and to leave the "
      "garden hose in the shed until the autumn rains have filled the reservoirs again.\n\n";
  const std::string story = std::string(kStory) + kMoreStory;
  BoilerplateResult r = RunOn(teaser + "Trending\n\n" + story + "Most Popular\n\n" + teaser);
  EXPECT_TRUE(Has(r.paragraphs,
                  "The mayor said that she would sign the budget by the end of the week, and that "
                  "the schools would get more money from the state next year."));
  for (const std::string& p : r.paragraphs) {
    EXPECT_EQ(p.find("Rivers across"), std::string::npos) << p;
  }
  // The story printed again (its summary in the page's metadata) is no
  // teaser: the page's only story stays the story.
  r = RunOn(story + "Trending\n\n" + story);
  EXPECT_TRUE(Has(r.paragraphs,
                  "The mayor said that she would sign the budget by the end of the week, and that "
                  "the schools would get more money from the state next year."));
}

TEST(Boilerplate, OpeningUnderTheBylineJoinsAcrossABox) {
  // The story opens under its byline and stamp, a box of other stories
  // (longer than a join crosses) cuts it, and the heavier rest comes after
  // the box.
  std::string box = "Most read\n\n";
  for (int i = 0; i < 8; ++i) {
    box += "Harbour festival draws crowds " + std::to_string(i) + "\nSHOCK NEWS\n\n";
  }
  std::string rest;
  for (const char* p :
       {"The schools in the north of the town would get the largest share of the money, the "
        "council said, because the roofs of their buildings need repairs before the winter.",
        "The vote on the budget was the last one before the council breaks for the summer, and "
        "the opposition said it would try again in the autumn to change the plan.",
        "Parents who came to the meeting said they would hold a protest in front of the town "
        "hall on Saturday morning, and that they had asked the state for help as well.",
        "The mayor said that she would sign the budget by the end of the week and that she "
        "would meet the parents before the protest to hear what they had to say."}) {
    rest += std::string(p) + "\n\n";
  }
  const std::string page = "Home\n\nCouncil approves the budget\n\nBy Jane Roe\nNov 19, 2019\n\n" +
                           std::string(kStory) + box + rest;
  BoilerplateResult r = RunOn(page);
  EXPECT_TRUE(Has(r.paragraphs,
                  "The city council voted on Tuesday to approve the budget for next year, after a "
                  "debate that lasted most of the afternoon and evening."));
  EXPECT_FALSE(Has(r.paragraphs, "Harbour festival draws crowds 1"));
  // A single paragraph under the stamp is a standfirst, and a story with a
  // byline of its own below the box does not reach back for it.
  const std::string deck =
      "Members of the council argued for hours about the schools and the roads before the vote "
      "that approved the budget for next year on Tuesday.\n\n";
  r = RunOn("Home\n\nBy Jane Roe\nNov 19, 2019\n\n" + deck + box + "By Jane Roe\n\n" +
            std::string(kStory) + rest);
  EXPECT_FALSE(Has(r.paragraphs, std::string(TrimLine(deck))));
}

TEST(Boilerplate, ProseCaptionInTheBlockACreditCloses) {
  // The caption reads like prose; the credit under it, with no blank line
  // between, opens with its label.
  const std::string caption =
      "Council members leave the town hall after the vote on the budget for next year, which "
      "took most of the afternoon and evening.";
  BoilerplateResult r =
      RunOn(std::string(kStory) + caption + "\nFoto: Jane Roe (Agency)\n\n" + kMoreStory);
  EXPECT_FALSE(Has(r.paragraphs, caption));
  EXPECT_TRUE(Has(r.paragraphs,
                  "The mayor said that she would sign the budget by the end of the week, and that "
                  "the schools would get more money from the state next year."));
  // The story's paragraph above the block, a blank line between, stays.
  EXPECT_TRUE(Has(r.paragraphs,
                  "Members of the opposition said that the plan would leave the schools without "
                  "the money they need, and that the vote was rushed."));
}

TEST(Boilerplate, AuthorBoxAfterTheStoryIsDropped) {
  const std::string bio =
      "As the paper's local reporter she has covered the council, the schools and the harbour "
      "for twelve years, and she writes a weekly column about the town's history.";
  BoilerplateResult r = RunOn(std::string(kStory) + kMoreStory + "About Jane Roe\n\n" + bio + "\n");
  EXPECT_FALSE(Has(r.paragraphs, bio));
  EXPECT_FALSE(Has(r.paragraphs, "About Jane Roe"));
  EXPECT_TRUE(Has(r.paragraphs,
                  "A group of parents who had come to the meeting said they would hold a protest "
                  "in front of the town hall on Saturday morning."));
  // A company's box closes a press release and is left to it.
  const std::string company =
      "Acme builds bridges and roads for towns across the region, and it employs about 1,300 "
      "people in its offices and on its building sites.";
  r = RunOn(std::string(kStory) + kMoreStory + "About Acme\n\n" + company + "\n");
  EXPECT_TRUE(Has(r.paragraphs, company));
}

TEST(Boilerplate, CjkParagraphsOpeningWithTheSameNameAreNotCopies) {
  // Two paragraphs open with the same nineteen-character name and go on
  // differently: they are not a caption printed twice.
  const std::string name =
      "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE4\xB8\xAD\xE5\xA4\xAE\xE5\x8C\xBA\xE9\x8A\x80\xE8\xA1"
      "\x8C\xE5\x8D\x94\xE4\xBC\x9A"
      "\xE7\x90\x86\xE4\xBA\x8B\xE4\xBC\x9A\xE9\x95\xB7\xE4\xBB\xA3\xE7\x90\x86\xE5\xA7\x94\xE5\x93"
      "\xA1\xE4\xBC\x9A\xE3\x81\xAF";  // 東京都中央区銀行協会理事会長代理委員会は
  const std::string a = name +
                        "\xE5\x8F\x96\xE7\xB7\xA0\xE5\xBD\xB9\xE4\xBC\x9A\xE3\x81\xA7"
                        "\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE7\xA4\xBE\xE9\x95\xB7"
                        "\xE3\x82\x92\xE9\x81\xB8\xE3\x81\xB3\xE3\x80\x81\xE6\x9D\xA5"
                        "\xE6\x9C\x88\xE3\x81\x8B\xE3\x82\x89\xE6\x96\xB0\xE4\xBD\x93"
                        "\xE5\x88\xB6\xE3\x81\xA7\xE7\xB5\x8C\xE5\x96\xB6\xE3\x82\x92"
                        "\xE9\x80\xB2\xE3\x82\x81\xE3\x82\x8B\xE3\x81\xA8\xE7\x99\xBA"
                        "\xE8\xA1\xA8\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82";
  const std::string b = name +
                        "\xE6\x98\xA8\xE5\xB9\xB4\xE3\x80\x81\xE9\x87\x91\xE8\x9E\x8D"
                        "\xE5\xBA\x81\xE3\x81\x8B\xE3\x82\x89\xE6\xA5\xAD\xE5\x8B\x99"
                        "\xE6\x94\xB9\xE5\x96\x84\xE5\x91\xBD\xE4\xBB\xA4\xE3\x82\x92"
                        "\xE5\x8F\x97\xE3\x81\x91\xE3\x81\xA6\xE3\x81\x8A\xE3\x82\x8A"
                        "\xE3\x80\x81\xE5\xA4\x96\xE9\x83\xA8\xE3\x81\xAE\xE5\xB0\x82"
                        "\xE9\x96\x80\xE5\xAE\xB6\xE3\x82\x92\xE4\xBA\xA4\xE3\x81\x88"
                        "\xE3\x81\xA6\xE5\xAF\xBE\xE7\xAD\x96\xE3\x82\x92\xE9\x80\xB2"
                        "\xE3\x82\x81\xE3\x81\xA6\xE3\x81\x84\xE3\x82\x8B\xE3\x80\x82";
  BoilerplateResult r = RunOn(std::string(kStory) + a + "\n\n" + b + "\n\n" + kMoreStory);
  EXPECT_TRUE(Has(r.paragraphs, a));
  EXPECT_TRUE(Has(r.paragraphs, b));
}

TEST(Boilerplate, StoryWordsGrowWithTheStretchesItTakesIn) {
  // Past each notice the story goes on; the last stretch shares its words
  // with the one before it (the union, the teachers), not with the first.
  const std::string first =
      std::string(kStory) + kMoreStory +
      "The council also approved the budget for the roads, which the mayor called the largest "
      "in a decade, after the opposition dropped its objections.\n\n";
  const std::string second =
      "The teachers' union welcomed the schools budget and said that the teachers would still "
      "press the council for smaller classes in the autumn.\n\n"
      "Union leaders said the teachers had waited years for the schools to get more money, and "
      "that the budget was a first step for the schools.\n\n";
  const std::string third =
      "The union's members voted in March for a strike if classes grow beyond thirty pupils, and "
      "union leaders said that teachers across the region support it.";
  BoilerplateResult r =
      RunOn("Home\n\n" + first + "Sign up for our newsletter\n\n" + second +
            "Sign up for our newsletter today\n\n" + third +
            "\n\nTeachers in two neighbouring towns joined that union vote, and their leaders "
            "said that classes there have grown for years as well.\n");
  EXPECT_TRUE(Has(r.paragraphs, third));
}

TEST(Boilerplate, PhotoCopyrightIsACaptionNotANotice) {
  std::string page = std::string(kStory) + "Image copyright Getty Images\n\n" + kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_EQ(r.paragraphs.size(), 4u);
  EXPECT_EQ(r.reason[4], "photo caption or credit");
}

TEST(Boilerplate, CaptionUnderAnImagesAltTextIsDropped) {
  // The alt text (the headline again) and the caption form one block.
  const std::string caption =
      "A cross-section through the new module showing the quarters that would double as "
      "sleeping pods during the cruise phase of the long flight to Mars.";
  const std::string credited =
      "Once the stuff of films such as Alien (pictured), sleep in space may one day help "
      "crews on long flights. Credit: 20th Century Fox";
  const std::string story(kStory);
  const size_t second = story.find("Members");
  std::string page = "Astronauts could sleep their way to Mars\n\n" + story.substr(0, second) +
                     "Astronauts could sleep their way to Mars\n" + caption + "\n\n" +
                     story.substr(second) + credited + "\n\n" + kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_FALSE(Has(r.paragraphs, caption));
  EXPECT_EQ(r.reason[5], "caption: right under an image's alt text");
  EXPECT_FALSE(Has(r.paragraphs, credited));
  EXPECT_EQ(r.paragraphs.size(), 4u);
}

TEST(Boilerplate, AltTextOverACreditedCaptionIsDropped) {
  // Alt text, a blank line, then the caption that names its credit.
  const std::string alt = "A woman stands at a lectern and speaks.";
  const std::string caption =
      "The mayor speaks at the opening of the bridge on Monday, after three years of work on "
      "the crossing. (John Doe/The Harbour Gazette)";
  BoilerplateResult r = RunOn(std::string(kStory) + alt + "\n\n" + caption + "\n\n" + kMoreStory);
  EXPECT_FALSE(Has(r.paragraphs, alt));
  EXPECT_FALSE(Has(r.paragraphs, caption));
  EXPECT_EQ(r.reason[4], "caption: alt text right above a picture's caption");
  EXPECT_EQ(r.paragraphs.size(), 4u);
  // A longer description without a full stop is alt text too.
  const std::string long_alt =
      "A woman in a red coat and a man in a grey suit stand at a lectern in front of the new "
      "bridge over the river while a crowd watches from the bank";
  r = RunOn(std::string(kStory) + long_alt + "\n\n" + caption + "\n\n" + kMoreStory);
  EXPECT_FALSE(Has(r.paragraphs, long_alt));
  // A quote over the caption is the story's; so is a line that runs on from
  // the paragraph above it with no blank line between.
  const std::string quote = "\"We waited three years for this,\" she said.";
  r = RunOn(std::string(kStory) + quote + "\n\n" + caption + "\n\n" + kMoreStory);
  EXPECT_TRUE(Has(r.paragraphs, quote));
  std::string story(kStory);
  story.pop_back();
  r = RunOn(story + alt + "\n\n" + caption + "\n\n" + kMoreStory);
  EXPECT_TRUE(Has(r.paragraphs, alt));
}

TEST(Boilerplate, FeedOfHeadlinesAfterTheStoryEndsIt) {
  // Other stories' headlines, each set apart by a blank line, one with a
  // picture's description under it: the story ran into a teaser feed.
  const std::string feed =
      "Storm leaves thousands of homes on the coast without power for most of the week\n\n"
      "Harbour festival returns to the old town after a break of three long years\n\n"
      "A crowd watches the boats sail into the harbour at dusk on the first evening of the "
      "festival.\n\n"
      "Police close the main road to the port after a lorry sheds its load of timber\n\n";
  BoilerplateResult r = RunOn(std::string(kStory) + kMoreStory + feed);
  EXPECT_EQ(r.paragraphs.size(), 4u);
  EXPECT_FALSE(Has(r.paragraphs,
                   "Harbour festival returns to the old town after a break of three long years"));
  // Two sub-headings in a row over the story's next paragraphs stay.
  const std::string headings =
      "What the budget means for the schools\n\n"
      "Where the money for the new buildings comes from\n\n";
  r = RunOn(std::string(kStory) + headings + kMoreStory);
  EXPECT_TRUE(Has(r.paragraphs, "Where the money for the new buildings comes from"));
  EXPECT_EQ(r.paragraphs.size(), 6u);
}

TEST(Boilerplate, ProseInsideACrossedBoxThatGoesOnWithTheStoryIsKept) {
  // The story, a notice, two paragraphs that go on with it (few of their
  // words are the story's), the box of an embedded post, the rest of the
  // story: the join crosses both notices, and the paragraphs between are
  // the story's, not the box's.
  const std::string inner =
      "Part of it goes to a new library, which readers have wanted since the old building "
      "burned down in the spring of the year before.\n\n"
      "Librarians said the books are stored in a warehouse on the edge of town, and that the "
      "schools have waited long enough for the money.\n\n";
  const std::string page = std::string(kStory) +
                           "The council expects the work on the roads to start in the autumn "
                           "and to take about two years to finish.\n\n"
                           "Sign up for our newsletter\n\n" + inner +
                           "External content: I agree to see content from a third party\n\n" +
                           kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_TRUE(Has(r.paragraphs,
                  "Librarians said the books are stored in a warehouse on the edge of town, and "
                  "that the schools have waited long enough for the money."));
  EXPECT_TRUE(Has(r.paragraphs,
                  "A group of parents who had come to the meeting said they would hold a protest "
                  "in front of the town hall on Saturday morning."));
  EXPECT_EQ(r.paragraphs.size(), 7u);
}

TEST(Boilerplate, ListAnnouncedByAsFollowsIsPartOfTheStory) {
  // No colon: the line ends in "as follows", and the items under it, short
  // lines with blank lines between, are the story's.
  std::string page = std::string(kStory) + "The votes of the districts were as follows.\n\n";
  for (const char* item : {"North: 12 for, 3 against", "South: 9 for, 6 against",
                           "East: 7 for, 8 against", "West: 10 for, 5 against"}) {
    page += std::string(item) + "\n\n";
  }
  page += kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_TRUE(Has(r.paragraphs, "East: 7 for, 8 against"));
  EXPECT_TRUE(Has(r.paragraphs, "The votes of the districts were as follows."));
  // Items weigh for the story as an announced list's do.
  EXPECT_NE(r.reason[10].find("item of the list announced by line 5"), std::string::npos)
      << r.reason[10];
}

TEST(Boilerplate, TeaserCardsOnTheSameSubjectAreNotTheStoryGoingOn) {
  // Past a notice, cards of other stories on the same subject: each a
  // headline printed twice (picture link, title link) over its summary.
  std::string cards;
  for (const auto& [headline, summary] :
       std::vector<std::pair<std::string, std::string>>{
           {"Council budget leaves schools short again",
            "The council voted to cut the money for the schools in the budget for next year, the "
            "third cut in a row. The teachers said that they would have to send some of the "
            "children home early every Friday."},
           {"Parents plan a protest at the town hall",
            "Parents said they would protest in front of the town hall against the budget that "
            "the council approved. They want the mayor to meet them and to explain where the "
            "money for the schools went."},
           {"Mayor signs the budget for the schools",
            "The mayor signed the budget on Friday, after the council had voted for it and the "
            "schools had asked for more money. She said that the state would pay for the new "
            "buildings next year."}}) {
    cards += headline + "\n" + headline + "\n" + summary + "\n\n";
  }
  BoilerplateResult r = RunOn(std::string(kStory) + kMoreStory +
                              "Sign up for our newsletter\n\n" + cards + "About us\nContact\n");
  EXPECT_EQ(r.paragraphs.size(), 4u);
}

TEST(Boilerplate, CaptionAboveACreditIsDropped) {
  const std::string caption =
      "The prime minister, center, passes a passenger aircraft during the air show in "
      "Dubai on Monday";
  std::string page =
      std::string(kStory) + caption + "\nNatalie Naccache | Getty Images\n\n" + kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_FALSE(Has(r.paragraphs, caption));
  EXPECT_EQ(r.reason[4], "caption: right above a photo credit");
  EXPECT_EQ(r.paragraphs.size(), 4u);
}

TEST(Boilerplate, StampWithTwoDatesCutsTheStandfirstOff) {
  // A standfirst, then the byline and a stamp, then the story: the stamp
  // ends what came before.
  const std::string standfirst =
      "CHINA has sent troops to the city in a bid to restore order after months of "
      "protests that have shaken the government";
  std::string page = standfirst + "\n\nBy Laura Smith\n" +
                     "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019\n\n" +
                     kStory + kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_EQ(r.reason[3], "date or time stamp");
  EXPECT_FALSE(Has(r.paragraphs, standfirst));
}

TEST(Boilerplate, LinksInCapitalsOnAMixedCasePage) {
  const std::string link = "CLICK HERE TO GET THE DAILY PLANET APP FOR YOUR PHONE";
  const std::string subheading = "WHO IS THE FRONT-RUNNER?";
  std::string page =
      std::string(kStory) + link + "\n\n" + subheading + "\n\n" + kMoreStory + kStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_FALSE(Has(r.paragraphs, link));
  EXPECT_TRUE(Has(r.paragraphs, subheading));
}

TEST(Boilerplate, LinksListedUnderMoreInsideTheStory) {
  std::string page = std::string(kStory) + "More:\n\n" +
                     "Afghan politician sees talks as the only hope\n\n" +
                     "Young people must be heard, says the envoy\n\n" + kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_FALSE(Has(r.paragraphs, "Young people must be heard, says the envoy"));
  EXPECT_EQ(r.reason[6], "link listed under \"More:\" (line 5)");
  EXPECT_EQ(r.paragraphs.size(), 4u);
}

TEST(Boilerplate, BylinesAreNotBodyASentenceStartingWithByIs) {
  const std::string byline =
      "By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.";
  const std::string sentence = "By Monday, the council had agreed to pay for the new school.";
  std::string page = std::string(kStory) + byline + "\n\n" + sentence + "\n\n" + kMoreStory;
  BoilerplateResult r = RunOn(page);
  EXPECT_FALSE(Has(r.paragraphs, byline));
  EXPECT_EQ(r.reason[4], "byline");
  EXPECT_TRUE(Has(r.paragraphs, sentence));
}

TEST(Boilerplate, EndSignals) {
  EXPECT_TRUE(IsEndOfArticleSignal("You May Like"));
  EXPECT_TRUE(IsEndOfArticleSignal("Leave your comment0 comments"));
  EXPECT_TRUE(IsEndOfArticleSignal("  Most Popular "));
  EXPECT_FALSE(IsEndOfArticleSignal("Opposition bristles"));
  EXPECT_FALSE(
      IsEndOfArticleSignal("Comments made by the minister on Monday were criticised by the "
                           "opposition as reckless."));
}

TEST(Boilerplate, AuthorBioAfterTheStoryIsNotBody) {
  BoilerplateInput in;
  in.lines = SplitLines(
      "Mayor opens the new bridge\n\n"
      "The mayor opened the new bridge over the river on Monday, after three years of work that "
      "had been delayed twice by floods.\n\n"
      "Residents said they were glad that the crossing, which links the two halves of the town, "
      "was finally open to traffic.\n\n"
      "Jane Roe is a staff writer at the Harbour Gazette, where she covers the town council and "
      "its roads.\n");
  in.language = "en";
  BoilerplateResult r = RemoveBoilerplate(in);
  ASSERT_EQ(r.paragraphs.size(), 2u);
  EXPECT_EQ(r.paragraphs.back().rfind("Residents said", 0), 0u);
}

}  // namespace
}  // namespace lede

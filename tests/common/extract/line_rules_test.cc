// The one-line tests of line_rules.h, on lines written for these tests.
#include "common/extract/line_rules.h"

#include <string>

#include <gtest/gtest.h>

#include "common/extract/language.h"
#include "common/extract/line_features.h"

namespace lede {
namespace {

LineFeatures Shape(const std::string& text) { return ComputeLineFeatures(text, nullptr); }

TEST(LineRules, EndSignalsOpenFurnitureInManyLanguages) {
  for (const char* line :
       {"Most Popular", "Comments (12)", "comments12", "Related Stories", "Leia também",
        "Читайте также", "関連記事", "コメント (3)", "Don't miss"}) {
    EXPECT_TRUE(IsEndSignalKey(LineKey(line))) << line;
  }
  // A signal opens a short line; a sentence that starts with its words runs on.
  for (const char* line :
       {"Comments from the minister were brief and to the point", "The popular vote",
        "Popular support for the plan fell sharply after the vote in May"}) {
    EXPECT_FALSE(IsEndSignalKey(LineKey(line))) << line;
  }
}

TEST(LineRules, FurnitureIsTheWholeLine) {
  EXPECT_TRUE(IsFurnitureKey(LineKey("Advertisement")));
  EXPECT_TRUE(IsFurnitureKey(LineKey("Share on Facebook")));
  EXPECT_FALSE(IsFurnitureKey(LineKey("Share prices fell")));
}

TEST(LineRules, LegalNoticesStrongAndWeak) {
  auto notice = [](const std::string& t) {
    return HasFurnitureText(t, LineKey(t), Shape(t).words);
  };
  EXPECT_TRUE(notice("\xC2\xA9 2031 The Harbour Gazette"));
  EXPECT_TRUE(notice("All rights reserved."));
  EXPECT_TRUE(notice("Sign up for our morning newsletter"));
  // A weak phrase in a long paragraph is the story talking.
  EXPECT_FALSE(
      notice("The council said the new privacy policy for the library would be "
             "discussed at length on Tuesday, when members of the public can ask "
             "questions about what is kept and for how long."));
}

TEST(LineRules, FurnitureTextIsFoundAnywhereInTheKey) {
  // Phrases are substrings of the key, at its start, its end or inside a
  // longer word; weak ones count on lines of 25 words at most, strong and
  // consent ones up to 60.
  struct Case {
    const char* key;
    int words;
    bool notice;
  } cases[] = {
      {"copyright 2031 the harbour gazette", 5, true},
      {"the harbour gazette copyright", 4, true},
      {"we use cookies", 3, true},
      {"we use cookies", 26, false},
      {"all rights reserved", 59, true},
      {"all rights reserved", 61, false},
      {"externer inhalt ich bin damit einverstanden", 40, true},
      {"an external auditor", 3, false},  // the anchor alone is not enough
      {"abonnenten vorbehalten", 30, true},
      {"follow u", 2, false},  // a phrase cut short by the end of the key
      {"f", 1, false},
      {"", 0, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(HasFurnitureText(c.key, c.key, c.words), c.notice) << c.key << " " << c.words;
  }
}

TEST(LineRules, CaptionsAndCredits) {
  EXPECT_TRUE(IsCaption(LineKey("In this photo, crews clear the road"), 7));
  EXPECT_TRUE(IsCaption(LineKey("Photo: Jane Roe, Harbour Gazette"), 5));
  EXPECT_TRUE(IsCaption(LineKey("Crews clear the road (AP Photo/John Doe)"), 8));
  EXPECT_FALSE(IsCaption(LineKey("Crews cleared the road before dawn"), 6));
  // A caption's own label ahead of a long caption.
  EXPECT_TRUE(IsCaption(LineKey("Media caption The mayor told the town that the bridge would open in "
                                "the spring, after three years of work on the river crossing"),
                        25));
  EXPECT_FALSE(IsCaption(LineKey("Media coverage of the bridge was thin"), 7));
  EXPECT_TRUE(EndsWithCredit("Crews clear the road (Image: GETTY)"));
  EXPECT_TRUE(EndsWithCredit("The comet seen from orbit. Credit: ESA"));
  EXPECT_FALSE(EndsWithCredit("The mayor (pictured) opened the bridge on Monday."));
  // A photographer and the agency joined by a slash.
  EXPECT_TRUE(EndsWithCredit("The harbour lights at dusk Jane Roe/Reuters"));
  EXPECT_TRUE(EndsWithCredit("The harbour lights at dusk Jane Roe / AFP"));
  EXPECT_FALSE(EndsWithCredit("Turnout rose to 3/4 of the voters"));
  EXPECT_FALSE(EndsWithCredit("The harbour reopens on 12/05"));
  // The agency is read from the last slash, and only within the last 24
  // bytes; an earlier slash or a later ')' with no '(' changes nothing.
  EXPECT_TRUE(EndsWithCredit("Smoke over the 24/7 market Jane Roe/AFP via Getty Images"));
  EXPECT_FALSE(EndsWithCredit("Reuters/ reported that the harbour lights were dimmed at dusk"));
  EXPECT_FALSE(EndsWithCredit("The harbour lights at dusk :-)"));
  // A photographer's name and the outlet in closing parentheses.
  EXPECT_TRUE(EndsWithCredit("The mayor at the bridge. (John Doe/The Harbour Gazette)"));
  EXPECT_TRUE(EndsWithCredit("The mayor at the bridge (\xC3\x89mile Roe / Agency)"));
  EXPECT_FALSE(EndsWithCredit("Traffic was slow on the bridge (about 30 km/h)"));
  EXPECT_FALSE(EndsWithCredit("The band played its hits (AC/DC)"));
  EXPECT_FALSE(EndsWithCredit("Both were invited (Jane Roe/John Doe/Ann Poe)"));
}

TEST(LineRules, EmbeddedContentConsentIsANotice) {
  for (const std::string line :
       {"Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
        "External content: this post is shown by a third party provider",
        "Ce contenu externe est fourni par un tiers"}) {
    EXPECT_TRUE(HasFurnitureText(line, LineKey(line), Shape(line).words)) << line;
  }
  const std::string story = "The council wants to hire an external auditor for the budget.";
  EXPECT_FALSE(HasFurnitureText(story, LineKey(story), Shape(story).words));
}

TEST(LineRules, PaywallNoticeIsANotice) {
  for (const std::string line :
       {"Il vous reste 60% de cet article \xC3\xA0 lire. La suite est r\xC3\xA9serv\xC3\xA9"
        "e aux abonn\xC3\xA9s.",
        "This article is reserved for subscribers.",
        "Dieser Artikel ist exklusiv f\xC3\xBCr Abonnenten.",
        "Il resto dell'articolo \xC3\xA8 riservato agli abbonati."}) {
    EXPECT_TRUE(HasFurnitureText(line, LineKey(line), Shape(line).words)) << line;
  }
  const std::string story = "The council reserved ten seats for the press at the meeting.";
  EXPECT_FALSE(HasFurnitureText(story, LineKey(story), Shape(story).words));
}

TEST(LineRules, LinesAnnouncingAList) {
  for (const char* line : {"The quake was felt in these towns, as follows.",
                           "Die Ergebnisse lauten wie folgt:",
                           "\xE5\x90\x84\xE5\x9C\xB0\xE3\x81\xAE\xE9\x9C\x87\xE5\xBA\xA6\xE3\x81\xAF"
                           "\xE6\xAC\xA1\xE3\x81\xAE\xE3\x81\xA8\xE3\x81\x8A\xE3\x82\x8A\xE3\x80\x82"}) {
    EXPECT_TRUE(EndsAnnouncingAList(LineKey(line))) << line;
  }
  for (const char* line : {"The rules that follow apply to everyone.", "Follows",
                           "He was followed as follows the leader"}) {
    EXPECT_FALSE(EndsAnnouncingAList(LineKey(line))) << line;
  }
}

TEST(LineRules, TaxonomyLines) {
  auto tax = [](const std::string& t) { return IsTaxonomyLine(t, LineKey(t), Shape(t).words); };
  EXPECT_TRUE(tax("Tags: bridges, floods, council"));
  EXPECT_TRUE(tax("Filed under: Local"));
  EXPECT_FALSE(tax("Note: the bridge opens at noon."));
}

TEST(LineRules, BreadcrumbTrails) {
  EXPECT_EQ(BreadcrumbArrows("Home \xC2\xBB News \xC2\xBB World"), 2);
  EXPECT_EQ(BreadcrumbArrows("Gadgets \xE2\x80\xBA"), 1);
  EXPECT_TRUE(IsBreadcrumbTrail("Home > News > Local", 3));
  EXPECT_FALSE(IsBreadcrumbTrail("The river rose by 2 / 3 of a metre overnight in the town", 13));
  EXPECT_FALSE(IsBreadcrumbTrail("A mayor, a bridge and a river", 7));
}

TEST(LineRules, TeaserLinks) {
  auto link = [](const std::string& t) { return IsTeaserLink(t, LineKey(t)); };
  EXPECT_TRUE(link("SEE MORE: The bridge that took ten years"));
  EXPECT_TRUE(link("Read more: Floods close the valley road"));
  EXPECT_FALSE(link("The mayor said: we waited long enough"));
  // "Read also" in the other languages lede meets.
  EXPECT_TRUE(link("Les også: Brua som tok ti år"));
  EXPECT_TRUE(link("L\xC3\xA4s ocks\xC3\xA5: Bron som tog tio \xC3\xA5r"));
  EXPECT_TRUE(link("Leggi anche: Il ponte che ha richiesto dieci anni"));
  EXPECT_TRUE(IsInlineTeaser(LineKey("Lees ook De brug die tien jaar duurde")));
  EXPECT_TRUE(IsInlineTeaser(LineKey("Watch the opening")));
  EXPECT_FALSE(IsInlineTeaser(LineKey("A long wait")));
}

TEST(LineRules, Bylines) {
  for (const char* line : {"By Jane Roe", "By Jane Roe and John Doe, Harbour Gazette",
                           "By Jane Roe on Monday, March 3rd, 2031 at 9:15 a.m."}) {
    EXPECT_TRUE(IsByline(line, Shape(line))) << line;
  }
  for (const char* line : {"By Monday, the council had agreed to pay for the bridge",
                           "Bystanders watched the crews", "By"}) {
    EXPECT_FALSE(IsByline(line, Shape(line))) << line;
  }
}

TEST(LineRules, NameLines) {
  const StopWordTest english("en");
  auto shape = [&](const std::string& t) {
    return NameLineShape(t, ComputeLineFeatures(t, english), english);
  };
  EXPECT_EQ(shape("Jane Roe, John Doe and Ann Poe"), NameShape::kList);
  EXPECT_EQ(shape("Jane Roe, John Doe, Ann van Poe"), NameShape::kList);
  EXPECT_EQ(shape("Jane Roe Ann Poe John Doe"), NameShape::kRun);
  // Title Case headlines keep their function words; sentences are not names.
  EXPECT_EQ(shape("Student Dies After Pills She Bought Online"), NameShape::kNone);
  EXPECT_EQ(shape("Harbour, Bridge and the River Reopen"), NameShape::kNone);
  EXPECT_EQ(shape("Jane Roe, John Doe and Ann Poe."), NameShape::kNone);
  EXPECT_EQ(shape("Jane Roe"), NameShape::kNone);
  EXPECT_TRUE(IsNameLine("Jane Roe, John Doe and Ann Poe", Shape("Jane Roe, John Doe and Ann Poe"),
                         english));
}

TEST(LineRules, ClosingNotes) {
  auto note = [](const std::string& t) { return IsClosingNote(t, LineKey(t), Shape(t)); };
  EXPECT_TRUE(note("Jane Roe is a staff writer at the Harbour Gazette."));
  EXPECT_TRUE(note("Korrespondent Jan Roe ist bei der Zeitung für die Stadt zuständig."));
  EXPECT_TRUE(note("Have a tip? Jane Roe may be reached at jroe@example.org."));
  EXPECT_TRUE(note("Additional reporting by John Doe"));
  EXPECT_TRUE(note("Gazette writer Ann Poe in Paris contributed to this report."));
  // Story sentences, and a question-and-answer line whose label is not a name.
  EXPECT_FALSE(note("The bridge is a symbol of the town, the mayor said."));
  EXPECT_FALSE(note("A: Sonos \xE2\x80\x93 Music is the soundtrack of the house."));
  EXPECT_FALSE(note("Email the council at the address on its website."));
}

TEST(LineRules, DateStamps) {
  for (const char* line : {"Published: 10:48, Tue, Mar 4, 2031 | Updated: 11:02", "March 3, 2031",
                           "Posted on 2031-03-03 at 9:15 am",
                           // spaced after the dots with thin spaces, as German sites set it
                           "28.\xE2\x80\x89" "4.\xE2\x80\x89" "2031, 18:41 Uhr",
                           // a name, a date and a reading time under a teaser
                           "Jane Roe 13.12.2031 4 min", "Mar 3, 2031 \xC2\xB7 5 min read"}) {
    EXPECT_TRUE(IsDateStamp(line, Shape(line))) << line;
  }
  for (const char* line : {"June 9 -- Riverside Amphitheatre",
                           "Trains run every 10 min from 12.01.2031 to the airport",
                           "Bridge opens March 3, 2031 "
                           "after three years of work on the river crossing"}) {
    EXPECT_FALSE(IsDateStamp(line, Shape(line))) << line;
  }
  EXPECT_TRUE(IsStampWord("published"));
  EXPECT_TRUE(IsStampWord("9:15am"));
  EXPECT_FALSE(IsStampWord("bridge"));
}

TEST(LineRules, GalleryCounters) {
  for (const char* line :
       {"12 of 12", "Image 3 of 5", "Bild 2 von 9", "Gallery: Harbour | 14 Photos"}) {
    EXPECT_TRUE(IsGalleryCounter(LineKey(line), Shape(line).words)) << line;
  }
  for (const char* line : {"One of the 12 bridges",
                           "3 of the 5 councillors voted against the plan "
                           "on Monday night",
                           "Harbour photos"}) {
    EXPECT_FALSE(IsGalleryCounter(LineKey(line), Shape(line).words)) << line;
  }
}

TEST(LineRules, GalleryCounterAtTheStartOfALine) {
  struct Case {
    const char* line;
    int index, total;
  };
  for (const Case& c :
       {Case{"3/50 City for sale", 3, 50}, Case{"Image 3 of 12", 3, 12}, Case{"12 of 12 |", 12, 12},
        Case{"Foto 2 von 9", 2, 9}, Case{"7 / 20", 7, 20}}) {
    int index = 0, total = 0;
    EXPECT_TRUE(ParseGalleryCounter(c.line, &index, &total)) << c.line;
    EXPECT_EQ(index, c.index) << c.line;
    EXPECT_EQ(total, c.total) << c.line;
  }
  // "1/2 cup of sugar" and "9/11 memorial" have the shape too; a gallery
  // needs three counters of one total in order (the boilerplate test).
  for (const char* line : {"3 of the 5 councillors voted", "2024/25 season review", "5/3 Bank",
                           "Page one of 12", "12/2019 report", "Photos of the town 3/5"}) {
    int index = 0, total = 0;
    EXPECT_FALSE(ParseGalleryCounter(line, &index, &total)) << line;
  }
}

TEST(LineRules, CreditLabelsInOtherLanguages) {
  for (const char* line : {"Foto: Jane Roe (Agency)", "Bild: Agency/Jane Roe", "Crédit : Jane Roe",
                           "The mayor at the bridge (Foto: Agency)", "Photo: Jane Roe, Agency"}) {
    EXPECT_TRUE(EndsWithCredit(line)) << line;
  }
  EXPECT_TRUE(StartsWithCreditLabel("Foto: Jane Roe"));
  EXPECT_FALSE(StartsWithCreditLabel("Fotografen warteten vor dem Rathaus"));
  // A label opening a long sentence, and a source label (a fact box or a
  // chart cites its source too), are not photo credits.
  for (const char* line :
       {"Bild: So sah die Brücke aus, als der Bürgermeister sie am Montag nach drei Jahren "
        "Bauzeit und zwei Verzögerungen durch Hochwasser endlich eröffnete",
        "Quelle: Statistisches Amt", "Kilde: Helsedirektoratet"}) {
    EXPECT_FALSE(EndsWithCredit(line)) << line;
  }
}

TEST(LineRules, AboutPersonHeadings) {
  for (const char* line : {"About Jane Roe",
                           "\xC3\x9C"
                           "ber Jane Roe",
                           "Sobre Jana Maria Roe"}) {
    EXPECT_TRUE(IsAboutPersonHeading(line)) << line;
  }
  for (const char* line : {"About Acme", "About us", "About the bridge", "About GE Healthcare",
                           "About Jane Roe and the town council", "Abouts Jane Roe"}) {
    EXPECT_FALSE(IsAboutPersonHeading(line)) << line;
  }
}

TEST(LineRules, RepeatsAndLinks) {
  EXPECT_TRUE(
      IsSelfRepeat("Crews clear the road near the bridge on MondayCrews clear the road "
                   "near the bridge"));
  EXPECT_FALSE(IsSelfRepeat("Crews clear the road near the bridge on Monday morning."));
  EXPECT_TRUE(LooksLikeLink("[image]", Shape("[image]")));
  EXPECT_TRUE(LooksLikeLink("See https://example.org/x", Shape("See https://example.org/x")));
  EXPECT_FALSE(LooksLikeLink("The bridge opened.", Shape("The bridge opened.")));
}

}  // namespace
}  // namespace lede

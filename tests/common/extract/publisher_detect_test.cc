// Table-driven tests for publisher signals and the page-level choice.
#include "common/extract/publisher_detect.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lede {
namespace {

TEST(PublisherDetect, CopyrightNotices) {
  struct Case {
    const char* line;
    const char* holder;  // "" for none
  } cases[] = {
      {"© 2019 Harbour Times. All rights reserved.", "Harbour Times"},
      {"Copyright © 2019 Dow Valley Media, Inc. All Rights Reserved.", "Dow Valley Media"},
      {"© 2005-2019 Gearbox Weekly, All Rights Reserved.", "Gearbox Weekly"},
      {"This material may not be published, broadcast, rewritten, or redistributed. ©2019 "
       "Riverside Network, LLC. All rights reserved.",
       "Riverside Network"},
      {"The contents of this site are ©2019 Hill Street Publishing Corp., a subsidiary of "
       "Another Co.",
       "Hill Street Publishing"},
      {"© 2019 Lakeside.com. All rights reserved (About Us).", "Lakeside.com"},
      {"Copyright 2019. Valley Examiner. All Rights Reserved.", "Valley Examiner"},
      {"©All Rights Reserved Harbour Institute 2019, a nonprofit organization",
       "Harbour Institute"},
      {"copyright Plainsview 2019 - ISSN: 1234-5678", "Plainsview"},
      {"©Northern Papers Limited in England No. 123456 Registered office", "Northern Papers"},
      {"Copyright © 2019, Coast Times | Terms of Service | Privacy Policy", "Coast Times"},
      {"© 2000 - 2019 Al Bawadi (www.example.com)", "Al Bawadi"},
      {"Copyright @ 2019 The New Harbour.", "The New Harbour"},
      {"© 2025 HARBOURHUIS N.V.", "HARBOURHUIS"},
      {"\xC2\xA9 1997\xE2\x80\x94"
       "2024 Harbour.de",
       "Harbour.de"},  // a range with an em dash
      {"Nettbyen. © Mediehuset Nettbyen AS 2024", "Mediehuset Nettbyen"},
      {"Copyright © e-Twelve.com Ltd All rights reserved. Reproduction forbidden", "e-Twelve.com"},
      // A brand in lower case, with its year.
      {"Copyright © harbournews 2024", "harbournews"},
      {"Copyright © 2024 harbournews", "harbournews"},
      // A year opening a line of rights, without the marker.
      {"2019 Harbour News, Inc. All Rights Reserved", "Harbour News"},
      {"2025 The Coast Courier. All Rights Reserved.", "The Coast Courier"},
      {"2019 was the year the rights reserved for the harbour ran out", ""},
      {"2019 Harbour News, Inc.", ""},
      {"© 2024 All rights reserved.", ""},
      {"© harbournews", ""},
      {"© 2024 a Harbour plc subsidiary", ""},
      {"Copyright © harbour news 2024", ""},
      // Photo credits and captions are not notices.
      {"© REUTERS / POOL", ""},
      {"(Image: © NASA/ESA/K. Retherford/SWRI)", ""},
      {"a person sitting on a bed© Amazon", ""},
      {"Taylor Swift Image copyright Getty Images", ""},
      {"© Jane Roe", ""},
      {"Copyright Policy", ""},
      {"Jewels after Jewels, installation views, photos © Harbour Gallery, 2018", ""},
      {"Copyright © 2002-2019 - Designed by Gray Digital - Powered by Clickability", ""},
      {"The court heard that copyright law protects the work.", ""},
  };
  for (const auto& c : cases) {
    auto m = PublisherFromCopyright(c.line);
    EXPECT_EQ(m ? m->name : "", c.holder) << c.line;
  }
}

TEST(PublisherDetect, BareNoticeInTheFooter) {
  struct Case {
    const char* line;
    const char* holder;  // "" for none
  } cases[] = {
      {"© Harbour Daily", "Harbour Daily"},
      {"© Harbour Daily | Imprint / Privacy", "Harbour Daily"},
      {"\xC2\xA9 Coast Courier.fr | Terms", "Coast Courier.fr"},
      // Not opening the line: a caption's credit.
      {"The harbour at night. © Jane Roe", ""},
      {"Photo © Jane Roe", ""},
      {"© REUTERS / POOL", ""},
  };
  for (const auto& c : cases) {
    auto m = PublisherFromCopyright(c.line, true);
    EXPECT_EQ(m ? m->name : "", c.holder) << c.line;
    // Elsewhere on the page a bare notice is a photo credit.
    EXPECT_FALSE(PublisherFromCopyright(c.line, false)) << c.line;
  }
}

TEST(PublisherDetect, SelfReferences) {
  struct Case {
    const char* line;
    const char* name;
  } cases[] = {
      {"Contact CT Courier", "CT Courier"},
      {"Support The Harbour Times", "The Harbour Times"},
      {"The Harbour Times - Back to home", "The Harbour Times"},
      // A newsletter has a name of its own ("the Morning Review newsletter").
      {"Subscribe to Lakeside.com’s newsletters.", ""},
      {"Download the Coastline App", "Coastline"},
      {"Follow Valley Examiner on Twitter", "Valley Examiner"},
      {"Sky Science is part of Future Media Inc, an international media group and leading "
       "digital publisher.",
       "Sky Science"},
      {"Harbour Times logo", "Harbour Times"},
      {"Contact the Coast Courier", "Coast Courier"},
      {"Contact Us", ""},
      {"About us", ""},
      {"Follow her on Twitter", ""},
      {"Follow us on Facebook", ""},
      {"Russia urges all Syrian parties to sit down for talks", ""},
      {"Contact the author at jane@example.com", ""},
  };
  for (const auto& c : cases) {
    auto m = PublisherFromSelfReference(c.line);
    EXPECT_EQ(m ? m->name : "", c.name) << c.line;
  }
}

TEST(PublisherDetect, SameOutlet) {
  EXPECT_TRUE(SameOutlet("Guardian News & Media", "The Guardian"));
  EXPECT_TRUE(SameOutlet("Lakeside.com", "Lakeside"));
  EXPECT_TRUE(SameOutlet("FOX News Network", "Fox Business"));
  EXPECT_FALSE(SameOutlet("Daily Star", "Daily Mail"));
  EXPECT_FALSE(SameOutlet("The Times", "New York Post"));
  EXPECT_TRUE(SameOutlet("News Communication", "News Communication"));
  // Words of the generic list, first to last, never make two names one.
  EXPECT_FALSE(SameOutlet("The Harbour Gazette", "The Valley Courier"));
  EXPECT_FALSE(SameOutlet("swissinfo.ch", "bluewin.ch"));
  EXPECT_FALSE(SameOutlet("Broadcasting Services Lakeside", "Broadcasting Services Hilltop"));
}

std::vector<std::string_view> Lines(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

TEST(PublisherDetect, PageAgreesOnTheSiteNotTheLegalName) {
  const std::vector<std::string> page = {
      "Skip to main content",
      "The Harbour Times - Back to home",
      "News",
      "Headline of the day",
      "WELLINGTON (AP) — The story starts here and goes on for a while.",
      "It goes on.",
      "Support The Harbour Times",
      "© 2019 Harbour News & Media Limited or its affiliated companies. All rights reserved.",
  };
  PageCredits c = FindPageCredits(Lines(page), "AP", nullptr);
  ASSERT_TRUE(c.publisher);
  EXPECT_EQ(c.publisher->name, "The Harbour Times");
}

TEST(PublisherDetect, AWireAgencyNoticeIsTheAgencysNotThePublishers) {
  // A site carrying agency copy prints the agency's notice under the story
  // and its own in the footer.
  const std::vector<std::string> page = {
      "Headline",
      "The story.",
      "Copyright 2019 The Associated Press. All rights reserved. This material may not be "
      "published, broadcast, rewritten or redistributed.",
      "© 2019 The Valley Republic unless otherwise noted. All rights reserved.",
  };
  PageCredits c = FindPageCredits(Lines(page), "", nullptr);
  ASSERT_TRUE(c.publisher);
  EXPECT_EQ(c.publisher->name, "The Valley Republic");
  ASSERT_TRUE(c.agency_notice);
  EXPECT_EQ(c.agency_notice->name, "AP");

  // Alone, the agency's notice does not make the agency the publisher.
  const std::vector<std::string> only_agency = {
      "Headline", "BEIJING, Dec. 3 (Xinhua) -- The story.",
      "Copyright 2019 Xinhua. All rights reserved."};
  c = FindPageCredits(Lines(only_agency), "Xinhua", nullptr);
  EXPECT_FALSE(c.publisher);
  ASSERT_TRUE(c.agency_notice);
  EXPECT_EQ(c.agency_notice->name, "Xinhua");
}

TEST(PublisherDetect, OneWeakSignalIsNotEnough) {
  // A menu item naming a place, a photographer's credit: nothing agrees.
  const std::vector<std::string> page = {"About Syria", "Headline", "The story.",
                                         "© Jane Roe"};
  EXPECT_FALSE(FindPageCredits(Lines(page), "", nullptr).publisher);
  // Two self-references on different lines agree.
  const std::vector<std::string> named = {"Contact Coast Courier", "Headline", "The story.",
                                          "Follow Coast Courier on Twitter"};
  auto c = FindPageCredits(Lines(named), "", nullptr);
  ASSERT_TRUE(c.publisher);
  EXPECT_EQ(c.publisher->name, "Coast Courier");
}

TEST(PublisherDetect, OutletNamingItsOwnReporterIsThePublisher) {
  const std::vector<std::string> page = {
      "Headline", "The story.",
      "Video: Protests draw supporters. VOA's Brian Padden visited one of the sites. VOA's "
      "Brian Padden reports."};
  auto c = FindPageCredits(Lines(page), "", nullptr);
  ASSERT_TRUE(c.publisher);
  EXPECT_EQ(c.publisher->name, "VOA");
}

TEST(PublisherDetect, NamesAreCanonicalised) {
  SourceAliases aliases = {{"harbour times", "HT"}};
  const std::vector<std::string> page = {"Headline", "The story.",
                                         "© 2019 Harbour Times. All rights reserved."};
  auto c = FindPageCredits(Lines(page), "", &aliases);
  ASSERT_TRUE(c.publisher);
  EXPECT_EQ(c.publisher->name, "HT");
}

}  // namespace
}  // namespace lede

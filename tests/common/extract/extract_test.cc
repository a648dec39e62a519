// Extraction end to end on corpus/ (the seed articles) and on small fixtures.
#include "common/extract/extract.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace lede {
namespace {

std::string ReadCorpus(const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(LEDE_CORPUS_DIR)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  ADD_FAILURE() << "no corpus file " << prefix;
  return "";
}

std::string DateOf(const Article& a) { return a.date ? FormatIsoDate(*a.date) : "none"; }

struct CorpusCase {
  const char* file;
  const char* date;    // "none" when there is none
  const char* agency;  // "" when there is none
  std::vector<const char*> in_body;
  std::vector<const char*> not_in_body;
};

TEST(Extract, SeedCorpus) {
  const CorpusCase cases[] = {
      {"000_",
       "2012-12-04",
       "Xinhua",
       {"sit down at the negotiating table"},
       {"Kim Jong Un", "Selections for you", "Most Popular"}},
      {"001_", "none", "SANA", {"Geneva communiqué"}, {"Check Also"}},
      {"002_",
       "2012-12-28",
       "",  // VOA names its own reporters: the publisher (SeedCorpusPublishers)
       {"Opposition bristles", "Russian influence waning"},
       {"Hong Kong", "Ebola", "Plain Mirror", "You May Like"}},
      {"003_", "2014-01-22", "TBP", {"follow-up mechanism"}, {"Follow us on"}},
      {"004_", "none", "", {"form a team"}, {"Araghchi", "Latest news"}},
  };
  LineCounter counter;
  std::vector<std::string> texts;
  for (const auto& c : cases) texts.push_back(ReadCorpus(c.file));
  for (const auto& t : texts) counter.AddFile(t);
  const LineStats stats = counter.Finish();
  const LineStats* const with_and_without[] = {nullptr, &stats};
  for (const LineStats* s : with_and_without) {
    ExtractContext context;
    context.line_stats = s;
    for (size_t i = 0; i < std::size(cases); ++i) {
      const CorpusCase& c = cases[i];
      Article a = Extract(texts[i], context);
      std::string body = a.Body();
      for (const char* p : c.in_body) {
        EXPECT_NE(body.find(p), std::string::npos) << c.file << " lost " << p;
      }
      for (const char* p : c.not_in_body) {
        EXPECT_EQ(body.find(p), std::string::npos) << c.file << " kept " << p;
        EXPECT_EQ(a.title.find(p), std::string::npos) << c.file << " title " << p;
      }
      EXPECT_EQ(DateOf(a), c.date) << c.file << " from " << a.date_evidence;
      EXPECT_EQ(a.agency.value_or(""), c.agency) << c.file << " from " << a.agency_evidence;
      EXPECT_EQ(a.language, "en") << c.file;
      EXPECT_EQ(a.lines.size(),
                static_cast<size_t>(std::count(texts[i].begin(), texts[i].end(), '\n') + 1));
    }
  }
}

// The seed pages name their publisher only where the outlet names its own
// reporter (002, VOA); 000 is People's Daily's page, but its text never says
// so (no notice, no site name survived the dump), so nothing is guessed.
TEST(Extract, SeedCorpusPublishers) {
  const std::pair<const char*, const char*> cases[] = {
      {"000_", ""}, {"001_", ""}, {"002_", "VOA"}, {"003_", ""}, {"004_", ""}};
  for (const auto& [file, publisher] : cases) {
    Article a = Extract(ReadCorpus(file), ExtractContext{});
    EXPECT_EQ(a.publisher.value_or(""), publisher) << file << " from " << a.publisher_evidence;
  }
}

TEST(Extract, SeedTitles) {
  EXPECT_EQ(Extract(ReadCorpus("000_"), {}).title,
            "Russia urges all Syrian parties to sit down for talks");
  EXPECT_EQ(Extract(ReadCorpus("002_"), {}).title,
            "Russia Urges Syria to Dialogue with Opposition");
  EXPECT_EQ(Extract(ReadCorpus("003_"), {}).title, "China, Russia FMs meet ahead of Syria talks");
}

const char kDatelinePage[] =
    "Menu\nNews\nSport\n\n"
    "Ministers meet to discuss the harvest\n\n"
    "PARIS, Nov. 19 (AFP) -- Farm ministers met on Tuesday to discuss the poor "
    "harvest, which has pushed up the price of wheat across the region.\n\n"
    "They agreed to release part of the grain reserve, a step that had been "
    "resisted by two of the largest producers for months.\n\n"
    "Related\n\n"
    "Floods hit the north of the country - November 3, 2018\n";

TEST(Extract, PageInCapitalsKeepsItsHeadlineInCapitals) {
  // Old wire copy in capitals throughout: its headline in capitals is not a
  // kicker, and beats a label in mixed case above it.
  const char kPage[] =
      "Senate Passes Budget\n\n"
      "SENATE PASSES BUDGET AFTER A LONG NIGHT\n\n"
      "THE SENATE PASSED THE BUDGET ON TUESDAY AFTER A LONG NIGHT OF DEBATE IN WHICH "
      "MEMBERS OF BOTH PARTIES ARGUED OVER THE BUDGET FOR ROADS, SCHOOLS AND THE ARMY.\n\n"
      "THE BUDGET NOW GOES TO THE HOUSE, WHERE LEADERS SAID THEY WOULD VOTE ON IT BY "
      "THE END OF THE WEEK IF THE SENATE VERSION HOLDS.\n\n"
      "SENATORS SAID THE NIGHT OF DEBATE WAS THE LONGEST IN YEARS AND THAT THE BUDGET "
      "WAS PASSED WITH VOTES FROM BOTH PARTIES.\n";
  EXPECT_EQ(Extract(kPage, {}).title, "SENATE PASSES BUDGET AFTER A LONG NIGHT");
}

TEST(Extract, YearlessDatelineTakesNoYearFromTeasers) {
  Article a = Extract(kDatelinePage, {});
  EXPECT_EQ(a.title, "Ministers meet to discuss the harvest");
  EXPECT_EQ(a.agency.value_or(""), "AFP");
  // The only dated line is a teaser after the article: the year is unknown.
  EXPECT_FALSE(a.date.has_value()) << DateOf(a);
}

TEST(Extract, SourceAliasesFromContext) {
  std::map<std::string, std::string> aliases = {{"afp", "Agence France-Presse"}};
  ExtractContext context;
  context.source_aliases = &aliases;
  EXPECT_EQ(Extract(kDatelinePage, context).agency.value_or(""), "Agence France-Presse");
}

TEST(Extract, PlainKeepsEverything) {
  ExtractContext context;
  context.plain = true;
  Article a = Extract("A TITLE\nFIRST LINE\n\nMost Popular\n", context);
  EXPECT_EQ(a.title, "A TITLE");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[1], "Most Popular");
  EXPECT_FALSE(a.date.has_value());
}

TEST(Extract, AllCapitalsProseIsKept) {
  const char kWire[] =
      "SENATE PASSES BUDGET\n\n"
      "THE SENATE PASSED THE BUDGET ON TUESDAY AFTER A LONG DEBATE, SENDING IT "
      "TO THE HOUSE, WHERE IT IS EXPECTED TO FACE A CLOSE VOTE NEXT WEEK.\n\n"
      "THE BILL WOULD RAISE SPENDING ON ROADS AND SCHOOLS AND CUT THE TAX ON "
      "SMALL FIRMS, WHICH THE GOVERNOR HAS SAID HE WILL SIGN.\n";
  Article a = Extract(kWire, {});
  EXPECT_EQ(a.title, "SENATE PASSES BUDGET");
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

TEST(Extract, HeadlineOverItsStandfirst) {
  // The standfirst shares more words with the story, but the headline is
  // the line above it.
  const char kPage[] =
      "Home\nSports\nHockey\n\n"
      "Nelson's overtime goal lifts Islanders\n\n"
      "Islanders complete a frantic comeback in Pittsburgh to extend their unbeaten streak "
      "to 15 games\n\n"
      "Published 11:26 pm EST, Tuesday, November 19, 2019\n\n"
      "Brock Nelson scored his second goal of the game in overtime to complete a frantic "
      "comeback, and the Islanders beat Pittsburgh to extend their unbeaten streak to 15.\n\n"
      "The Islanders trailed by two goals late in the third period before they scored twice "
      "in the last minutes of the game, and the comeback was complete in overtime.\n";
  Article a = Extract(kPage, {});
  EXPECT_EQ(a.title, "Nelson's overtime goal lifts Islanders");
  EXPECT_EQ(DateOf(a), "2019-11-19");
}

// The body under the headline fixtures below.
const char kHotelBody[] =
    "Families who book a hotel room on the right day of the week can save hundreds, according "
    "to travel agents who compared the prices of the last three summers.\n\n"
    "The cheapest day to book was a Tuesday, when hotels sell the rooms that were not taken at "
    "the weekend, the agents said, and the owners rarely tell their guests.\n";

TEST(Extract, LinesThatCannotBeHeadlines) {
  // A numbered list item, a kicker cut off by a dash, a tag list: the body's
  // line tests know them; none is the headline.
  const std::string numbered = std::string("Home\n\n  3. Hotel News\n\n") +
                               "Seven secrets that hotel owners keep from their guests and how to "
                               "find them out\n\n" +
                               kHotelBody;
  EXPECT_EQ(Extract(numbered, {}).title,
            "Seven secrets that hotel owners keep from their guests and how to find them out");
  const std::string kicker = std::string("Home\n\nHotels in the city \xE2\x80\x93\n\n") +
                             "Seven secrets that hotel owners keep from their guests\n\n" +
                             kHotelBody;
  EXPECT_EQ(Extract(kicker, {}).title, "Seven secrets that hotel owners keep from their guests");
  const std::string tags =
      std::string("Home\n\nTags: hotels, travel, prices, owners, guests\n\nBy Jane Roe\n\n") +
      kHotelBody;
  EXPECT_EQ(Extract(tags, {}).title, "");
}

TEST(Extract, ListOfNamesIsNotTheHeadline) {
  // The authors' names are in the story too, and sit right above it.
  const std::string page =
      std::string("Home\n\nSeven secrets that hotel owners keep from their guests\n\n") +
      "Jane Roe, John Doe and Ann Poe\n\n"
      "Families who book a hotel room on the right day of the week can save hundreds, according "
      "to travel agents Jane Roe and Ann Poe, who compared the prices of the last three "
      "summers.\n\n"
      "The cheapest day to book was a Tuesday, when hotels sell the rooms that were not taken "
      "at the weekend, John Doe said, and the owners rarely tell their guests.\n";
  EXPECT_EQ(Extract(page, {}).title, "Seven secrets that hotel owners keep from their guests");
}

TEST(Extract, StandfirstIsASentence) {
  // A line above a short headline is not promoted over it: a standfirst
  // reads as a sentence.
  const std::string page = std::string("Home\n\nPrices at a glance\n\n") +
                           "Seven secrets that hotel owners keep\n\n" + kHotelBody;
  EXPECT_EQ(Extract(page, {}).title, "Seven secrets that hotel owners keep");
}

TEST(Extract, DeckIsNotTheHeadline) {
  // The deck under a headline shares more words with the story and may be
  // shorter than the headline; the headline is still the line above it.
  const std::string page =
      std::string("Home\n\nTravel\n\n") +
      "Hotel owners keep quiet about the cheapest day to book\n\n"
      "Travel agents compared hotel prices of three summers\n\nBy Jane Roe\n\n" +
      kHotelBody;
  EXPECT_EQ(Extract(page, {}).title,
            "Hotel owners keep quiet about the cheapest day to book");
  // A breadcrumb trail that ends in the headline is not promoted over it.
  const std::string crumbs =
      std::string("Home\n\nHome News Travel Seven secrets that hotel owners keep from guests\n\n") +
      "Seven secrets that hotel owners keep from guests\n\n" + kHotelBody;
  EXPECT_EQ(Extract(crumbs, {}).title, "Seven secrets that hotel owners keep from guests");
}

TEST(Extract, FileNamesAndAltTextAreNotHeadlines) {
  const std::string file_name = std::string("Home\n\nSeven secrets that hotel owners keep\n\n") +
                                "cheapest-hotel-room-booking-day-tuesday.jpg\n\n" + kHotelBody;
  EXPECT_EQ(Extract(file_name, {}).title, "Seven secrets that hotel owners keep");
  // The alt text comes again as the start of the caption, with its credit.
  const std::string alt_text =
      std::string("Home\n\nHotel owners rarely tell guests the cheapest day\n\n") +
      "Travel agents compared the hotel prices of three summers\n"
      "Travel agents compared the hotel prices of three summers (Jane Roe)\n\n" +
      kHotelBody;
  EXPECT_EQ(Extract(alt_text, {}).title, "Hotel owners rarely tell guests the cheapest day");
}

TEST(Extract, PageInALanguageWithoutStopWords) {
  // Turkish has no stop-word list; read as French from its few chance
  // matches ("de", "ne"), its lines were weighed by French stop words and
  // the story's bounds went wrong.
  const std::string page =
      "Ana Sayfa\nGündem\nSpor\n\n"
      "Parkta yüzlerce fidan dikildi\n\n"
      "Belediye ekipleri sabah saatlerinde şehir merkezindeki parkta temizlik çalışması "
      "başlattı ve yüzlerce fidan dikildi.\n\n"
      "Gönüllüler de çalışmaya katıldı, ne kadar yorulsalar da mahalleye gölge sağlayacak "
      "ağaçları akşama kadar sulamaya devam etti.\n\n"
      "Belediye başkanı, benzer etkinliklerin önümüzdeki aylarda diğer ilçelerde de "
      "düzenleneceğini açıkladı ve katılan herkese teşekkür etti.\n\n"
      "Yorum yap\n";
  Article a = Extract(page, {});
  ASSERT_EQ(a.paragraphs.size(), 3u) << a.Body();
  EXPECT_EQ(a.title, "Parkta yüzlerce fidan dikildi");
}

TEST(Extract, DoubledAltTextAndCopyrightAreNotHeadlines) {
  const std::string doubled = std::string("Home\n\nSeven secrets that hotel owners keep\n\n") +
                              "The hotel roomThe hotel room\n\n" + kHotelBody;
  EXPECT_EQ(Extract(doubled, {}).title, "Seven secrets that hotel owners keep");
  const std::string copyright = std::string("Home\n\nSeven secrets that hotel owners keep\n\n") +
                                "Hotel Travel Agents \xC2\xA9 2026\n\n" + kHotelBody;
  EXPECT_EQ(Extract(copyright, {}).title, "Seven secrets that hotel owners keep");
}

TEST(Extract, NoHeadlineUnderTheByline) {
  // A button under the byline shares more words with the story than the
  // headline does; the headline is above the byline.
  const std::string english = std::string("Home\n\nSilence at the front desk\n\nBy Jane Roe\n\n") +
                              "Book your hotel room for less\n\n" + kHotelBody;
  EXPECT_EQ(Extract(english, {}).title, "Silence at the front desk");
  // The same in German: "Von" and a name is a byline too.
  const std::string german =
      "Startseite\n\nSchweigen an der Rezeption\n\nVon Jana Roth und Max Ott\n\n"
      "Hotelzimmer günstig buchen merken\n\n"
      "Familien, die ein Hotelzimmer am richtigen Wochentag buchen, sparen nach Angaben von "
      "Reisebüros, die die Preise der letzten drei Sommer verglichen haben, oft mehrere "
      "hundert Euro.\n\n"
      "Am günstigsten war ein Dienstag, wenn die Hotels die Zimmer verkaufen, die am "
      "Wochenende nicht gebucht wurden, und die Eigentümer sagen es ihren Gästen selten.\n";
  EXPECT_EQ(Extract(german, {}).title, "Schweigen an der Rezeption");
}

TEST(Extract, CjkHeadlineIsHeadlineSized) {
  // Each CJK character is a word of LineFeatures: a headline of 25
  // characters was read as too long and a label of four as headline-sized,
  // sharing its few characters with the story by chance.
  const std::string page =
      "ホーム\n\n東京の公園で桜が満開に　週末は花見客で混雑の見込み\n\n2026年3月28日\n\n"
      "公園の桜\n\n"
      "東京都内の公園では二十八日、桜が満開となり、多くの人が花見に訪れた。気象台によると、"
      "今年の開花は平年より五日早く、週末にかけて晴れの日が続く見込みだという。\n\n"
      "公園の管理事務所は、週末には例年以上の花見客で混雑すると見ており、ごみの持ち帰りと、"
      "夜間の騒音に注意するよう呼びかけている。\n";
  EXPECT_EQ(Extract(page, {}).title, "東京の公園で桜が満開に　週末は花見客で混雑の見込み");
}

TEST(Extract, FurnitureByItsShapeIsNotTheHeadline) {
  // Each line is the only candidate above the story: none is a headline.
  for (const char* line : {
           "Hotel prices: 4 min read",                       // reading time
           "Lesedauer: 4 Minuten",                           // the same in German
           "Listen to this hotel story 3 Min",               // a duration
           "Home>Travel>Hotels",                             // a trail without spaces
           "Hotel owners keep the cheapest day quiet21:35",  // a ticker entry
           "Facebook X LinkedIn Share via Email Print",      // share buttons
           "Sign in / Sign up",                              // account buttons
           "A hotel room in the city. (Jane Roe)",           // a caption and its credit
       }) {
    EXPECT_EQ(Extract(std::string("Home\n\n") + line + "\n\n" + kHotelBody, {}).title, "") << line;
  }
  // A label closing a headline is not a credit.
  EXPECT_EQ(
      Extract(std::string("Home\n\nHotel room prices on a Tuesday (PHOTOS)\n\n") + kHotelBody, {})
          .title,
      "Hotel room prices on a Tuesday (PHOTOS)");
}

TEST(Extract, QuotedKickerIsNotTheHeadline) {
  // The title of a book or a film the story is about, in quotes above the
  // headline, in the quotes of German, French and English.
  for (const char* kicker : {"\xE2\x80\x9EThe Hotel Rooms Nobody Books\xE2\x80\x9C",
                             "\xC2\xABThe Hotel Rooms Nobody Books\xC2\xBB",
                             "\xE2\x80\x9CThe Hotel Rooms Nobody Books\xE2\x80\x9D"}) {
    const std::string page =
        std::string("Home\n\n") + kicker +
        "\n\nTravel agents say hotel owners keep the cheapest day to book quiet\n\n" + kHotelBody;
    EXPECT_EQ(Extract(page, {}).title,
              "Travel agents say hotel owners keep the cheapest day to book quiet")
        << kicker;
  }
}

TEST(Extract, HeadlineAboveAFarByline) {
  // A box of 90 video links between the byline and the story.
  std::string page = "Home\n\nHotel owners keep quiet about the cheapest day\n\nBy Jane Roe\n\n";
  for (int k = 1; k <= 90; ++k) page += "Clip " + std::to_string(k) + "\n";
  page += std::string("\nWatch: the hotel room video\n\n") + kHotelBody;
  EXPECT_EQ(Extract(page, {}).title, "Hotel owners keep quiet about the cheapest day");
}

TEST(Extract, BylinesWithoutBy) {
  // A bare name next to the time stamp, and a name with its stamp, are
  // bylines: the button under them is not the headline, nor is the name.
  for (const char* byline : {"Jane Roe\n\n12 May 2026", "Jane Roe | Published 3 hours ago"}) {
    const std::string page = std::string("Home\n\nSilence at the front desk\n\n") + byline +
                             "\n\nBook your hotel room for less\n\n" + kHotelBody;
    EXPECT_EQ(Extract(page, {}).title, "Silence at the front desk") << byline;
  }
}

TEST(Extract, OneWordButtonsDoNotPushTheHeadlineAwayFromItsByline) {
  const std::string page =
      std::string("Home\n\nSilence at the hotel front desk\n\nPost\nShare\nPost\nMail\n\n") +
      "A view of the old town from the river\n\nBy Jane Roe\n\n" + kHotelBody;
  EXPECT_EQ(Extract(page, {}).title, "Silence at the hotel front desk");
}

TEST(Extract, HeadlineInTwoSpans) {
  // The kicker and ": the rest" of the headline on two lines.
  const std::string page =
      std::string("Home\n\nSilence at the front desk\n: what hotel owners never tell\n\n") +
      kHotelBody;
  EXPECT_EQ(Extract(page, {}).title, "Silence at the front desk: what hotel owners never tell");
}

TEST(Extract, CallToActionIsNotTheHeadline) {
  // A button naming the site shares the site's name with the dateline.
  for (const char* line :
       {"Follow Hotel Weekly", "Thank you for supporting Hotel Weekly", "S'abonner au Hotel Weekly",
        "S\u2019abonner au Hotel Weekly", "Folgen Sie Hotel Weekly"}) {
    const std::string page = std::string("Home\n\n") + line +
                             "\n\nLONDON (Hotel Weekly) -- Families who book a hotel room on the "
                             "right day save hundreds, travel agents said.\n\n" +
                             kHotelBody;
    EXPECT_EQ(Extract(page, {}).title, "") << line;
  }
  // A headline opening with one of those words is not a button.
  EXPECT_EQ(Extract(std::string("Home\n\nFollow the hotel owners who never tell guests the "
                                "cheapest day to book\n\n") +
                        kHotelBody,
                    {})
                .title,
            "Follow the hotel owners who never tell guests the cheapest day to book");
}

TEST(Extract, LabelPrintedInTheStoryIsNotTheHeadline) {
  // An ad slot's label over the headline, printed again between the
  // story's paragraphs: its words are in the body only through its copies.
  const std::string label = "Our readers keep the Acme Gazette going";
  const char* paragraphs[] = {
      "Families who book a hotel room on the right day of the week can save hundreds, "
      "according to travel agents who compared the prices.",
      "The cheapest day to book was a Tuesday, when hotels sell the rooms that were not taken "
      "at the weekend, the agents said.",
      "The owners rarely tell their guests, who pay the weekend prices for the same room on "
      "the other days of the week.",
      "Some hotels in the old town cut their prices by a third on Tuesdays, and the agents "
      "expect more of them to follow this year.",
      "A family of four who booked two rooms for a week in August saved more than the price "
      "of their flights, one agent said.",
      "The owners' association said its members set their prices freely and that guests could "
      "always compare them online."};
  std::string page = "Home\n\n" + label + "\n\nHotel rooms cost less on a Tuesday\n\n";
  for (int k = 0; k < 6; ++k) {
    page += std::string(paragraphs[k]) + "\n\n";
    if (k == 1 || k == 4) page += label + "\n\n";
  }
  Article a = Extract(page, {});
  EXPECT_EQ(a.title, "Hotel rooms cost less on a Tuesday");
  // The story block kept the copies (short lines between paragraphs); as
  // lines printed above the headline too, they leave the body.
  int copies = 0;
  for (const LineDecision& d : a.lines) {
    if (d.reason == "printed above the headline too (page furniture)") ++copies;
  }
  EXPECT_EQ(copies, 2);
  EXPECT_EQ(a.Body().find(label), std::string::npos) << a.Body();
  EXPECT_EQ(a.paragraphs.size(), 6u) << a.Body();
}

TEST(Extract, LeadPrintedAboveTheHeadlineStaysInTheBody) {
  // A box above the headline repeats the story's first paragraph: the
  // story keeps it.
  const std::string lead =
      "Families who book a hotel room on the right day of the week can save hundreds, according "
      "to travel agents who compared the prices of the last three summers.";
  const std::string page = "Home\n\n" + lead +
                           "\n\nMost Popular\n\nHotel rooms cost less on a Tuesday"
                           "\n\nBy Jane Roe\n\n" +
                           kHotelBody;
  Article a = Extract(page, {});
  EXPECT_EQ(a.title, "Hotel rooms cost less on a Tuesday");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs.front(), lead);
}

TEST(Extract, BylineOpeningTheBodyAnchorsTheHeadline) {
  // The story block takes in the byline line under the headline; the
  // headline is still the line right above it, not the site's name line
  // further up that shares the site's name with that byline.
  const std::string page =
      std::string("Home\n\nHotel Weekly Shop Hotel Weekly Travel\n\n") +
      "City Guides\nGift Cards\nRoad Maps\nShip Cruises\nSki Lodges\n\n"
      "Silence at the hotel front desk\n\n"
      "Hotel Weekly | 04.05.2015 at 1.36pm \xE2\x80\xA2 Updated on 05.05.2015 at 8.13pm | By Jane "
      "Roe (with John Doe and Ann Poe)\n\n" +
      kHotelBody;
  Article a = Extract(page, {});
  ASSERT_EQ(a.Body().rfind("Hotel Weekly |", 0), 0u) << "the fixture needs the byline kept";
  EXPECT_EQ(a.title, "Silence at the hotel front desk");
}

TEST(Extract, AltTextAboveALongCaptionIsNotTheHeadline) {
  // The picture's label, then its caption closed by the credit, however
  // long the caption is.
  const std::string page =
      std::string("Home\n\nHotel owners keep the cheapest day quiet\n\n") +
      "Travel agents compared the prices of three summers. Owners say nothing.\n\n"
      "Families who book on Tuesdays\n\n"
      "Families who book a hotel room on a Tuesday pay less than those who book at the "
      "weekend, travel agents say. | Jane Roe/Reuters\n\n"
      "12.05.2026 09:56\n\n" +
      kHotelBody;
  EXPECT_EQ(Extract(page, {}).title, "Hotel owners keep the cheapest day quiet");
}

TEST(Extract, AmbiguousNumericDateSettledByTheWrittenOne) {
  // An English page reads "06/01/2026" month first, unless it writes the
  // other reading out elsewhere (a caption) and never the first.
  const std::string page = std::string("Home\n\nSeven secrets that hotel owners keep\n\n") +
                           "Published on 06/01/2026 - 13:55\n\n" + kHotelBody +
                           "\nA hotel lobby in the city centre, 6 January, 2026\n";
  EXPECT_EQ(DateOf(Extract(page, {})), "2026-01-06");
  const std::string plain = std::string("Home\n\nSeven secrets that hotel owners keep\n\n") +
                            "Published on 06/01/2026 - 13:55\n\n" + kHotelBody;
  EXPECT_EQ(DateOf(Extract(plain, {})), "2026-06-01");
}

TEST(Extract, PostedStampFarAboveTheBody) {
  // The story starts a long menu below its byline block.
  std::string page = "Home\n\nJane Roe · Posted: Aug 08, 2024\n\n";
  for (int i = 0; i < 100; ++i) page += "Section " + std::to_string(i) + "\n";
  page += "\nHotel owners rarely tell guests the cheapest day\n\n";
  page += kHotelBody;
  page +=
      "\nThe agents found the same pattern in every city they looked at, from the coast to the "
      "mountains, and in hotels of every size and price.\n";
  EXPECT_EQ(DateOf(Extract(page, {})), "2024-08-08");
}

TEST(Extract, PostedStampAmongTheBodysFirstLines) {
  // A standfirst of two lines, then the byline line with its stamp, which
  // the body took in.
  std::string page =
      "Home\n\nHotel owners rarely tell guests the cheapest day\n\n"
      "Travel agents compared the prices of three summers and found the same pattern in every "
      "city they looked at.\n\n"
      "The cheapest day to book a room is not the one most families would guess first\n\n"
      "Jane Roe \xC2\xB7 Town News \xC2\xB7 Posted: Aug 08, 2024 4:00 AM EDT | Last Updated: "
      "August 9\n\n";
  page += kHotelBody;
  EXPECT_EQ(DateOf(Extract(page, {})), "2024-08-08");
}

TEST(Extract, StampAboveTheHeadlineOverADateInTheStorysSentence) {
  // The stamp sits above the headline; the story's first lines mention when
  // a radio show covered the subject: an event, not the page's date.
  std::string page =
      "Home\n\nAug 08, 2024, 2:36 PM\n\nHotel owners rarely tell guests the cheapest day\n\n"
      "The radio show covered the subject on Aug 07, 2024 at 5:50 PM.\n\n";
  page += kHotelBody;
  EXPECT_EQ(DateOf(Extract(page, {})), "2024-08-08");
}

TEST(Extract, EnglishPageWhoseSentencesAreInAnotherLanguage) {
  // Menus and footer in English, the story in a language without a
  // stop-word list: its paragraphs are prose, not lines with few English
  // stop words.
  std::string page = "Town News\n\nHome\nNews\nSport\n\nGallia divisa partes tres\n\n";
  for (const char* line :
       {"Gallia est omnis divisa partes tres, quarum unam incolunt Belgae, aliam Aquitani, tertiam "
        "Celtae.",
        "Hi omnes lingua, institutis, legibus inter se differunt, Gallos ab Aquitanis Garumna flumen "
        "dividit.",
        "Horum omnium fortissimi sunt Belgae, propterea quod cultu humanitate provinciae longissime "
        "absunt.",
        "Minimeque eos mercatores saepe commeant ea quae effeminandos animos pertinent important "
        "cotidie.",
        "Proximique sunt Germanis, qui trans Rhenum incolunt, quibuscum continenter bellum gerunt "
        "cotidie.",
        "Qua de causa Helvetii quoque reliquos Gallos virtute praecedunt, quod fere cotidianis "
        "proeliis contendunt."}) {
    page += std::string(line) + "\n\n";
  }
  page +=
      "Read the latest news from the town and the region every day on our website and in the "
      "app.\n\nSubscribe to the weekly newsletter to get the best stories of the week in your "
      "inbox.\n\nAbout us\nContact\n";
  Article a = Extract(page, {});
  EXPECT_EQ(a.language, "en");
  ASSERT_GT(a.lines.size(), 8u);
  EXPECT_EQ(a.lines[8].reason.rfind("prose:", 0), 0u) << a.lines[8].reason;
}

TEST(Extract, StampRightAboveTheBodyOverTheHeadersDate) {
  // Between the headline and the body: the header's "today" and, right
  // above the body, the story's stamp (when the headline taken is the
  // site's name at the top, the whole header lies between).
  std::string page =
      "Home\n\nHotel owners rarely tell guests the cheapest day\n\nTuesday, November 25 2031\n\n"
      "News\nSport\nTravel\nWeather\n\nNovember 6, 2031\n\n";
  page += kHotelBody;
  EXPECT_EQ(DateOf(Extract(page, {})), "2031-11-06");
}

TEST(Extract, NumericDateDayFirstOnAGermanPage) {
  const char kPage[] =
      "Startseite\n\n"
      "Neue Br\xC3\xBC"
      "cke \xC3\xBC"
      "ber den Fluss er\xC3\xB6"
      "ffnet\n\n"
      "02/12/2024\n\n"
      "Der B\xC3\xBC"
      "rgermeister hat am Montag die neue Br\xC3\xBC"
      "cke \xC3\xBC"
      "ber den "
      "Fluss er\xC3\xB6"
      "ffnet, nachdem die Arbeiten wegen der Hochw\xC3\xA4"
      "sser zweimal "
      "unterbrochen worden waren.\n\n"
      "Die Anwohner sagten, sie seien froh, dass die Br\xC3\xBC"
      "cke, die die beiden "
      "H\xC3\xA4"
      "lften der Stadt verbindet, nun f\xC3\xBC"
      "r den Verkehr offen ist.\n";
  Article a = Extract(kPage, {});
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(DateOf(a), "2024-12-02");
}

TEST(Extract, PublishedDateOverUpdatedDate) {
  const char kPage[] =
      "Home\nSports\n\n"
      "Trinity swimmer wins three state titles\n\n"
      "Updated: Sat 8:31 PM, Feb 17, 2018\n"
      "Posted: Fri 6:45 PM, Feb 16, 2018\n\n"
      "Trinity Academy junior Ben Patton added to his collection of state titles on Friday, "
      "winning the 200 yard individual medley and the 100 yard butterfly at the meet.\n\n"
      "He also swam the last leg of the relay that won the state title for his school, the "
      "first relay title in the history of the team.\n";
  Article a = Extract(kPage, {});
  EXPECT_EQ(DateOf(a), "2018-02-16");
}

TEST(Extract, HardWrappedAbstractIsKeptWhole) {
  // Cranfield-style: a title line longer than the wrap width, the title
  // again wrapped, then the abstract, all lower case, no blank lines.
  const char kAbstract[] =
      "a simple extension of southwell's method for determining the elastic "
      "general instability pressure of ring-stiffened cylinders .\n"
      "a simple extension of southwell's method for determining the elastic\n"
      "general instability pressure of ring-stiffened cylinders .\n"
      "a simple extension of southwell's method is presented whereby the\n"
      "elastic general instability pressure of ring-stiffened cylindrical\n"
      "shells subject to external hydrostatic pressure may be determined .  an\n"
      "actual application of the method is illustrated in the paper and the\n"
      "results of several other examples are summarized .";
  Article a = Extract(kAbstract, {});
  EXPECT_EQ(a.title.substr(0, 24), "a simple extension of so");
  std::string body = a.Body();
  EXPECT_NE(body.find("may be determined"), std::string::npos) << body;
  EXPECT_NE(body.find("are summarized"), std::string::npos) << body;
  EXPECT_NE(body.find("actual application"), std::string::npos) << body;
}

TEST(Extract, HostileInputsAreSafe) {
  std::string huge_line(1 << 20, 'a');
  std::string binary;
  for (int i = 0; i < 100000; ++i) binary.push_back(static_cast<char>((i * 7919) % 256));
  std::string many_lines(200000, '\n');
  const std::string inputs[] = {
      "", "\n", "   ", huge_line, binary, many_lines, "\xff\xfe\n\xc3\n(\n)\n--\n"};
  for (const std::string& in : inputs) {
    Article a = Extract(in, {});
    EXPECT_EQ(a.lines.size(), static_cast<size_t>(std::count(in.begin(), in.end(), '\n') + 1));
  }
  EXPECT_TRUE(Extract("", {}).paragraphs.empty());
  EXPECT_FALSE(Extract("", {}).date.has_value());
}

TEST(Extract, Deterministic) {
  std::string text = ReadCorpus("002_");
  Article a = Extract(text, {});
  Article b = Extract(text, {});
  EXPECT_EQ(a.Body(), b.Body());
  EXPECT_EQ(a.title, b.title);
}

}  // namespace
}  // namespace lede

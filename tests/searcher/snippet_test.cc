// Tests for searcher/snippet: original text, stemmed matches highlighted.
#include "searcher/snippet.h"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "common/text/normalize.h"
#include "common/index/schema.h"

namespace lede {
namespace {

std::unordered_set<std::string> TermsOf(std::initializer_list<const char*> words,
                                        const Xapian::Stem& stem) {
  std::unordered_set<std::string> out;
  for (const char* w : words) out.insert(schema::StemTerm(stem, NormalizeTerm(w)));
  return out;
}

std::vector<std::string> Highlighted(const Snippet& s) {
  std::vector<std::string> out;
  for (auto [b, e] : s.highlights) out.push_back(s.text.substr(b, e - b));
  return out;
}

TEST(Snippet, HighlightsOriginalTextWithAccents) {
  Xapian::Stem stem("english");
  Snippet s = MakeSnippet("implementing the Geneva Communiqué of June 30, 2012.",
                          TermsOf({"geneva", "communique"}, stem), stem);
  EXPECT_EQ(Highlighted(s), (std::vector<std::string>{"Geneva", "Communiqué"}));
}

// French articles are indexed without elided articles; their snippets mark
// the whole word the bare query word matched.
TEST(Snippet, HighlightsWordsWithAnElidedArticle) {
  Xapian::Stem stem("french");
  Snippet s = MakeSnippet("Le président est arrivé à l'Élysée avec Valéry Giscard d'Estaing.",
                          TermsOf({"elysee", "estaing"}, stem), stem);
  EXPECT_EQ(Highlighted(s), (std::vector<std::string>{"l'Élysée", "d'Estaing"}));
  // A word that merely ends like a query word after an apostrophe is not one.
  Snippet none = MakeSnippet("aujourd'hui", TermsOf({"elysee"}, stem), stem);
  EXPECT_TRUE(none.highlights.empty());
}

TEST(Snippet, HighlightsStemmedMatches) {
  Xapian::Stem stem("english");
  Snippet s = MakeSnippet("Russia held separate talks with senior figures.",
                          TermsOf({"talk"}, stem), stem);
  EXPECT_EQ(Highlighted(s), (std::vector<std::string>{"talks"}));
}

// Issue 6: only English tokens sharing their first two bytes with a query
// stem are stemmed; stems that change the ending, the exceptions whose second
// letter changes (dying, lying, tying), and one-letter stems still match.
TEST(Snippet, FindsStemsWhoseEndingsDiffer) {
  Xapian::Stem stem("english");
  struct Case {
    const char* query;
    const char* text;
    const char* want;
  };
  for (const Case& c : std::vector<Case>{{"happy", "They were happier, then happy.", "happy"},
                                         {"skies", "Blue sky over Paris.", "sky"},
                                         {"die", "Many were dying in the siege.", "dying"},
                                         {"lie", "Lying is easy.", "Lying"},
                                         {"tie", "Tying the knot.", "Tying"},
                                         {"ski", "Skis and skies.", "Skis"},
                                         {"aing", "A long road.", "A"},
                                         {"o", "The oed entry.", "oed"},
                                         {"UN", "The U.N. said no.", "U.N."}}) {
    Snippet s = MakeSnippet(c.text, TermsOf({c.query}, stem), stem);
    const std::vector<std::string> got = Highlighted(s);
    EXPECT_NE(std::find(got.begin(), got.end(), c.want), got.end()) << c.query << " in " << c.text;
  }
}

// Stemmers that strip a word's start: the token is stemmed whatever its
// first letter.
TEST(Snippet, FindsStemsWithoutTheirWordsPrefix) {
  struct Case {
    const char* language;
    const char* query;
    const char* text;
    const char* want;
  };
  for (const Case& c :
       std::vector<Case>{{"indonesian", "makan", "Nasi itu dimakan anak.", "dimakan"},
                         {"irish", "fear", "Tá an bhfear anseo.", "bhfear"},
                         {"arabic", "\u0643\u062A\u0627\u0628",
                          "\u0642\u0631\u0623\u062A \u0628\u0627\u0644\u0643\u062A\u0627\u0628",
                          "\u0628\u0627\u0644\u0643\u062A\u0627\u0628"}}) {
    const Xapian::Stem stem(c.language);
    const Snippet s = MakeSnippet(c.text, TermsOf({c.query}, stem), stem);
    EXPECT_EQ(Highlighted(s), (std::vector<std::string>{c.want})) << c.language;
  }
}

TEST(Snippet, PicksThePassageWithTheMostDistinctTerms) {
  Xapian::Stem stem("english");
  std::string text = "Geneva is a city. ";
  for (int i = 0; i < 40; ++i) text += "Filler words about nothing at all here. ";
  text += "The Geneva communiqué was signed.";
  for (int i = 0; i < 40; ++i) text += " More filler text follows the story.";
  Snippet s = MakeSnippet(text, TermsOf({"geneva", "communique"}, stem), stem, 200);
  EXPECT_NE(s.text.find("communiqué"), std::string::npos);
  EXPECT_LE(s.text.size(), 200u + 6);  // plus the two ellipses
  EXPECT_EQ(s.text.substr(0, 3), "\xE2\x80\xA6");
}

// A match deep in a long sentence has text on both sides of it, not the
// sentence's earlier words up to the match and nothing after.
TEST(Snippet, ContextOnBothSidesOfALoneMatch) {
  Xapian::Stem stem("english");
  std::string text;
  for (int i = 0; i < 30; ++i) text += "filler" + std::to_string(i) + " words, ";
  text += "the Geneva communique of June 30, ";
  for (int i = 0; i < 30; ++i) text += "after" + std::to_string(i) + " words, ";
  const Snippet s = MakeSnippet(text, TermsOf({"geneva"}, stem), stem, 200);
  ASSERT_EQ(Highlighted(s), (std::vector<std::string>{"Geneva"}));
  const size_t at = s.highlights[0].first;
  EXPECT_GT(at, 60u);                      // text before it
  EXPECT_GT(s.text.size() - at, 60u);      // and after it
  EXPECT_NE(s.text.find("communique of June 30"), std::string::npos);
}

TEST(Snippet, CollapsesWhitespaceAndKeepsRangesValid) {
  Xapian::Stem stem("english");
  Snippet s = MakeSnippet("first\n\nsecond   talks\tthird", TermsOf({"talks"}, stem), stem);
  EXPECT_EQ(s.text, "first second talks third");
  EXPECT_EQ(Highlighted(s), (std::vector<std::string>{"talks"}));
}

// Words with no space between them (punctuation, CJK) are highlighted each.
TEST(Snippet, HighlightsWordsJoinedByPunctuation) {
  Xapian::Stem stem("english");
  const Snippet s = HighlightAll("  (Talks)\u2014talking/talk.  \t\u4E2D\u4E2D ",
                                 TermsOf({"talk", "\u4E2D"}, stem), stem);
  EXPECT_EQ(s.text, "(Talks)\u2014talking/talk. \u4E2D\u4E2D");
  EXPECT_EQ(Highlighted(s),
            (std::vector<std::string>{"Talks", "talking", "talk", "\u4E2D", "\u4E2D"}));
}

TEST(Snippet, NoMatchGivesTheStart) {
  Xapian::Stem stem("english");
  Snippet s = MakeSnippet("Short body.", {}, stem);
  EXPECT_EQ(s.text, "Short body.");
  EXPECT_TRUE(s.highlights.empty());
  EXPECT_TRUE(MakeSnippet("", {}, stem).text.empty());
}

}  // namespace
}  // namespace lede

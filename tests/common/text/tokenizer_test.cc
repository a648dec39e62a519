// Tests for common/tokenizer: words, positions and byte offsets.
#include "common/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/text/normalize.h"

namespace lede {
namespace {

std::vector<std::string> Terms(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.term);
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SplitsWordsAndNormalizes) {
  EXPECT_EQ(Terms("Geneva Communiqué of June 30, 2012."),
            (V{"geneva", "communique", "of", "june", "30", "2012"}));
}

// An ASCII word's term is made in place, not by NormalizeTerm: both must
// agree on every word, whether ASCII throughout, partly or not at all.
TEST(Tokenizer, TermIsTheNormalizedWordInEveryScriptMix) {
  struct Case {
    std::string text;
    std::string word;  // the word as NormalizeTerm should see it
  };
  for (const Case& c :
       std::vector<Case>{{"HeLLo", "HeLLo"},
                         {"x_Y9", "x_Y9"},
                         {"Zürich", "Zürich"},
                         {"ÉCOLE", "ÉCOLE"},
                         {"naïVE", "naïVE"},
                         {"Russia\u2019S", "Russia'S"},  // curly apostrophe joins as '
                         {"AB\u200BCD", "ABCD"},         // zero-width space inside a word
                         {"rock\u2019N\u2019Roll", "rock'N'Roll"},
                         {"X\u200Bé\u2019z9", "Xé'z9"},
                         {"C++", "C++"},
                         {"3.5", "3.5"},
                         {"AT&T", "AT&T"},
                         {"Straße", "Straße"},
                         {"ΑΘΗΝΑ", "ΑΘΗΝΑ"},
                         {"abc\u00B7DEF", "abc\u00B7DEF"},  // a middle dot joins
                         {"ＡＢＣ", "ＡＢＣ"}}) {           // full-width letters
    const std::vector<Token> tokens = Tokenize(c.text);
    ASSERT_EQ(tokens.size(), 1u) << c.text;
    EXPECT_EQ(tokens[0].term, NormalizeTerm(c.word)) << c.text;
  }
}

// TokenizeWords hands out Tokenize's tokens with their terms left to TermOf:
// an ASCII word as written, any other with its term.
TEST(TokenizeWords, SameWordsAsTokenize) {
  const std::string text =
      "The U.N.’s Élysée talks, C++ and 3,000 \xE4\xB8\xAD\xE6\x96\x87 AB\u200BCD "
      "rock\u2019n\u2019roll x\xFFy " +
      std::string(80, 'w') + " end";
  const std::vector<Token> tokens = Tokenize(text, 7);
  std::vector<Word> words;
  std::vector<std::string> terms;
  std::vector<std::string> written;
  TokenizeWords(text, 7, [&](const Word& w) {
    words.push_back(w);
    std::string term = "stale";
    TermOf(w, &term);
    terms.push_back(term);
    written.emplace_back(w.ascii);
  });
  ASSERT_EQ(words.size(), tokens.size());
  for (size_t k = 0; k < tokens.size(); ++k) {
    EXPECT_EQ(words[k].begin, tokens[k].begin) << k;
    EXPECT_EQ(words[k].end, tokens[k].end) << k;
    EXPECT_EQ(words[k].position, tokens[k].position) << k;
    EXPECT_EQ(words[k].cjk, tokens[k].cjk) << k;
    EXPECT_EQ(terms[k], tokens[k].term) << k;
  }
  EXPECT_EQ(written[0], "The");  // ASCII as written
  EXPECT_EQ(written[1], "");     // the acronym comes with its term
  EXPECT_EQ(terms[1], "un");
  EXPECT_EQ(written[2], "s");
  EXPECT_EQ(written[3], "");  // not ASCII
  EXPECT_EQ(terms[3], "elysee");
}

TEST(Tokenizer, KeepsApostrophesInsideWords) {
  EXPECT_EQ(Terms("Russia's and Russia’s 'quoted'"),
            (V{"russia's", "and", "russia's", "quoted"}));
}

TEST(Tokenizer, SplitsOnHyphensWithConsecutivePositions) {
  auto toks = Tokenize("a follow-up mechanism");
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[1].term, "follow");
  EXPECT_EQ(toks[2].term, "up");
  EXPECT_EQ(toks[2].position, toks[1].position + 1);
}

TEST(Tokenizer, CollapsesDottedAbbreviations) {
  EXPECT_EQ(Terms("the U.N. Security Council"), (V{"the", "un", "security", "council"}));
  EXPECT_EQ(Terms("U.S.A"), (V{"usa"}));
  EXPECT_EQ(Terms("Dec. 3"), (V{"dec", "3"}));
}

TEST(Tokenizer, JoinsNumbersAndSymbols) {
  EXPECT_EQ(Terms("100,000 people, 3.5 percent"), (V{"100,000", "people", "3.5", "percent"}));
  EXPECT_EQ(Terms("AT&T C++ C#"), (V{"at&t", "c++", "c#"}));
}

TEST(Tokenizer, CurlyQuotesAreNotPartOfWords) {
  EXPECT_EQ(Terms("“Syrian opposition coalition”"), (V{"syrian", "opposition", "coalition"}));
}

TEST(Tokenizer, OffsetsPointIntoOriginalText) {
  const std::string text = "Le Communiqué de Genève";
  for (const Token& t : Tokenize(text)) {
    std::string original = text.substr(t.begin, t.end - t.begin);
    if (t.term == "communique") {
      EXPECT_EQ(original, "Communiqué");
    }
    if (t.term == "geneve") {
      EXPECT_EQ(original, "Genève");
    }
  }
  auto toks = Tokenize(text, 7);
  EXPECT_EQ(toks.front().position, 7u);
}

TEST(Tokenizer, WordsInAnyScript) {
  EXPECT_EQ(Terms("Лавров заявил"), (V{"лавров", "заявил"}));
  EXPECT_EQ(Terms("Außenminister Lawrow"), (V{"aussenminister", "lawrow"}));
  EXPECT_EQ(Terms("وزير الخارجية"), (V{"وزير", "الخارجية"}));
}

TEST(Tokenizer, CjkCharactersAreSingleTokens) {
  auto toks = Tokenize("東京で会議");
  ASSERT_EQ(toks.size(), 5u);
  for (const Token& t : toks) EXPECT_TRUE(t.cjk);
  EXPECT_EQ(toks[0].term, "東");
  EXPECT_EQ(toks[4].position, 4u);
}

TEST(Tokenizer, HostileInputNeverCrashes) {
  const std::string inputs[] = {"",
                                "\xff\xfe\xfd",
                                "abc\xc3",
                                std::string(100000, 'a'),
                                "a\x00b",
                                "U.",
                                "A.B.",
                                "++++",
                                "x'",
                                "1,",
                                "\xe2\x80\x99s"};
  for (const std::string& in : inputs) {
    for (const Token& t : Tokenize(in)) {
      EXPECT_LE(t.begin, t.end);
      EXPECT_LE(t.end, in.size());
      EXPECT_LE(t.term.size(), kMaxTermBytes);
    }
  }
  EXPECT_TRUE(Tokenize(std::string(100000, 'a')).empty());  // over kMaxTermBytes
}

TEST(WithoutElision, DropsElidedFrenchAndItalianArticles) {
  EXPECT_EQ(WithoutElision("l'elysee"), "elysee");
  EXPECT_EQ(WithoutElision("d'estaing"), "estaing");
  EXPECT_EQ(WithoutElision("qu'il"), "il");
  EXPECT_EQ(WithoutElision("dell'onu"), "onu");
  EXPECT_EQ(WithoutElision("un'altra"), "altra");
  EXPECT_EQ(WithoutElision("nell'ambito"), "ambito");
  // Not an elided article, or nothing after it.
  EXPECT_EQ(WithoutElision("russia's"), "russia's");
  EXPECT_EQ(WithoutElision("o'neill"), "o'neill");
  EXPECT_EQ(WithoutElision("l'"), "l'");
  EXPECT_EQ(WithoutElision("elysee"), "elysee");
  // The tokenizer keeps the apostrophe (either form) inside the word.
  const auto tokens = Tokenize("à l\u2019Élysée");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(WithoutElision(tokens[1].term), "elysee");
  EXPECT_TRUE(SplitsElisions("french"));
  EXPECT_TRUE(SplitsElisions("italian"));
  EXPECT_FALSE(SplitsElisions("english"));
}

}  // namespace
}  // namespace lede

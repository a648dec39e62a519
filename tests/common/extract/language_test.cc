// Table-driven tests for language detection.
#include "common/extract/language.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "common/extract/line_features.h"
#include "common/text/stopwords.h"

namespace lede {
namespace {

TEST(Language, DetectsByStopWordsAndScript) {
  struct Case {
    const char* text;
    const char* code;
  } cases[] = {
      {"Russia has been in intensive contacts with the Syrian government and "
       "the opposition, trying to persuade them.", "en"},
      {"Die Bundesregierung hat am Mittwoch mitgeteilt, dass sie mit der "
       "Entscheidung nicht einverstanden ist und auch weiter prüfen wird.", "de"},
      {"Nesta página você terá sempre a classificação atualizada da corrida, "
       "com os resultados e os pontos de cada piloto.", "pt"},
      {"El gobierno dijo que la reunión con los representantes de la oposición "
       "fue muy productiva para el país.", "es"},
      {"Le gouvernement a annoncé que la réunion avec les représentants de "
       "l'opposition sera reportée pour des raisons de sécurité.", "fr"},
      {"Pemerintah mengatakan bahwa pertemuan dengan para wakil oposisi akan "
       "dilakukan pada minggu depan karena ada masalah.", "id"},
      {"Министр иностранных дел заявил, что Россия не будет вмешиваться в "
       "выборы и что это было решено.", "ru"},
      {"Kindle for PCをショートカットキーで立ち上がらなくする方法について説明します。", "ja"},
      {"俄罗斯外长表示，俄方一直与叙利亚政府和反对派保持密切接触。", "zh"},
      {"experimental investigation of the aerodynamics of a wing in a slipstream .",
       "en"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DetectLanguage(c.text), c.code) << c.text;
  }
}

TEST(Language, LinesWithTheirKeysGiveTheSameAnswer) {
  // Pages of lines in Latin, Cyrillic and CJK scripts, a mix, and none: the
  // words read from the lines' keys vote as the joined text's do.
  const std::vector<std::vector<std::string>> pages = {
      {"Die Bundesregierung hat am Mittwoch mitgeteilt,", "dass sie mit der Entscheidung",
       "nicht einverstanden ist."},
      {"The minister said the talks would go on.", "Home | World | Sports"},
      {"\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80 "
       "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB, "
       "\xD1\x87\xD1\x82\xD0\xBE \xD1\x8D\xD1\x82\xD0\xBE \xD0\xB1\xD1\x8B\xD0\xBB\xD0\xBE "
       "\xD1\x80\xD0\xB5\xD1\x88\xD0\xB5\xD0\xBD\xD0\xBE",
       "\xD0\xB8 \xD0\xBD\xD0\xB5 \xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82"},
      {"Kindle for "
       "PC\xE3\x82\x92\xE3\x82\xB7\xE3\x83\xA7\xE3\x83\xBC\xE3\x83\x88\xE3\x82\xAB\xE3\x83\x83\xE3"
       "\x83\x88",
       "\xE3\x82\xAD\xE3\x83\xBC\xE3\x81\xA7\xE7\xAB\x8B\xE3\x81\xA1\xE4\xB8\x8A\xE3\x81\x8C\xE3"
       "\x82\x89\xE3\x81\xAA\xE3\x81\x8F"},
      {"El gobierno dijo que la reuni\xC3\xB3n", "con los representantes de la oposici\xC3\xB3n",
       "fue muy productiva para el pa\xC3\xADs."},
      {"12345 !!!", "\xFF\xFE"},
      {""},
  };
  std::vector<std::string> found;
  for (const auto& page : pages) {
    std::string joined;
    std::vector<std::string> keys;
    for (const std::string& line : page) {
      joined += line + "\n";
      keys.push_back(LineKey(line));
    }
    const std::vector<std::string_view> line_views(page.begin(), page.end());
    const std::vector<std::string_view> key_views(keys.begin(), keys.end());
    found.push_back(DetectLanguageOfLines(line_views, key_views));
    EXPECT_EQ(found.back(), DetectLanguage(joined)) << joined;
  }
  const std::vector<std::string> want = {"de", "en", "ru", "ja", "es", "", ""};
  EXPECT_EQ(found, want);
}

TEST(Language, UnknownWhenNoEvidence) {
  EXPECT_EQ(DetectLanguage(""), "");
  EXPECT_EQ(DetectLanguage("12345 !!!"), "");
  EXPECT_EQ(DetectLanguage("\xff\xfe\xfd"), "");
}

TEST(Language, StopWords) {
  EXPECT_TRUE(IsStopWord("en", "the"));
  EXPECT_TRUE(IsStopWord("de", "und"));
  EXPECT_FALSE(IsStopWord("en", "syria"));
  EXPECT_FALSE(IsStopWord("xx", "the"));
  EXPECT_TRUE(HasStopWords("ru"));
  EXPECT_FALSE(HasStopWords("ja"));
}

TEST(Language, EnglishListIsTheSharedFrequentWords) {
  // common/text/stopwords holds English for both the index and the vote:
  // "said" votes for English, "above" (a query stop word only) does not.
  EXPECT_TRUE(IsStopWord("en", "said"));
  EXPECT_FALSE(IsStopWord("en", "above"));
  const StopWordTest english("en"), none("xx");
  EXPECT_TRUE(english("the"));
  EXPECT_FALSE(english("und"));
  EXPECT_FALSE(none("the"));
}

TEST(Language, StopWordMaskHasABitPerList) {
  // "de" is on the French, Spanish, Portuguese, Dutch and Swedish lists
  // (and is German's language code, not one of its words).
  const uint16_t de = StopWordMask("de");
  for (const char* code : {"fr", "es", "pt", "nl", "sv"}) {
    EXPECT_TRUE((de >> StopWordBit(code)) & 1u) << code;
  }
  for (const char* code : {"en", "de", "it", "ru", "id"}) {
    EXPECT_FALSE((de >> StopWordBit(code)) & 1u) << code;
  }
  EXPECT_EQ(StopWordMask("und"), 1u << StopWordBit("de"));
  EXPECT_EQ(StopWordMask("\xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD1\x8B\xD0\xB5"),
            1u << StopWordBit("ru"));  // "которые", the longest word listed
  EXPECT_EQ(StopWordMask("tersebut"), 1u << StopWordBit("id"));
  // Every word of the shared English list is found, whatever it shares
  // with the others (length, first or last letters).
  for (std::string_view w : EnglishFrequentWords()) {
    EXPECT_TRUE((StopWordMask(w) >> StopWordBit("en")) & 1u) << w;
  }
  // Not on any list: a near miss, a longer word, upper case, nothing.
  for (const char* word :
       {"th", "thee", "undo", "\xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD1\x8B\xD0\xB5x", "The",
        "", "syria"}) {
    EXPECT_EQ(StopWordMask(word), 0u) << word;
  }
}

TEST(Language, StopWordsCountedInAKey) {
  const std::string key = LineKey("The cat, the dog and a bird's nest.");
  const StopWordCount en = CountStopWordsInKey(key, StopWordTest("en"));
  EXPECT_EQ(en.words, 8);
  EXPECT_EQ(en.stop_words, 4);  // the, the, and, a
  const StopWordCount none = CountStopWordsInKey(key, StopWordTest("xx"));
  EXPECT_EQ(none.words, 8);
  EXPECT_EQ(none.stop_words, 0);
  EXPECT_EQ(CountStopWordsInKey("", StopWordTest("en")).words, 0);
  // The same share StopWordShare reads from the text itself.
  const char kText[] = "Der Hund und die Katze sind in dem Garten, weil es warm ist.";
  const StopWordCount de = CountStopWordsInKey(LineKey(kText), StopWordTest("de"));
  EXPECT_DOUBLE_EQ(static_cast<double>(de.stop_words) / de.words, StopWordShare(kText, "de"));
}

TEST(Language, StopWordShare) {
  EXPECT_GT(StopWordShare("Der Hund und die Katze sind in dem Garten, weil es warm ist.", "de"),
            0.3);
  // Turkish has no list here; its "de" and "ne" match other languages' lists
  // by chance, a share of a few hundredths.
  const char kTurkish[] =
      "Belediye ekipleri sabah saatlerinde şehir merkezindeki parkta temizlik çalışması "
      "başlattı ve yüzlerce fidan dikildi. Gönüllüler de çalışmaya katıldı, ne kadar yorulsalar "
      "da mahalleye gölge sağlayacak ağaçları sulamaya devam etti.";
  EXPECT_LT(StopWordShare(kTurkish, "fr"), 0.1);
  EXPECT_EQ(StopWordShare(kTurkish, "tr"), 0.0);
  EXPECT_EQ(StopWordShare("", "de"), 0.0);
}

}  // namespace
}  // namespace lede

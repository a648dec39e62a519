// lede's one source of English stop words: the Snowball English list
// (snowballstem.org) plus the apostrophe-less forms people type in queries,
// which the query side drops, and the most frequent English function words,
// which vote for English and measure how much a line reads like prose. Most
// words are in both; each entry says which uses it serves.
#include "common/text/stopwords.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lede {
namespace {

enum Use : uint8_t { kQuery = 1, kFrequent = 2, kBoth = kQuery | kFrequent };

struct Entry {
  std::string_view word;
  uint8_t uses;
};

// Sorted by word, so lookups are a binary search with no allocation.
constexpr std::array<Entry, 182> kWords = {{
    {"a", kBoth},         {"about", kBoth},       {"above", kQuery},      {"after", kBoth},
    {"again", kQuery},    {"against", kBoth},     {"all", kBoth},         {"also", kFrequent},
    {"am", kQuery},       {"an", kBoth},          {"and", kBoth},         {"any", kBoth},
    {"are", kBoth},       {"aren't", kQuery},     {"as", kBoth},          {"at", kBoth},
    {"be", kBoth},        {"because", kBoth},     {"been", kBoth},        {"before", kBoth},
    {"being", kBoth},     {"below", kQuery},      {"between", kBoth},     {"both", kQuery},
    {"but", kBoth},       {"by", kBoth},          {"can", kBoth},         {"can't", kQuery},
    {"cannot", kQuery},   {"could", kBoth},       {"couldn't", kQuery},   {"did", kBoth},
    {"didn't", kQuery},   {"do", kBoth},          {"does", kBoth},        {"doesn't", kQuery},
    {"doing", kQuery},    {"don't", kQuery},      {"down", kQuery},       {"during", kBoth},
    {"each", kQuery},     {"few", kQuery},        {"for", kBoth},         {"from", kBoth},
    {"further", kQuery},  {"had", kQuery},        {"hadn't", kQuery},     {"has", kBoth},
    {"hasn't", kQuery},   {"have", kBoth},        {"haven't", kQuery},    {"having", kQuery},
    {"he", kBoth},        {"he'd", kQuery},       {"he'll", kQuery},      {"he's", kQuery},
    {"her", kBoth},       {"here", kQuery},       {"here's", kQuery},     {"hers", kQuery},
    {"herself", kQuery},  {"him", kQuery},        {"himself", kQuery},    {"his", kBoth},
    {"how", kBoth},       {"how's", kQuery},      {"i", kBoth},           {"i'd", kQuery},
    {"i'll", kQuery},     {"i'm", kQuery},        {"i've", kQuery},       {"if", kBoth},
    {"in", kBoth},        {"into", kBoth},        {"is", kBoth},          {"isn't", kQuery},
    {"it", kBoth},        {"it's", kQuery},       {"its", kBoth},         {"itself", kQuery},
    {"just", kFrequent},  {"let's", kQuery},      {"may", kFrequent},     {"me", kQuery},
    {"more", kBoth},      {"most", kQuery},       {"mustn't", kQuery},    {"my", kQuery},
    {"myself", kQuery},   {"no", kBoth},          {"nor", kQuery},        {"not", kBoth},
    {"of", kBoth},        {"off", kQuery},        {"on", kBoth},          {"once", kQuery},
    {"one", kFrequent},   {"only", kBoth},        {"or", kBoth},          {"other", kBoth},
    {"ought", kQuery},    {"our", kBoth},         {"ours", kQuery},       {"ourselves", kQuery},
    {"out", kBoth},       {"over", kBoth},        {"own", kQuery},        {"said", kFrequent},
    {"same", kQuery},     {"shan't", kQuery},     {"she", kBoth},         {"she'd", kQuery},
    {"she'll", kQuery},   {"she's", kQuery},      {"should", kBoth},      {"shouldn't", kQuery},
    {"so", kBoth},        {"some", kBoth},        {"such", kBoth},        {"than", kBoth},
    {"that", kBoth},      {"that's", kQuery},     {"the", kBoth},         {"their", kBoth},
    {"theirs", kQuery},   {"them", kBoth},        {"themselves", kQuery}, {"then", kBoth},
    {"there", kBoth},     {"there's", kQuery},    {"these", kBoth},       {"they", kBoth},
    {"they'd", kQuery},   {"they'll", kQuery},    {"they're", kQuery},    {"they've", kQuery},
    {"this", kBoth},      {"those", kBoth},       {"through", kBoth},     {"to", kBoth},
    {"too", kQuery},      {"under", kQuery},      {"until", kQuery},      {"up", kBoth},
    {"us", kFrequent},    {"very", kQuery},       {"was", kBoth},         {"wasn't", kQuery},
    {"we", kBoth},        {"we'd", kQuery},       {"we'll", kQuery},      {"we're", kQuery},
    {"we've", kQuery},    {"were", kBoth},        {"weren't", kQuery},    {"what", kBoth},
    {"what's", kQuery},   {"when", kBoth},        {"when's", kQuery},     {"where", kBoth},
    {"where's", kQuery},  {"which", kBoth},       {"while", kBoth},       {"who", kBoth},
    {"who's", kQuery},    {"whom", kQuery},       {"why", kQuery},        {"why's", kQuery},
    {"will", kBoth},      {"with", kBoth},        {"won't", kQuery},      {"would", kBoth},
    {"wouldn't", kQuery}, {"you", kBoth},         {"you'd", kQuery},      {"you'll", kQuery},
    {"you're", kQuery},   {"you've", kQuery},     {"your", kQuery},       {"yours", kQuery},
    {"yourself", kQuery}, {"yourselves", kQuery},
}};

}  // namespace

bool IsEnglishStopword(std::string_view term) {
  if (term.empty()) return false;
  auto it = std::lower_bound(kWords.begin(), kWords.end(), term,
                             [](const Entry& e, std::string_view t) { return e.word < t; });
  return it != kWords.end() && it->word == term && (it->uses & kQuery) != 0;
}

const std::vector<std::string_view>& EnglishFrequentWords() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> out;
    for (const Entry& e : kWords) {
      if (e.uses & kFrequent) out.push_back(e.word);
    }
    return out;
  }();
  return words;
}

}  // namespace lede

// Language → Xapian stemmer.
#include "common/stem.h"

#include <array>
#include <utility>

namespace lede {

std::string StemmerNameFor(std::string_view iso639) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kStemmers = {{
      {"ar", "arabic"},     {"da", "danish"},     {"de", "german"},
      {"el", "greek"},      {"en", "english"},    {"es", "spanish"},
      {"eu", "basque"},     {"fi", "finnish"},    {"fr", "french"},
      {"ga", "irish"},      {"hu", "hungarian"},  {"hy", "armenian"},
      {"id", "indonesian"}, {"it", "italian"},    {"lt", "lithuanian"},
      {"ne", "nepali"},     {"nl", "dutch"},      {"no", "norwegian"},
      {"pt", "portuguese"}, {"ro", "romanian"},   {"ru", "russian"},
      {"sv", "swedish"},    {"ta", "tamil"},      {"tr", "turkish"},
  }};
  for (const auto& [code, name] : kStemmers)
    if (code == iso639) return std::string(name);
  return {};
}

Xapian::Stem MakeStemmer(std::string_view iso639) {
  std::string name = StemmerNameFor(iso639);
  return Xapian::Stem(name.empty() ? "english" : name);
}

}  // namespace lede

// Language → Xapian stemmer.
#include "common/index/stem.h"

#include <array>
#include <map>
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
  // Xapian 1.4 has no Greek stemmer, later ones more: a name this Xapian
  // lacks would make every Xapian::Stem of it throw (one Greek article
  // stopped a whole lede-index run).
  static const std::string available = " " + Xapian::Stem::get_available_languages() + " ";
  for (const auto& [code, name] : kStemmers) {
    if (code != iso639) continue;
    if (available.find(" " + std::string(name) + " ") == std::string::npos) return {};
    return std::string(name);
  }
  return {};
}

std::string StemmerGroupFor(std::string_view iso639) {
  std::string name = StemmerNameFor(iso639);
  return name.empty() ? "english" : name;
}

const Xapian::Stem& StemmerNamed(const std::string& name) {
  thread_local std::map<std::string, Xapian::Stem> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, Xapian::Stem(name)).first;
  return it->second;
}

Xapian::Stem MakeStemmer(std::string_view iso639) {
  std::string name = StemmerNameFor(iso639);
  return Xapian::Stem(name.empty() ? "english" : name);
}

}  // namespace lede

// Stop-word vote: each word votes for every language whose list holds it; the
// most frequent function words differ enough between these languages that the
// winner is clear after a sentence or two. Scripts that are not Latin decide
// first, since their stop-word lists would never be hit by Latin text anyway.
#include "common/extract/language.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "common/extract/line_features.h"
#include "common/text/stopwords.h"

namespace lede {
namespace {

struct StopList {
  const char* code;
  const char* words;  // space-separated, lower case
};

// Short lists of the most frequent function words; long lists would make
// close languages (es/pt, nl/de) vote for each other more often.
constexpr std::array<StopList, 10> kStopLists = {{
    // English is read from common/text/stopwords, shared with the index.
    {"en", nullptr},
    {"de",
     "der die und in den von zu das mit sich des auf für ist im dem nicht "
     "ein eine als auch es an werden aus er hat dass sie nach wird bei einer "
     "um am sind noch wie einem über einen so zum war haben nur oder aber vor "
     "zur bis mehr durch man sein wurde sei ich wir ihr uns kann diese "
     "dieser wenn können"},
    {"fr",
     "le la les de des et un une du en est que qui dans pour pas au sur ne "
     "se plus par avec il elle ce sont ont été sa son ses aux mais ou nous "
     "vous leur cette comme tout être fait où je lui y été"},
    {"es",
     "el la los las de del y en que un una por con para es se no al lo su "
     "sus como más pero fue ha le ya o este esta son entre cuando muy sin "
     "sobre también me hasta hay donde han desde todo nos durante está"},
    {"pt",
     "o a os as de do da dos das e em um uma que para com não no na nos nas "
     "por mais se ao é foi como mas ou ser seu sua seus suas pelo pela "
     "também já está são tem isso ele ela entre depois sem quando"},
    {"it",
     "il lo la i gli le di del della dei delle e è che un una per con non "
     "si da in al alla sono anche come più ma ha nel nella questo questa "
     "essere stato dal dalla sul sulla ci ne se tra"},
    {"nl",
     "de het een en van in is dat op te zijn met voor niet aan er om ook als "
     "bij door maar wordt uit dan nog werd naar hij zij ze wel deze dit heeft "
     "hebben kan over tot"},
    {"id",
     "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke "
     "karena ada oleh mereka bisa sudah atau saat kami kita seperti lebih "
     "telah menjadi hanya dapat bahwa agar masih para namun tersebut"},
    {"ru",
     "и в не на что с по как это он а к из у за о его то же от для все но "
     "так был она бы только уже ее или было при мы также они до после когда "
     "если чтобы был была были может который которые этого года"},
    {"sv",
     "och i att det som en på är av för med till den har de inte om ett men "
     "var sig så han kan vid hon från efter också eller"},
}};

int LanguageIndex(std::string_view language) {
  for (size_t i = 0; i < kStopLists.size(); ++i) {
    if (language == kStopLists[i].code) return static_cast<int>(i);
  }
  return -1;
}

// Word -> one bit per language whose list holds it, so that a vote costs one
// lookup per word rather than one per language. The vote looks up every word
// of a page, so the table is a flat open-addressed array of views over the
// static lists, probed from a hash of the word's bytes: a quarter of the work
// of std::unordered_map's hashing and bucket walk.
class StopTable {
 public:
  StopTable() {
    std::vector<std::pair<std::string_view, uint16_t>> words;
    auto add = [&](std::string_view w, size_t language) {
      const auto bit = static_cast<uint16_t>(1u << language);
      for (auto& [word, bits] : words) {
        if (word == w) {
          bits |= bit;
          return;
        }
      }
      words.emplace_back(w, bit);
    };
    for (std::string_view w : EnglishFrequentWords()) {
      add(w, static_cast<size_t>(LanguageIndex("en")));
    }
    for (size_t i = 0; i < kStopLists.size(); ++i) {
      if (kStopLists[i].words == nullptr) continue;
      std::string_view all(kStopLists[i].words);
      size_t pos = 0;
      while (pos < all.size()) {
        size_t sp = all.find(' ', pos);
        if (sp == std::string_view::npos) sp = all.size();
        if (sp > pos) add(all.substr(pos, sp - pos), i);
        pos = sp + 1;
      }
    }
    // At most a quarter full: a word not in the table (most words) meets
    // an empty slot at once.
    size_t size = 64;
    while (size < words.size() * 4) size *= 2;
    slots_.resize(size);
    mask_ = size - 1;
    for (const auto& [word, bits] : words) {
      size_t i = SlotOf(word);
      while (!slots_[i].word.empty()) i = (i + 1) & mask_;
      slots_[i] = Slot{word, bits};
      max_bytes_ = std::max(max_bytes_, word.size());
    }
  }

  uint16_t Find(std::string_view word) const {
    if (word.empty() || word.size() > max_bytes_) return 0;
    for (size_t i = SlotOf(word);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.word.empty()) return 0;
      if (s.word == word) return s.bits;
    }
  }

 private:
  struct Slot {
    std::string_view word;  // empty: a free slot
    uint16_t bits = 0;
  };
  // Words are short: their first and last four bytes (or first, middle and
  // last byte) and their length, mixed by one multiplication, spread them
  // well enough, for a few instructions where a byte-at-a-time hash costs
  // several per byte. Words alike in those bytes only probe further.
  size_t SlotOf(std::string_view word) const {
    const size_t n = word.size();
    uint64_t v = 0;
    if (n >= 4) {
      uint32_t head, tail;
      std::memcpy(&head, word.data(), sizeof head);
      std::memcpy(&tail, word.data() + n - 4, sizeof tail);
      v = uint64_t{head} << 32 | tail;
    } else if (n > 0) {
      const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(word[i])}; };
      v = byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
    }
    v ^= n;
    v *= 0x9E3779B97F4A7C15ULL;
    return static_cast<size_t>(v >> 40) & mask_;
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t max_bytes_ = 0;
};

uint16_t StopMask(std::string_view word) {
  static const StopTable table;
  return table.Find(word);
}

// Script counts decide for languages whose words are not space-separated or
// whose alphabet alone names them in this collection.
struct ScriptCounts {
  long latin = 0, cyrillic = 0, kana = 0, han = 0, hangul = 0, arabic = 0, greek = 0, hebrew = 0,
       thai = 0;
};

// Adds the script counts of text to *out.
void AddScripts(std::string_view text, ScriptCounts* out) {
  ScriptCounts& s = *out;
  size_t i = 0;
  while (i < text.size()) {
    // ASCII needs no decoding, and only its letters count.
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) ++s.latin;
      ++i;
      continue;
    }
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                         static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    if (n <= 0) {
      ++i;
      continue;
    }
    i += static_cast<size_t>(n);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F)) {
      ++s.latin;
    } else if (c >= 0x400 && c <= 0x4FF) {
      ++s.cyrillic;
    } else if (c >= 0x3040 && c <= 0x30FF) {
      ++s.kana;
    } else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) {
      ++s.han;
    } else if (c >= 0xAC00 && c <= 0xD7AF) {
      ++s.hangul;
    } else if (c >= 0x600 && c <= 0x6FF) {
      ++s.arabic;
    } else if (c >= 0x370 && c <= 0x3FF) {
      ++s.greek;
    } else if (c >= 0x590 && c <= 0x5FF) {
      ++s.hebrew;
    } else if (c >= 0xE00 && c <= 0xE7F) {
      ++s.thai;
    }
  }
}

}  // namespace

bool IsStopWord(std::string_view language, std::string_view word) {
  int index = LanguageIndex(language);
  return index >= 0 && (StopMask(word) >> index & 1u) != 0;
}

int StopWordBit(std::string_view language) { return LanguageIndex(language); }

double StopWordShare(std::string_view text, std::string_view language) {
  int index = LanguageIndex(language);
  if (index < 0) return 0;
  if (text.size() > kStopWordShareBytes) {
    size_t cut = kStopWordShareBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  long words = 0, stop = 0;
  WordIterator it(text);
  std::string_view w;
  while (it.Next(&w)) {
    ++words;
    if ((StopMask(w) >> index) & 1u) ++stop;
  }
  return words > 0 ? static_cast<double>(stop) / static_cast<double>(words) : 0;
}

uint16_t StopWordMask(std::string_view word) { return StopMask(word); }

StopWordCount CountStopWordsInKey(std::string_view key, const StopWordTest& is_stop) {
  StopWordCount count;
  size_t pos = 0;
  while (pos < key.size()) {
    size_t space = key.find(' ', pos);
    if (space == std::string_view::npos) space = key.size();
    ++count.words;
    if (!is_stop.none() && is_stop(key.substr(pos, space - pos))) ++count.stop_words;
    pos = space + 1;
  }
  return count;
}

bool HasStopWords(std::string_view language) { return LanguageIndex(language) >= 0; }

namespace {

using Votes = std::array<long, kStopLists.size()>;

void Vote(std::string_view word, Votes* votes) {
  uint16_t mask = StopMask(word);
  for (size_t i = 0; mask != 0; ++i, mask >>= 1) {
    if (mask & 1u) ++(*votes)[i];
  }
}

// The language of a text from its script counts and, only when the scripts
// do not decide, its words' stop-word votes (count_votes).
template <typename CountVotes>
std::string Decide(const ScriptCounts& s, CountVotes&& count_votes) {
  // Han and kana each count about as much as a Latin word, hence the weights.
  long latin_weight = s.latin / 5;
  long best_other = 0;
  std::string other;
  auto consider = [&](long count, const char* code) {
    if (count > best_other) {
      best_other = count;
      other = code;
    }
  };
  consider(s.kana > 0 ? s.kana + s.han : 0, "ja");
  consider(s.kana == 0 ? s.han : s.han / 4, "zh");
  consider(s.hangul, "ko");
  consider(s.arabic / 5, "ar");
  consider(s.greek / 5, "el");
  consider(s.hebrew / 5, "he");
  consider(s.thai / 2, "th");
  // Kana beats Han when a page has a fair share of it: Japanese text always
  // mixes the two, Chinese never uses kana.
  if (other == "zh" && s.kana * 10 > s.han) other = "ja";
  if (best_other > latin_weight && best_other > s.cyrillic / 5 && best_other >= 10) {
    return other;
  }

  const Votes votes = count_votes();
  size_t best = 0;
  for (size_t i = 1; i < votes.size(); ++i) {
    if (votes[i] > votes[best]) best = i;
  }
  if (votes[best] < 2) {
    if (s.cyrillic > s.latin && s.cyrillic >= 20) return "ru";
    return "";
  }
  return kStopLists[best].code;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  if (text.size() > kDetectLanguageBytes) {
    size_t cut = kDetectLanguageBytes;
    // Do not split a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  ScriptCounts s;
  AddScripts(text, &s);
  return Decide(s, [&] {
    Votes votes{};
    WordIterator it(text);
    std::string_view w;
    while (it.Next(&w)) Vote(w, &votes);
    return votes;
  });
}

std::string DetectLanguageOfLines(const std::vector<std::string_view>& lines,
                                  const std::vector<std::string_view>& keys) {
  ScriptCounts s;
  for (std::string_view line : lines) AddScripts(line, &s);
  return Decide(s, [&] {
    Votes votes{};
    for (std::string_view key : keys) {
      for (size_t at = 0; at < key.size();) {
        size_t space = key.find(' ', at);
        if (space == std::string_view::npos) space = key.size();
        Vote(key.substr(at, space - at), &votes);
        at = space + 1;
      }
    }
    return votes;
  });
}

}  // namespace lede

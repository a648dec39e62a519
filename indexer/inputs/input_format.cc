// Format by file name: cheap, predictable, and what --include globs see too.
#include "indexer/inputs/input_format.h"

#include <cctype>

namespace lede {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Suffix {
  const char* suffix;
  InputFormat format;
};
// Longest first: ".warc.gz" before ".gz" matters only for ExtensionOf, but the
// order also keeps the table readable.
constexpr Suffix kSuffixes[] = {
    {".txt", InputFormat::kText},       {".html", InputFormat::kHtml},
    {".htm", InputFormat::kHtml},       {".xhtml", InputFormat::kHtml},
    {".html.gz", InputFormat::kHtml},   {".htm.gz", InputFormat::kHtml},
    {".warc", InputFormat::kWarc},      {".warc.gz", InputFormat::kWarc},
    {".jsonl", InputFormat::kJsonl},    {".ndjson", InputFormat::kJsonl},
    {".jsonl.gz", InputFormat::kJsonl}, {".ndjson.gz", InputFormat::kJsonl},
};

}  // namespace

std::optional<InputFormat> FormatOfName(std::string_view name) {
  const std::string lower = Lower(name);
  for (const Suffix& s : kSuffixes)
    if (EndsWith(lower, s.suffix)) return s.format;
  return std::nullopt;
}

InputFormat FormatOfInput(std::string_view name) {
  return FormatOfName(name).value_or(InputFormat::kText);
}

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kText: return "txt";
    case InputFormat::kHtml: return "html";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kJsonl: return "jsonl";
  }
  return "txt";
}

const std::vector<std::string>& DefaultIncludeGlobs() {
  static const std::vector<std::string> kGlobs = [] {
    std::vector<std::string> g;
    // fnmatch has no case folding flag in POSIX; the common spellings are listed.
    for (const Suffix& s : kSuffixes) {
      g.push_back(std::string("*") + s.suffix);
      std::string upper = s.suffix;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      g.push_back("*" + upper);
    }
    return g;
  }();
  return kGlobs;
}

std::string ExtensionOf(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const std::string lower = Lower(name);
  size_t dot = lower.rfind('.');
  if (dot == std::string::npos || dot == 0) return "(no extension)";
  for (const char* packed : {".gz", ".bz2", ".xz", ".zst"}) {
    if (lower.compare(dot, std::string::npos, packed) == 0 && dot > 0) {
      const size_t inner = lower.rfind('.', dot - 1);
      if (inner != std::string::npos && inner > 0 && dot - inner <= 8) return lower.substr(inner);
    }
  }
  return lower.substr(dot);
}

}  // namespace lede

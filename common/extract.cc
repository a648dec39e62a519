// PLACEHOLDER extraction (to be replaced by the boilerplate/metadata work of
// issue 3): first non-empty line is the title, every other non-empty line is a
// paragraph. No date or source.
#include "common/extract.h"

#include <functional>

namespace lede {
namespace {

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

}  // namespace

uint64_t LineStats::KeyOf(std::string_view line) {
  return std::hash<std::string_view>{}(Trim(line));
}

void LineStats::AddFile(std::string_view text) {
  ++total_files;
  (void)text;
}

uint32_t LineStats::Count(std::string_view line) const {
  auto it = files_with_line.find(KeyOf(line));
  return it == files_with_line.end() ? 0 : it->second;
}

Article Extract(std::string_view text, const ExtractContext& context) {
  (void)context;
  Article a;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(pos, nl - pos));
    ++line_no;
    if (!line.empty()) {
      if (a.title.empty()) {
        a.title = std::string(line);
        a.lines.push_back({line_no, true, "title: first line"});
      } else {
        a.paragraphs.emplace_back(line);
        a.lines.push_back({line_no, true, "placeholder: keep all"});
      }
    } else {
      a.lines.push_back({line_no, false, "blank"});
    }
    pos = nl + 1;
  }
  return a;
}

}  // namespace lede

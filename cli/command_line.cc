// CLI11's default formatter prints "ENUM:value in {json->1,...}" and never
// wraps; lede's formatter prints a placeholder and wraps descriptions.
#include "cli/command_line.h"

#include <memory>

#include "cli/version.h"

namespace lede {
namespace {

constexpr size_t kNameColumn = 28;

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() { column_width(kNameColumn); }

  std::string make_option_opts(const CLI::Option* opt) const override {
    return opt->get_option_text().empty() ? std::string() : " " + opt->get_option_text();
  }

  // The usage line first, then what the program does.
  std::string make_description(const CLI::App*) const override { return {}; }
  std::string make_usage(const CLI::App* app, std::string name) const override {
    return CLI::Formatter::make_usage(app, name) + "\n" + app->get_description() + "\n";
  }

  std::string make_option_desc(const CLI::Option* opt) const override {
    return WrapText(opt->get_description(), kHelpColumns - kNameColumn);
  }
};

}  // namespace

std::string WrapText(const std::string& text, size_t width) {
  std::string out;
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t nl = text.find('\n', line_start);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(line_start, nl - line_start);
    size_t col = 0;
    size_t i = 0;
    while (i < line.size()) {
      size_t sp = line.find(' ', i);
      if (sp == std::string::npos) sp = line.size();
      const std::string word = line.substr(i, sp - i);
      const size_t w = CodePoints(word);
      if (col > 0 && col + 1 + w > width) {
        out += '\n';
        col = 0;
      } else if (col > 0) {
        out += ' ';
        ++col;
      }
      out += word;
      col += w;
      i = sp + 1;
    }
    if (nl < text.size()) out += '\n';
    line_start = nl + 1;
  }
  return out;
}

void SetUpCommandLine(CLI::App& app, const std::string& program) {
  auto formatter = std::make_shared<HelpFormatter>();
  app.formatter(formatter);
  app.set_help_flag("-h,--help", "Print this help and exit");
  app.set_version_flag("-V,--version", VersionText(program), "Print the version of lede and Xapian");
}

std::optional<int> ParseCommandLine(CLI::App& app, int argc, const char* const* argv,
                                    const std::string& program, std::ostream& out,
                                    std::ostream& err) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    for (char& c : what)
      if (c == '\n') c = ' ';
    err << program << ": error: " << what << " (see " << program << " --help)\n";
    return 2;
  }
}

}  // namespace lede

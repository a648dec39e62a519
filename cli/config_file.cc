// A deliberately small format (no sections, no includes): five keys, one
// per line, like notmuch's or git's simplest use.
#include "cli/config_file.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.h"

namespace lede {
namespace {

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

bool KnownKey(const std::string& key) {
  for (const char* k : kConfigKeys)
    if (key == k) return true;
  return false;
}

}  // namespace

std::optional<std::string> Config::Get(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::string ConfigPath(const char* xdg_config_home, const char* home) {
  // The XDG spec says a relative $XDG_CONFIG_HOME is invalid and ignored.
  if (xdg_config_home && xdg_config_home[0] == '/')
    return std::string(xdg_config_home) + "/lede/config";
  if (home && *home) return std::string(home) + "/.config/lede/config";
  return {};
}

Config ParseConfig(std::string_view text, const std::string& path, const char* home) {
  Config c;
  c.path = path;
  size_t pos = 0;
  int line_no = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(line_no) + ": ";
    const size_t eq = line.find('=');
    if (eq == std::string::npos)
      throw UsageError(where + "expected 'key = value', got: " + line);
    const std::string key = Trim(line.substr(0, eq));
    std::string value = Trim(line.substr(eq + 1));
    if (!KnownKey(key))
      throw UsageError(where + "unknown key '" + key + "' (known: db, limit, color, format, threads)");
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (value.empty()) throw UsageError(where + "no value for '" + key + "'");
    if (key == "db" && value.compare(0, 2, "~/") == 0 && home && *home)
      value = std::string(home) + value.substr(1);
    if (!c.values.emplace(key, value).second)
      throw UsageError(where + "'" + key + "' is set twice");
  }
  return c;
}

Config LoadConfigFromEnv() {
  const char* home = std::getenv("HOME");
  const std::string path = ConfigPath(std::getenv("XDG_CONFIG_HOME"), home);
  if (path.empty()) return {};
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};  // the file is optional
  std::ifstream in(path);
  if (!in || std::filesystem::is_directory(path, ec))
    throw UsageError("cannot read config file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str(), path, home);
}

}  // namespace lede

// The optional config file both binaries read, $XDG_CONFIG_HOME/lede/config
// (else ~/.config/lede/config): "key = value" lines with defaults for options
// the user would otherwise type every time. Documented in docs/config.md.
#ifndef LEDE_CLI_CONFIG_FILE_H_
#define LEDE_CLI_CONFIG_FILE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lede {

// The keys a config file may hold: db (both binaries), limit, color, format
// (lede-search), threads (lede-index). Anything else is an error, so a typo
// does not go unnoticed.
inline constexpr const char* kConfigKeys[] = {"db", "limit", "color", "format", "threads"};

struct Config {
  std::string path;                           // where it was read from; "" when none
  std::map<std::string, std::string> values;  // by key

  // The value of key, if the file set it.
  std::optional<std::string> Get(const std::string& key) const;
};

// Where the config file is: $XDG_CONFIG_HOME/lede/config when that is set
// and absolute, else $HOME/.config/lede/config; "" with neither. Pure.
std::string ConfigPath(const char* xdg_config_home, const char* home);

// Parses the text of a config file named path (for messages). '#' starts a
// comment line, blank lines are ignored, "key = value" sets a key (spaces
// around both trimmed; a value may be quoted with "..."); a db value starting
// with "~/" is taken relative to home. Throws UsageError naming path:line for
// a malformed line, an unknown key or a key given twice. Pure.
Config ParseConfig(std::string_view text, const std::string& path, const char* home);

// Reads the config file from ConfigPath(getenv...). A missing file is an
// empty Config; an unreadable or malformed one throws UsageError.
Config LoadConfigFromEnv();

}  // namespace lede

#endif  // LEDE_CLI_CONFIG_FILE_H_

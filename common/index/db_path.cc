// Default database location (XDG base directory spec for user data).
#include "common/index/db_path.h"

#include <cstdlib>

namespace lede {

std::string DefaultDbPath(const char* lede_db, const char* xdg_data_home, const char* home) {
  if (lede_db && *lede_db) return lede_db;
  if (xdg_data_home && *xdg_data_home) return std::string(xdg_data_home) + "/lede/index";
  if (home && *home) return std::string(home) + "/.local/share/lede/index";
  return ".lede-index";
}

std::string DefaultDbPathFromEnv() {
  return DefaultDbPath(std::getenv("LEDE_DB"), std::getenv("XDG_DATA_HOME"),
                       std::getenv("HOME"));
}

}  // namespace lede

// Where the database lives when --db is not given, the same for both binaries.
#ifndef LEDE_COMMON_INDEX_DB_PATH_H_
#define LEDE_COMMON_INDEX_DB_PATH_H_

#include <string>

namespace lede {

// $LEDE_DB, else $XDG_DATA_HOME/lede/index, else $HOME/.local/share/lede/index,
// else ./.lede-index. Arguments are the environment values (nullptr when
// unset) so the rule is testable without touching the environment.
std::string DefaultDbPath(const char* lede_db, const char* xdg_data_home, const char* home);

// DefaultDbPath() read from this process's environment.
std::string DefaultDbPathFromEnv();

}  // namespace lede

#endif  // LEDE_COMMON_INDEX_DB_PATH_H_

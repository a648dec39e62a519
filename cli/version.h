// What --version prints, the same way for both binaries.
#ifndef LEDE_CLI_VERSION_H_
#define LEDE_CLI_VERSION_H_

#include <string>
#include <string_view>

namespace lede {

// lede's version (project() in CMakeLists.txt), e.g. "0.1.0".
std::string_view LedeVersion();

// "lede-search 0.1.0\nXapian 1.4.22": lede's version, and the version of the
// Xapian library actually loaded (a database's format depends on it).
std::string VersionText(std::string_view program);

}  // namespace lede

#endif  // LEDE_CLI_VERSION_H_

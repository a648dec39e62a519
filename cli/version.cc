// The version comes in as a compile definition, so only this file rebuilds
// when it changes.
#include "cli/version.h"

#include <xapian.h>

namespace lede {

std::string_view LedeVersion() { return LEDE_VERSION; }

std::string VersionText(std::string_view program) {
  return std::string(program) + " " + std::string(LedeVersion()) + "\nXapian " +
         Xapian::version_string();
}

}  // namespace lede

// File paths are bytes; messages and JSON are text. How lede-index shows a
// path that holds a newline or bytes that are not UTF-8 without losing it.
#ifndef LEDE_INDEXER_PATH_TEXT_H_
#define LEDE_INDEXER_PATH_TEXT_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lede {

// For one-line messages: control characters as \n, \t, \r or \xNN, a
// backslash as \\, bytes that are not UTF-8 as \xNN; everything else as is.
// A plain path comes back unchanged.
std::string DisplayPath(std::string_view path);

// Sets j[key] to the path as a JSON string. When the path is not valid UTF-8
// the string has U+FFFD in place of the bad bytes, and j[key + "_bytes"]
// holds the exact bytes in base64 (RFC 4648), so the path round-trips.
void SetPathJson(nlohmann::json& j, const std::string& key, std::string_view path);

// RFC 4648 base64 with padding.
std::string Base64(std::string_view bytes);

}  // namespace lede

#endif  // LEDE_INDEXER_PATH_TEXT_H_

// Which reader a file needs, told by its name: text dumps, HTML pages, WARC
// web archives and JSON-lines exports, each also gzip-compressed where that
// is how such files are kept. Also what the summary calls the files lede
// does not read.
#ifndef LEDE_INDEXER_INPUTS_INPUT_FORMAT_H_
#define LEDE_INDEXER_INPUTS_INPUT_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

enum class InputFormat {
  kText,   // .txt: one article dump
  kHtml,   // .html, .htm, .xhtml (+ .gz): one page
  kWarc,   // .warc, .warc.gz: many pages
  kJsonl,  // .jsonl, .ndjson (+ .gz): one article per line
};

// The format a file name (or path) says, case-insensitively; nullopt for a
// name lede does not read.
std::optional<InputFormat> FormatOfName(std::string_view name);

// The format of a file lede was told to read: by its name, else a text dump
// (a file named on the command line or matched by --include is read whatever
// it is called, as before there were other formats).
InputFormat FormatOfInput(std::string_view name);

// "txt", "html", "warc", "jsonl".
std::string_view InputFormatName(InputFormat format);

// The globs read when --include is not given: every name FormatOfName knows.
const std::vector<std::string>& DefaultIncludeGlobs();

// A name's extension as the "ignored" summary shows it, lower-cased, with a
// compression suffix kept with the one before it: ".pdf", ".tar.gz", ".gz"
// for "x.gz", "(no extension)".
std::string ExtensionOf(std::string_view name);

}  // namespace lede

#endif  // LEDE_INDEXER_INPUTS_INPUT_FORMAT_H_

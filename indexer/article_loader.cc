// File reading + decoding; every failure is a skip reason, never an exception.
#include "indexer/article_loader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "common/decode.h"

namespace lede {

LoadOutcome LoadArticleFile(const std::string& path) {
  LoadOutcome out;
  struct stat sb;
  if (::stat(path.c_str(), &sb) != 0) {
    out.skip_reason = std::string("cannot stat: ") + std::strerror(errno);
    return out;
  }
  if (!S_ISREG(sb.st_mode)) {
    out.skip_reason = "not a regular file";
    return out;
  }
  if (static_cast<uint64_t>(sb.st_size) > kMaxFileBytes) {
    out.skip_reason = "too large (" + std::to_string(sb.st_size >> 20) +
                      " MiB; limit " + std::to_string(kMaxFileBytes >> 20) + " MiB)";
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.skip_reason = std::string("cannot open: ") + std::strerror(errno);
    return out;
  }
  std::string bytes;
  bytes.resize(static_cast<size_t>(sb.st_size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) {
    out.skip_reason = std::string("read error: ") + std::strerror(errno);
    return out;
  }
  bytes.resize(static_cast<size_t>(in.gcount()));

  DecodeResult decoded = DecodeToUtf8(bytes);
  if (const NotText* nt = std::get_if<NotText>(&decoded)) {
    out.skip_reason = std::string(NotTextReason(*nt));
    return out;
  }
  DecodedText& d = std::get<DecodedText>(decoded);
  out.file = LoadedFile{std::move(d.utf8), std::move(d.encoding), d.repaired};
  return out;
}

}  // namespace lede

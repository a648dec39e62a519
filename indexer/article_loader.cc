// File reading + decoding; every failure is a skip reason, never an exception.
#include "indexer/article_loader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/text/decode.h"
#include "indexer/file_identity.h"

namespace lede {
namespace {

std::string TooLarge(uint64_t bytes) {
  return "too large (" + std::to_string(bytes >> 20) + " MiB; limit " +
         std::to_string(kMaxFileBytes >> 20) + " MiB)";
}

// Closes the descriptor on every path out.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

size_t CutLongLines(std::string& text, size_t max_bytes) {
  size_t cut = 0;
  std::string out;
  size_t pos = 0, copied = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl;
    if (end - pos > max_bytes) {
      if (cut == 0) out.reserve(text.size());
      size_t keep = pos + max_bytes;
      // Back up to a lead byte so the cut never splits a character.
      while (keep > pos && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
      out.append(text, copied, keep - copied);
      copied = end;
      ++cut;
    }
    pos = end + 1;
  }
  if (cut) {
    out.append(text, copied, std::string::npos);
    text = std::move(out);
  }
  return cut;
}

LoadOutcome DecodeArticleBytes(std::string_view bytes) {
  LoadOutcome out;
  out.content_hash = ContentHash(bytes);
  DecodeResult decoded = DecodeToUtf8(bytes);
  if (const NotText* nt = std::get_if<NotText>(&decoded)) {
    out.skip_reason = std::string(NotTextReason(*nt));
    return out;
  }
  DecodedText& d = std::get<DecodedText>(decoded);
  LoadedFile f{std::move(d.utf8), std::move(d.encoding), d.repaired, 0};
  f.lines_cut = CutLongLines(f.text, kMaxLineBytes);
  out.file = std::move(f);
  return out;
}

LoadOutcome LoadArticleFile(const std::string& path) {
  LoadOutcome out;
  // O_NONBLOCK: a FIFO swapped in after the walk must not hang the run.
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  if (f.fd < 0) {
    out.unreadable = errno != ENOENT && errno != ELOOP;
    out.skip_reason = std::string("cannot open: ") + std::strerror(errno);
    return out;
  }
  struct stat sb;
  if (::fstat(f.fd, &sb) != 0) {
    out.unreadable = true;
    out.skip_reason = std::string("cannot stat: ") + std::strerror(errno);
    return out;
  }
  if (!S_ISREG(sb.st_mode)) {
    out.skip_reason = "not a regular file";
    return out;
  }
  if (static_cast<uint64_t>(sb.st_size) > kMaxFileBytes) {
    out.skip_reason = TooLarge(static_cast<uint64_t>(sb.st_size));
    return out;
  }
  std::string bytes(static_cast<size_t>(sb.st_size), '\0');
  size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      // The file may have grown since fstat: read on, within the limit.
      if (bytes.size() >= kMaxFileBytes + 1) break;
      bytes.resize(std::min<size_t>(kMaxFileBytes + 1, bytes.size() * 2 + 4096));
    }
    ssize_t n = ::read(f.fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.unreadable = true;
      out.skip_reason = std::string("read error: ") + std::strerror(errno);
      return out;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  if (got > kMaxFileBytes) {
    out.skip_reason = TooLarge(got);
    return out;
  }
  return DecodeArticleBytes(bytes);
}

}  // namespace lede

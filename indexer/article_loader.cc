// File reading and splitting into records; every failure is a skip reason,
// never an exception.
#include "indexer/article_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

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

InputRead SplitIntoRecords(const std::string& path, const std::string& file_id, std::string bytes) {
  InputRead out;
  Record r;
  NameRecord(&r, file_id, "");
  r.path = path;
  r.format = RecordFormat::kText;
  r.content_hash = ContentHash(bytes);
  r.bytes = std::move(bytes);
  out.records.push_back(std::move(r));
  return out;
}

InputRead ReadInputFile(const std::string& path, const std::string& file_id) {
  InputRead out;
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
  return SplitIntoRecords(path, file_id, std::move(bytes));
}

}  // namespace lede

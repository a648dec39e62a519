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
#include "indexer/inputs/byte_stream.h"
#include "indexer/inputs/input_format.h"

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
  r.format = FormatOfInput(path) == InputFormat::kHtml ? RecordFormat::kHtml : RecordFormat::kText;
  if (r.format == RecordFormat::kHtml && IsGzip(bytes)) {
    // A saved page kept compressed (page.html.gz).
    ByteStream in(std::move(bytes), ByteStream::kInMemory);
    std::string page;
    char buf[64 << 10];
    for (;;) {
      const size_t n = in.Read(buf, sizeof buf);
      page.append(buf, n);
      if (page.size() > kMaxFileBytes) {
        out.skip_reason = TooLarge(page.size()) + " once gunzipped";
        return out;
      }
      if (n == 0 && !in.TakeGap()) break;
    }
    if (!in.problems().empty()) {
      out.problems.push_back({"offset " + std::to_string(in.problems()[0].offset),
                              in.problems()[0].what, ""});
      if (page.empty()) {
        out.problems.clear();
        out.skip_reason = in.problems()[0].what;
        return out;
      }
    }
    bytes = std::move(page);
  }
  r.content_hash = ContentHash(bytes);
  r.bytes = std::move(bytes);
  out.records.push_back(std::move(r));
  return out;
}

// A WARC or JSON-lines file, streamed.
InputRead ReadMultiRecordFile(InputFormat format, const std::string& path,
                              const std::string& file_id, const ReadOptions& options) {
  InputRead out;
  std::string io_error;
  RecordsRead read = ReadRecordsFile(format, path, file_id, options, &io_error);
  if (!io_error.empty()) {
    out.unreadable = true;
    out.skip_reason = io_error;
    return out;
  }
  out.records = std::move(read.records);
  for (ReadProblem& p : read.problems)
    out.problems.push_back({std::move(p.locator), std::move(p.reason), std::move(p.detail)});
  out.passed_over = std::move(read.passed_over);
  return out;
}

InputRead ReadInputFile(const std::string& path, const std::string& file_id,
                        const ReadOptions& options) {
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
  const InputFormat format = FormatOfInput(path);
  if (format == InputFormat::kWarc || format == InputFormat::kJsonl)
    return ReadMultiRecordFile(format, path, file_id, options);
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

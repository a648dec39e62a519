// zlib's inflate, member by member; the raw file is read in large blocks.
#include "indexer/inputs/byte_stream.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/error.h"

namespace lede {
namespace {

constexpr size_t kBlockBytes = 256u << 10;
constexpr size_t kMemberHistory = 4096;

}  // namespace

struct ByteStream::Zlib {
  z_stream z{};
  bool ready = false;
  ~Zlib() {
    if (ready) inflateEnd(&z);
  }
};

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b && bytes[2] == 0x08;
}

ByteStream::ByteStream(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd_ < 0) throw InputError("cannot open " + path + ": " + std::strerror(errno));
  FillInput();
  gzip_ = IsGzip(std::string_view(in_).substr(0, 3));
}

ByteStream::ByteStream(std::string bytes, InMemory) : memory_(std::move(bytes)) {
  FillInput();
  gzip_ = IsGzip(std::string_view(in_).substr(0, 3));
}

ByteStream::~ByteStream() {
  if (fd_ >= 0) ::close(fd_);
}

size_t ByteStream::RawRead(char* dst, size_t n) {
  if (fd_ < 0) {
    size_t k = std::min(n, memory_.size() - memory_pos_);
    std::memcpy(dst, memory_.data() + memory_pos_, k);
    memory_pos_ += k;
    return k;
  }
  for (;;) {
    ssize_t got = ::read(fd_, dst, n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputError(std::string("read error: ") + std::strerror(errno));
    return static_cast<size_t>(got);
  }
}

bool ByteStream::FillInput() {
  if (at_eof_) return false;
  if (in_pos_ > 0) {
    in_.erase(0, in_pos_);
    in_offset_ += in_pos_;
    in_pos_ = 0;
  }
  const size_t old = in_.size();
  in_.resize(old + kBlockBytes);
  size_t got = RawRead(in_.data() + old, kBlockBytes);
  in_.resize(old + got);
  if (got == 0) at_eof_ = true;
  return got > 0;
}

uint64_t ByteStream::FileOffsetOf(uint64_t position) const {
  if (!gzip_) return position;
  auto it = std::upper_bound(
      members_.begin(), members_.end(), position,
      [](uint64_t p, const std::pair<uint64_t, uint64_t>& m) { return p < m.first; });
  if (it == members_.begin()) return members_.empty() ? 0 : members_.front().second;
  return std::prev(it)->second;
}

bool ByteStream::TakeGap() {
  bool g = gap_;
  gap_ = false;
  return g;
}

void ByteStream::Resync(size_t from) {
  resyncing_ = true;
  size_t pos = std::min(from, in_.size());
  for (;;) {
    while (pos + 3 <= in_.size()) {
      const void* hit = std::memchr(in_.data() + pos, 0x1f, in_.size() - pos - 2);
      if (!hit) {
        pos = in_.size() - 2;
        break;
      }
      pos = static_cast<size_t>(static_cast<const char*>(hit) - in_.data());
      if (IsGzip(std::string_view(in_).substr(pos, 3))) {
        in_pos_ = pos;
        return;
      }
      ++pos;
    }
    in_pos_ = std::min(pos, in_.size());  // keeps a possible partial magic
    if (!FillInput()) {
      in_pos_ = in_.size();
      ended_ = true;
      return;
    }
    pos = 0;  // FillInput moved in_pos_ to the start
  }
}

size_t ByteStream::ReadGzip(char* dst, size_t n) {
  if (!z_) {
    z_ = std::make_unique<Zlib>();
    if (inflateInit2(&z_->z, 15 + 16) != Z_OK) throw InputError("cannot start zlib");
    z_->ready = true;
  }
  z_stream& z = z_->z;
  size_t got = 0;
  while (got < n && !ended_) {
    if (in_pos_ + (in_member_ ? 0 : 2) >= in_.size() && !FillInput()) {
      if (in_pos_ < in_.size() && !in_member_) {
        if (!resyncing_) problems_.push_back({in_offset_ + in_pos_, "garbage after the last gzip member"});
      } else if (in_member_ && !resyncing_) {
        problems_.push_back({member_start_, "gzip data truncated (the file ends inside a member)"});
      }
      in_member_ = false;
      ended_ = true;
      break;
    }
    if (!in_member_) {
      if (!IsGzip(std::string_view(in_).substr(in_pos_, 3))) {
        if (!resyncing_) problems_.push_back({in_offset_ + in_pos_, "data that is not gzip between members"});
        Resync(in_pos_ + 1);
        gap_ = true;
        return got;
      }
      member_start_ = in_offset_ + in_pos_;
      if (members_.size() >= kMemberHistory)
        members_.erase(members_.begin(), members_.begin() + kMemberHistory / 2);
      members_.emplace_back(position_, member_start_);
      inflateReset(&z);
      in_member_ = true;
    }
    z.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    z.avail_in = static_cast<uInt>(std::min<size_t>(in_.size() - in_pos_, 1u << 30));
    z.next_out = reinterpret_cast<Bytef*>(dst + got);
    z.avail_out = static_cast<uInt>(std::min<size_t>(n - got, 1u << 30));
    const uInt avail_in = z.avail_in, avail_out = z.avail_out;
    const int rc = inflate(&z, Z_NO_FLUSH);
    in_pos_ += avail_in - z.avail_in;
    const size_t produced = avail_out - z.avail_out;
    got += produced;
    position_ += produced;
    if (produced > 0) resyncing_ = false;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {  // Z_BUF_ERROR: wants more input
      if (!resyncing_)
        problems_.push_back({member_start_, std::string("corrupt gzip data: ") +
                                                (z.msg ? z.msg : "zlib error")});
      in_member_ = false;
      // Look for the next member right after this one's header: the damage
      // may have made inflate read past a good member's start.
      Resync(member_start_ >= in_offset_ ? static_cast<size_t>(member_start_ + 1 - in_offset_)
                                         : in_pos_);
      gap_ = true;
      return got;
    }
  }
  return got;
}

size_t ByteStream::Read(char* dst, size_t n) {
  if (n == 0) return 0;
  if (gzip_) return ReadGzip(dst, n);
  size_t got = 0;
  while (got < n) {
    if (in_pos_ == in_.size() && !FillInput()) break;
    size_t k = std::min(n - got, in_.size() - in_pos_);
    std::memcpy(dst + got, in_.data() + in_pos_, k);
    in_pos_ += k;
    got += k;
  }
  position_ += got;
  return got;
}

}  // namespace lede

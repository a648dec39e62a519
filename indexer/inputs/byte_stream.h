// Reads an input's bytes in order, gunzipping them when they are gzip data,
// so the readers of multi-article files (WARC, JSONL) stream files far larger
// than memory and see a damaged gzip member as a gap, not as the end.
#ifndef LEDE_INDEXER_INPUTS_BYTE_STREAM_H_
#define LEDE_INDEXER_INPUTS_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lede {

// A problem found in the compressed layer: where (offset in the file) and what.
struct StreamProblem {
  uint64_t offset = 0;
  std::string what;  // "corrupt gzip data: invalid block type", ...
};

// Whether bytes start with the gzip magic (1f 8b 08).
bool IsGzip(std::string_view bytes);

// The decompressed (or plain) bytes of a file or of a string, in order.
//
// Gzip input is read member by member (a .warc.gz holds one member per
// record, a .jsonl.gz usually one for the whole file; both are read alike).
// Corrupt data ends the member: the bytes decoded so far are delivered, the
// problem is recorded, and reading resumes at the next gzip member header
// after it. Read() stops short at that gap, and TakeGap() then says so, so a
// record cut by it is dropped instead of being joined to bytes that do not
// follow it. Garbage between members is skipped the same way; a file cut in
// the middle of a member ends with a "truncated" problem.
//
// Never throws for bad data; the constructor from a path throws InputError
// when the file cannot be opened, Read() throws InputError on an I/O error.
class ByteStream {
 public:
  // Opens a file; gzip is recognised by its magic, not by the name.
  explicit ByteStream(const std::string& path);
  // Reads from memory (tests, small inputs).
  enum InMemory { kInMemory };
  ByteStream(std::string bytes, InMemory);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Fills up to n bytes of dst; returns how many. 0 only at the end. Fewer
  // than n at the end or just before a gap.
  size_t Read(char* dst, size_t n);
  // True once when a gap (skipped damaged data) lies right before the next
  // byte Read returns.
  bool TakeGap();

  bool gzip() const { return gzip_; }
  // Where the byte at a decompressed position came from in the file: the
  // offset of its gzip member (the position itself for plain input). Known
  // for the last few thousand members; older positions give the oldest known.
  uint64_t FileOffsetOf(uint64_t position) const;
  // Offset of the next byte in the decompressed stream.
  uint64_t position() const { return position_; }
  const std::vector<StreamProblem>& problems() const { return problems_; }

 private:
  struct Zlib;
  size_t RawRead(char* dst, size_t n);
  bool FillInput();
  size_t ReadGzip(char* dst, size_t n);
  // Drops input up to the next gzip header after `from` bytes of in_.
  void Resync(size_t from);

  int fd_ = -1;
  std::string memory_;
  size_t memory_pos_ = 0;
  bool gzip_ = false;
  bool at_eof_ = false;  // no more raw input
  bool gap_ = false;
  bool ended_ = false;   // gzip: nothing more to decode
  bool in_member_ = false;
  std::string in_;       // raw input not yet consumed
  size_t in_pos_ = 0;
  uint64_t in_offset_ = 0;      // file offset of in_[0]
  uint64_t member_start_ = 0;   // file offset of the current member
  bool resyncing_ = false;      // after damage: failed false starts are quiet
  // (decompressed position, file offset) of recent member starts.
  std::vector<std::pair<uint64_t, uint64_t>> members_;
  uint64_t position_ = 0;
  std::unique_ptr<Zlib> z_;
  std::vector<StreamProblem> problems_;
};

}  // namespace lede

#endif  // LEDE_INDEXER_INPUTS_BYTE_STREAM_H_

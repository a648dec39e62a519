// Reads the web pages out of a WARC file (ISO 28500; WARC/1.0 and 1.1, plain
// or .warc.gz), one record at a time, so a file of thousands of pages never
// sits in memory whole.
//
// Why not libarchive's WARC reader (libarchive 3.6, Debian 12): it keeps only
// the path of WARC-Target-URI (the host is dropped, so two sites' "/" are one
// name), does not expose WARC-Type (records other than response/resource
// vanish uncounted), stops at the first record without a WARC-Date (a fatal
// "Bad record time"), and ends the whole read at a damaged gzip member. The
// record syntax is a few header lines and a length, so it is parsed here,
// with zlib (ByteStream) under it for the gzip members.
#ifndef LEDE_INDEXER_INPUTS_WARC_READER_H_
#define LEDE_INDEXER_INPUTS_WARC_READER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indexer/inputs/byte_stream.h"
#include "indexer/inputs/http_response.h"

namespace lede {

// One page taken from a WARC file: a "response" record whose HTTP message is
// a successful HTML (or plain text) response, or a "resource" record of such
// a type.
struct WarcPage {
  size_t number = 0;     // 1-based position of the record among all records of the file
  uint64_t offset = 0;   // where the record starts (its gzip member in a .warc.gz)
  std::string type;      // "response" or "resource"
  std::string url;       // WARC-Target-URI, angle brackets removed
  std::string warc_date; // WARC-Date as written ("2024-03-05T10:00:00Z"); may be empty
  std::string record_id; // WARC-Record-ID
  MediaType media;       // the payload's type; charset from the HTTP header
  bool html = false;     // text/html or application/xhtml+xml (else text/plain)
  std::string body;      // the payload, decoded from its transfer and content encodings
  std::string last_modified;  // the HTTP Last-Modified header, when sent
};

// A record that could not be read, or damage between records.
struct WarcProblem {
  size_t number = 0;   // the record's number; 0 for damage outside a record
  uint64_t offset = 0;
  std::string what;    // "record truncated", "corrupt gzip data"...: counted by it
  std::string detail;  // the particulars: ": 812 of 4096 bytes", the gzip cause
};

class WarcReader {
 public:
  // Payloads larger than max_payload bytes are skipped ("too large").
  WarcReader(std::unique_ptr<ByteStream> in, size_t max_payload);

  // The next page, or nullopt when the file is done. Records that are not
  // pages are counted in skipped(); unreadable ones are in problems(), and
  // reading goes on at the next record. Throws InputError only on an I/O
  // error.
  std::optional<WarcPage> Next();

  // Records passed over, by reason: "request record", "metadata record",
  // "revisit record", "warcinfo record", "non-HTML payload", "HTTP redirect",
  // "HTTP error status", "empty payload", "too large"...
  const std::map<std::string, size_t>& skipped() const { return skipped_; }
  // Damaged records and gzip damage, in file order (after Next returned nullopt).
  std::vector<WarcProblem> problems() const;
  size_t records() const { return records_; }

 private:
  bool Fill();
  // Whether n bytes are buffered from pos_ (reading more as needed).
  bool Ensure(size_t n);
  // A line without its line end; false at the end of the data or at a gap.
  bool ReadLine(std::string* line, size_t max_bytes);
  // Appends up to n bytes to out (nullptr: discards them); returns how many.
  size_t ReadBytes(size_t n, std::string* out);
  // Skips to the next line that starts a record ("WARC/").
  bool SkipToRecord();
  void Problem(size_t number, uint64_t offset, std::string what, std::string detail = "");
  std::optional<WarcPage> Classify(WarcPage page, const std::string& content_type,
                                   std::string block);

  std::unique_ptr<ByteStream> in_;
  size_t max_payload_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t buf_position_ = 0;  // stream position of buf_[0]
  bool gap_ahead_ = false;     // buf_ ends at damaged data
  bool eof_ = false;
  size_t records_ = 0;
  std::map<std::string, size_t> skipped_;
  std::vector<WarcProblem> problems_;
};

// An article id for a WARC page: its URL; a URL seen before in the same file
// gets its capture date added ("URL @ 2024-03-05T10:00:00Z"), and the record
// number when even that repeats. seen holds the ids given so far.
std::string WarcPageId(const WarcPage& page, std::map<std::string, size_t>* seen);

}  // namespace lede

#endif  // LEDE_INDEXER_INPUTS_WARC_READER_H_

// WARC record syntax: "WARC/1.x" line, named fields, empty line, a block of
// Content-Length bytes, two line ends.
#include "indexer/inputs/warc_reader.h"

#include <algorithm>
#include <cctype>

namespace lede {
namespace {

constexpr size_t kReadBytes = 64u << 10;
// A WARC header section is a few hundred bytes; a line beyond this is not one.
constexpr size_t kMaxHeaderLine = 64u << 10;
constexpr size_t kMaxHeaderLines = 200;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool ParseLength(const std::string& s, size_t* out) {
  if (s.empty() || s.size() > 15) return false;
  size_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  *out = n;
  return true;
}

}  // namespace

WarcReader::WarcReader(std::unique_ptr<ByteStream> in, size_t max_payload)
    : in_(std::move(in)), max_payload_(max_payload) {}

void WarcReader::Problem(size_t number, uint64_t offset, std::string what, std::string detail) {
  problems_.push_back({number, offset, std::move(what), std::move(detail)});
}

std::vector<WarcProblem> WarcReader::problems() const {
  std::vector<WarcProblem> all = problems_;
  for (const StreamProblem& p : in_->problems()) {
    // Damage inside a record is one problem: the record's, with its cause.
    auto same = std::find_if(all.begin(), all.end(),
                             [&](const WarcProblem& w) { return w.number && w.offset == p.offset; });
    if (same != all.end()) {
      same->detail += " (" + p.what + ")";
    } else {
      all.push_back({0, p.offset, p.what, ""});
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const WarcProblem& a, const WarcProblem& b) { return a.offset < b.offset; });
  return all;
}

bool WarcReader::Fill() {
  if (gap_ahead_ || eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    buf_position_ += pos_;
    pos_ = 0;
  }
  const size_t old = buf_.size();
  buf_.resize(old + kReadBytes);
  const size_t got = in_->Read(buf_.data() + old, kReadBytes);
  buf_.resize(old + got);
  if (in_->TakeGap()) {
    gap_ahead_ = true;
  } else if (got == 0) {
    eof_ = true;
  }
  return got > 0;
}

bool WarcReader::ReadLine(std::string* line, size_t max_bytes) {
  line->clear();
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      if (nl - pos_ > max_bytes) return false;
      line->assign(buf_, pos_, nl - pos_);
      if (!line->empty() && line->back() == '\r') line->pop_back();
      pos_ = nl + 1;
      return true;
    }
    if (buf_.size() - pos_ > max_bytes) return false;
    if (!Fill()) {
      if (pos_ == buf_.size()) return false;
      line->assign(buf_, pos_, std::string::npos);  // last line without a line end
      pos_ = buf_.size();
      return true;
    }
  }
}

size_t WarcReader::ReadBytes(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (pos_ == buf_.size() && !Fill()) break;
    const size_t k = std::min(n - done, buf_.size() - pos_);
    if (out) out->append(buf_, pos_, k);
    pos_ += k;
    done += k;
    if (pos_ == buf_.size()) {  // drop what was read at once: payloads can be large
      buf_position_ += buf_.size();
      buf_.clear();
      pos_ = 0;
    }
  }
  return done;
}

bool WarcReader::Ensure(size_t n) {
  while (buf_.size() - pos_ < n)
    if (!Fill()) return false;
  return true;
}

bool WarcReader::SkipToRecord() {
  for (;;) {
    if (!Ensure(5)) {
      if (!gap_ahead_) return false;
      pos_ = buf_.size();  // a fragment cut by damage: nothing to read in it
      gap_ahead_ = false;
      continue;
    }
    if (buf_.compare(pos_, 5, "WARC/") == 0) return true;
    size_t nl = buf_.find('\n', pos_);
    pos_ = nl == std::string::npos ? buf_.size() : nl + 1;
  }
}

std::optional<WarcPage> WarcReader::Next() {
  std::string line;
  for (;;) {
    // Between records: the line ends that close the last one, then "WARC/".
    while (pos_ < buf_.size() || Fill() || gap_ahead_) {
      if (pos_ == buf_.size()) {
        gap_ahead_ = false;
        continue;
      }
      if (buf_[pos_] == '\r' || buf_[pos_] == '\n') {
        ++pos_;
        continue;
      }
      break;
    }
    if (pos_ == buf_.size()) return std::nullopt;
    const uint64_t start = in_->FileOffsetOf(buf_position_ + pos_);
    if (!Ensure(5) || buf_.compare(pos_, 5, "WARC/") != 0) {
      Problem(0, start, "not a WARC record here: skipped to the next record");
      if (!SkipToRecord()) return std::nullopt;
      continue;
    }
    const size_t number = ++records_;
    const uint64_t offset = in_->FileOffsetOf(buf_position_ + pos_);
    ReadLine(&line, kMaxHeaderLine);  // the version line
    std::map<std::string, std::string> fields;  // lower-cased names
    bool header_ok = false;
    for (size_t n = 0; n < kMaxHeaderLines; ++n) {
      if (!ReadLine(&line, kMaxHeaderLine)) break;
      if (line.empty()) {
        header_ok = true;
        break;
      }
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;  // a continuation line: rare, unneeded
      fields[Lower(Trim(line.substr(0, colon)))] = Trim(line.substr(colon + 1));
    }
    size_t length = 0;
    if (!header_ok || !ParseLength(fields["content-length"], &length)) {
      Problem(number, offset,
              header_ok  ? "no valid Content-Length"
              : gap_ahead_ ? "record damaged"
              : eof_       ? "record truncated (the file ends in its header)"
                           : "header unreadable (no end of header)");
      if (!SkipToRecord()) return std::nullopt;
      continue;
    }
    WarcPage page;
    page.number = number;
    page.offset = offset;
    page.type = Lower(fields["warc-type"]);
    page.url = fields["warc-target-uri"];
    if (page.url.size() >= 2 && page.url.front() == '<' && page.url.back() == '>')
      page.url = page.url.substr(1, page.url.size() - 2);
    page.warc_date = fields["warc-date"];
    page.record_id = fields["warc-record-id"];
    const bool wanted = page.type == "response" || page.type == "resource";
    std::string block;
    const bool keep = wanted && length <= max_payload_ + 64 * 1024;  // + HTTP headers
    if (keep) block.reserve(length);
    const size_t got = ReadBytes(length, keep ? &block : nullptr);
    if (got < length) {
      const bool gap = gap_ahead_;
      if (gap) {
        Problem(number, offset, "record damaged");
      } else {
        Problem(number, offset, "record truncated",
                ": " + std::to_string(got) + " of " + std::to_string(length) + " bytes");
      }
      if (gap) {
        if (!SkipToRecord()) return std::nullopt;
        continue;
      }
      return std::nullopt;
    }
    if (!wanted) {
      ++skipped_[(page.type.empty() ? std::string("untyped") : page.type) + " record"];
      continue;
    }
    if (!keep) {
      ++skipped_["too large"];
      continue;
    }
    // The block must be followed by its two line ends; anything else means
    // Content-Length is wrong and the block is not what the writer meant.
    size_t ends = 0;
    while (ends < 4 && Ensure(1) && (buf_[pos_] == '\r' || buf_[pos_] == '\n')) {
      ++pos_;
      ++ends;
    }
    const bool at_end = !Ensure(1);
    if (ends == 0 ? !at_end : (!at_end && (!Ensure(5) || buf_.compare(pos_, 5, "WARC/") != 0))) {
      Problem(number, offset, "Content-Length does not match the record (no record end after it)");
      if (!SkipToRecord()) return std::nullopt;
      continue;
    }
    if (auto p = Classify(std::move(page), fields["content-type"], std::move(block))) return p;
  }
}

std::optional<WarcPage> WarcReader::Classify(WarcPage page, const std::string& content_type,
                                             std::string block) {
  if (page.type == "response" && block.compare(0, 5, "HTTP/") == 0) {
    std::optional<HttpResponse> http = ParseHttpResponse(block, max_payload_);
    if (!http) {
      Problem(page.number, page.offset, "response record without a readable HTTP header");
      return std::nullopt;
    }
    if (http->status >= 300 && http->status < 400) {
      ++skipped_["HTTP redirect"];
      return std::nullopt;
    }
    if (http->status < 200 || http->status >= 300) {
      ++skipped_["HTTP error status"];
      return std::nullopt;
    }
    if (!http->body_problem.empty() && http->body.empty()) {
      Problem(page.number, page.offset, http->body_problem);
      return std::nullopt;
    }
    page.media = http->content_type;
    page.body = std::move(http->body);
    page.last_modified = std::move(http->last_modified);
  } else if (page.type == "response" && Lower(content_type).find("application/http") == 0) {
    Problem(page.number, page.offset, "response record without a readable HTTP header");
    return std::nullopt;
  } else {
    page.media = ParseMediaType(content_type);
    page.body = std::move(block);
  }
  if (page.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    ++skipped_["empty payload"];
    return std::nullopt;
  }
  if (page.media.type.empty() || page.media.type == "application/octet-stream")
    page.media.type = LooksLikeHtml(page.body) ? "text/html" : page.media.type;
  page.html = IsHtmlType(page.media.type);
  if (!page.html && page.media.type != "text/plain") {
    ++skipped_["non-HTML payload"];
    return std::nullopt;
  }
  return page;
}

std::string WarcPageId(const WarcPage& page, std::map<std::string, size_t>* seen) {
  std::string id = page.url.empty() ? "record " + std::to_string(page.number) : page.url;
  if ((*seen)[id]++ == 0) return id;
  if (!page.warc_date.empty()) {
    id += " @ " + page.warc_date;
    if ((*seen)[id]++ == 0) return id;
  }
  id += " #" + std::to_string(page.number);
  ++(*seen)[id];
  return id;
}

}  // namespace lede

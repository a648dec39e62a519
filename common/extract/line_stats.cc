// Bounded counting of recurring lines: sorted runs, merged once.
#include "common/extract/line_stats.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

#include <sys/types.h>
#include <unistd.h>

#include "common/error.h"
#include "common/extract/line_features.h"
#include "common/text/hash.h"

namespace lede {
namespace {

// Entries read from a run at a time during the merge: few system calls, and
// with ~100 runs at 1M articles still only ~6 MB of read buffers.
constexpr size_t kReadChunk = 4096;

size_t SlotOf(uint64_t key, size_t mask) {
  // FNV-1a's low bits mix worse than its high ones.
  return static_cast<size_t>((key ^ (key >> 29)) & mask);
}

}  // namespace

uint64_t LineStats::KeyOf(std::string_view line) {
  // Fnv1a(LineKey(line)), hashed word by word as LineKey would join them:
  // every line of every file is keyed, and the joined string is never
  // needed, only its hash.
  uint64_t h = kFnv1aOffset;
  bool first = true;
  WordIterator it(line);
  std::string_view w;
  while (it.Next(&w)) {
    if (!first) h = Fnv1a(" ", h);
    h = Fnv1a(w, h);
    first = false;
  }
  return h;
}

std::vector<uint64_t> LineStats::KeysOf(std::string_view text) {
  std::vector<uint64_t> keys;
  for (std::string_view line : SplitLines(text)) {
    if (TrimLine(line).empty()) continue;
    keys.push_back(KeyOf(line));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

uint32_t LineStats::CountKey(uint64_t key) const {
  if (slots_.empty()) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t i = SlotOf(key, mask);; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.count == 0) return 0;
    if (s.key == key) return s.count;
  }
}

void LineStats::Insert(uint64_t key, uint32_t count) {
  // At most half full: probes stay short.
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  size_t i = SlotOf(key, mask);
  while (slots_[i].count != 0 && slots_[i].key != key) i = (i + 1) & mask;
  if (slots_[i].count == 0) ++size_;
  slots_[i] = Slot{key, count};
}

void LineStats::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  size_ = 0;
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.count == 0) continue;
    size_t i = SlotOf(s.key, mask);
    while (slots_[i].count != 0) i = (i + 1) & mask;
    slots_[i] = s;
    ++size_;
  }
}

LineCounter::LineCounter(size_t buffer_bytes)
    : capacity_(std::max<size_t>(buffer_bytes / sizeof(Entry), 1024)) {}

LineCounter::~LineCounter() {
  if (file_ != nullptr) std::fclose(file_);
}

void LineCounter::Change(const std::vector<uint64_t>& keys, int32_t delta) {
  total_files_ += delta;
  for (uint64_t k : keys) {
    if (buffer_.size() == capacity_) {
      // Summing in place often frees most of the buffer (boilerplate lines
      // recur); only a buffer that stays over half full becomes a run.
      Reduce();
      if (buffer_.size() * 2 > capacity_) Spill();
    }
    if (buffer_.capacity() == 0) buffer_.reserve(std::min<size_t>(capacity_, size_t{1} << 16));
    buffer_.push_back(Entry{k, delta});
  }
}

void LineCounter::Reduce() {
  std::sort(buffer_.begin(), buffer_.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  size_t out = 0;
  for (size_t i = 0; i < buffer_.size();) {
    Entry e = buffer_[i];
    for (++i; i < buffer_.size() && buffer_[i].key == e.key; ++i) e.delta += buffer_[i].delta;
    if (e.delta != 0) buffer_[out++] = e;  // a file added and taken out again
  }
  buffer_.resize(out);
}

void LineCounter::Spill() {
  if (runs_.empty() && file_ == nullptr) file_ = std::tmpfile();
  Run run;
  run.size = buffer_.size();
  if (file_ != nullptr) {
    run.begin = file_entries_;
    if (std::fwrite(buffer_.data(), sizeof(Entry), buffer_.size(), file_) != buffer_.size())
      throw Error("cannot write the line statistics' temporary file (disk full?)");
    file_entries_ += buffer_.size();
  } else {
    run.begin = spilled_.size();
    spilled_.insert(spilled_.end(), buffer_.begin(), buffer_.end());
  }
  runs_.push_back(run);
  buffer_.clear();
}

LineStats LineCounter::Finish() {
  LineStats stats;
  stats.total_files_ = static_cast<uint32_t>(std::max<int64_t>(total_files_, 0));
  Reduce();
  auto keep = [&](uint64_t key, int64_t total) {
    if (total >= LineStats::kMinFiles) stats.Insert(key, static_cast<uint32_t>(total));
  };
  if (runs_.empty()) {
    for (const Entry& e : buffer_) keep(e.key, e.delta);
  } else {
    if (!buffer_.empty()) Spill();
    if (file_ != nullptr && std::fflush(file_) != 0)
      throw Error("cannot write the line statistics' temporary file (disk full?)");
    // k-way merge of the sorted runs, each read a chunk at a time.
    struct Cursor {
      const Run* run = nullptr;
      size_t next = 0;  // entries of the run consumed into chunk
      std::vector<Entry> chunk;
      size_t pos = 0;
    };
    std::vector<Cursor> cursors;
    cursors.reserve(runs_.size());
    for (const Run& r : runs_) {
      cursors.emplace_back();
      cursors.back().run = &r;
    }
    auto fill = [&](Cursor& c) {
      const size_t n = std::min(kReadChunk, c.run->size - c.next);
      c.pos = 0;
      if (file_ == nullptr) {
        const Entry* from = spilled_.data() + c.run->begin + c.next;
        c.chunk.assign(from, from + n);
      } else {
        c.chunk.resize(n);
        const auto offset = static_cast<off_t>((c.run->begin + c.next) * sizeof(Entry));
        const ssize_t bytes = n * sizeof(Entry);
        if (::pread(fileno(file_), c.chunk.data(), static_cast<size_t>(bytes), offset) != bytes)
          throw Error("cannot read the line statistics' temporary file");
      }
      c.next += n;
      return n > 0;
    };
    using Head = std::pair<uint64_t, size_t>;  // key, cursor
    std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
    for (size_t i = 0; i < cursors.size(); ++i)
      if (fill(cursors[i])) heads.emplace(cursors[i].chunk[0].key, i);
    while (!heads.empty()) {
      const uint64_t key = heads.top().first;
      int64_t total = 0;
      while (!heads.empty() && heads.top().first == key) {
        Cursor& c = cursors[heads.top().second];
        const size_t i = heads.top().second;
        heads.pop();
        total += c.chunk[c.pos].delta;
        if (++c.pos < c.chunk.size() || fill(c)) heads.emplace(c.chunk[c.pos].key, i);
      }
      keep(key, total);
    }
  }
  buffer_ = {};
  runs_.clear();
  spilled_ = {};
  file_entries_ = 0;
  total_files_ = 0;
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  return stats;
}

}  // namespace lede

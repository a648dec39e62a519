// Collection-level boilerplate evidence: in how many files of a collection
// each (normalized) line occurs. A line that recurs in many files is
// boilerplate; a line seen in one file only is no evidence at all, so the
// statistics keep recurring lines only, and counting them costs memory that
// stays bounded however large the collection grows.
#ifndef LEDE_COMMON_EXTRACT_LINE_STATS_H_
#define LEDE_COMMON_EXTRACT_LINE_STATS_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "common/text/hash.h"

namespace lede {

// The counts, read-only once made (LineCounter::Finish). Holds one entry per
// line found in at least kMinFiles files; every other line counts 0.
class LineStats {
 public:
  // Fewer files than this is no evidence: such lines are not kept.
  static constexpr uint32_t kMinFiles = 2;

  // Hash of a line as the statistics key it (whitespace-trimmed,
  // case-folded: LineKey). Stored in databases, so stable across builds.
  static uint64_t KeyOf(std::string_view line);
  // The same from the line's LineKey, for a caller that has it already.
  static uint64_t KeyOfLineKey(std::string_view line_key) { return Fnv1a(line_key); }
  // The sorted, distinct KeyOf of a text's non-blank lines: what one file
  // adds to the statistics.
  static std::vector<uint64_t> KeysOf(std::string_view text);

  // Empty statistics: no files, every line counts 0.
  LineStats() = default;

  // Files containing line if at least kMinFiles, else 0.
  uint32_t Count(std::string_view line) const { return CountKey(KeyOf(line)); }
  uint32_t CountKey(uint64_t key) const;
  uint32_t total_files() const { return total_files_; }
  // Distinct lines kept (those in kMinFiles files or more).
  size_t recurring_lines() const { return size_; }

 private:
  friend class LineCounter;
  struct Slot {
    uint64_t key = 0;
    uint32_t count = 0;  // 0: empty slot
  };
  void Insert(uint64_t key, uint32_t count);
  void Grow();

  // Open addressing with linear probing: keys are already uniform hashes, so
  // their low bits index the table; a flat table costs 16 bytes per line
  // against ~50 for a node-based map, and one cache miss per lookup.
  std::vector<Slot> slots_;
  size_t size_ = 0;
  uint32_t total_files_ = 0;
};

// Adds up the line keys of many files (and takes out those of files that
// leave a collection) within a fixed memory budget. Every key change is
// buffered; a full buffer is sorted, summed per key and, unless it is the
// only one, written as a sorted run to an anonymous temporary file (gone
// with the process, even when killed); Finish merges the runs and keeps the
// lines whose total reaches LineStats::kMinFiles. Memory is the buffer plus
// the recurring lines, never one entry per line seen once. When no temporary
// file can be made the runs stay in memory: slower to bound, never wrong.
class LineCounter {
 public:
  // buffer_bytes: memory for buffered key changes (16 bytes each).
  explicit LineCounter(size_t buffer_bytes = size_t{64} << 20);
  ~LineCounter();
  LineCounter(const LineCounter&) = delete;
  LineCounter& operator=(const LineCounter&) = delete;

  // One file's distinct lines.
  void AddFile(std::string_view text) { AddKeys(LineStats::KeysOf(text)); }
  // One file given its distinct keys (KeysOf, or as stored in an index).
  void AddKeys(const std::vector<uint64_t>& keys) { Change(keys, +1); }
  // Takes out a file AddKeys counted (an article replaced or removed).
  void SubtractKeys(const std::vector<uint64_t>& keys) { Change(keys, -1); }

  // The statistics of everything added minus everything subtracted. Leaves
  // the counter empty.
  LineStats Finish();

  // Sorted runs made so far (for tests of the bounded path).
  size_t runs() const { return runs_.size(); }

 private:
  struct Entry {
    uint64_t key;
    int32_t delta;
  };
  struct Run {
    size_t begin = 0, size = 0;  // in entries, in the file (or spilled_)
  };
  void Change(const std::vector<uint64_t>& keys, int32_t delta);
  // Sorts and sums the buffer in place.
  void Reduce();
  // Reduces the buffer and moves it out as one run.
  void Spill();

  size_t capacity_;  // entries
  std::vector<Entry> buffer_;
  std::vector<Run> runs_;
  std::FILE* file_ = nullptr;    // the runs, when a temporary file could be made
  std::vector<Entry> spilled_;   // the runs, otherwise
  size_t file_entries_ = 0;
  int64_t total_files_ = 0;
};

}  // namespace lede

#endif  // LEDE_COMMON_EXTRACT_LINE_STATS_H_

// How much memory lede-index may use, and how that budget is split between
// the holders that would otherwise grow with the collection: the text cache
// between the passes, the line-statistics buffer and Xapian's pending
// changes in each writer (which Xapian counts in documents, not bytes).
#ifndef LEDE_INDEXER_MEMORY_BUDGET_H_
#define LEDE_INDEXER_MEMORY_BUDGET_H_

#include <cstddef>
#include <string>

namespace lede {

// Memory Xapian holds per pending document of a news article with
// positions (docs/performance.md: ~110 KB measured, rounded up for the
// hand-over queues and the allocator's slack).
inline constexpr size_t kWriterBytesPerDoc = 150u << 10;

struct MemoryBudget {
  size_t bytes = 0;

  // Texts kept between the plan and the indexing pass (beyond it files are
  // read again, ~30 us each from the page cache): an eighth.
  size_t TextCacheBytes() const { return bytes / 8; }
  // Buffered line-key changes before a sorted run is written: a sixteenth.
  size_t LineCounterBytes() const { return bytes / 16; }
  // Documents each of `writers` writer threads may hold before its part is
  // flushed: half the budget, shared, at least 100 (less flushes too often
  // to be worth a part) and at most 5,000.
  unsigned DocsPerWriter(unsigned writers) const;
};

// A quarter of the machine's physical memory, at least 256 MiB and at most
// 1 GiB (beyond that Xapian's larger flushes are slower, not faster).
size_t DefaultMemoryBytes();

// Gives memory freed since the last call back to the system (glibc keeps
// freed blocks in its per-thread arenas, and a buffer drained on one thread
// stays resident while others allocate elsewhere). Call between phases, not
// per document: it walks every arena.
void ReleaseFreedMemory();

// The process's peak resident set size so far (VmHWM), 0 when unknown.
size_t PeakRssBytes();

// "512M", "2G", "1500000k", "300000000" (bytes); K, M, G are powers of 1024,
// case-insensitive, an optional trailing "B" or "iB". Throws UsageError on
// anything else or below 64 MiB (too little to index with).
size_t ParseMemorySize(const std::string& text);

}  // namespace lede

#endif  // LEDE_INDEXER_MEMORY_BUDGET_H_

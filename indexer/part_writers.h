// Parallel writers for a bulk build: one thread per database part,
// each owning its Xapian::WritableDatabase. Xapian writes one database from
// one thread at a time, and that writer was the indexer's ceiling (~1.6 ms of
// CPU per article, docs/performance.md); parts written side by side, then
// merged or kept as shards, use every core.
#ifndef LEDE_INDEXER_PART_WRITERS_H_
#define LEDE_INDEXER_PART_WRITERS_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/index/schema.h"

namespace lede {

// Documents per rotated part. Each flush inserts into one place per distinct
// term across the part's whole position table (keyed term, then docid), so
// flushes into one growing database get dearer with its size; a part of this
// size keeps them at what they cost in a 10k build, and a 1M build still
// merges only ~100 parts. (Flushing a part only once, at its close, was
// measured dearer: Xapian's in-memory maps of thousands of pending documents
// cost more per insertion than flushes every 200; docs/performance.md.)
inline constexpr unsigned kRotatedPartDocs = 10000;

// Parts merged at once when a bulk build ends. Fewer inputs per merge mean
// more passes over the data; more mean more disk held at once (see
// PartsRebuild). 10: a 1M build (100 parts) merges in two passes, a 100k
// build in one.
inline constexpr unsigned kMergeFanIn = 10;

// Rotation of a bulk build's parts: writer k adds its documents not to
// parts[k] but to a run of fresh databases dir/part-K-J, each closed after
// docs_per_part documents and flushed every batch_size within. parts[k] then
// holds metadata and spelling data only; the caller merges everything
// (Chunks()).
// Each writer writes the spelling words it gathered to parts[k] when it
// closes a part, and sooner once they number spelling_words: Xapian holds
// every new word's fragments in memory until the commit (~1 KB a word), so a
// whole build's vocabulary written at once by every writer at Drain was the
// largest allocation of a build. Not every few thousand words: each write
// looks every word up again, frequent ones included.
inline constexpr size_t kSpellingWordsPerCommit = 200000;

struct PartRotation {
  std::string dir;             // empty: no rotation
  unsigned docs_per_part = 0;  // at least 1
  int flags = 0;               // Xapian flags for the new databases
  size_t spelling_words = kSpellingWordsPerCommit;
};

class PartWriters {
 public:
  // parts[k] is written only by thread k from now until Drain or the
  // destructor returns; each part commits every batch_size documents it
  // takes. names[k] (a path) is what errors mention. spelling_each_commit:
  // write the spelling changes with every commit (an update, whose commits
  // a crash keeps) rather than once at Drain (a rebuild, whose are thrown
  // away unless it finishes).
  //
  // With rotation, documents must be added (docid 0); each rotated part
  // commits every batch_size documents, when full and at Drain.
  PartWriters(std::vector<Xapian::WritableDatabase> parts, std::vector<std::string> names,
              unsigned batch_size, bool spelling_each_commit = false,
              PartRotation rotation = PartRotation());
  // Stops the threads, dropping what is still queued (documents already
  // added stay in the databases' pending changes: their owner decides).
  ~PartWriters();

  PartWriters(const PartWriters&) = delete;
  PartWriters& operator=(const PartWriters&) = delete;

  size_t size() const { return parts_.size(); }

  // Queues a document for part k with its spelling words, which each part
  // adds up and writes at its commits. docid 0 adds it as the part's next
  // document; otherwise it is written at that docid of the part, replacing
  // whatever is there, and with `replaces` the spelling words of the
  // document there are taken out first. Blocks while the part's queue is
  // full. Throws IndexError when a part failed (disk full...), with the first
  // failure.
  void Add(size_t k, Xapian::Document doc, std::vector<std::pair<std::string, unsigned>> spelling,
           Xapian::docid docid = 0, bool replaces = false);
  // Waits until every queued document is written, then writes each part's
  // spelling data and commits, all parts at once. Afterwards the caller may
  // use the parts' databases itself until the next Add. Throws as Add.
  void Drain();

  // With rotation, after Drain: the paths of every rotated part written so
  // far, writer after writer and in order within each (the order the
  // documents took in their writer), and how many documents they hold.
  std::vector<std::string> Chunks() const;
  Xapian::doccount ChunkDocs() const;

 private:
  struct Item {
    Xapian::Document doc;
    std::vector<std::pair<std::string, unsigned>> spelling;
    Xapian::docid docid = 0;
    bool replaces = false;
  };
  struct Part {
    std::deque<Item> queue;
    bool busy = false;     // taking an item or committing
    bool drain = false;    // asked to write spelling data and commit
    unsigned pending = 0;  // documents since the last commit
    schema::SpellingDelta spelling;
    // Rotation: the part being filled and those closed, with their sizes.
    Xapian::WritableDatabase chunk;
    bool chunk_open = false;
    unsigned chunk_docs = 0;
    std::vector<std::string> chunks;
    Xapian::doccount closed_docs = 0;
  };
  void Run(size_t k);
  void ThrowIfFailed();  // with mu_ held
  // Rotation, on writer k's thread: the database the next document goes to,
  // and closing it once full or drained.
  Xapian::WritableDatabase& ChunkFor(size_t k);
  void CloseChunk(size_t k);
  // Rotation: writes the spelling words gathered so far to parts[k].
  void WriteSpelling(size_t k);

  std::vector<Xapian::WritableDatabase> parts_;
  std::vector<std::string> names_;
  unsigned batch_size_;
  bool spelling_each_commit_;
  PartRotation rotation_;
  std::vector<Part> state_;
  std::mutex mu_;
  std::condition_variable work_cv_, room_cv_;
  bool stop_ = false;
  std::string failure_;  // the first part's error, one line
  std::vector<std::thread> threads_;
};

}  // namespace lede

#endif  // LEDE_INDEXER_PART_WRITERS_H_

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

class PartWriters {
 public:
  // parts[k] is written only by thread k from now until Drain or the
  // destructor returns; each part commits every batch_size documents it
  // takes. names[k] (a path) is what errors mention. spelling_each_commit:
  // write the spelling changes with every commit (an update, whose commits
  // a crash keeps) rather than once at Drain (a rebuild, whose are thrown
  // away unless it finishes).
  PartWriters(std::vector<Xapian::WritableDatabase> parts, std::vector<std::string> names,
              unsigned batch_size, bool spelling_each_commit = false);
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
  };
  void Run(size_t k);
  void ThrowIfFailed();  // with mu_ held

  std::vector<Xapian::WritableDatabase> parts_;
  std::vector<std::string> names_;
  unsigned batch_size_;
  bool spelling_each_commit_;
  std::vector<Part> state_;
  std::mutex mu_;
  std::condition_variable work_cv_, room_cv_;
  bool stop_ = false;
  std::string failure_;  // the first part's error, one line
  std::vector<std::thread> threads_;
};

}  // namespace lede

#endif  // LEDE_INDEXER_PART_WRITERS_H_

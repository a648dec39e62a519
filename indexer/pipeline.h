// An ordered parallel map: items are prepared on worker threads (read,
// decode, extract, build the Xapian document: all pure) and handed to
// one consumer on the calling thread in input order, so the single Xapian
// writer sees exactly the sequence a one-threaded run would.
#ifndef LEDE_INDEXER_PIPELINE_H_
#define LEDE_INDEXER_PIPELINE_H_

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace lede {

// Worker threads to use when the user did not say: $LEDE_THREADS if set to a
// number >= 1, else the hardware's concurrency (at least 1).
unsigned DefaultWorkerThreads();

// Calls produce(i) for every i in [0, n) on `threads` worker threads and
// consume(i, result) on the calling thread for i = 0, 1, 2... in order.
// At most `window` (>= 1) results wait between the two, which bounds memory.
// consume returns false to stop early: no further item is consumed and the
// workers stop claiming new ones (items already being produced are dropped).
// threads == 0 runs everything on the calling thread, one item at a time.
//
// produce must be safe to call concurrently for different i (it gets its own
// item; shared inputs must only be read). An exception from produce(i) is
// rethrown from RunOrdered when item i's turn comes; one from consume is
// rethrown after the workers have stopped. Returns the number of items
// consumed.
template <typename T>
size_t RunOrdered(size_t n, unsigned threads, size_t window,
                  const std::function<T(size_t)>& produce,
                  const std::function<bool(size_t, T&&)>& consume) {
  if (threads == 0) {
    for (size_t i = 0; i < n; ++i)
      if (!consume(i, produce(i))) return i + 1;
    return n;
  }
  if (window == 0) window = 1;
  struct Slot {
    std::optional<T> value;
    std::exception_ptr error;
    bool ready = false;
  };
  std::vector<Slot> slots(window);
  std::mutex mu;
  std::condition_variable work_cv, ready_cv;
  size_t next_claim = 0, consumed = 0;
  bool stop = false;

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        work_cv.wait(lock, [&] { return stop || next_claim >= n || next_claim < consumed + window; });
        if (stop || next_claim >= n) return;
        i = next_claim++;
      }
      std::optional<T> value;
      std::exception_ptr error;
      try {
        value.emplace(produce(i));
      } catch (...) {
        error = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        Slot& s = slots[i % window];
        s.value = std::move(value);
        s.error = error;
        s.ready = true;
      }
      ready_cv.notify_one();
    }
  };

  std::vector<std::thread> pool;
  auto finish = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    work_cv.notify_all();
    for (std::thread& t : pool) t.join();
    pool.clear();
  };
  pool.reserve(threads);
  for (unsigned k = 0; k < threads; ++k) pool.emplace_back(worker);

  size_t i = 0;
  try {
    for (; i < n; ++i) {
      std::optional<T> value;
      std::exception_ptr error;
      {
        std::unique_lock<std::mutex> lock(mu);
        Slot& s = slots[i % window];
        ready_cv.wait(lock, [&] { return s.ready; });
        value = std::move(s.value);
        error = s.error;
        s = Slot();
        consumed = i + 1;
      }
      work_cv.notify_all();
      if (error) std::rethrow_exception(error);
      if (!consume(i, std::move(*value))) {
        ++i;
        break;
      }
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  return i;
}

}  // namespace lede

#endif  // LEDE_INDEXER_PIPELINE_H_

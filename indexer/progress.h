// The progress line lede-index draws on a terminal: files done / total,
// articles per second, time left; redrawn in place, erased at the end.
#ifndef LEDE_INDEXER_PROGRESS_H_
#define LEDE_INDEXER_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace lede {

// "indexing 1234/10000 files, 350 articles/s, 0:25 left". The rate and the
// estimate appear only once they mean something: after 2 seconds; the rate
// once an article was written (a "checking" phase has none), the estimate
// after 10 files and while at least a second is left. Pure, for tests.
std::string FormatProgress(std::string_view phase, size_t done, size_t total, size_t articles,
                           double elapsed_seconds);

class Progress {
 public:
  // enabled: out is a terminal and the user did not ask for --quiet. When
  // false every call does nothing.
  Progress(std::ostream& out, bool enabled);
  // Starts a phase ("reading", "indexing") of total files.
  void Start(std::string_view phase, size_t total);
  // Redraws at most ten times a second.
  void Update(size_t done, size_t articles);
  // Erases the line, so the summary starts on a clean line.
  void Clear();

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& out_;
  bool enabled_;
  bool drawn_ = false;
  std::string phase_;
  size_t total_ = 0;
  Clock::time_point start_{};
  Clock::time_point last_draw_{};
};

}  // namespace lede

#endif  // LEDE_INDEXER_PROGRESS_H_

// RunOrdered: results arrive in input order whatever the thread count, early
// stop and errors end the run cleanly, and at most `window` results wait.
#include "indexer/pipeline.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace lede {
namespace {

// Uneven work so that later items often finish before earlier ones.
std::string Slow(size_t i) {
  if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return "item" + std::to_string(i);
}

TEST(Pipeline, DeliversEveryItemInOrderForAnyThreadCountAndWindow) {
  struct Case {
    size_t n;
    unsigned threads;
    size_t window;
  };
  for (const Case& c : std::vector<Case>{{0, 2, 4},
                                         {1, 2, 4},
                                         {100, 0, 4},
                                         {100, 1, 1},
                                         {100, 2, 1},
                                         {100, 4, 3},
                                         {300, 3, 16},
                                         {50, 8, 0}}) {
    std::vector<std::string> got;
    std::vector<size_t> order;
    const size_t consumed = RunOrdered<std::string>(
        c.n, c.threads, c.window, Slow, [&](size_t i, std::string&& s) {
          order.push_back(i);
          got.push_back(std::move(s));
          return true;
        });
    ASSERT_EQ(consumed, c.n) << c.threads << " threads, window " << c.window;
    ASSERT_EQ(got.size(), c.n);
    for (size_t i = 0; i < c.n; ++i) {
      EXPECT_EQ(order[i], i);
      EXPECT_EQ(got[i], "item" + std::to_string(i));
    }
  }
}

TEST(Pipeline, UsesSeveralThreads) {
  std::atomic<int> running{0}, most{0};
  RunOrdered<int>(
      40, 4, 8,
      [&](size_t i) {
        int now = ++running;
        int prev = most.load();
        while (now > prev && !most.compare_exchange_weak(prev, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
        --running;
        return static_cast<int>(i);
      },
      [](size_t, int&&) { return true; });
  EXPECT_GE(most.load(), 2);
}

TEST(Pipeline, NeverHoldsMoreThanTheWindow) {
  const size_t window = 3;
  std::atomic<size_t> produced{0};
  size_t consumed = 0, worst = 0;
  RunOrdered<size_t>(
      200, 4, window,
      [&](size_t i) {
        ++produced;
        return i;
      },
      [&](size_t, size_t&&) {
        ++consumed;
        // Produced but not yet consumed, this one included.
        worst = std::max(worst, produced.load() - consumed + 1);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        return true;
      });
  EXPECT_LE(worst, window + 1);
}

TEST(Pipeline, ConsumerStopsEarly) {
  std::atomic<size_t> produced{0};
  std::vector<size_t> seen;
  const size_t consumed = RunOrdered<size_t>(
      10000, 2, 8,
      [&](size_t i) {
        ++produced;
        return i;
      },
      [&](size_t i, size_t&&) {
        seen.push_back(i);
        return i < 9;  // stop after item 9
      });
  EXPECT_EQ(consumed, 10u);
  ASSERT_EQ(seen.size(), 10u);
  EXPECT_EQ(seen.back(), 9u);
  EXPECT_LT(produced.load(), 10000u);
}

TEST(Pipeline, ProducerErrorSurfacesAtItsTurn) {
  for (unsigned threads : {0u, 1u, 3u}) {
    std::vector<size_t> seen;
    EXPECT_THROW(RunOrdered<size_t>(
                     100, threads, 4,
                     [](size_t i) -> size_t {
                       if (i == 42) throw std::runtime_error("bad item");
                       return i;
                     },
                     [&](size_t i, size_t&&) {
                       seen.push_back(i);
                       return true;
                     }),
                 std::runtime_error);
    ASSERT_EQ(seen.size(), 42u) << threads << " threads";
    EXPECT_EQ(seen.back(), 41u);
  }
}

TEST(Pipeline, ConsumerErrorStopsTheWorkers) {
  EXPECT_THROW(RunOrdered<size_t>(
                   100000, 2, 4, [](size_t i) { return i; },
                   [](size_t i, size_t&&) -> bool {
                     if (i == 5) throw std::logic_error("writer failed");
                     return true;
                   }),
               std::logic_error);
}

TEST(Pipeline, DefaultThreadsIsAtLeastOne) { EXPECT_GE(DefaultWorkerThreads(), 1u); }

}  // namespace
}  // namespace lede

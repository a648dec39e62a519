// Drawn with '\r' and "erase to end of line" (ESC [ K), which every terminal
// lede-index is likely to meet understands.
#include "indexer/progress.h"

#include <cstdio>

namespace lede {
namespace {

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// Before this much time and this much work, a rate or an estimate is noise
// (the first files of a run are the slowest: caches are cold, the database
// opens).
constexpr double kSettleSeconds = 2.0;
constexpr size_t kSettleFiles = 10;

}  // namespace

std::string FormatProgress(std::string_view phase, size_t done, size_t total, size_t articles,
                           double elapsed_seconds) {
  std::string line(phase);
  line += " " + std::to_string(done) + "/" + std::to_string(total) + " files";
  if (elapsed_seconds < kSettleSeconds) return line;
  // A phase that writes nothing (checking files) has no article rate.
  if (articles > 0) {
    const double per_s = static_cast<double>(articles) / elapsed_seconds;
    char rate[48];
    std::snprintf(rate, sizeof rate, ", %.0f article%s/s", per_s, per_s < 1.5 ? "" : "s");
    line += rate;
  }
  if (done >= kSettleFiles && done < total) {
    const double left = static_cast<double>(total - done) * elapsed_seconds / static_cast<double>(done);
    if (left >= 1.0) line += ", " + Duration(left) + " left";
  }
  return line;
}

Progress::Progress(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}

void Progress::Start(std::string_view phase, size_t total) {
  if (!enabled_) return;
  phase_ = std::string(phase);
  total_ = total;
  start_ = Clock::now();
  last_draw_ = Clock::time_point{};
  Update(0, 0);
}

void Progress::Update(size_t done, size_t articles) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done < total_) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  out_ << "\r\x1b[K" << FormatProgress(phase_, done, total_, articles, elapsed) << std::flush;
  drawn_ = true;
}

void Progress::Clear() {
  if (!enabled_ || !drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace lede

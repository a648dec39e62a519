// The flag is the only thing the handler touches: async-signal-safe.
#include "indexer/stop_signal.h"

#include <csignal>

namespace lede {
namespace {

volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void OnStopSignal(int signo) { g_stop_signal = signo; }

}  // namespace

void InstallStopHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  // SA_RESTART: a read() in progress finishes instead of failing with EINTR.
  sa.sa_flags = SA_RESETHAND | SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int StopSignal() { return g_stop_signal; }

void SetStopSignalForTest(int signo) { g_stop_signal = signo; }

}  // namespace lede

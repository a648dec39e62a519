// SIGINT and SIGTERM while indexing: finish the current file, commit what is
// done, print the summary and exit non-zero, instead of dying mid-batch.
#ifndef LEDE_INDEXER_STOP_SIGNAL_H_
#define LEDE_INDEXER_STOP_SIGNAL_H_

namespace lede {

// Installs the handlers. The first signal only sets a flag; the handler is
// then reset (SA_RESETHAND), so a second Ctrl-C kills at once as usual.
void InstallStopHandlers();

// 0, or the number of the first SIGINT/SIGTERM received. Checked between files.
int StopSignal();

// For tests: behave as if signo had arrived (0 clears).
void SetStopSignalForTest(int signo);

}  // namespace lede

#endif  // LEDE_INDEXER_STOP_SIGNAL_H_

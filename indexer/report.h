// lede-index --report FILE: one JSON line per input file saying what became
// of it, so nothing is lost without a trace. Format: docs/indexing.md, "--report".
#ifndef LEDE_INDEXER_REPORT_H_
#define LEDE_INDEXER_REPORT_H_

#include <fstream>
#include <string>
#include <string_view>

namespace lede {

// Outcomes, as written in the "outcome" field.
inline constexpr std::string_view kOutcomeIndexed = "indexed";
inline constexpr std::string_view kOutcomeUnchanged = "unchanged";
inline constexpr std::string_view kOutcomeSkipped = "skipped";
inline constexpr std::string_view kOutcomeRemoved = "removed";

class ReportWriter {
 public:
  // An empty file name writes nothing. Throws InputError when the file cannot
  // be created ("-" is standard output).
  explicit ReportWriter(const std::string& file);

  // id may be empty (a path the walker could not use). Lines are flushed as
  // written, so an interrupted run leaves a report of what it did.
  void Add(std::string_view path, std::string_view id, std::string_view outcome,
           std::string_view reason);
  // Throws InputError when the report could not be written completely.
  void Close();

 private:
  std::string file_;
  bool enabled_ = false;
  bool to_stdout_ = false;
  std::ofstream out_;
};

}  // namespace lede

#endif  // LEDE_INDEXER_REPORT_H_

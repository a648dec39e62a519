// JSON lines through nlohmann::json; paths via SetPathJson so bytes survive.
#include "indexer/report.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "indexer/path_text.h"

namespace lede {

ReportWriter::ReportWriter(const std::string& file) : file_(file) {
  if (file.empty()) return;
  enabled_ = true;
  if (file == "-") {
    to_stdout_ = true;
    return;
  }
  out_.open(file, std::ios::binary | std::ios::trunc);
  if (!out_) throw InputError("cannot create report file " + file);
}

void ReportWriter::Add(std::string_view path, std::string_view id, std::string_view outcome,
                       std::string_view reason) {
  if (!enabled_) return;
  nlohmann::json j;
  SetPathJson(j, "path", path);
  if (!id.empty()) SetPathJson(j, "id", id);
  j["outcome"] = std::string(outcome);
  j["reason"] = std::string(reason);
  std::ostream& o = to_stdout_ ? std::cout : out_;
  o << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n' << std::flush;
}

void ReportWriter::Close() {
  if (!enabled_ || to_stdout_) return;
  out_.close();
  if (out_.fail()) throw InputError("cannot write report file " + file_);
}

}  // namespace lede

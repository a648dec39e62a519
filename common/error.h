// Typed errors shared by lede's binaries: each carries the exit code the CLI edge uses.
#ifndef LEDE_COMMON_ERROR_H_
#define LEDE_COMMON_ERROR_H_

#include <stdexcept>
#include <string>

namespace lede {

// Exit codes, as grep and ripgrep use them.
inline constexpr int kExitMatch = 0;
inline constexpr int kExitNoMatch = 1;
inline constexpr int kExitError = 2;

// Base of every failure lede reports. what() is one line, ready to print after
// "lede-xxx: error: ".
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, int exit_code = kExitError)
      : std::runtime_error(what), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

// Bad command-line usage (conflicting flags, bad values).
class UsageError : public Error {
 public:
  using Error::Error;
};

// An input file or input text that cannot be used.
class InputError : public Error {
 public:
  using Error::Error;
};

// The database cannot be opened, read or written (wraps Xapian::Error).
class IndexError : public Error {
 public:
  using Error::Error;
};

// The database was written with a schema or text settings this binary does not
// match; reindexing (lede-index --rebuild) is the cure.
class SchemaMismatchError : public IndexError {
 public:
  using IndexError::IndexError;
};

// A query that cannot be understood even after fallback.
class QueryError : public Error {
 public:
  using Error::Error;
};

}  // namespace lede

#endif  // LEDE_COMMON_ERROR_H_

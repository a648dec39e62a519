// The one place the writer turns Xapian's errors into lede's: in Xapian 1.4
// Xapian::Error is no std::exception, so every call that may throw one runs
// inside WithIndexErrors (or OpenWithIndexErrors) and comes out, on failure,
// as an IndexError whose one-line message names what was being done and the
// database, as notmuch wraps each of its Xapian calls.
#ifndef LEDE_INDEXER_XAPIAN_ERRORS_H_
#define LEDE_INDEXER_XAPIAN_ERRORS_H_

#include <string>
#include <type_traits>

#include <xapian.h>

namespace lede {

// Throws IndexError "cannot DOING database PATH: DESCRIPTION".
[[noreturn]] void ThrowIndexError(const Xapian::Error& e, const std::string& path,
                                  const std::string& doing);
// The same for opening path to write. A lock another writer holds is told
// apart ("database PATH is locked: another lede-index is writing to it") from
// other lock failures (an unwritable directory, a file system without
// locking), which must not be blamed on another indexer.
[[noreturn]] void ThrowOpenError(const Xapian::Error& e, const std::string& path);

// Runs fn and returns what it returns; a Xapian::Error it throws becomes
// ThrowIndexError(e, path, doing). doing is a string, or a callable giving
// one, called only on failure (messages naming an id cost nothing on the
// hot path). lede's own errors pass through unchanged.
template <typename Doing, typename Fn>
auto WithIndexErrors(const std::string& path, const Doing& doing, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    if constexpr (std::is_invocable_v<const Doing&>)
      ThrowIndexError(e, path, doing());
    else
      ThrowIndexError(e, path, doing);
  }
}

// Runs fn, which opens (or creates) the database at path, with ThrowOpenError.
template <typename Fn>
auto OpenWithIndexErrors(const std::string& path, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    ThrowOpenError(e, path);
  }
}

}  // namespace lede

#endif  // LEDE_INDEXER_XAPIAN_ERRORS_H_

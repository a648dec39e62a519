// Tests for indexer/xapian_errors: Xapian's errors come out as one-line
// IndexErrors naming the database and what was being done; a lock held by
// another writer is told apart from other lock failures.
#include "indexer/xapian_errors.h"

#include <filesystem>
#include <functional>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

#include "common/error.h"

namespace lede {
namespace {

std::string MessageOf(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const IndexError& e) {
    return e.what();
  }
  return "(nothing thrown)";
}

TEST(XapianErrors, NamesWhatWasDoneAndTheDatabase) {
  const std::string m = MessageOf([] {
    WithIndexErrors("/db", "commit to", [] { throw Xapian::DatabaseError("disk full"); });
  });
  EXPECT_EQ(m, "cannot commit to database /db: DatabaseError: disk full");
}

TEST(XapianErrors, ReturnsWhatTheCallReturns) {
  EXPECT_EQ(WithIndexErrors("/db", "read", [] { return 42; }), 42);
  int calls = 0;
  WithIndexErrors("/db", "read", [&] { ++calls; });
  EXPECT_EQ(calls, 1);
}

TEST(XapianErrors, BuildsTheMessageOnlyOnFailure) {
  int built = 0;
  auto doing = [&] {
    ++built;
    return std::string("look up a.txt in");
  };
  EXPECT_EQ(WithIndexErrors("/db", doing, [] { return std::string("ok"); }), "ok");
  EXPECT_EQ(built, 0);
  const std::string m = MessageOf([&] {
    WithIndexErrors("/db", doing, [] { throw Xapian::DocNotFoundError("no such doc"); });
  });
  EXPECT_EQ(built, 1);
  EXPECT_EQ(m, "cannot look up a.txt in database /db: DocNotFoundError: no such doc");
}

TEST(XapianErrors, LedeErrorsPassThroughUnchanged) {
  EXPECT_THROW(WithIndexErrors("/db", "read", [] { throw SchemaMismatchError("other schema"); }),
               SchemaMismatchError);
  EXPECT_THROW(OpenWithIndexErrors("/db", [] { throw InputError("bad"); }), InputError);
}

TEST(XapianErrors, OpeningTellsAnotherWritersLockApart) {
  EXPECT_EQ(MessageOf([] {
              OpenWithIndexErrors("/db", [] {
                throw Xapian::DatabaseLockError("Unable to get write lock on /db: already locked");
              });
            }),
            "database /db is locked: another lede-index is writing to it");
  EXPECT_EQ(MessageOf([] {
              OpenWithIndexErrors("/db", [] {
                throw Xapian::DatabaseLockError("Unable to get write lock", "No locks available");
              });
            }),
            "cannot lock database /db for writing: DatabaseLockError: Unable to get write lock "
            "(context: No locks available)");
  EXPECT_EQ(MessageOf([] {
              OpenWithIndexErrors("/db", [] { throw Xapian::DatabaseOpeningError("cannot open"); });
            }),
            "cannot open database /db: DatabaseOpeningError: cannot open");
}

// The real lock: a second writer on the same database.
TEST(XapianErrors, RealLockHeldByAnotherWriter) {
  char tmpl[] = "/tmp/lede-xerr-XXXXXX";
  const std::string dir = ::mkdtemp(tmpl);
  Xapian::WritableDatabase first(dir + "/db", Xapian::DB_CREATE_OR_OPEN);
  const std::string m = MessageOf([&] {
    OpenWithIndexErrors(dir + "/db", [&] {
      return Xapian::WritableDatabase(dir + "/db", Xapian::DB_CREATE_OR_OPEN);
    });
  });
  EXPECT_EQ(m, "database " + dir + "/db is locked: another lede-index is writing to it");
  first.close();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lede

// A small in-memory lede database for searcher module tests.
#ifndef LEDE_TESTS_SEARCHER_TEST_DB_H_
#define LEDE_TESTS_SEARCHER_TEST_DB_H_

#include <filesystem>
#include <optional>
#include <stdlib.h>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/index/schema.h"
#include "common/index/stem.h"

namespace lede {
namespace testing {

struct TestArticle {
  std::string id;
  std::string body;
  std::optional<Date> date;
  std::optional<std::string> source;     // stored as the agency
  std::optional<std::string> publisher = std::nullopt;  // none unless given
};

// A glass database in a fresh temporary directory, removed at exit: the
// in-memory backend has no spelling data, which ReplaceArticle writes. Its
// path goes to *path when given (to open it again, e.g. through a server).
inline Xapian::WritableDatabase TempDb(std::string* path = nullptr) {
  struct Dirs {
    std::vector<std::string> paths;
    ~Dirs() {
      std::error_code ec;
      for (const auto& p : paths) std::filesystem::remove_all(p, ec);
    }
  };
  static Dirs dirs;
  std::string tmpl = (std::filesystem::temp_directory_path() / "lede-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  dirs.paths.push_back(tmpl);
  if (path) *path = tmpl + "/db";
  return Xapian::WritableDatabase(tmpl + "/db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
}

inline Xapian::WritableDatabase MakeDb(const std::vector<TestArticle>& articles,
                                       std::string* path = nullptr) {
  Xapian::WritableDatabase db = TempDb(path);
  const Xapian::Stem stem = MakeStemmer("en");
  for (const TestArticle& t : articles) {
    schema::StoredArticle a;
    a.id = t.id;
    a.path = t.id;
    a.title = t.id;
    a.body = t.body;
    a.date = t.date;
    a.agency = t.source;
    a.publisher = t.publisher;
    schema::ReplaceArticle(db, a, stem);
  }
  return db;
}

inline std::vector<std::string> Ids(const Xapian::MSet& mset) {
  std::vector<std::string> out;
  for (auto it = mset.begin(); it != mset.end(); ++it)
    out.push_back(schema::DecodeData(it.get_document().get_data()).id);
  return out;
}

}  // namespace testing
}  // namespace lede

#endif  // LEDE_TESTS_SEARCHER_TEST_DB_H_

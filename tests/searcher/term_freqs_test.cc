// Tests for searcher/term_freqs: the same frequencies gathered at once on a
// remote shard as looked up one by one.
#include "searcher/term_freqs.h"

#include <gtest/gtest.h>

#include "tests/searcher/test_db.h"

namespace lede {
namespace {

Xapian::WritableDatabase Db(std::string* path) {
  return testing::MakeDb({{"a", "geneva talks resume", std::nullopt, std::nullopt},
                          {"b", "geneva ceasefire holds", std::nullopt, std::nullopt},
                          {"c", "aid convoy", std::nullopt, std::nullopt}},
                         path);
}

const std::vector<std::string> kTerms = {"Zgeneva", "Ztalk", "Zconvoy", "Zzeppelin"};

void ExpectFreqs(const TermFreqs& freqs) {
  EXPECT_EQ(freqs("Zgeneva"), 2u);
  EXPECT_EQ(freqs("Ztalk"), 1u);
  EXPECT_EQ(freqs("Zconvoy"), 1u);
  EXPECT_EQ(freqs("Zzeppelin"), 0u);
  EXPECT_EQ(freqs("Zaid"), 1u);  // not gathered: looked up
}

TEST(TermFreqs, LocalLooksUpEachTerm) {
  std::string path;
  auto db = Db(&path);
  TermFreqs freqs(db, false);
  freqs.Prefetch(kTerms);
  ExpectFreqs(freqs);
}

TEST(TermFreqs, RemoteGathersThemInOneMatch) {
  std::string path;
  auto db = Db(&path);
  db.commit();
  // xapian-progsrv (xapian-tools) speaks the remote protocol on stdin/out.
  const Xapian::Database remote = Xapian::Remote::open("xapian-progsrv", path);
  TermFreqs freqs(remote, true);
  freqs.Prefetch(kTerms);
  freqs.Prefetch({});  // nothing to gather
  ExpectFreqs(freqs);
  // Shards: the frequencies are the sums over both.
  Xapian::Database both(path);
  both.add_database(remote);
  TermFreqs sum(both, true);
  sum.Prefetch(kTerms);
  EXPECT_EQ(sum("Zgeneva"), 4u);
  EXPECT_EQ(sum("Zzeppelin"), 0u);
}

}  // namespace
}  // namespace lede

// Tests for indexer/part_writers: documents reach their part, spelling data is
// written once per part, a failing part stops the build with a clear error.
#include "indexer/part_writers.h"

#include <filesystem>
#include <unistd.h>

#include <gtest/gtest.h>

#include "common/error.h"

namespace lede {
namespace {
namespace fs = std::filesystem;

class PartWritersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lede-parts-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::vector<Xapian::WritableDatabase> Open(size_t n) {
    std::vector<Xapian::WritableDatabase> parts;
    for (size_t k = 0; k < n; ++k)
      parts.emplace_back((dir_ / ("p" + std::to_string(k))).string(), Xapian::DB_CREATE);
    return parts;
  }
  static Xapian::Document Doc(int i) {
    Xapian::Document d;
    d.add_boolean_term("Q" + std::to_string(i));
    d.add_posting("Zword", 1);
    d.set_data(std::to_string(i));
    return d;
  }
  fs::path dir_;
};

TEST_F(PartWritersTest, EveryDocumentReachesItsPartAndIsCommitted) {
  {
    PartWriters w(Open(3), {"p0", "p1", "p2"}, 7);
    for (int i = 0; i < 100; ++i) w.Add(static_cast<size_t>(i % 3), Doc(i), {{"geneva", 2}});
    w.Drain();
  }
  Xapian::doccount total = 0;
  for (int k = 0; k < 3; ++k) {
    Xapian::Database db((dir_ / ("p" + std::to_string(k))).string());
    for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t)
      EXPECT_EQ(std::stoi((*t).substr(1)) % 3, k);
    total += db.get_doccount();
    // Spelling counts added up per part, written at Drain.
    auto w = db.spellings_begin();
    ASSERT_NE(w, db.spellings_end());
    EXPECT_EQ(*w, "geneva");
    EXPECT_EQ(w.get_termfreq(), 2 * db.get_doccount());
  }
  EXPECT_EQ(total, 100u);
}

TEST_F(PartWritersTest, DestroyedWithQueuedWorkItStopsAndTheDatabaseOpens) {
  {
    PartWriters w(Open(2), {"p0", "p1"}, 1000);
    for (int i = 0; i < 300; ++i) w.Add(static_cast<size_t>(i % 2), Doc(i), {{"word", 1}});
  }  // queued documents are dropped; what was added is whatever Xapian keeps
  for (const char* p : {"p0", "p1"})
    EXPECT_LE(Xapian::Database((dir_ / p).string()).get_doccount(), 150u);
}

TEST_F(PartWritersTest, RotatedPartsHoldTheDocumentsInOrderAndTheWritersTheRest) {
  PartRotation rotation;
  rotation.dir = dir_.string();
  rotation.docs_per_part = 4;
  rotation.flags = Xapian::DB_CREATE;
  std::vector<std::string> chunks;
  {
    PartWriters w(Open(2), {"p0", "p1"}, 3, false, rotation);
    for (int i = 0; i < 19; ++i) w.Add(static_cast<size_t>(i % 2), Doc(i), {{"geneva", 1}});
    w.Drain();
    EXPECT_EQ(w.ChunkDocs(), 19u);
    chunks = w.Chunks();
    // A Drain closes the part being filled: the next documents start another.
    w.Add(0, Doc(100), {});
    w.Drain();
    EXPECT_EQ(w.ChunkDocs(), 20u);
    EXPECT_EQ(w.Chunks().size(), chunks.size() + 1);
  }
  // Writer 0 took 10 documents (parts of 4, 4, 2), writer 1 took 9 (4, 4, 1),
  // listed writer after writer, each in the order it wrote them.
  ASSERT_EQ(chunks.size(), 6u);
  const std::vector<std::vector<int>> want = {{0, 2, 4, 6}, {8, 10, 12, 14}, {16, 18},
                                              {1, 3, 5, 7}, {9, 11, 13, 15}, {17}};
  for (size_t c = 0; c < chunks.size(); ++c) {
    Xapian::Database db(chunks[c]);
    std::vector<int> got;
    for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d)
      got.push_back(std::stoi(db.get_document(d).get_data()));
    EXPECT_EQ(got, want[c]) << chunks[c];
  }
  // The writers' own databases keep no documents, only the spelling data.
  for (const char* p : {"p0", "p1"}) {
    Xapian::Database db((dir_ / p).string());
    EXPECT_EQ(db.get_doccount(), 0u);
    ASSERT_NE(db.spellings_begin(), db.spellings_end());
  }
}

TEST_F(PartWritersTest, ALargeVocabularyIsWrittenAsItGrowsWithTheSameCounts) {
  // More distinct words than a writer gathers before writing them: they are
  // committed while documents still come, in several commits, and the counts
  // add up as if written at once.
  std::vector<std::pair<std::string, unsigned>> many, more;
  for (int i = 0; i < 25000; ++i) many.emplace_back("word" + std::to_string(i), 1);
  more = many;
  for (auto& [w, n] : more) n = 2;
  more.emplace_back("geneva", 5);
  PartRotation rotation;
  rotation.dir = dir_.string();
  rotation.docs_per_part = 1000;
  rotation.flags = Xapian::DB_CREATE;
  rotation.spelling_words = 20000;
  PartWriters w(Open(1), {"p0"}, 100, false, rotation);
  w.Add(0, Doc(0), many);
  const std::string p0 = (dir_ / "p0").string();
  bool written_early = false;
  // Polled, not timed: the writer thread may be slow on a loaded machine.
  for (int tries = 0; tries < 6000 && !written_early; ++tries) {
    Xapian::Database db(p0);
    auto word = db.spellings_begin();
    word.skip_to("word24999");
    written_early = word != db.spellings_end() && *word == "word24999";
    if (!written_early) ::usleep(10000);
  }
  EXPECT_TRUE(written_early) << "the first document's 25,000 words wait for Drain";
  w.Add(0, Doc(1), more);
  w.Drain();
  Xapian::Database db(p0);
  size_t words = 0;
  for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s, ++words)
    EXPECT_EQ(s.get_termfreq(), *s == "geneva" ? 5u : 3u) << *s;
  EXPECT_EQ(words, 25001u);
}

TEST_F(PartWritersTest, AFailingPartIsReportedWithItsName) {
  std::vector<Xapian::WritableDatabase> parts = Open(2);
  parts[1].close();  // every write to it now fails
  PartWriters w(std::move(parts), {"db (p0)", "db (p1)"}, 5);
  bool threw = false;
  try {
    for (int i = 0; i < 1000; ++i) w.Add(static_cast<size_t>(i % 2), Doc(i), {});
    w.Drain();
  } catch (const IndexError& e) {
    threw = true;
    EXPECT_NE(std::string(e.what()).find("db (p1)"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(threw);
}

}  // namespace
}  // namespace lede

// Tests for common/schema on an in-memory database.
#include "common/schema.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "common/stem.h"

namespace lede {
namespace {

schema::StoredArticle Sample() {
  schema::StoredArticle a;
  a.id = "dir/001.txt";
  a.path = "corpus/dir/001.txt";
  a.title = "Lavrov meets Kerry";
  a.date = Date{1963, 11, 22, DatePrecision::kDay};
  a.source = "Xinhua";
  a.language = "en";
  a.body = "Talks on the Geneva communiqué.\n\nSecond paragraph.";
  return a;
}

TEST(Schema, DataRoundTrips) {
  schema::StoredArticle a = Sample();
  schema::StoredArticle b = schema::DecodeData(schema::EncodeData(a));
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.path, a.path);
  EXPECT_EQ(b.title, a.title);
  ASSERT_TRUE(b.date.has_value());
  EXPECT_EQ(*b.date, *a.date);
  EXPECT_EQ(b.source, a.source);
  EXPECT_EQ(b.body, a.body);
}

TEST(Schema, ForeignDataIsAnIndexError) {
  EXPECT_THROW(schema::DecodeData("not json"), IndexError);
  EXPECT_THROW(schema::DecodeData("{}"), IndexError);
}

TEST(Schema, DocumentCarriesTermsValuesAndFacets) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(schema::BuildDocument(Sample(), MakeStemmer("en")));
  EXPECT_TRUE(db.term_exists("Qdir/001.txt"));
  EXPECT_TRUE(db.term_exists("Zcommuniqu"));  // english stem of "communique"
  EXPECT_TRUE(db.term_exists("ZSlavrov"));    // title prefix
  EXPECT_TRUE(db.term_exists("Zlavrov"));     // title words are searchable unprefixed
  EXPECT_TRUE(db.term_exists("XSOURCExinhua"));
  EXPECT_TRUE(db.term_exists("D19631122"));
  EXPECT_TRUE(db.term_exists("M196311"));
  EXPECT_TRUE(db.term_exists("Y1963"));
  Xapian::Document doc = db.get_document(1);
  // Dates before 1970 sort before later ones.
  EXPECT_LT(Xapian::sortable_unserialise(doc.get_value(schema::kSlotDate)), 0.0);
  EXPECT_EQ(doc.get_value(schema::kSlotSource), "Xinhua");
  EXPECT_EQ(doc.get_value(schema::kSlotMonth), "1963-11");
}

TEST(Schema, LongIdsAreHashedUnderXapianTermLimit) {
  std::string id(400, 'x');
  std::string term = schema::IdTerm(id);
  EXPECT_LE(term.size(), 245u);
  EXPECT_NE(term, schema::IdTerm(std::string(399, 'x') + "y"));
}

TEST(Schema, MetadataMismatchIsRefused) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  schema::CheckMetadata(db, "mem");  // empty database passes
  db.add_document(schema::BuildDocument(Sample(), MakeStemmer("en")));
  db.set_metadata(schema::kMetaSchemaVersion, "0");
  EXPECT_THROW(schema::CheckMetadata(db, "mem"), SchemaMismatchError);
  schema::StampMetadata(db);
  schema::CheckMetadata(db, "mem");
  db.set_metadata(schema::kMetaTextSettings, "stemmer=german");
  EXPECT_THROW(schema::CheckMetadata(db, "mem"), SchemaMismatchError);
}

}  // namespace
}  // namespace lede

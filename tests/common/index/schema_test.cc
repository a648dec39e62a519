// Tests for common/schema on an in-memory database.
#include "common/index/schema.h"

#include <gtest/gtest.h>

#include <map>

#include "common/error.h"
#include "common/index/stem.h"

namespace lede {
namespace {

schema::StoredArticle Sample() {
  schema::StoredArticle a;
  a.id = "dir/001.txt";
  a.path = "corpus/dir/001.txt";
  a.title = "Lavrov meets Kerry";
  a.date = Date{1963, 11, 22, DatePrecision::kDay};
  a.publisher = "People's Daily";
  a.agency = "Xinhua";
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
  EXPECT_EQ(b.publisher, a.publisher);
  EXPECT_EQ(b.agency, a.agency);
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
  // source: matches either name; publisher: and agency: one each.
  EXPECT_TRUE(db.term_exists("XSOURCExinhua"));
  EXPECT_TRUE(db.term_exists("XSOURCEpeople's_daily"));
  EXPECT_TRUE(db.term_exists("XAGENCYxinhua"));
  EXPECT_TRUE(db.term_exists("XPUBLISHERpeople's_daily"));
  EXPECT_FALSE(db.term_exists("XPUBLISHERxinhua"));
  EXPECT_TRUE(db.term_exists("D19631122"));
  EXPECT_TRUE(db.term_exists("M196311"));
  EXPECT_TRUE(db.term_exists("Y1963"));
  Xapian::Document doc = db.get_document(1);
  // Dates before 1970 sort before later ones.
  EXPECT_LT(Xapian::sortable_unserialise(doc.get_value(schema::kSlotDate)), 0.0);
  EXPECT_EQ(doc.get_value(schema::kSlotSource), "Xinhua");  // the agency first
  EXPECT_EQ(doc.get_value(schema::kSlotPublisher), "People's Daily");
  EXPECT_EQ(doc.get_value(schema::kSlotAgency), "Xinhua");
  EXPECT_EQ(doc.get_value(schema::kSlotMonth), "1963-11");
}

// Every term with its wdf and positions, and every value, as text.
std::string Describe(const Xapian::Document& doc) {
  std::string s = doc.get_data() + "\n";
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    s += *t + ":" + std::to_string(t.get_wdf()) + "@";
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
      s += std::to_string(*p) + ",";
    s += " ";
  }
  for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
    s += "\n" + std::to_string(v.get_valueno()) + "=" + *v;
  return s;
}

TEST(Schema, PreparedArticleIsTheBuiltDocumentWithItsSpellingWords) {
  schema::StoredArticle a = Sample();
  a.title = "Lavrov and Kerry meet in Geneva";
  a.body = "The Geneva communique, signed in 2012, calls for a transitional government. "
           "Lavrov said the communique stands; Kerry said Geneva talks would resume, and "
           "the U.N. envoy agreed that the communique was the basis.";
  const Xapian::Stem stem = MakeStemmer("en");
  schema::PreparedArticle p = schema::PrepareArticle(a, stem);
  EXPECT_EQ(Describe(p.doc), Describe(schema::BuildDocument(a, stem)));
  EXPECT_EQ(p.signature, ComputeMinHash(a.body));
  std::map<std::string, unsigned> expected, got;
  for (const auto& [w, n] : schema::SpellingWords(a.title)) expected[w] += n;
  for (const auto& [w, n] : schema::SpellingWords(a.body)) expected[w] += n;
  for (const auto& [w, n] : p.spelling) got[w] += n;
  EXPECT_EQ(got, expected);
  EXPECT_EQ(got["communique"], 3u);
  EXPECT_EQ(p.article.id, a.id);
  // The cluster, once set, is a value, a term and the stored field.
  schema::SetCluster(&p, "00000000000000ab");
  EXPECT_EQ(p.doc.get_value(schema::kSlotCluster), "00000000000000ab");
  EXPECT_EQ(p.article.cluster, "00000000000000ab");
  a.cluster = "00000000000000ab";
  EXPECT_EQ(Describe(p.doc), Describe(schema::BuildDocument(a, stem)));
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

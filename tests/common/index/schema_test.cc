// Tests for common/schema on an in-memory database.
#include "common/index/schema.h"

#include <gtest/gtest.h>

#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

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

TEST(Schema, BrokenDataIsAnIndexErrorOfOneLine) {
  const std::string good = schema::EncodeData(Sample());
  const std::string bad[] = {
      "",
      good.substr(0, good.size() - 1),  // no closing brace
      good.substr(0, good.size() / 2),  // cut inside the body
      good + "x",                       // garbage after the object
      good + "{}",                      // two objects
      "[\"id\", \"x\"]",
      "\"id\"",
      "{\"id\": 7}",
      "{\"id\": \"x\", \"title\": null}",
      "{\"id\": \"x\", \"body\": [\"a\"]}",
      "{\"id\": \"x\", \"date\": \"2020-01-02\", \"date_precision\": 1}",
      "{\"id\": \"x\", \"extra\": tru}",      // an ignored field is still parsed
      "{\"id\": \"x\\q\"}",                   // bad escape
      "{\"id\": \"\xff\xfe\"}",               // not UTF-8
      std::string("{\"id\": \"a\0b\"}", 14),  // raw control character
  };
  for (const std::string& data : bad) {
    try {
      schema::DecodeData(data);
      ADD_FAILURE() << "decoded: " << data;
    } catch (const IndexError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("document data not written by this lede schema"), std::string::npos)
          << what;
      EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
  }
}

TEST(Schema, DecodesWhatEveryEarlierWriterWrote) {
  // Fields in any order, unknown fields skipped, escapes undone, the last of
  // a repeated key kept, the path defaulting to the id, and a date
  // precision read only with a date.
  const schema::StoredArticle a = schema::DecodeData(
      "{\"body\":\"caf\\u00e9\\n\\\"q\\\" \\ud83d\\ude00 \\t\",\"v\":3,\"id\":\"first\","
      "\"extra\":{\"a\":[1,2.5,null,true]},\"id\":\"x/1\",\"date_precision\":7,"
      "\"title\":\"T\",\"language\":\"fr\"}");
  EXPECT_EQ(a.id, "x/1");
  EXPECT_EQ(a.path, "x/1");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.body, "caf\xC3\xA9\n\"q\" \xF0\x9F\x98\x80 \t");
  EXPECT_FALSE(a.date.has_value());
  EXPECT_FALSE(a.url.has_value());
  EXPECT_FALSE(a.publisher.has_value());
  EXPECT_FALSE(a.agency.has_value());

  const schema::StoredArticle m = schema::DecodeData(
      "{\"id\":\"y\",\"path\":\"p\",\"url\":\"u\",\"date\":\"2001-02-00\","
      "\"date_precision\":\"month\",\"publisher\":\"\",\"agency\":\"A\"}");
  EXPECT_EQ(m.path, "p");
  EXPECT_EQ(m.url, "u");
  ASSERT_TRUE(m.date.has_value());
  EXPECT_EQ(m.date->year, 2001);
  EXPECT_EQ(m.date->month, 2);
  EXPECT_EQ(m.date->precision, DatePrecision::kMonth);
  EXPECT_EQ(m.publisher, "");
  EXPECT_EQ(m.agency, "A");
  EXPECT_EQ(m.body, "");
  // A repeated key's last value counts, whatever the first one was.
  EXPECT_EQ(schema::DecodeData("{\"id\":\"y\",\"url\":5,\"url\":\"u2\"}").url, "u2");
  // A date that is no date is dropped, its precision unread.
  EXPECT_FALSE(
      schema::DecodeData("{\"id\":\"z\",\"date\":\"soon\",\"date_precision\":1}").date.has_value());
}

TEST(Schema, DecodesLargeAndRepeatedDataAlike) {
  // Past the size the reused parser keeps, and then small again.
  schema::StoredArticle big = Sample();
  big.body = std::string(3 << 20, 'w') + " \xE2\x80\x9Cquoted\xE2\x80\x9D \x01";
  for (const schema::StoredArticle& a : {Sample(), big, Sample(), big}) {
    const schema::StoredArticle b = schema::DecodeData(schema::EncodeData(a));
    EXPECT_EQ(b.body, a.body);
    EXPECT_EQ(b.id, a.id);
  }
}

TEST(Schema, InvalidUtf8IsStoredReplaced) {
  schema::StoredArticle a = Sample();
  a.title = "bad \xFF byte";
  EXPECT_EQ(schema::DecodeData(schema::EncodeData(a)).title, "bad \xEF\xBF\xBD byte");
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

TEST(FieldTable, RowsInFieldIdOrderWithUniqueNames) {
  std::set<std::string_view> names;
  for (size_t i = 0; i < std::size(schema::kFields); ++i) {
    const schema::Field& f = schema::kFields[i];
    EXPECT_EQ(static_cast<size_t>(f.id), i) << f.name;
    EXPECT_EQ(&schema::FieldOf(f.id), &f);
    EXPECT_TRUE(names.insert(f.name).second) << "two fields named " << f.name;
    EXPECT_EQ(schema::FieldNamed(f.name), &f);
    for (char c : f.name) EXPECT_TRUE(c >= 'a' && c <= 'z') << f.name;  // NAME: in queries
  }
  EXPECT_EQ(schema::FieldNamed("nosuchfield"), nullptr);
  EXPECT_EQ(schema::FieldNamed("title")->id, schema::FieldId::kTitle);
}

TEST(FieldTable, PrefixesAreUnambiguousXapianPrefixes) {
  std::vector<std::string_view> boolean, free_text;
  for (const schema::Field& f : schema::kFields) {
    // Xapian's convention: a prefix is capitals, so a term's prefix ends
    // where its lower-case value starts.
    for (char c : f.prefix) EXPECT_TRUE(c >= 'A' && c <= 'Z') << f.name;
    (f.kind == schema::FieldKind::kBoolean ? boolean : free_text).push_back(f.prefix);
  }
  // A boolean value may start with a capital (ids, files, roots), so no
  // boolean prefix may be the start of another: "XSTEM" + "OURCExinhua"
  // would read as a source term.
  for (size_t i = 0; i < boolean.size(); ++i) {
    const std::string_view a = boolean[i];
    EXPECT_FALSE(a.empty());
    for (size_t j = 0; j < boolean.size(); ++j) {
      if (i == j) continue;
      EXPECT_NE(boolean[j].substr(0, a.size()), a) << a << " starts " << boolean[j];
    }
    // Stemmed terms of every free-text field start with the stem marker.
    EXPECT_NE(schema::StemmedTerm(schema::FieldId::kWords, "").substr(0, 1), a.substr(0, 1)) << a;
  }
  // Under the stem marker: the words' field has no prefix (stems are lower
  // case), every other field's prefix is distinct.
  std::set<std::string_view> distinct(free_text.begin(), free_text.end());
  EXPECT_EQ(distinct.size(), free_text.size());
  EXPECT_EQ(schema::FieldOf(schema::FieldId::kWords).prefix, "");
}

TEST(FieldTable, SlotsAndFacets) {
  std::set<Xapian::valueno> slots;
  for (const schema::Field& f : schema::kFields) {
    if (f.facet != schema::Facet::kNone) {
      EXPECT_NE(f.slot, schema::kNoSlot) << f.name;
    }
    if (f.slot != schema::kNoSlot) {
      EXPECT_TRUE(slots.insert(f.slot).second) << f.name;
    }
    // A free-text field is searched by its words, not filtered or counted.
    if (f.kind == schema::FieldKind::kFreeText) {
      EXPECT_EQ(f.slot, schema::kNoSlot) << f.name;
      EXPECT_EQ(f.facet, schema::Facet::kNone) << f.name;
    }
  }
  EXPECT_EQ(schema::FieldOf(schema::FieldId::kSource).slot, schema::kSlotSource);
  EXPECT_EQ(schema::FieldOf(schema::FieldId::kCluster).slot, schema::kSlotCluster);
}

TEST(FieldTable, DocumentHoldsEachFieldsTermAndSlot) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  schema::StoredArticle a = Sample();
  a.root = "/data/corpus";
  a.file = "dir/001.txt";
  a.cluster = "00000000000000ab";
  db.add_document(schema::BuildDocument(a, MakeStemmer("en")));
  const Xapian::Document doc = db.get_document(1);
  for (const schema::Field& f : schema::kFields) {
    const std::string prefix = f.kind == schema::FieldKind::kFreeText
                                   ? schema::StemmedTerm(f.id, "")
                                   : std::string(f.prefix);
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(prefix);
    EXPECT_TRUE(t != doc.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0) << f.name;
    if (f.slot != schema::kNoSlot) {
      EXPECT_FALSE(doc.get_value(f.slot).empty()) << f.name;
    }
  }
  EXPECT_TRUE(db.term_exists(schema::Term(schema::FieldId::kLanguage, "en")));
  EXPECT_TRUE(db.term_exists(schema::Term(schema::FieldId::kStemmer, "english")));
  EXPECT_TRUE(db.term_exists(schema::Term(schema::FieldId::kRoot, "/data/corpus")));
  EXPECT_TRUE(db.term_exists(schema::ClusterTerm("00000000000000ab")));
  EXPECT_EQ(doc.get_value(schema::kSlotLanguage), "en");
  EXPECT_EQ(doc.get_value(schema::kSlotYear), "1963");
}

TEST(FieldTable, LongBooleanValuesAreHashedLikeIds) {
  const std::string name(300, 'a');
  const std::string term = schema::Term(schema::FieldId::kSource, name);
  EXPECT_LE(term.size(), 245u);
  EXPECT_EQ(term.substr(0, 7), "XSOURCE");
  EXPECT_NE(term, schema::Term(schema::FieldId::kSource, name + "b"));
  EXPECT_EQ(schema::Term(schema::FieldId::kId, name), schema::IdTerm(name));
}

TEST(FieldTable, TermValuesListAFieldsValuesInDb) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::Stem stem = MakeStemmer("en");
  schema::StoredArticle a = Sample();
  db.add_document(schema::BuildDocument(a, stem));
  a.id = "dir/002.txt";
  a.language = "de";
  db.add_document(schema::BuildDocument(a, stem));
  EXPECT_EQ(schema::TermValues(db, schema::FieldId::kStemmer),
            (std::vector<std::string>{"english", "german"}));
  EXPECT_EQ(schema::TermValues(db, schema::FieldId::kLanguage),
            (std::vector<std::string>{"de", "en"}));
  EXPECT_TRUE(schema::TermValues(db, schema::FieldId::kFile).empty());
}

TEST(StemmedTerms, SplitByField) {
  struct Case {
    const char* term;
    std::optional<schema::FieldId> field;
    const char* stem;
  } cases[] = {
      {"Zlavrov", schema::FieldId::kWords, "lavrov"},
      {"ZSlavrov", schema::FieldId::kTitle, "lavrov"},
      {"Z2012", schema::FieldId::kWords, "2012"},
      {"Z\xd0\xbc\xd0\xb8\xd1\x80", schema::FieldId::kWords, "\xd0\xbc\xd0\xb8\xd1\x80"},
      {"Z", std::nullopt, ""},
      {"ZS", std::nullopt, ""},
      {"ZQfoo", std::nullopt, ""},  // no free-text field has prefix Q
      {"XSOURCExinhua", std::nullopt, ""},
      {"Qdir/001.txt", std::nullopt, ""},
      {"lavrov", std::nullopt, ""},
  };
  for (const Case& c : cases) {
    const auto parts = schema::SplitStemmedTerm(c.term);
    ASSERT_EQ(parts.has_value(), c.field.has_value()) << c.term;
    if (!parts) continue;
    EXPECT_EQ(parts->field, *c.field) << c.term;
    EXPECT_EQ(parts->stem, c.stem) << c.term;
    EXPECT_EQ(schema::StemmedTerm(parts->field, parts->stem), c.term);
  }
}

TEST(StemmedTerms, WordAndTitleForms) {
  EXPECT_TRUE(schema::IsWordTerm("Zlavrov"));
  EXPECT_FALSE(schema::IsWordTerm("ZSlavrov"));
  EXPECT_FALSE(schema::IsWordTerm("Z"));
  EXPECT_FALSE(schema::IsWordTerm("XSOURCExinhua"));
  EXPECT_EQ(schema::WordTermOf("ZSlavrov"), "Zlavrov");
  EXPECT_EQ(schema::WordTermOf("Zlavrov"), "Zlavrov");
  EXPECT_EQ(schema::WordTermOf("Y2012"), std::nullopt);
  EXPECT_EQ(schema::TitleTermOf("Zlavrov"), "ZSlavrov");
  EXPECT_EQ(schema::TitleTermOf("ZSlavrov"), std::nullopt);
  const Xapian::Stem stem = MakeStemmer("en");
  EXPECT_EQ(schema::StemTerm(stem, "negotiations"), "Znegoti");
  EXPECT_EQ(schema::StemTerm(stem, "negotiations", schema::FieldId::kTitle), "ZSnegoti");
}

TEST(IdTerms, IdOfTerm) {
  EXPECT_EQ(schema::IdOfTerm(schema::IdTerm("corpus/a.txt")), "corpus/a.txt");
  EXPECT_EQ(schema::IdOfTerm(schema::IdTerm("Corpus/A.txt")), "Corpus/A.txt");
  EXPECT_EQ(schema::IdOfTerm("XSOURCExinhua"), std::nullopt);
  EXPECT_EQ(schema::IdOfTerm("Q"), std::nullopt);
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

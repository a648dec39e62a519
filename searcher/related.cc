// ESet-based "more like this".
#include "searcher/related.h"

#include <vector>

#include "common/error.h"
#include "common/index/schema.h"

namespace lede {
namespace {

// Only body stems: title stems ("ZS") duplicate them, and boolean terms
// (ids, sources, dates, bands) say nothing about the subject. A stem no other
// article has cannot find another article, yet with one relevant document
// the ESet ranks exactly those first; skip them.
class SharedStems : public Xapian::ExpandDecider {
 public:
  explicit SharedStems(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    return schema::IsWordTerm(term) && db_.get_termfreq(term) >= 2;
  }

 private:
  const Xapian::Database& db_;
};

Xapian::docid DocidOf(const Xapian::Database& db, const std::string& term) {
  Xapian::PostingIterator p = db.postlist_begin(term);
  return p == db.postlist_end(term) ? 0 : *p;
}

}  // namespace

std::string ResolveArticleId(const Xapian::Database& db, const std::string& id) {
  for (const std::string& candidate : {id, id + ".txt"}) {
    if (!candidate.empty() && db.term_exists(schema::IdTerm(candidate))) return candidate;
  }
  throw QueryError("no article with id '" + id +
                   "' in the database (ids are shown in results, e.g. --like "
                   "000_6ff154a62b2e8375.txt)");
}

ParsedQuery RelatedQuery(const Xapian::Database& db, const std::string& id, bool exclude_copies) {
  const std::string id_term = schema::IdTerm(id);
  const Xapian::docid docid = DocidOf(db, id_term);
  if (!docid) throw QueryError("no article with id '" + id + "' in the database");
  Xapian::RSet rset;
  rset.add_document(docid);
  Xapian::Enquire enquire(db);
  SharedStems decider(db);
  Xapian::ESet eset = enquire.get_eset(kRelatedTerms, rset, &decider);
  ParsedQuery pq;
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight());
    pq.highlight_terms.insert(*it);
  }
  if (terms.empty())
    throw QueryError("article '" + id + "' has no words to find similar articles with");
  Xapian::Query exclude(id_term);
  if (exclude_copies) {
    const std::string cluster = db.get_document(docid).get_value(schema::kSlotCluster);
    if (!cluster.empty())
      exclude =
          Xapian::Query(Xapian::Query::OP_OR, exclude, Xapian::Query(schema::ClusterTerm(cluster)));
  }
  pq.query =
      Xapian::Query(Xapian::Query::OP_AND_NOT,
                    Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), exclude);
  return pq;
}

}  // namespace lede

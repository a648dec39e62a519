// Collapse key and the per-result copy lists.
#include "searcher/copies.h"

#include <algorithm>

#include "common/index/schema.h"

namespace lede {

void CollapseCopies(Xapian::Enquire& enquire) { enquire.set_collapse_key(schema::kSlotCluster); }

std::vector<CopyInfo> MatchingCopies(const Xapian::Database& db, const Xapian::Query& query,
                                     const std::string& cluster) {
  std::vector<CopyInfo> out;
  if (cluster.empty()) return out;
  const std::string cluster_term = schema::ClusterTerm(cluster);
  // Most stories have a single article: one frequency look-up instead of a
  // match of the whole (feedback-expanded) query.
  if (db.get_termfreq(cluster_term) < 2) return out;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(cluster_term)));
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  if (mset.size() < 2) return out;  // the story has no other matching copy
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    schema::StoredArticle a = schema::DecodeData(doc.get_data());
    out.push_back({std::move(a.id), std::move(a.path), doc.get_value(schema::kSlotSource)});
  }
  return out;
}

std::vector<std::string> CopySources(const std::vector<CopyInfo>& copies) {
  std::vector<std::string> out;
  for (const CopyInfo& c : copies)
    if (!c.source.empty() && std::find(out.begin(), out.end(), c.source) == out.end())
      out.push_back(c.source);
  return out;
}

}  // namespace lede

// Collapse key and the per-result copy lists.
#include "searcher/copies.h"

#include <algorithm>

#include "common/index/schema.h"

namespace lede {

void CollapseCopies(Xapian::Enquire& enquire) { enquire.set_collapse_key(schema::kSlotCluster); }

std::vector<CopyInfo> MatchingCopies(const Xapian::Database& db, const Xapian::Query& query,
                                     const std::string& cluster, const TermFreqs* story_sizes) {
  std::vector<CopyInfo> out;
  if (cluster.empty()) return out;
  const std::string cluster_term = schema::ClusterTerm(cluster);
  // Most stories have a single article: one frequency look-up instead of a
  // match of the whole (feedback-expanded) query.
  const Xapian::doccount size =
      story_sizes ? (*story_sizes)(cluster_term) : db.get_termfreq(cluster_term);
  if (size < 2) return out;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(cluster_term)));
  // Identical copies score alike: the article id, not the docid (which
  // depends on how the database was built), orders them.
  enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  if (mset.size() < 2) return out;  // the story has no other matching copy
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    schema::StoredArticle a = schema::DecodeData(doc.get_data());
    out.push_back({std::move(a.id), std::move(a.path), doc.get_value(schema::kSlotSource),
                   it.get_weight(), doc.get_value(schema::kSlotDate), *it});
  }
  return out;
}

const CopyInfo* ShownCopy(const std::vector<CopyInfo>& copies, const std::string& shown_id) {
  const auto shown = std::find_if(copies.begin(), copies.end(),
                                  [&](const CopyInfo& c) { return c.id == shown_id; });
  if (shown == copies.end()) return nullptr;
  const CopyInfo* best = &*shown;
  for (const CopyInfo& c : copies)
    if (c.date_key == shown->date_key && c.weight == shown->weight && c.id < best->id) best = &c;
  return best;
}

void StorySizes(const std::vector<std::string>& clusters, TermFreqs* sizes) {
  std::vector<std::string> terms;
  for (const std::string& c : clusters)
    if (!c.empty()) terms.push_back(schema::ClusterTerm(c));
  sizes->Prefetch(terms);
}

std::vector<std::string> CopySources(const std::vector<CopyInfo>& copies) {
  std::vector<std::string> out;
  for (const CopyInfo& c : copies)
    if (!c.source.empty() && std::find(out.begin(), out.end(), c.source) == out.end())
      out.push_back(c.source);
  return out;
}

}  // namespace lede

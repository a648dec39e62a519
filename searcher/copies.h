// Near-duplicate collapsing: one result per story (schema::kSlotCluster as
// Xapian's collapse key), and, for each result shown, which matching copies
// it stands for.
#ifndef LEDE_SEARCHER_COPIES_H_
#define LEDE_SEARCHER_COPIES_H_

#include <string>
#include <vector>

#include <xapian.h>

namespace lede {

struct CopyInfo {
  std::string id;
  std::string path;    // as stored (absolute for databases indexed now)
  std::string source;  // "" when unknown
};

// Collapses enquire's results on the cluster id (one per story).
void CollapseCopies(Xapian::Enquire& enquire);

// Every article of cluster that matches query (the filtered query the
// results came from), the shown one included, best first. Empty when no other
// copy matches, or cluster is empty (an index without cluster ids).
std::vector<CopyInfo> MatchingCopies(const Xapian::Database& db, const Xapian::Query& query,
                                     const std::string& cluster);

// The distinct sources of copies, in order of first appearance.
std::vector<std::string> CopySources(const std::vector<CopyInfo>& copies);

}  // namespace lede

#endif  // LEDE_SEARCHER_COPIES_H_

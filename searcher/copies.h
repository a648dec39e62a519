// Near-duplicate collapsing: one result per story (schema::kSlotCluster as
// Xapian's collapse key), and, for each result shown, which matching copies
// it stands for.
#ifndef LEDE_SEARCHER_COPIES_H_
#define LEDE_SEARCHER_COPIES_H_

#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/term_freqs.h"

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
// story_sizes, when given, gives the number of copies of a story (the
// frequency of its cluster term; see StorySizes).
std::vector<CopyInfo> MatchingCopies(const Xapian::Database& db, const Xapian::Query& query,
                                     const std::string& cluster,
                                     const TermFreqs* story_sizes = nullptr);

// Gathers the sizes of the stories of clusters into sizes at once (on a
// remote shard, one round trip for a page instead of one per result).
void StorySizes(const std::vector<std::string>& clusters, TermFreqs* sizes);

// The distinct sources of copies, in order of first appearance.
std::vector<std::string> CopySources(const std::vector<CopyInfo>& copies);

}  // namespace lede

#endif  // LEDE_SEARCHER_COPIES_H_

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
  // For picking the copy shown (ShownCopy): its score in the copies'
  // match, its date key (schema::kSlotDate) and docid.
  double weight = 0;
  std::string date_key = {};
  Xapian::docid docid = 0;
};

// Collapses enquire's results on the cluster id (one per story).
void CollapseCopies(Xapian::Enquire& enquire);

// Every article of cluster that matches query (the filtered query the
// results came from), the shown one included, best first. Empty when no other
// copy matches, or cluster is empty (an index without cluster ids). Equal
// scores are ordered by article id.
// story_sizes, when given, gives the number of copies of a story (the
// frequency of its cluster term; see StorySizes).
std::vector<CopyInfo> MatchingCopies(const Xapian::Database& db, const Xapian::Query& query,
                                     const std::string& cluster,
                                     const TermFreqs* story_sizes = nullptr);

// The copy a date order shows for a story: of the copies equal to the one
// Xapian placed (shown_id) in date and score, the first by article id.
// Xapian picks the first by docid, which depends on how the database was
// built. Null when copies does not hold shown_id.
const CopyInfo* ShownCopy(const std::vector<CopyInfo>& copies, const std::string& shown_id);

// Gathers the sizes of the stories of clusters into sizes at once (on a
// remote shard, one round trip for a page instead of one per result).
void StorySizes(const std::vector<std::string>& clusters, TermFreqs* sizes);

// The distinct sources of copies, in order of first appearance.
std::vector<std::string> CopySources(const std::vector<CopyInfo>& copies);

}  // namespace lede

#endif  // LEDE_SEARCHER_COPIES_H_

// Which path lede-index takes without --rebuild: a database with nothing to
// keep is built like a rebuild (parallel parts written aside, merged, swapped
// in), which is several times faster than adding articles one commit at a
// time; anything else is updated in place.
#ifndef LEDE_INDEXER_BULK_PATH_H_
#define LEDE_INDEXER_BULK_PATH_H_

#include <string>

namespace lede {

// True when path holds nothing an update would keep (it does not exist, is
// an empty directory, or is a single, unsharded Xapian database without
// documents) and the directory it is in is writable: the bulk path builds
// beside it. False for anything else, including what cannot be opened (the
// update path then reports it) and a sharded database, which keeps its own
// layout.
bool TakesBulkPath(const std::string& path);

}  // namespace lede

#endif  // LEDE_INDEXER_BULK_PATH_H_

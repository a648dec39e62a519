// A sharded lede database: a directory holding shard-0 ... shard-N-1 and a
// Xapian stub file XAPIANDB that lists them, so that Xapian::Database(dir)
// opens every shard as one database (one ranking, facets, collapse). Shards
// served by xapian-tcpsrv on other hosts are listed as "remote HOST:PORT"
// lines. Which shard an article lives in is a stable hash of its id. Pure
// except WriteStub/ReadStub, which touch only the stub file.
#ifndef LEDE_COMMON_INDEX_SHARD_LAYOUT_H_
#define LEDE_COMMON_INDEX_SHARD_LAYOUT_H_

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace lede {

inline constexpr const char* kStubFileName = "XAPIANDB";
inline constexpr unsigned kMaxShards = 256;

// The shard (0..shards-1) of an article id: FNV-1a 64 of the id, modulo the
// shard count. Stable across runs, machines and lede versions; shards == 0
// or 1 gives 0.
unsigned ShardOf(std::string_view id, unsigned shards);

// Where a document sits in a sharded database. Xapian numbers the documents
// of a database opened from N shards by interleaving them: document `local`
// of shard k is docid (local - 1) * N + k + 1 of the whole, so a docid read
// from the whole says which shard holds it and where.
struct ShardDocid {
  unsigned shard = 0;
  Xapian::docid local = 0;  // the docid within the shard (from 1)
};
// The shard and local docid of a docid of the whole (docid > 0, shards >= 1).
ShardDocid SplitDocid(Xapian::docid docid, unsigned shards);
// The docid of the whole of a document in a shard (at.local > 0).
Xapian::docid JoinDocid(ShardDocid at, unsigned shards);

// Places the documents an update writes into an existing sharded database:
// a replaced document stays where it is, a new one goes to the shard its id
// picks (ShardOf), after that shard's last document. Knows nothing of Xapian
// but the docids it is given.
class ShardPlacer {
 public:
  // last_docids[k]: shard k's last docid (0 for an empty shard), one entry
  // per shard; none is one empty shard.
  explicit ShardPlacer(const std::vector<Xapian::docid>& last_docids = {});
  // replaces: the docid of the whole of the document id replaces, 0 for a
  // new one (which takes its shard's next docid).
  ShardDocid Place(std::string_view id, Xapian::docid replaces);
  unsigned shards() const { return static_cast<unsigned>(next_.size()); }

 private:
  std::vector<Xapian::docid> next_;  // each shard's next local docid
};

// "shard-3".
std::string ShardDirName(unsigned shard);

// One line of a stub file: a local shard directory (relative to the stub's
// directory, or absolute) or a remote one served by xapian-tcpsrv.
struct ShardEntry {
  bool remote = false;
  std::string path;  // local: as written in the stub
  std::string host;  // remote
  unsigned port = 0;
};

// Parses "HOST:PORT" (port 1-65535; HOST non-empty, may be an IPv4 address
// or a name). Throws UsageError with the offending text otherwise.
ShardEntry ParseRemote(std::string_view host_port);

// The stub text: "auto shard-i" for local entries, "remote HOST:PORT" for
// remote ones, one per line (the format Xapian 1.4 reads).
std::string StubText(const std::vector<ShardEntry>& entries);
// Parses stub text; blank lines and '#' comments are skipped. Throws
// IndexError naming the line for anything else ("tcp", "glass" ... lines
// are Xapian's but never written by lede).
std::vector<ShardEntry> ParseStub(std::string_view text, const std::string& stub_path);

// The local entries for shards 0..n-1.
std::vector<ShardEntry> LocalShards(unsigned n);

// Writes dir/XAPIANDB atomically (temp file + rename). Throws IndexError.
void WriteStub(const std::string& dir, const std::vector<ShardEntry>& entries);
// Reads dir/XAPIANDB; an empty vector when dir has no stub file. Throws
// IndexError when the file exists but cannot be read or parsed.
std::vector<ShardEntry> ReadStub(const std::string& dir);

}  // namespace lede

#endif  // LEDE_COMMON_INDEX_SHARD_LAYOUT_H_

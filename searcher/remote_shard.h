// lede-search --remote HOST:PORT: a shard served by xapian-tcpsrv on another
// machine, searched together with the local database (docs/scaling.md).
#ifndef LEDE_SEARCHER_REMOTE_SHARD_H_
#define LEDE_SEARCHER_REMOTE_SHARD_H_

#include <string>
#include <string_view>

#include <xapian.h>

namespace lede {

struct RemoteShard {
  std::string host;  // a name or an IPv4 address (Xapian 1.4 has no IPv6 here)
  unsigned port = 0;

  std::string Name() const;  // "HOST:PORT"
};

// Parses "HOST:PORT" (port 1-65535). Throws UsageError naming the text
// otherwise.
RemoteShard ParseRemoteShard(std::string_view text);

// Connects to the xapian-tcpsrv at shard (Xapian::Remote::open, default
// timeouts: 10 s to connect, 10 s per reply). Throws IndexError, naming the
// shard, when it cannot be reached or refuses to serve.
Xapian::Database OpenRemoteShard(const RemoteShard& shard);

}  // namespace lede

#endif  // LEDE_SEARCHER_REMOTE_SHARD_H_

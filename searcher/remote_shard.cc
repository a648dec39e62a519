// Parsing --remote and connecting to xapian-tcpsrv.
#include "searcher/remote_shard.h"

#include "common/error.h"
#include "common/index/shard_layout.h"

namespace lede {
namespace {

// get_msg() says what went wrong ("Couldn't connect"), the error string why
// ("Connection refused"); get_description() would add the class name.
std::string Why(const Xapian::Error& e) {
  std::string why = e.get_msg();
  if (e.get_error_string() && *e.get_error_string())
    why += std::string(" (") + e.get_error_string() + ")";
  return why;
}

}  // namespace

std::string RemoteShard::Name() const { return host + ":" + std::to_string(port); }

RemoteShard ParseRemoteShard(std::string_view text) {
  auto bad = [&] {
    return UsageError("invalid --remote '" + std::string(text) +
                      "': expected HOST:PORT, e.g. 10.0.0.12:8100");
  };
  ShardEntry e;
  try {
    // The same HOST:PORT as a stub file's "remote" lines.
    e = ParseRemote(text);
  } catch (const UsageError&) {
    throw bad();
  }
  // Xapian 1.4 connects over IPv4 only, so a ':' in HOST is a mistake.
  if (e.host.find_first_of(":[]/") != std::string::npos) throw bad();
  return RemoteShard{e.host, e.port};
}

Xapian::Database OpenRemoteShard(const RemoteShard& shard) {
  try {
    return Xapian::Remote::open(shard.host, shard.port);
  } catch (const Xapian::NetworkError& e) {
    throw IndexError("cannot reach xapian-tcpsrv at " + shard.Name() + ": " + Why(e));
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open remote shard " + shard.Name() + ": " + Why(e));
  }
}

}  // namespace lede

// Shard assignment and the Xapian stub file of a sharded database.
#include "common/index/shard_layout.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/text/hash.h"

namespace lede {
namespace {

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

unsigned ShardOf(std::string_view id, unsigned shards) {
  if (shards <= 1) return 0;
  return static_cast<unsigned>(Fnv1a(id) % shards);
}

ShardDocid SplitDocid(Xapian::docid docid, unsigned shards) {
  const Xapian::docid n = shards == 0 ? 1 : shards;
  return ShardDocid{static_cast<unsigned>((docid - 1) % n), (docid - 1) / n + 1};
}

Xapian::docid JoinDocid(ShardDocid at, unsigned shards) {
  const Xapian::docid n = shards == 0 ? 1 : shards;
  return (at.local - 1) * n + at.shard + 1;
}

ShardPlacer::ShardPlacer(const std::vector<Xapian::docid>& last_docids) {
  next_.reserve(last_docids.size());
  for (Xapian::docid last : last_docids) next_.push_back(last + 1);
  if (next_.empty()) next_.push_back(1);
}

ShardDocid ShardPlacer::Place(std::string_view id, Xapian::docid replaces) {
  if (replaces) return SplitDocid(replaces, shards());
  const unsigned shard = ShardOf(id, shards());
  return ShardDocid{shard, next_[shard]++};
}

std::string ShardDirName(unsigned shard) { return "shard-" + std::to_string(shard); }

ShardEntry ParseRemote(std::string_view host_port) {
  const std::string text(host_port);
  const size_t colon = host_port.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= host_port.size())
    throw UsageError("remote shard '" + text + "' is not HOST:PORT");
  unsigned long port = 0;
  for (char c : host_port.substr(colon + 1)) {
    if (c < '0' || c > '9' || port > 65535)
      throw UsageError("remote shard '" + text + "' has a bad port");
    port = port * 10 + static_cast<unsigned>(c - '0');
  }
  if (port == 0 || port > 65535) throw UsageError("remote shard '" + text + "' has a bad port");
  ShardEntry e;
  e.remote = true;
  e.host = std::string(host_port.substr(0, colon));
  if (e.host.find_first_of(" \t\n") != std::string::npos)
    throw UsageError("remote shard '" + text + "' has a bad host");
  e.port = static_cast<unsigned>(port);
  return e;
}

std::string StubText(const std::vector<ShardEntry>& entries) {
  std::string out;
  for (const ShardEntry& e : entries) {
    if (e.remote)
      out += "remote " + e.host + ":" + std::to_string(e.port) + "\n";
    else
      out += "auto " + e.path + "\n";
  }
  return out;
}

std::vector<ShardEntry> ParseStub(std::string_view text, const std::string& stub_path) {
  std::vector<ShardEntry> out;
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimView(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const size_t sp = line.find_first_of(" \t");
    const std::string_view kind = line.substr(0, sp);
    const std::string_view arg =
        sp == std::string_view::npos ? std::string_view() : TrimView(line.substr(sp));
    auto bad = [&](const std::string& why) {
      return IndexError(stub_path + ":" + std::to_string(line_no) + ": " + why + ": " +
                        std::string(line));
    };
    if (arg.empty()) throw bad("missing argument");
    if (kind == "auto") {
      ShardEntry e;
      e.path = std::string(arg);
      out.push_back(std::move(e));
    } else if (kind == "remote") {
      try {
        out.push_back(ParseRemote(arg));
      } catch (const UsageError&) {
        throw bad("expected 'remote HOST:PORT'");
      }
    } else {
      throw bad("lede writes only 'auto PATH' and 'remote HOST:PORT' lines");
    }
  }
  return out;
}

std::vector<ShardEntry> LocalShards(unsigned n) {
  std::vector<ShardEntry> out(n);
  for (unsigned i = 0; i < n; ++i) out[i].path = ShardDirName(i);
  return out;
}

void WriteStub(const std::string& dir, const std::vector<ShardEntry>& entries) {
  const std::string path = dir + "/" + kStubFileName;
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << StubText(entries);
    f.flush();
    if (!f) throw IndexError("cannot write " + tmp + ": " + std::strerror(errno));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    throw IndexError("cannot write " + path + ": " + std::strerror(errno));
}

std::vector<ShardEntry> ReadStub(const std::string& dir) {
  const std::string path = dir + "/" + kStubFileName;
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    if (errno == ENOENT) return {};
    throw IndexError("cannot read " + path + ": " + std::strerror(errno));
  }
  std::stringstream ss;
  ss << f.rdbuf();
  return ParseStub(ss.str(), path);
}

}  // namespace lede

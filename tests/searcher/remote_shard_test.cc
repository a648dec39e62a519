// Tests for searcher/remote_shard: parsing --remote HOST:PORT, and the error
// for a server that cannot be reached.
#include "searcher/remote_shard.h"

#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "common/error.h"

namespace lede {
namespace {

TEST(RemoteShard, ParsesHostAndPort) {
  const struct {
    const char* text;
    const char* host;
    unsigned port;
  } kGood[] = {{"10.0.0.12:8100", "10.0.0.12", 8100},
               {"search-2.example.org:1", "search-2.example.org", 1},
               {"localhost:65535", "localhost", 65535}};
  for (const auto& g : kGood) {
    const RemoteShard r = ParseRemoteShard(g.text);
    EXPECT_EQ(r.host, g.host) << g.text;
    EXPECT_EQ(r.port, g.port) << g.text;
    EXPECT_EQ(r.Name(), g.text);
  }
}

TEST(RemoteShard, RefusesWhatIsNotHostColonPort) {
  for (const char* bad :
       {"", "10.0.0.12", "10.0.0.12:", ":8100", "host:0", "host:65536", "host:80x", "host:-1",
        "a b:80", "::1:8100", "[::1]:8100", "/data/news:80", "host:99999999999999999999"}) {
    try {
      ParseRemoteShard(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const UsageError& e) {
      // One line naming the text and the expected form.
      EXPECT_NE(std::string(e.what()).find("'" + std::string(bad) + "'"), std::string::npos);
      EXPECT_NE(std::string(e.what()).find("HOST:PORT"), std::string::npos);
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    }
  }
}

// A port on 127.0.0.1 that nothing listens on (bound, then released).
unsigned ClosedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("cannot find a free port");
  ::close(fd);
  return ntohs(a.sin_port);
}

TEST(RemoteShard, UnreachableServerIsAnIndexErrorNamingIt) {
  const RemoteShard shard{"127.0.0.1", ClosedPort()};
  try {
    OpenRemoteShard(shard);
    ADD_FAILURE() << "connected to " << shard.Name();
  } catch (const IndexError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.find("cannot reach xapian-tcpsrv at " + shard.Name() + ": "), 0u) << what;
    EXPECT_NE(what.find("Connection refused"), std::string::npos) << what;
    EXPECT_EQ(e.exit_code(), kExitError);
  }
}

}  // namespace
}  // namespace lede

// Resetting one of a server's TCP connections (RST, as a crashed or overloaded server does) from inside a
// request handler that was not given its socket: find the socket by its two addresses, set SO_LINGER 0 and
// close it — the server's later writes land on a stand-in socket and fail.
#pragma once

#include <string>

namespace conclab::mirror {

/// @brief Resets the connection between local_addr:local_port and remote_addr:remote_port of this
/// process. Returns false when no such socket was found (nothing is changed then).
bool reset_connection(const std::string& local_addr, int local_port, const std::string& remote_addr, int remote_port);

/// @brief The descriptor of that connection's socket in this process, or -1. It stays the connection's while the
/// handler that asked runs (the server closes it only after the handler).
int find_connection(const std::string& local_addr, int local_port, const std::string& remote_addr, int remote_port);

/// @brief True once the peer of socket `fd` has closed or reset its side (a client that gave up waiting).
/// Bytes it sent and nobody read yet (a pipelined request) do not count as closing.
bool peer_hung_up(int fd);

}  // namespace conclab::mirror

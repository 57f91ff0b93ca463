// The one listener of `conclab serve` and `conclab mirror`: an httplib::Server whose connections go through a loop
// of ours that reads each request head with limits before httplib sees it (Debian's cpp-httplib 0.11.4 is a
// compiled library: its header limits cannot be set from here, its read timeout is per read, and it reads each
// line whole). The routes stay httplib's. Also here, once: a thread pool that grows up to a cap, a connection cap
// per client address, a long listen backlog, the reason a bind failed, and a stop() that closes every connection.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace conclab::server {

/// @brief What one client may make the server hold. The defaults are what `serve` and the mirror use.
struct Limits {
    std::size_t request_line_bytes = 8 * 1024;   ///< the request line, CRLF included; more: 414
    std::size_t header_line_bytes = 8 * 1024;    ///< each header line, CRLF included; more: 431
    std::size_t headers = 100;                   ///< header lines in one request; more: 431
    std::size_t head_bytes = 64 * 1024;          ///< request line + headers + the blank line; more: 431
    /// @brief From the head's first byte to its blank line, however the client paces its bytes; then 408.
    std::chrono::milliseconds head_deadline{10'000};
    /// @brief Connections open at once from one client address; one more is answered 503 and closed. wikipics
    /// (--max-req up to 100, --workers up to 64) stays under it.
    std::size_t connections_per_client = 128;
    /// @brief Connection threads in all (each open connection holds one; more connections wait for one).
    std::size_t threads = 512;
};

/// @brief Counts, for tests and for the servers' status.
struct ListenerCounts {
    std::size_t open = 0;            ///< connections being served now
    std::size_t refused = 0;         ///< refused by the per-client cap (503)
    std::size_t heads_refused = 0;   ///< answered 408, 414 or 431
};

class Listener : public httplib::Server {
public:
    explicit Listener(Limits limits = {});
    ~Listener() override;

    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    /// @brief Binds host:port (port 0: any free port) and listens with a long backlog (httplib's is 5: a browser's
    /// burst overflowed it, each dropped SYN cost a 1 s retry). Returns "" on success, or after stop() (run()
    /// then returns at once), else the reason: "port 8000 is in use", "cannot listen on HOST:PORT: …".
    std::string bind(const std::string& host, int port);

    /// @brief The port bound.
    int port() const { return port_; }

    /// @brief Serves until stop(); call after a successful bind(). False if accepting failed.
    bool run() { return listen_after_bind(); }

    /// @brief Ends run() at any moment (before bind() too), from any thread: the listening socket closes, every
    /// open connection is shut down (a slow client no longer holds its thread), new ones are closed at once.
    void stop();

    ListenerCounts counts() const;

    const Limits& limits() const { return limits_; }

private:
    bool process_and_close_socket(socket_t sock) override;   // httplib's connection loop, replaced
    void serve_connection(int fd);
    enum class Admission { admitted, refused, stopped };
    Admission admit(int fd, const std::string& client);
    void release(int fd, const std::string& client, bool admitted);

    const Limits limits_;
    mutable std::mutex mutex_;
    bool stopped_ = false;
    std::map<std::string, std::size_t> per_client_;
    std::set<int> open_;
    ListenerCounts counts_;
    int port_ = 0;
};

}  // namespace conclab::server

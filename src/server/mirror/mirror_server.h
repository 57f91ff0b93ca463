// `conclab mirror`'s server: the mirror's routes on the one listener (listener.h: a thread per connection, so 20
// throttled downloads run side by side; limits on what each client may hold; a port a second server cannot share).
#pragma once

#include "server/listener.h"
#include "server/mirror/mirror_options.h"
#include "server/mirror/mirror_routes.h"

#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace conclab::mirror {

/// @brief The mirror on its own port. bind(), then run() (blocks) or start() (a background thread).
class MirrorServer {
public:
    explicit MirrorServer(const MirrorOptions& options, server::Limits limits = {});
    ~MirrorServer();   // stops and joins

    MirrorServer(const MirrorServer&) = delete;
    MirrorServer& operator=(const MirrorServer&) = delete;

    /// @brief Binds options.host:options.port (port 0: any free port). Returns "" on success (or after
    /// stop(), when run() then returns at once), else the reason, e.g. "port 8001 is in use".
    std::string bind();

    /// @brief The port bound (after bind()).
    int port() const { return port_; }

    /// @brief "http://127.0.0.1:8001/w/api.php".
    std::string api_url() const;

    /// @brief Serves until stop(); call after a successful bind().
    void run();

    /// @brief Serves on a background thread (tests, the benchmark); stop() or the destructor ends it.
    void start();

    /// @brief Ends run() or the background thread: waiting answers end, connections close.
    void stop();

    MirrorRoutes& routes() { return routes_; }
    server::Listener& listener() { return *server_; }

private:
    MirrorOptions options_;
    MirrorRoutes routes_;
    std::unique_ptr<server::Listener> server_;
    std::unique_ptr<std::thread> thread_;
    int port_ = 0;
};

}  // namespace conclab::mirror

// `conclab serve`'s site: a folder served read-only over GET and HEAD, strict because students run it — only regular
// files whose real path is inside the folder (no symlink escapes), no control bytes in paths, memory that does not
// follow the request (bodies drained, not kept; one range at most), gzip made once per file version and shared.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <stop_token>

namespace httplib {
struct Request;
struct Response;
class Server;
}

namespace conclab::server {

/// @brief When the site sends gzip: auto (to clients on other machines: this machine reads files faster than gzip
/// saves), always, never.
enum class Compress { auto_, always, never };

class StaticSite {
public:
    /// @brief `root`: a folder (made canonical here).
    StaticSite(const std::filesystem::path& root, Compress compress);
    ~StaticSite();

    StaticSite(const StaticSite&) = delete;
    StaticSite& operator=(const StaticSite&) = delete;

    const std::filesystem::path& root() const;

    /// @brief The answer to a GET or HEAD (before httplib's router would read a body or apply ranges).
    void answer(const httplib::Request& req, httplib::Response& res);

    /// @brief Compresses what the first page load will ask for, so that it does not wait for it.
    void warm_gzip(std::stop_token stop);

    /// @brief Makes `server` answer every request with the site: COOP/COEP/CORP and no-cache on every answer, GET
    /// and HEAD from the folder, 405 to the rest (bodies read and dropped). Requests `leave_to_routes` picks (GET,
    /// HEAD and OPTIONS only) go on to routes installed later on the same server (the mirror's).
    void install(httplib::Server& server, std::function<bool(const httplib::Request&)> leave_to_routes = {});

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace conclab::server

// Which server a wikipics run uses when nobody chose one: the page's own mirror (`conclab serve --mirror`, same
// origin) when it answers api.php, else live Commons — or, where there is no page (the desktop app) and Commons
// does not answer, a mirror the app starts itself. The probe runs on a thread of its own (a blocking request may
// not run on the page's main thread); the GUI polls it, and autorun starts once it has decided.
#pragma once

#include "core/net/http_client.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace conclab::wikipics {

/// @brief api.php's cheapest allimages question (one image's size): what the mirror probe asks.
std::string mirror_probe_url(const std::string& api);
/// @brief Live Commons' siteinfo, with origin=* so a page may read it.
std::string live_probe_url();
/// @brief Whether `answer` is an api.php that lists images (an allimages answer that parses).
bool answers_allimages(const net::HttpResponse& answer);

enum class ProbeState { checking, yes, no };
std::string_view to_string(ProbeState state);

/// @brief Where the decision came from: the page's mirror, live Commons, or a mirror started because Commons was
/// unreachable (the desktop app offline).
enum class ServerSource { page_mirror, live, builtin_mirror };
std::string_view to_string(ServerSource source);

struct ServerDecision {
    std::string server;  ///< "live" or an api.php URL, as --server takes it
    ServerSource source = ServerSource::live;
};

struct ProbeSnapshot {
    ProbeState mirror = ProbeState::checking;          ///< the page's mirror (no: none, or no page)
    ProbeState live = ProbeState::checking;            ///< live Commons
    net::HttpError live_error = net::HttpError::none;  ///< why Commons did not answer
    std::string live_detail;                           ///< the client's words for it (English)
    std::optional<ServerDecision> decision;            ///< nullopt while checking
};

class ServerProbe {
public:
    /// @brief Starts a mirror and gives its api.php URL, or nullopt; called on the probe's thread.
    using MirrorStarter = std::function<std::optional<std::string>()>;

    /// @brief Probes `page_mirror` (nullopt: no page) and live Commons through `client`, each with `timeout_s`.
    /// Without a page, when Commons does not answer, `start_mirror` (if any) gives the server.
    ServerProbe(std::shared_ptr<net::HttpClient> client, std::optional<std::string> page_mirror,
                MirrorStarter start_mirror = {}, double timeout_s = 8);
    /// @brief Cancels the requests in flight and joins.
    ~ServerProbe();
    ServerProbe(const ServerProbe&) = delete;
    ServerProbe& operator=(const ServerProbe&) = delete;

    ProbeSnapshot snapshot() const;
    bool decided() const { return snapshot().decision.has_value(); }
    /// @brief Both probes are over (and the decision made).
    bool finished() const;

private:
    void run(std::shared_ptr<net::HttpClient> client, std::optional<std::string> page_mirror,
             MirrorStarter start_mirror, double timeout_s);

    std::atomic<bool> cancel_{false};
    mutable std::mutex mutex_;
    ProbeSnapshot state_;
    bool finished_ = false;
    std::thread thread_;
};

}  // namespace conclab::wikipics

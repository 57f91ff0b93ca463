// Which server a wikipics run uses when none was chosen, probed once and polled (server_probe.h).
#include "core/wikipics/server_probe.h"

#include "core/wikipics/mediawiki_api.h"
#include "core/wikipics/wikipics_options.h"

#include <variant>

namespace conclab::wikipics {

std::string mirror_probe_url(const std::string& api) { return allimages_url(api, "", 0, 400'000'000, 1); }

std::string live_probe_url() { return std::string(kLiveApi) + "?action=query&meta=siteinfo&format=json&origin=*"; }

bool answers_allimages(const net::HttpResponse& answer) {
    return answer.ok() && std::holds_alternative<AllImagesPage>(parse_allimages(answer.body));
}

std::string_view to_string(ProbeState state) {
    switch (state) {
    case ProbeState::checking: return "checking";
    case ProbeState::yes: return "yes";
    case ProbeState::no: return "no";
    }
    return "checking";
}

std::string_view to_string(ServerSource source) {
    switch (source) {
    case ServerSource::page_mirror: return "page mirror";
    case ServerSource::live: return "live";
    case ServerSource::builtin_mirror: return "built-in mirror";
    }
    return "live";
}

ServerProbe::ServerProbe(std::shared_ptr<net::HttpClient> client, std::optional<std::string> page_mirror,
                         MirrorStarter start_mirror, double timeout_s) {
    if (!page_mirror) state_.mirror = ProbeState::no;
    thread_ = std::thread(
        [this, client = std::move(client), page_mirror = std::move(page_mirror), start_mirror = std::move(start_mirror),
         timeout_s]() mutable { run(std::move(client), std::move(page_mirror), std::move(start_mirror), timeout_s); });
}

ServerProbe::~ServerProbe() {
    cancel_ = true;
    if (thread_.joinable()) thread_.join();
}

ProbeSnapshot ServerProbe::snapshot() const {
    std::lock_guard lock(mutex_);
    return state_;
}

bool ServerProbe::finished() const {
    std::lock_guard lock(mutex_);
    return finished_;
}

void ServerProbe::run(std::shared_ptr<net::HttpClient> client, std::optional<std::string> page_mirror,
                      MirrorStarter start_mirror, double timeout_s) {
    net::HttpLimits limits;
    limits.timeout_s = timeout_s;
    limits.max_body_bytes = 1'000'000;
    limits.cancel = &cancel_;
    if (page_mirror) {
        // The page's own mirror decides at once: the user's network need not be waited for (up to the timeout offline).
        const bool ok = answers_allimages(client->get(mirror_probe_url(*page_mirror), limits));
        std::lock_guard lock(mutex_);
        state_.mirror = ok ? ProbeState::yes : ProbeState::no;
        state_.decision =
            ok ? ServerDecision{*page_mirror, ServerSource::page_mirror} : ServerDecision{"live", ServerSource::live};
    }
    const net::HttpResponse live = client->get(live_probe_url(), limits);
    std::optional<std::string> builtin;
    if (!live.ok() && !page_mirror && start_mirror && !cancel_) builtin = start_mirror();
    std::lock_guard lock(mutex_);
    state_.live = live.ok() ? ProbeState::yes : ProbeState::no;
    state_.live_error = live.error;
    state_.live_detail = live.error_detail;
    if (!state_.decision)
        state_.decision = builtin ? ServerDecision{*builtin, ServerSource::builtin_mirror}
                                  : ServerDecision{"live", ServerSource::live};
    finished_ = true;
}

}  // namespace conclab::wikipics

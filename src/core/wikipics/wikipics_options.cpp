// The wikipics demo's options parsed from text with the project's option rules (wikipics_options.h).
#include "core/wikipics/wikipics_options.h"

#include <algorithm>
#include <array>

namespace conclab::wikipics {

namespace {

constexpr std::array<std::string_view, 3> kExecutorNames{"sequential", "threads", "async"};
constexpr std::array<std::string_view, 3> kNetNames{"instant", "talk", "phone"};
constexpr std::array<std::string_view, 2> kRuntimeNames{"cpp", "python"};

bool is_api_url(std::string_view url) {
    std::string_view rest;
    if (url.substr(0, 7) == "http://") rest = url.substr(7);
    else if (url.substr(0, 8) == "https://") rest = url.substr(8);
    else return false;
    const auto slash = rest.find('/');
    if (slash == 0 || slash == std::string_view::npos) return false;   // no host, or no path
    for (char c : rest)
        if (static_cast<unsigned char>(c) <= ' ' || c == '#' || c == '?' || c == '"' || c == '\\' || c == 0x7F)
            return false;
    const std::string_view suffix = "/api.php";
    return rest.size() > suffix.size() && rest.substr(rest.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view to_string(WikipicsExecutor executor) { return kExecutorNames.at(static_cast<std::size_t>(executor)); }

std::optional<WikipicsExecutor> parse_wikipics_executor(std::string_view text) {
    for (std::size_t i = 0; i < kExecutorNames.size(); ++i)
        if (kExecutorNames[i] == text) return static_cast<WikipicsExecutor>(i);
    return std::nullopt;
}

std::string_view to_string(Runtime runtime) { return kRuntimeNames.at(static_cast<std::size_t>(runtime)); }

std::string_view to_string(NetProfile profile) { return kNetNames.at(static_cast<std::size_t>(profile)); }

std::optional<NetProfile> parse_net_profile(std::string_view text) {
    for (std::size_t i = 0; i < kNetNames.size(); ++i)
        if (kNetNames[i] == text) return static_cast<NetProfile>(i);
    return std::nullopt;
}

std::optional<NetProfile> net_sent(const WikipicsOptions& options) {
    if (options.server == "live") return std::nullopt;
    return options.net;
}

std::string net_label(const WikipicsOptions& options) {
    const auto net = net_sent(options);
    return net ? std::string(to_string(*net)) : std::string("live");
}

std::string with_net(std::string_view url, std::optional<NetProfile> profile) {
    std::string out(url);
    if (!profile) return out;
    const auto fragment = out.find('#');
    std::string tail;
    if (fragment != std::string::npos) {
        tail = out.substr(fragment);
        out.erase(fragment);
    }
    out += out.find('?') == std::string::npos ? '?' : '&';
    out += "net=";
    out += to_string(*profile);
    return out + tail;
}

std::string api_url(const WikipicsOptions& options) {
    return options.server == "live" ? std::string(kLiveApi) : options.server;
}

int effective_workers(const WikipicsOptions& options) {
    if (options.executor == WikipicsExecutor::sequential) return 1;
    const int wanted = options.workers > 0 ? options.workers : kDefaultThreadWorkers;
    return std::max(1, std::min(wanted, options.count));
}

WikipicsOptions parse_wikipics_options(const options::Params& params, options::FieldErrors& errors) {
    WikipicsOptions out;
    options::read_int(params, "count", 1, 1000, out.count, errors);
    options::read_int(params, "size", 1LL, 350'000'000LL, out.size, errors);
    std::string executor(to_string(out.executor));
    if (options::read_choice(params, "executor", kExecutorNames, executor, errors))
        out.executor = *parse_wikipics_executor(executor);
    options::read_int(params, "workers", 1, 64, out.workers, errors);
    options::read_int(params, "max-req", 1, 100, out.max_req, errors);
    std::string net(to_string(out.net));
    if (options::read_choice(params, "net", kNetNames, net, errors)) out.net = *parse_net_profile(net);
    options::read_real(params, "timeout", 0.0, 600.0, out.timeout_s, errors, true);
    long long seed = 0;
    if (options::read_int(params, "seed", 0LL, 9'223'372'036'854'775'807LL, seed, errors))
        out.seed = static_cast<std::uint64_t>(seed);
    options::read_flag(params, "verbose", out.verbose, errors);
    options::read_flag(params, "v", out.verbose, errors);
    if (auto it = params.find("server"); it != params.end()) {
        if (it->second == "live" || is_api_url(it->second)) out.server = it->second;
        else
            errors["server"] = {"server", options::ErrorKind::not_server_url, {options::echo(it->second)}};
    }
    std::string runtime(to_string(out.runtime));
    if (options::read_choice(params, "runtime", kRuntimeNames, runtime, errors))
        out.runtime = runtime == "python" ? Runtime::python : Runtime::cpp;
    if (const auto python = params.find("python"); python != params.end()) {
        if (python->second.size() > kMaxPythonPath)
            errors["python"] = {"python", options::ErrorKind::too_long,
                                {std::to_string(python->second.size()), std::to_string(kMaxPythonPath)}};
        else if (out.runtime != Runtime::python)
            errors["python"] = options::FieldError("--python goes with --runtime python");
        else
            out.python = python->second;
    }
    options::reject_non_utf8(params, errors);   // last: its message names the real fault
    return out;
}

const std::vector<options::OptionSpec>& wikipics_option_specs() {
    static const std::vector<options::OptionSpec> specs{
        {"count", "N", "Images to download, 1..1000 (default 12: two even waves of a browser's 6 connections)", false},
        {"size", "BYTES", "About how large each image is, 1..350_000_000 (default 2_000_000)", false},
        {"executor", options::join_choices(kExecutorNames), "How downloads run (default threads)", false},
        {"workers", "K", "Threads of the thread pool, 1..64 (default: flags2's 30, at most --count)", false},
        {"max-req", "K", "Requests in flight on the event loop, 1..100 (default 12)", false},
        {"server", "live|API_URL", "Commons (live) or an api.php URL such as `conclab mirror`'s", false},
        {"net", options::join_choices(kNetNames),
         "The network a mirror plays per request: none, the talk's pace, a phone's (default talk; not for live)", false},
        {"timeout", "S", "Seconds per request, more than 0 to 600 (default 20)", false},
        {"seed", "S", "Seed for sampling the images (default 0)", false},
        {"runtime", "cpp|python",
         "Who downloads: this program (cpp, default) or the machine's CPython, python/wikipics.py (native only; "
         "executor async is its asyncio)", false},
        {"python", "PATH", "The interpreter for --runtime python (default: python3 on PATH)", false},
    };
    return specs;
}

}  // namespace conclab::wikipics

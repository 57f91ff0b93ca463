// The wikipics demo's options, read from text (CLI flags or the page's query string) with one set of
// rules: how many images of about which size, fetched how, from where.
#pragma once

#include "core/base/options.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::wikipics {

/// @brief How the downloads run: one after the other, a thread pool, or one event loop.
enum class WikipicsExecutor { sequential, threads, async };

std::string_view to_string(WikipicsExecutor executor);
std::optional<WikipicsExecutor> parse_wikipics_executor(std::string_view text);

/// @brief Who downloads: this program (cpp) or the machine's CPython running python/wikipics.py (native only).
enum class Runtime { cpp, python };

std::string_view to_string(Runtime runtime);

/// @brief The longest --python path accepted.
inline constexpr std::size_t kMaxPythonPath = 4096;

/// @brief The network a mirror plays for each request (`net=` on its API and image URLs): none (instant, what the
/// tests use), the talk's pace (talk), or a phone's (slower, with jitter). Live Commons is the real network.
enum class NetProfile { instant, talk, phone };

std::string_view to_string(NetProfile profile);
std::optional<NetProfile> parse_net_profile(std::string_view text);

/// @brief Wikimedia Commons' API: what `--server live` means.
inline constexpr std::string_view kLiveApi = "https://commons.wikimedia.org/w/api.php";

/// @brief Fluent Python's flags2_threadpool.py: DEFAULT_CONCUR_REQ = 30, never more than the downloads.
inline constexpr int kDefaultThreadWorkers = 30;

struct WikipicsOptions {
    int count = 12;                          ///< two even waves of a browser's 6 connections per host
    long long size = 2'000'000;              ///< bytes each image should have, about
    WikipicsExecutor executor = WikipicsExecutor::threads;
    int workers = 0;                         ///< 0: not given, min(kDefaultThreadWorkers, count)
    int max_req = 12;                        ///< requests in flight on the event loop
    std::string server = "live";             ///< "live" or an http(s)://…/api.php URL
    NetProfile net = NetProfile::talk;       ///< asked of a mirror with each request; not sent to live Commons
    double timeout_s = 20;                   ///< per request
    std::uint64_t seed = 0;
    bool verbose = false;
    Runtime runtime = Runtime::cpp;          ///< python: sampling stays C++'s, the downloads are CPython's
    std::string python;                      ///< the interpreter with runtime python; empty: `python3` on PATH
};

/// @brief The API URL the options name: kLiveApi for "live", else the URL itself.
std::string api_url(const WikipicsOptions& options);

/// @brief The profile the run asks for: nullopt against live Commons (the real network, no `net=` sent).
std::optional<NetProfile> net_sent(const WikipicsOptions& options);

/// @brief "talk", "phone", "instant" — or "live" when the server is live Commons: the result JSON's "net".
std::string net_label(const WikipicsOptions& options);

/// @brief `url` with `net=<profile>` added to its query (after "?" or "&"); `url` itself for nullopt.
std::string with_net(std::string_view url, std::optional<NetProfile> profile);

/// @brief Threads the thread-pool executor really starts: the given workers, or flags2's default, at most count.
int effective_workers(const WikipicsOptions& options);

/// @brief Reads count, size, executor, workers, max-req, server, net, timeout, seed (and "v"/"verbose") from
/// `params`; a bad value leaves its default and adds a message to `errors`.
WikipicsOptions parse_wikipics_options(const options::Params& params, options::FieldErrors& errors);

/// @brief The options in the order --help lists them.
const std::vector<options::OptionSpec>& wikipics_option_specs();

}  // namespace conclab::wikipics

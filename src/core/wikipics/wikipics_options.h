// The wikipics demo's options, read from text (CLI flags or the page's query string) with one set of
// rules: how many images of about which size, fetched how, from where.
#pragma once

#include "base/options.h"

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

/// @brief Wikimedia Commons' API: what `--server live` means.
inline constexpr std::string_view kLiveApi = "https://commons.wikimedia.org/w/api.php";

/// @brief Fluent Python's flags2_threadpool.py: DEFAULT_CONCUR_REQ = 30, never more than the downloads.
inline constexpr int kDefaultThreadWorkers = 30;

struct WikipicsOptions {
    int count = 10;
    long long size = 2'000'000;              ///< bytes each image should have, about
    WikipicsExecutor executor = WikipicsExecutor::threads;
    int workers = 0;                         ///< 0: not given, min(kDefaultThreadWorkers, count)
    int max_req = 10;                        ///< requests in flight on the event loop
    std::string server = "live";             ///< "live" or an http(s)://…/api.php URL
    double timeout_s = 20;                   ///< per request
    std::uint64_t seed = 0;
    bool verbose = false;
};

/// @brief The API URL the options name: kLiveApi for "live", else the URL itself.
std::string api_url(const WikipicsOptions& options);

/// @brief Threads the thread-pool executor really starts: the given workers, or flags2's default, at most count.
int effective_workers(const WikipicsOptions& options);

/// @brief Reads count, size, executor, workers, max-req, server, timeout, seed (and "v"/"verbose") from
/// `params`; a bad value leaves its default and adds a message to `errors`.
WikipicsOptions parse_wikipics_options(const options::Params& params, options::FieldErrors& errors);

/// @brief The options in the order --help lists them.
const std::vector<options::OptionSpec>& wikipics_option_specs();

}  // namespace conclab::wikipics

// The CPython runtime's side of wikipics, as core sees it: the protocol python/wikipics.py speaks — "hello" (its HTTP
// client and decoder: httpx and Pillow, or the standard library and "no decode"), one "result" line per image as it
// completes, then "end" with getrusage over the downloads — and the script job that runs it.
#pragma once

#include "core/base/clock.h"
#include "core/exec/interpreter.h"
#include "core/wikipics/wikipics_options.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace conclab::wikipics {

struct ScriptHello {
    std::string python;
    std::string http;     ///< "httpx 0.23.3", "urllib", "asyncio streams"
    std::string decode;   ///< "Pillow 9.4.0", or "no decode" (the standard library's fallback)
    double t0 = 0;        ///< monotonic seconds when its downloads began
};
struct ScriptImage {
    std::size_t index = 0;
    std::size_t bytes = 0;
    int status = 0;
    std::optional<std::string> error;   ///< net::HttpError's spelling: "timeout", "http_status", …
    std::string detail;
    std::optional<double> retry_after_s;
    std::string worker;
    double started = 0, first_byte = 0, finished = 0;   ///< monotonic seconds (CLOCK_MONOTONIC)
    double decode_s = 0;
    std::optional<std::string> decode_error;
    std::string decode_detail;
};
struct ScriptEnd {
    double wall_s = 0;
    CpuSeconds cpu;   ///< self + children over the downloads
};
struct ScriptBad {
    std::string why;
};
using ScriptLine = std::variant<ScriptHello, ScriptImage, ScriptEnd, ScriptBad>;

/// @brief One line of python/wikipics.py's output; ScriptBad says what is wrong with anything else.
ScriptLine parse_script_line(std::string_view line);

/// @brief The executor's view of a line: a result's value is the line itself (parse_script_line reads it back).
exec::ScriptEvent to_script_event(std::string_view line);

/// @brief The task argument for one image: {"url": …} on one line (a URL from a server may hold anything).
std::string script_argument(const std::string& url);

/// @brief How python/wikipics.py names the executor: sequential, threads, asyncio (for async).
std::string_view script_executor(WikipicsExecutor executor);

/// @brief python/wikipics.py run as `options` say with `workers` (threads, or requests in flight on the event loop),
/// each body capped at image_body_cap(options.size).
exec::ScriptJob python_job(const WikipicsOptions& options, int workers);

}  // namespace conclab::wikipics

// HTTP as core sees it (the wikipics demo and its server probe): a blocking GET (a thread waits, as `requests.get`
// does in a Python thread) and a started GET whose completion an event loop hears about. Core holds only this
// interface; libcurl (native) and emscripten_fetch (web) implement it behind the platform seam (platform.h).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace conclab::net {

/// @brief Why a request gave no usable body; each is a per-image result, never a crash or a hang.
enum class HttpError {
    none,
    timeout,
    http_status,
    rate_limited,
    connection_reset,
    truncated,
    too_large,
    network,
    cancelled
};

/// @brief "timeout", "http_status", "rate_limited", … as the JSON report spells them.
std::string_view to_string(HttpError error);

/// @brief The longest Retry-After taken as said: a day. A server may send any number (9223372036854775807 came out
/// as "retry after -9223372036854775808 s"); longer waits read as this.
inline constexpr double kMaxRetryAfterS = 86'400;

/// @brief A Retry-After header's value (after "Retry-After:") in seconds: delta-seconds, clamped to
/// [0, kMaxRetryAfterS]; nullopt for an HTTP-date, a negative number or anything else. Both HTTP clients parse it here.
std::optional<double> parse_retry_after(std::string_view value);

struct HttpLimits {
    double timeout_s = 20;                      ///< whole request, connecting included
    std::size_t max_body_bytes = 400'000'000;   ///< a body beyond this ends the request: too_large
    const std::atomic<bool>* cancel = nullptr;  ///< set → the request ends soon: cancelled
};

struct HttpResponse {
    int status = 0;                  ///< 0 when no HTTP answer arrived
    std::string body;                ///< what arrived, complete or not
    std::size_t bytes_received = 0;  ///< body bytes that arrived (the body may have been cut at the cap)
    HttpError error = HttpError::none;
    std::string error_detail;             ///< one line for humans: "HTTP 404", "Connection reset by peer"
    std::optional<double> retry_after_s;  ///< from a 429's Retry-After, in seconds
    double elapsed_s = 0;                 ///< from the call to the last byte (or the error)
    double first_byte_s = 0;              ///< from the call to the first byte: waiting, not transferring
    /// @brief From the call until the request went on the wire, where the client can tell (a page's Resource Timing):
    /// the part of the wait spent in the browser's queue (6 connections per host for asynchronous requests).
    std::optional<double> queued_s;
    bool ok() const { return error == HttpError::none; }
};

using RequestId = std::uint64_t;
using HttpDone = std::function<void(HttpResponse)>;

class HttpClient {
public:
    virtual ~HttpClient() = default;
    /// @brief Fetches `url` and returns when the body is in or the request failed.
    virtual HttpResponse get(const std::string& url, const HttpLimits& limits) = 0;
    /// @brief Starts fetching `url` and returns at once; `on_done` is called exactly once, on the
    /// client's own I/O thread (curl multi's thread natively, the page's main thread on the web); an event
    /// loop hands it over with call_soon_threadsafe.
    virtual RequestId start(const std::string& url, const HttpLimits& limits, HttpDone on_done) = 0;
    /// @brief Ends a started request: its on_done gets HttpError::cancelled unless it already ran.
    virtual void cancel(RequestId id) = 0;
    /// @brief Why start() is not available with this client (and so no event loop can use it), or nullopt.
    virtual std::optional<std::string> start_unsupported() const { return std::nullopt; }
};

}  // namespace conclab::net

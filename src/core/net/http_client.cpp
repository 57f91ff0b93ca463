// The HTTP client's small pure parts (http_client.h): error names and Retry-After read safely.
#include "core/net/http_client.h"

#include <algorithm>
#include <array>

namespace conclab::net {

std::string_view to_string(HttpError error) {
    static constexpr std::array<std::string_view, 9> kNames{"none",         "timeout",          "http_status",
                                                            "rate_limited", "connection_reset", "truncated",
                                                            "too_large",    "network",          "cancelled"};
    return kNames.at(static_cast<std::size_t>(error));
}

std::optional<double> parse_retry_after(std::string_view value) {
    std::size_t at = 0;
    while (at < value.size() && (value[at] == ' ' || value[at] == '\t')) ++at;
    if (at == value.size() || value[at] < '0' || value[at] > '9') return std::nullopt;
    double seconds = 0;
    for (; at < value.size() && value[at] >= '0' && value[at] <= '9'; ++at)
        seconds = std::min(kMaxRetryAfterS, seconds * 10 + (value[at] - '0'));  // never overflows: clamped each digit
    while (at < value.size() && (value[at] == ' ' || value[at] == '\t' || value[at] == '\r' || value[at] == '\n')) ++at;
    if (at != value.size()) return std::nullopt;  // "120abc", an HTTP-date
    return seconds;
}

}  // namespace conclab::net

#include "wikipics/http_client.h"

#include <array>

namespace conclab::wikipics {

std::string_view to_string(HttpError error) {
    static constexpr std::array<std::string_view, 9> kNames{"none",      "timeout",   "http_status",
                                                            "rate_limited", "connection_reset", "truncated",
                                                            "too_large", "network",   "cancelled"};
    return kNames.at(static_cast<std::size_t>(error));
}

}  // namespace conclab::wikipics

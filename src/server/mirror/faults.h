// Fault injection, as Fluent Python's slow_server does it and more: what happens to one request, decided by
// the seed, the file and how many times that file was asked for — so a run replays the same faults whatever
// the order in which concurrent requests arrive, and a retry may succeed where the first try failed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conclab::mirror {

/// @brief Rates (0..1, adding up to at most 1) and delays applied to each image request.
struct FaultOptions {
    double delay_min_s = 0;
    double delay_max_s = 0;
    std::uint64_t bandwidth = 0;     ///< bytes per second per response; 0: as fast as the socket goes
    double error_rate = 0;           ///< HTTP 500 or 418
    double truncate_rate = 0;        ///< full Content-Length, then the connection closes after about half
    double reset_rate = 0;           ///< the connection is reset (RST) before any answer
    double rate_limit_rate = 0;      ///< HTTP 429 with Retry-After: 1
    bool pinned = false;             ///< --pin-faults: pinned_fault() decides for 7 JPEGs in 10, the rates for the rest

    bool any() const;
    /// @brief "none", or e.g. "delay 0.5..5 s, 1200000 B/s, errors 25%, resets 5%".
    std::string describe() const;
};

enum class FaultKind { none, error, truncate, reset, rate_limit, timeout };

/// @brief What the mirror does with one request.
struct FaultPlan {
    FaultKind kind = FaultKind::none;
    int error_status = 0;    ///< 500 or 418 (404 when pinned) when kind is error
    double delay_s = 0;      ///< seconds to wait before answering (timeout: or until the client hangs up)
};

/// @brief --pin-faults: the n-th JPEG of the catalog by name (n = 0, 1, …) always gets the fault at
/// n % kPinCycle of "500", "418", "404", "truncate", "reset", "429", "timeout", and then three images that
/// answer as the rates say — so every fault kind has known images, on every attempt, whatever the order.
inline constexpr std::size_t kPinCycle = 10;
/// @brief A pinned timeout answers after this long (past wikipics' longest --timeout, 600 s) — or never,
/// since the wait ends when the client hangs up.
inline constexpr double kPinnedTimeoutDelaySeconds = 601;

/// @brief The pinned fault's name for the n-th JPEG ("500", "418", "404", "truncate", "reset", "429",
/// "timeout"), or "" for one left to the rates.
std::string_view pinned_fault_name(std::size_t jpeg_index);
/// @brief The plan for the n-th JPEG under --pin-faults; nullopt for one left to the rates.
std::optional<FaultPlan> pinned_fault(std::size_t jpeg_index);

/// @brief The plan for the `attempt`-th request (0, 1, …) of `resource` under `seed`.
FaultPlan plan_request(const FaultOptions& faults, std::uint64_t seed, std::string_view resource, std::uint64_t attempt);

}  // namespace conclab::mirror

// The network a request asks the mirror to play (`net=instant|talk|phone` on its API and image URLs), decided per
// request from the seed and the resource's name, so a run replays the same waits whatever the order of arrival.
// A profile replaces the mirror's own --delay/--bandwidth for that request; without one (or `instant`) the
// mirror's own options apply, and those are none by default.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conclab::mirror {

/// @brief What a profile does to one request: wait before answering, then send at most `bandwidth` B/s.
struct NetPlan {
    std::string profile;         ///< "talk", "phone"
    double delay_s = 0;          ///< latency before the first byte
    std::uint64_t bandwidth = 0; ///< bytes per second on this connection
};

/// @brief The talk's pace (the transcript names no network, only what it measured): 0.2–1 s before each answer, then
/// 2 MB/s per connection, so 2 MB images one after the other arrive at the ≈1.2 MB/s the talk's sequential run saw
/// (10 images: ≈16 s), and side by side in ≈2 s.
inline constexpr double kTalkDelayMinS = 0.2;
inline constexpr double kTalkDelayMaxS = 1.0;
inline constexpr std::uint64_t kTalkBandwidth = 2'000'000;
/// @brief A phone's: 0.4–2.5 s, then 0.4–1 MB/s, both drawn per request (the jitter).
inline constexpr double kPhoneDelayMinS = 0.4;
inline constexpr double kPhoneDelayMaxS = 2.5;
inline constexpr std::uint64_t kPhoneBandwidthMin = 400'000;
inline constexpr std::uint64_t kPhoneBandwidthMax = 1'000'000;

/// @brief The plan for `resource` (an image's name, an api.php query) under `profile` and `seed`; nullopt for
/// "instant", an empty or an unknown profile (the mirror's own options then apply).
std::optional<NetPlan> plan_net(std::string_view profile, std::uint64_t seed, std::string_view resource);

/// @brief The chunk the mirror writes at a time for `bandwidth` B/s (0: no limit): 1/20 s of it, 1 B to 64 KiB.
std::size_t chunk_for(std::uint64_t bandwidth);

}  // namespace conclab::mirror

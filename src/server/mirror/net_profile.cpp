// The network a mirror request asks to play, as delays and rates (net_profile.h).
#include "server/mirror/net_profile.h"

#include "server/mirror/name_hash.h"

#include <algorithm>

namespace conclab::mirror {

std::optional<NetPlan> plan_net(std::string_view profile, std::uint64_t seed, std::string_view resource) {
    // Not the fault plan's draw (that one counts attempts): the same request waits the same on every run.
    const std::uint64_t bits = mix64(seed ^ hash_name(resource) ^ hash_name(profile));
    const double delay_draw = unit_interval(bits), bandwidth_draw = unit_interval(mix64(bits));
    if (profile == "talk")
        return NetPlan{"talk", kTalkDelayMinS + (kTalkDelayMaxS - kTalkDelayMinS) * delay_draw, kTalkBandwidth};
    if (profile == "phone") {
        const auto span = static_cast<double>(kPhoneBandwidthMax - kPhoneBandwidthMin);
        return NetPlan{"phone", kPhoneDelayMinS + (kPhoneDelayMaxS - kPhoneDelayMinS) * delay_draw,
                       kPhoneBandwidthMin + static_cast<std::uint64_t>(span * bandwidth_draw)};
    }
    return std::nullopt;
}

std::size_t chunk_for(std::uint64_t bandwidth) {
    constexpr std::uint64_t kMaxChunk = 64 * 1024;
    return bandwidth == 0 ? kMaxChunk : static_cast<std::size_t>(std::clamp<std::uint64_t>(bandwidth / 20, 1, kMaxChunk));
}

}  // namespace conclab::mirror

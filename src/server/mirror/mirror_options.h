// `conclab mirror`'s options, read from text with the project's option rules (core/base/options.h), so the
// CLI, tests and the benchmark accept and refuse the same values with the same messages.
#pragma once

#include "server/mirror/catalog.h"
#include "server/mirror/faults.h"

#include "core/base/options.h"

#include <optional>
#include <string>
#include <vector>

namespace conclab::mirror {

inline constexpr int kDefaultPort = 8001;

/// @brief Everything `conclab mirror` needs to start.
struct MirrorOptions {
    std::string host = "127.0.0.1";
    int port = kDefaultPort;
    std::uint64_t seed = 1;
    int images = kDefaultImageCount;
    FaultOptions faults;
    bool api_faults = false;   ///< apply the delay and the faults to api.php too
};

/// @brief The options with their help lines (names as after "--" on the command line).
const std::vector<options::OptionSpec>& mirror_option_specs();

/// @brief Reads `params` ("port" → "8001", "delay" → "0.5..5", …). Bad values and unknown names land in
/// `errors` (e.g. "--delay 5..1: MIN is above MAX") and the result is nullopt.
std::optional<MirrorOptions> parse_mirror_options(const options::Params& params, options::FieldErrors& errors);

}  // namespace conclab::mirror

// Picking N images of about S bytes, as the talk's get_sample_urls(S, N) did: collect candidates from
// the API, take the 4N nearest in size, shuffle, return N. Seeded with our own PRNG so that a seed gives
// the same sample on every standard library (std distributions differ between libstdc++ and libc++).
#pragma once

#include "core/net/http_client.h"
#include "core/wikipics/mediawiki_api.h"
#include "core/wikipics/sample_error.h"
#include "core/wikipics/wikipics_options.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace conclab::wikipics {

/// @brief SplitMix64: small, fast, the same numbers everywhere.
class Prng {
public:
    explicit Prng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    /// @brief Uniform in [0, bound), by rejection (no modulo bias); bound > 0.
    std::uint64_t below(std::uint64_t bound);

private:
    std::uint64_t state_;
};

struct SampleRequest {
    std::string api_url;
    long long size = 2'000'000;      ///< wanted bytes per image
    int count = 10;
    std::uint64_t seed = 0;
    int max_requests = 12;            ///< API requests at most
    int page_limit = 500;             ///< ailimit (the API's maximum)
    int pages_per_prefix = 2;         ///< follow `continue` this far before a new random prefix
    net::HttpLimits limits;
    std::optional<NetProfile> net;   ///< sent with each API request (a mirror plays that network)
};

struct Sample {
    std::vector<ImageInfo> images;   ///< `count` of them, shuffled
    std::size_t candidates = 0;      ///< distinct JPEGs seen in the final window
    int requests = 0;
    long long min_size = 0;          ///< the final size window
    long long max_size = 0;
};

/// @brief The size window after `widenings` widenings: S/r … S·r with r = 1.25·1.6^widenings.
std::pair<long long, long long> size_window(long long size, int widenings);

/// @brief The aifrom prefix of a request: an uppercase letter and a lowercase one ("Kq").
std::string random_prefix(Prng& prng);

/// @brief From `candidates`, the 4·count nearest to `size` (ties by title), shuffled, the first `count`.
std::vector<ImageInfo> pick_nearest(std::vector<ImageInfo> candidates, long long size, int count, Prng& prng);

/// @brief Asks the API for candidates from random name prefixes, widening the size window until there
/// are 4·count or the request budget ends. Fewer than `count` → SampleError too_few ("only K JPEGs of about S bytes
/// found on …" in english()).
std::variant<Sample, SampleError> sample_images(net::HttpClient& client, const SampleRequest& request);

}  // namespace conclab::wikipics

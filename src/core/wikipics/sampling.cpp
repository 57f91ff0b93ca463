// Picking N images of about S bytes as the talk's get_sample_urls did (sampling.h).
#include "core/wikipics/sampling.h"

#include "core/wikipics/wikipics_report.h"

#include "core/base/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>

namespace conclab::wikipics {

std::uint64_t Prng::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t Prng::below(std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;   // values ≥ limit would favour small results
    std::uint64_t value = next();
    while (value >= limit) value = next();
    return value % bound;
}

std::pair<long long, long long> size_window(long long size, int widenings) {
    const double ratio = 1.25 * std::pow(1.6, widenings);
    const auto low = static_cast<long long>(std::floor(static_cast<double>(size) / ratio));
    const auto high = static_cast<long long>(std::ceil(static_cast<double>(size) * ratio));
    return {std::max(1LL, low), high};
}

std::string random_prefix(Prng& prng) {
    std::string prefix;
    prefix += static_cast<char>('A' + prng.below(26));
    prefix += static_cast<char>('a' + prng.below(26));
    return prefix;
}

std::vector<ImageInfo> pick_nearest(std::vector<ImageInfo> candidates, long long size, int count, Prng& prng) {
    std::sort(candidates.begin(), candidates.end(), [size](const ImageInfo& a, const ImageInfo& b) {
        const long long da = std::llabs(a.size - size), db = std::llabs(b.size - size);
        return da != db ? da < db : a.title < b.title;
    });
    const std::size_t pool = std::min(candidates.size(), static_cast<std::size_t>(count) * 4);
    candidates.resize(pool);
    for (std::size_t i = pool; i > 1; --i) std::swap(candidates[i - 1], candidates[prng.below(i)]);   // Fisher–Yates
    candidates.resize(std::min(pool, static_cast<std::size_t>(count)));
    return candidates;
}

namespace {

std::string host_of(const std::string& url) {
    const auto start = url.find("://");
    if (start == std::string::npos) return url;
    const auto end = url.find('/', start + 3);
    return url.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
}

}  // namespace

std::variant<Sample, SampleError> sample_images(net::HttpClient& client, const SampleRequest& request) {
    Prng prng(request.seed);
    Sample sample;
    const std::size_t wanted = static_cast<std::size_t>(request.count) * 4;
    std::vector<ImageInfo> candidates;
    std::set<std::string> seen_urls;
    int widenings = 0;
    int pages_of_prefix = 0;
    std::string prefix = random_prefix(prng);
    std::string token;
    std::optional<ApiProblem> stopped_by;
    while (sample.requests < request.max_requests && candidates.size() < wanted) {
        const auto [low, high] = size_window(request.size, widenings);
        sample.min_size = low;
        sample.max_size = high;
        const std::string url = with_net(allimages_url(request.api_url, prefix, low, high, request.page_limit, token), request.net);
        ++sample.requests;
        const net::HttpResponse response = client.get(url, request.limits);
        if (!response.ok()) {
            stopped_by = ApiProblem{ApiProblemKind::request_failed,
                                    {std::string(to_string(response.error)), utf8::repair(response.error_detail)}};
            break;
        }
        auto parsed = parse_allimages(response.body);
        if (auto* error = std::get_if<ApiProblem>(&parsed)) {
            stopped_by = *error;
            break;
        }
        auto& page = std::get<AllImagesPage>(parsed);
        for (auto& image : page.images)
            if (image.size >= low && image.size <= high && seen_urls.insert(image.url).second)
                candidates.push_back(std::move(image));
        if (candidates.size() >= wanted) break;
        if (page.continue_token && ++pages_of_prefix < request.pages_per_prefix) {
            token = *page.continue_token;
        } else {
            prefix = random_prefix(prng);
            token.clear();
            pages_of_prefix = 0;
            ++widenings;
        }
    }
    sample.candidates = candidates.size();
    if (candidates.empty() && stopped_by)
        return SampleError{SampleErrorKind::none_found, {host_of(request.api_url)}, std::move(stopped_by)};
    if (candidates.size() < static_cast<std::size_t>(request.count))
        return SampleError{SampleErrorKind::too_few,
                           {std::to_string(candidates.size()), group_digits(request.size), host_of(request.api_url),
                            std::to_string(sample.requests), std::to_string(request.count)},
                           std::move(stopped_by)};
    sample.images = pick_nearest(std::move(candidates), request.size, request.count, prng);
    return sample;
}

}  // namespace conclab::wikipics

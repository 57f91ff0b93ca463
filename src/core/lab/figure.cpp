// A lab figure from its samples (figure.h): median, percentiles and spread, samples rescaled, numbers formatted.
#include "core/lab/figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace conclab::lab {

double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) throw std::invalid_argument("percentile of no samples");
    std::sort(samples.begin(), samples.end());
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(samples.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(rank));
    const std::size_t above = std::min(below + 1, samples.size() - 1);
    const double weight = rank - static_cast<double>(below);
    return samples[below] + (samples[above] - samples[below]) * weight;
}

double median(std::vector<double> samples) { return percentile(std::move(samples), 50); }

Figure summarize(const std::vector<double>& samples, std::string unit, Method method) {
    if (samples.empty()) throw std::invalid_argument("no samples to summarize");
    Figure f;
    f.value = median(samples);
    f.unit = std::move(unit);
    f.samples = static_cast<int>(samples.size());
    f.method = std::move(method);
    if (samples.size() >= 5) {
        f.spread_low = percentile(samples, 25);
        f.spread_high = percentile(samples, 75);
        f.spread_kind = kSpreadQuartiles;
    } else {
        const auto [low, high] = std::minmax_element(samples.begin(), samples.end());
        f.spread_low = *low;
        f.spread_high = *high;
        f.spread_kind = kSpreadRange;
    }
    return f;
}

std::vector<double> scaled(std::vector<double> samples, double factor) {
    for (double& s : samples) s *= factor;
    return samples;
}

std::vector<double> inverted(const std::vector<double>& samples, double numerator) {
    std::vector<double> out;
    out.reserve(samples.size());
    for (double s : samples)
        if (s > 0) out.push_back(numerator / s);
    return out;
}

std::string format_number(double value) {
    char buffer[48];
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e9) std::snprintf(buffer, sizeof buffer, "%.3g", value);
    else if (magnitude >= 100 || magnitude == 0) std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else if (magnitude >= 10) std::snprintf(buffer, sizeof buffer, "%.1f", value);
    else if (magnitude >= 1) std::snprintf(buffer, sizeof buffer, "%.2f", value);
    else std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
}

}  // namespace conclab::lab

// One measured figure of the lab (a value with its unit, spread, sample count and how it was measured),
// and the statistics that turn raw samples into one.
#pragma once

#include "core/lab/method.h"

#include <string>
#include <vector>

namespace conclab::lab {

/// @brief Which spread a Figure carries.
inline constexpr const char* kSpreadQuartiles = "p25-p75";
inline constexpr const char* kSpreadRange = "min-max";

/// @brief A measured value: the median of its samples (or a single computed value), with its spread.
struct Figure {
    double value = 0;
    std::string unit;           ///< "us", "KiB", "MB/s", "switches/s", "x", "ns", …
    double spread_low = 0;
    double spread_high = 0;
    std::string spread_kind;    ///< kSpreadQuartiles with ≥ 5 samples, else kSpreadRange
    int samples = 0;
    Method method;              ///< how it was measured (english(method): the JSON's "method")
};

/// @brief The p-th percentile (0..100) of `samples`, interpolated linearly between neighbours as
/// numpy's default does. Throws std::invalid_argument on an empty list.
double percentile(std::vector<double> samples, double p);

/// @brief percentile(samples, 50).
double median(std::vector<double> samples);

/// @brief The median of `samples` with p25–p75 as spread when there are at least 5 samples, else min–max.
/// Throws std::invalid_argument on an empty list.
Figure summarize(const std::vector<double>& samples, std::string unit, Method method);

/// @brief Every sample multiplied by `factor` (unit changes: seconds → microseconds).
std::vector<double> scaled(std::vector<double> samples, double factor);

/// @brief Each sample replaced by numerator / sample (seconds per round trip → round trips per second).
/// Zero or negative samples are dropped.
std::vector<double> inverted(const std::vector<double>& samples, double numerator);

/// @brief "12.3", "0.0456", "1234567" — three significant digits at least, no exponent below 1e9.
std::string format_number(double value);

}  // namespace conclab::lab

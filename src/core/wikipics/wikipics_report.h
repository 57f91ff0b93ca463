// How a wikipics run is shown: the talk's lines ("( 1)   5_086_950 bytes | Name.jpg"), the closing
// totals (downloaded, errors by reason, TOTAL BYTES, %%time), and the JSON of --json and CONCLAB_RESULT.
#pragma once

#include "core/wikipics/wikipics_run.h"

#include <nlohmann/json.hpp>

#include <string>

namespace conclab::wikipics {

/// @brief 5086950 → "5_086_950", as Python's f"{n:_}".
std::string group_digits(long long value);

/// @brief Bytes of the images that arrived without error.
long long total_bytes(const WikipicsReport& report);

/// @brief `{"demo":"wikipics","executor":…,"images":[{"url","bytes","status","error":null|"…","elapsed_s",
/// "worker","decode_s"}],"total_bytes","wall_s","cpu":{…}}` plus the run's settings; images in completion order.
nlohmann::json to_json(const WikipicsReport& report);

/// @brief "( 1)   5_086_950 bytes | Name.jpg", or "( 2)  timeout (…) | Name.jpg"; `position` counts from 1.
std::string format_image_line(const ImageResult& result, std::size_t position);

/// @brief Downloaded / errors by reason / TOTAL BYTES / elapsed and MB/s / CPU times, one per line.
std::string format_summary(const WikipicsReport& report);

}  // namespace conclab::wikipics

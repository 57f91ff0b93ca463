// The CPython runtime's side of the spinner, as core sees it: python/spinner.py (threading, multiprocessing or asyncio)
// runs the spinner and the slow call, and prints one JSON line per event — "hello", "spin", a "frame" per frame drawn,
// "call" start and end, "stop", the "result" and the "end" line with getrusage, times on the system's monotonic clock.
// The script job below reads them: the frames into a SpinnerLog (the same FrameGaps figures as the C++ spinner's), the
// result and end lines as primes.py's (python_protocol.h).
#pragma once

#include "core/exec/interpreter.h"
#include "core/spinner/spinner.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::spinner {

/// @brief What the script's spinner did, as its lines told it; filled on the executor's reading thread.
class SpinnerLog {
public:
    /// @brief Called for each frame line as it arrives (index from 0), to draw it.
    using OnFrame = std::function<void(std::uint64_t index)>;
    explicit SpinnerLog(OnFrame on_frame = {}) : on_frame_(std::move(on_frame)) {}

    /// @brief One line of spinner.py: its spinner events are kept here (ScriptNote), hello/result/end go to the
    /// executor as primes.py's do; anything else is a ScriptBadLine.
    exec::ScriptEvent read_line(std::string_view line);

    /// @brief The frames' figures over the spinner's life (spin to stop), frames within the call counted as in_call;
    /// nullopt until the stop line came.
    std::optional<FrameGaps> gaps() const;
    /// @brief sys.getswitchinterval() as hello said (0 before): how often a thread holding the GIL is asked to drop it.
    double switch_interval_s() const;
    /// @brief The longest gap while the call ran, between its start, its frames and its end (the whole call without
    /// a frame); 0 before the call ended.
    double longest_gap_in_call_s() const;

private:
    mutable std::mutex mutex_;
    OnFrame on_frame_;
    std::vector<double> frames_;
    std::optional<double> spin_, stop_, call_start_, call_end_;
    double switch_interval_s_ = 0;
};

/// @brief python/spinner.py with `options`' kind and block, reading its lines into `log`. Its one task's argument is
/// slow_call_argument(seconds, number); its value is the lpf in decimal.
exec::ScriptJob python_spinner_job(const SpinnerOptions& options, std::shared_ptr<SpinnerLog> log);

}  // namespace conclab::spinner

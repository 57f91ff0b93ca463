// The Python runtime's side of primes, as core sees it: the one protocol python/primes.py speaks — one JSON line per
// event: "hello", a "result" per number as it completes (64-bit integers as strings, times on the system's monotonic
// clock), then "end" with getrusage of self and of children — and the script job that runs it.
#pragma once

#include "core/base/clock.h"
#include "core/exec/executor.h"
#include "core/exec/interpreter.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace conclab::primes {

enum class Runtime { cpp, python };
std::string_view to_string(Runtime runtime);
std::span<const std::string_view> runtime_choices();

struct HelloLine {
    std::string python;
    bool gil = true;
    std::optional<std::string> start_method;
};
struct ResultLine {
    std::size_t index = 0;
    std::uint64_t n = 0;
    std::uint64_t lpf = 0;
    std::string worker;
    double started = 0;    ///< monotonic seconds (CLOCK_MONOTONIC, as std::chrono::steady_clock on Linux)
    double finished = 0;
};
struct EndLine {
    double wall_s = 0;
    CpuSeconds self;
    CpuSeconds children;
    CpuSeconds total() const { return {self.user_s + children.user_s, self.sys_s + children.sys_s}; }
};
struct BadLine {
    std::string why;
};
using ProtocolLine = std::variant<HelloLine, ResultLine, EndLine, BadLine>;

/// @brief One line of python/primes.py's output; BadLine says what is wrong with anything else.
ProtocolLine parse_protocol_line(std::string_view line);

/// @brief What the executor running the script makes of a line: a result's value is the lpf in decimal.
exec::ScriptEvent to_script_event(const ProtocolLine& line);

/// @brief python/primes.py with the executor `kind` (sequential, threads, processes) and `workers`, reading its
/// lines with parse_protocol_line. The GIL model is C++'s: gil throws std::invalid_argument.
exec::ScriptJob python_job(exec::ExecutorKind kind, int workers);

}  // namespace conclab::primes

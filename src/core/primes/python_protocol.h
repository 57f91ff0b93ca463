// The CPython runtime's side of primes, as core sees it: what an interpreter is (probed facts), and the one protocol
// python/primes.py speaks — one JSON line per event: "hello", a "result" per number as it completes (64-bit integers
// as strings, times on the system's monotonic clock), then "end" with getrusage of self and of children.
#pragma once

#include "base/clock.h"

#include <nlohmann/json_fwd.hpp>

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

/// @brief The oldest Python the scripts run on (math.isqrt).
inline constexpr int kMinPythonMajor = 3;
inline constexpr int kMinPythonMinor = 8;

/// @brief Who runs the checks: "C++" (this program) or an interpreter found on the machine.
struct RuntimeInfo {
    std::string name = "C++";
    std::string version;                 ///< "3.11.2" (interpreters only)
    bool gil = true;                     ///< interpreters only: the GIL is on in this process
    bool free_threaded_build = false;    ///< Py_GIL_DISABLED: a python3.13t-style build
    std::string executable;              ///< its path, as started
    std::vector<std::string> free_threaded_beside;   ///< python3.13t, python3.14t… in the same folder
    std::optional<std::string> start_method;          ///< a process pool's: fork, forkserver or spawn
    std::optional<CpuSeconds> cpu;       ///< the interpreter's own %%time: getrusage self + children after its pool
    bool is_python() const { return name != "C++"; }
};

/// @brief "CPython 3.11" (major.minor), or "C++".
std::string short_label(const RuntimeInfo& runtime);

/// @brief The code given to `python -c` to learn what an interpreter is; it answers one line
/// "conclab-probe IMPLEMENTATION VERSION GIL_DISABLED_BUILD GIL_ENABLED" and runs on any Python, 2.7 included.
std::string_view probe_code();

/// @brief Reads the probe's answer into `info` (name, version, gil, free_threaded_build); false if it is not one.
bool parse_probe_answer(std::string_view answer, RuntimeInfo& info);

/// @brief Empty when the version is new enough; else why not ("Python 2.7.18 is too old: the talk's programs need
/// Python 3.8 or newer").
std::string version_problem(const RuntimeInfo& info);

/// @brief python3.13t, python3.14t…: a free-threaded interpreter's file name (CPython's naming).
bool is_free_threaded_name(std::string_view file_name);

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

/// @brief {"name": "CPython", "version": "3.11.2", "gil": true, "executable": "…", …}; {"name": "C++"} for ours.
nlohmann::json to_json(const RuntimeInfo& runtime);

}  // namespace conclab::primes

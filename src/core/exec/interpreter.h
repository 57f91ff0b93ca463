// An interpreter on the machine as core sees it, whatever the demo: what it is (the probe's answer, the version floor,
// its free-threaded siblings, its JSON) and a script job — the script a demo gives it, and how that demo reads the
// script's lines into results. The platform starts the interpreter and streams the lines (platform.h); it knows no
// demo.
#pragma once

#include "core/base/clock.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace conclab::exec {

/// @brief The oldest Python the scripts run on (math.isqrt).
inline constexpr int kMinPythonMajor = 3;
inline constexpr int kMinPythonMinor = 8;

/// @brief Who runs the work: "C++" (this program) or an interpreter found on the machine (or the page's Pyodide).
struct RuntimeInfo {
    std::string name = "C++";
    std::string version;                 ///< "3.11.2" (interpreters only)
    bool gil = true;                     ///< interpreters only: the GIL is on in this process
    bool free_threaded_build = false;    ///< Py_GIL_DISABLED: a python3.13t-style build
    std::string executable;              ///< its path, as started
    std::vector<std::string> free_threaded_beside;   ///< python3.13t, python3.14t… in the same folder
    std::optional<std::string> start_method;          ///< a process pool's: fork, forkserver or spawn
    std::optional<CpuSeconds> cpu;       ///< the interpreter's own %%time: getrusage self + children after its pool
    std::optional<std::string> python;   ///< a runtime that is not CPython's own build: its CPython ("3.14.2" in Pyodide)
    std::optional<bool> threads;         ///< said when the runtime has none (Pyodide: false)
    bool is_python() const { return name != "C++"; }
};

/// @brief "CPython 3.11" (major.minor), "Pyodide 3.14" (its CPython's), or "C++".
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

/// @brief {"name": "CPython", "version": "3.11.2", "gil": true, "executable": "…", …}; {"name": "C++"} for ours.
nlohmann::json to_json(const RuntimeInfo& runtime);

/// @brief What one line of a script's output means to the executor running it.
struct ScriptStarted {
    std::optional<std::string> start_method;   ///< its pool's, when it has one
};
struct ScriptResult {
    std::size_t index = 0;   ///< the task's place in the order they were submitted
    std::string value;       ///< the task's result, as the future gives it
    std::string worker;
    double started = 0;      ///< monotonic seconds (CLOCK_MONOTONIC, as std::chrono::steady_clock on Linux)
    double finished = 0;
};
struct ScriptEnded {
    CpuSeconds cpu;   ///< the interpreter's own getrusage, self + children
};
struct ScriptBadLine {
    std::string why;
};
/// @brief A line the job kept for itself (a spinner's frame): nothing for the executor.
struct ScriptNote {};
using ScriptEvent = std::variant<ScriptStarted, ScriptResult, ScriptEnded, ScriptBadLine, ScriptNote>;

/// @brief A script an interpreter runs for a demo: each task's argument is written to its stdin on a line, then
/// "go"; it answers with lines that `read_line` turns into events; it stops itself when its stdin closes.
struct ScriptJob {
    std::string script;                   ///< a file of the project's python/ folder ("primes.py")
    std::vector<std::string> arguments;   ///< given after the script's path
    std::function<ScriptEvent(std::string_view line)> read_line;
};

}  // namespace conclab::exec

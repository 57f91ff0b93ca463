// The lab's CPython column as core sees it: which of python/lab.py's measures each suite asks for, the script job that
// runs them, its line protocol (one "result" line per measure with its raw samples, or "missing" with why) and where
// each figure goes in the report: beside the C++ figure of the same model, in the cpython_* columns.
#pragma once

#include "core/exec/executor.h"
#include "core/exec/interpreter.h"
#include "core/lab/lab_options.h"
#include "core/lab/lab_report.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace conclab::lab {

/// @brief lab.py's measures for `suite`, in the order they run ("interpreter_start", "pool_first_result:fork", …);
/// empty for the suites CPython adds nothing to.
std::vector<std::string> python_measures(Suite suite);

struct PythonLabHello {
    std::string python;
    bool gil = true;
    std::string start_method;   ///< multiprocessing's default here
};
struct PythonLabResult {
    std::string measure;
    std::string unit;
    std::vector<double> samples;
    Method method;   ///< typed when lab.py names a MethodId ("method_id", "method_args"), else its sentence
};
struct PythonLabMissing {
    std::string measure;
    Reason why;      ///< typed when lab.py names a ReasonId ("why_id", "why_args"), else its sentence
};
struct PythonLabEnd {};
struct PythonLabBadLine {
    std::string why;
};
using PythonLabLine = std::variant<PythonLabHello, PythonLabResult, PythonLabMissing, PythonLabEnd, PythonLabBadLine>;

/// @brief One line of python/lab.py's output.
PythonLabLine parse_python_lab_line(std::string_view line);

/// @brief python/lab.py with `repeats` samples each; a measure's future gives its whole line (result or missing).
exec::ScriptJob python_lab_job(int repeats);

/// @brief Puts what `lines` (lab.py's result and missing lines, as python_lab_job's futures give them) measured into
/// `section`: interpreter_start, thread_start and task_start in start_one's cpython_processes / _threads /
/// _coroutines; each pool_first_result in its own measure; idle_* in resident_each; queue_round_trip and
/// pipe_round_trip in the 64 B round trip through lock + queue / socketpair (what queue.Queue and a Pipe are).
/// A missing measure is the cell's reason.
void add_python_lines(Section& section, const std::vector<std::string>& lines);

/// @brief Runs `measures` with `repeats` samples each and gives each one's line in order (an error line, as
/// {"event": "missing", …}, for a measure that failed); stops early, killing the interpreter, once `cancel` is set.
using PythonLabRunner =
    std::function<std::vector<std::string>(const std::vector<std::string>& measures, int repeats, const std::atomic<bool>& cancel)>;

/// @brief A runner on the executors `make` gives (platform::make_script_executor with the probed interpreter).
PythonLabRunner script_lab_runner(std::function<std::unique_ptr<exec::Executor>(exec::ScriptJob job)> make);

}  // namespace conclab::lab

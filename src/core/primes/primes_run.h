// One run of the primes demo: a sample checked on one executor, results in completion order, and
// the %%time figures (wall and CPU). The CLI waits on it; the GUI polls it once per frame.
#pragma once

#include "core/base/duration.h"
#include "core/base/clock.h"
#include "core/exec/executor.h"
#include "core/primes/primes_options.h"
#include "core/primes/python_protocol.h"
#include "core/primes/samples.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conclab::primes {

/// @brief How a check ended: with its lpf, with an error (its worker died, say), or cancelled before it ran.
enum class CheckStatus { done, failed, cancelled };
std::string_view to_string(CheckStatus status);

struct CheckResult {
    std::size_t index = 0;   ///< position in the sample
    std::uint64_t n = 0;
    std::uint64_t lpf = 0;   ///< 0 when the check failed or was cancelled
    bool prime = false;
    std::string worker;
    double started_s = 0;    ///< since the run started
    double elapsed_s = 0;
    double busy_s = 0;       ///< elapsed minus time spent waiting for the GIL
    CheckStatus status = CheckStatus::done;
    std::optional<std::string> error;   ///< failed: the reason; cancelled: "cancelled" or "cancelled while running"
    std::optional<double> cpu_s;              ///< the worker process's own CPU time for this check (native processes)
    std::optional<double> worker_startup_s;   ///< how long its worker took to start (process pools)
    std::vector<exec::TimeSpan> gil_waits;   ///< when it waited for the GIL, since the run started (GIL model)
};


struct PrimesReport {
    PrimesOptions options;
    std::vector<CheckResult> results;   ///< in completion order
    double wall_s = 0;
    double startup_s = 0;               ///< until the first check started (processes: spawning them)
    std::optional<CpuSeconds> cpu;
    bool cancelled = false;
    bool finished = false;
    exec::RuntimeInfo runtime;          ///< "C++", or the interpreter that ran python/primes.py
};

/// @brief Makes the executor a run asked for (the platform's make_executor: processes need the platform).
using ExecutorMaker = std::function<std::unique_ptr<exec::Executor>(exec::ExecutorKind kind, int workers)>;

class PrimesRun {
public:
    /// @brief Starts the clock, makes the executor the options ask for and submits every number.
    /// Throws what the maker throws. `runtime` says who runs the checks (the maker's executor is that runtime's).
    PrimesRun(PrimesOptions options, const ExecutorMaker& make_executor, RunClock clock, exec::RuntimeInfo runtime = {});
    ~PrimesRun();

    /// @brief Results finished since the last call; never blocks.
    std::vector<CheckResult> poll();
    /// @brief The next result, blocking; nullopt when all are in.
    std::optional<CheckResult> wait_next();
    /// @brief Cancels pending checks and stops running ones at their next checkpoint.
    void cancel();
    bool finished() const { return report_.finished; }
    /// @brief The report so far; final once finished().
    const PrimesReport& report() const { return report_; }
    /// @brief The checks running right now (worker and start time set, no result yet).
    std::vector<CheckResult> in_flight() const;
    double elapsed_s() const;

private:
    CheckResult to_result(const exec::Future& future);
    void finish_if_done();
    std::optional<double> first_start() const;

    RunClock clock_;
    PrimesReport report_;
    double start_wall_ = 0;
    std::optional<double> last_result_wall_;
    double executor_epoch_ = 0;   // the executor's clock zero on the run clock
    std::optional<CpuSeconds> start_cpu_;
    std::unique_ptr<exec::Executor> executor_;
    std::vector<exec::Future> futures_;
    std::optional<exec::AsCompleted> completions_;
};

/// @brief The run as the JSON of the CLI and of CONCLAB_RESULT (64-bit integers as strings).
nlohmann::json to_json(const PrimesReport& report);

/// @brief One line of the talk's table: "18_014_398_509_481_951  ✓  …" for the CLI.
std::string format_result_line(const CheckResult& result);

/// @brief "21 checks in 1.23s (threads x2)".
std::string format_summary_line(const PrimesReport& report);

/// @brief The notebook's %%time lines: "CPU times: user …, sys …, total …" and "Wall time: …".
std::string format_time_lines(const PrimesReport& report);

// core/base's, which wikipics prints with too; primes' own users keep the name.
using base::format_duration;

}  // namespace conclab::primes

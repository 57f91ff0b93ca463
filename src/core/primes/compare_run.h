// Compare all: the four executors on the same sample, several runs each, summarised by the median wall time,
// its spread and the speedup over sequential — the CPU lesson in one picture. Runs go round by round (each
// executor once, then again) so that a machine that gets busier midway slows them all alike. Like PrimesRun,
// the CLI waits on it and the GUI polls it once per frame.
#pragma once

#include "core/primes/primes_run.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace conclab::primes {

/// @brief The executors Compare all runs, in the order of the lesson: the baseline, Python's threads (the GIL
/// model), processes, then threads with no GIL (C++).
std::span<const exec::ExecutorKind> compare_executors();

/// @brief With an interpreter: CPython's own executors, after the C++ ones (its threads beside the GIL model).
std::span<const exec::ExecutorKind> python_compare_executors();

/// @brief The machine's CPython in Compare all: who it is, and how to make its executors (python/primes.py).
struct PythonRows {
    exec::RuntimeInfo runtime;
    ExecutorMaker make_executor;
};

/// @brief One executor's runs summed up. Speedups are the sequential median of the same runtime over this
/// executor's times (CPython threads against CPython sequential, as the GIL model against C++ sequential).
struct ExecutorSummary {
    Runtime runtime = Runtime::cpp;
    exec::ExecutorKind executor = exec::ExecutorKind::sequential;
    int workers = 0;
    std::vector<double> walls_s;   ///< the complete runs' wall times, in run order
    double median_s = 0;
    double min_s = 0;
    double max_s = 0;
    double spread_s() const { return max_s - min_s; }
    std::optional<double> speedup;       ///< sequential median / median_s (none without a sequential run)
    std::optional<double> speedup_min;   ///< sequential median / max_s
    std::optional<double> speedup_max;   ///< sequential median / min_s
    std::optional<double> vs_cpp_sequential;   ///< CPython rows: the C++ sequential median / median_s
};

/// @brief The median (the mean of the middle two for an even count); 0 for none.
double median(std::vector<double> values);

struct CompareRunReport {
    PrimesReport report;
    int repeat = 1;   ///< 1-based
};

struct CompareReport {
    PrimesOptions options;   ///< workers: the parallel executors' count (sequential runs get one)
    std::optional<exec::RuntimeInfo> python;   ///< CPython's rows are in: the interpreter that ran them
    std::vector<CompareRunReport> runs;   ///< in the order they ran
    double wall_s = 0;                    ///< the whole comparison
    bool finished = false;
    bool cancelled = false;
    std::optional<std::string> error;   ///< a run could not start (its executor threw): the comparison stopped there
};

/// @brief The summary of each executor with at least one complete run (not cancelled), in compare_executors() order,
/// then CPython's in python_compare_executors() order.
std::vector<ExecutorSummary> summarize(const CompareReport& report);

class CompareRun {
public:
    /// @brief Starts the clock and the first run. Throws what the maker throws for that first executor. With `python`,
    /// each round also runs CPython's sequential, threads and processes (python/primes.py) on the same sample.
    CompareRun(PrimesOptions options, ExecutorMaker make_executor, RunClock clock, std::optional<PythonRows> python = {});
    ~CompareRun();
    CompareRun(const CompareRun&) = delete;
    CompareRun& operator=(const CompareRun&) = delete;

    /// @brief Drains the current run and, once it has finished, starts the next; never blocks. True when
    /// something changed (a result came, a run ended).
    bool poll();
    /// @brief Runs everything left, blocking; `on_result` sees each check as it comes (on this thread),
    /// `on_run` each run as it ends.
    void wait(const std::function<void(const CheckResult&)>& on_result = {},
              const std::function<void(const CompareRunReport&)>& on_run = {});
    /// @brief Cancels the run in progress (at its checks' next checkpoint) and starts no other.
    void cancel();
    bool finished() const { return report_.finished; }
    /// @brief The report so far; final once finished().
    const CompareReport& report() const { return report_; }
    /// @brief The run in progress, if any (its table, timeline and elapsed time while it runs).
    const PrimesRun* current() const { return current_.get(); }
    /// @brief The executor and 1-based repeat of the run in progress (or the next one).
    exec::ExecutorKind current_executor() const;
    /// @brief Whether the run in progress (or the next one) is CPython's.
    Runtime current_runtime() const;
    int current_repeat() const;
    std::size_t runs_done() const { return report_.runs.size(); }
    std::size_t total_runs() const;
    double elapsed_s() const;

private:
    void start_next();    // under mutex_
    void end_current();   // under mutex_
    PrimesOptions options_for(std::size_t run) const;
    std::unique_ptr<PrimesRun> make_run(std::size_t run) const;
    std::size_t slot_of(std::size_t run) const { return run % slots_.size(); }

    struct Slot {
        Runtime runtime;
        exec::ExecutorKind executor;
    };
    std::vector<Slot> slots_;   // one round: the C++ executors, then CPython's
    ExecutorMaker make_executor_;
    std::optional<PythonRows> python_;
    RunClock clock_;
    CompareReport report_;
    double start_wall_ = 0;
    std::size_t next_ = 0;   // the index of the next run to start
    mutable std::mutex mutex_;   // current_ and the cancel flag: Ctrl+C cancels from another thread
    std::unique_ptr<PrimesRun> current_;
    bool cancel_requested_ = false;
};

/// @brief {"demo":"primes","mode":"compare", …, "runs":[one run's JSON plus "repeat"], "summary":[…]}.
nlohmann::json to_json(const CompareReport& report);

}  // namespace conclab::primes

// One run of the lab: the chosen suites measured one step at a time on a worker thread, so that the CLI can
// wait on it and the GUI can poll it once per frame. The measurements come from injected Probes.
#pragma once

#include "core/lab/lab_options.h"
#include "core/lab/lab_report.h"
#include "core/lab/lab_steps.h"
#include "core/lab/probes.h"
#include "core/lab/python_lab.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace conclab::lab {

/// @brief Where a run is, and what it has measured so far.
struct LabProgress {
    std::optional<Suite> suite;   ///< the suite of the step running now (or last run)
    std::string step;             ///< its label: "processes: posix_spawn + wait"
    StepName step_name;           ///< the same as data (the UI words it)
    int steps_done = 0;
    int steps_total = 0;
    double fraction = 0;          ///< 0..1, weighted by each step's expected time
    bool finished = false;
    bool cancelled = false;
    LabReport report;             ///< every figure measured so far
};

class LabRun {
public:
    /// @brief Starts measuring at once on a worker thread. `logical_cpus` sizes the scaling suite. With
    /// options.python, `python` runs lab.py's measures after each suite's own (a step of its own, cancelled as one).
    LabRun(LabOptions options, std::unique_ptr<Probes> probes, int logical_cpus, PythonLabRunner python = {});
    /// @brief Cancels and waits for the step in progress to end.
    ~LabRun();
    LabRun(const LabRun&) = delete;
    LabRun& operator=(const LabRun&) = delete;

    /// @brief Progress and the figures so far; never blocks for longer than a copy.
    LabProgress poll() const;
    /// @brief Blocks until every step ran or the run was cancelled; returns the final report.
    const LabReport& wait();
    /// @brief Stops after the step in progress (a probe is not interrupted midway).
    void cancel();
    bool finished() const;

private:
    void work();

    LabOptions options_;
    std::unique_ptr<Probes> probes_;
    std::vector<LabStep> steps_;
    double total_weight_ = 0;

    mutable std::mutex mutex_;
    std::condition_variable done_;
    LabProgress progress_;
    std::atomic<bool> cancel_requested_{false};
    std::thread worker_;
};

}  // namespace conclab::lab

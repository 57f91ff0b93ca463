// `conclab primes`: the talk's table in completion order and its %%time figures, or Compare all, text or --json
// (primes_command.h).
#include "app/cli/primes_command.h"

#include "app/cli/demo_flags.h"
#include "app/cli/interrupt.h"
#include "platform/platform.h"
#include "core/primes/compare_run.h"
#include "core/primes/primes_options.h"
#include "core/primes/primes_run.h"
#include "core/primes/primes_trace.h"
#include "app/cli/trace_flag.h"
#include "platform/trace_machine.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace conclab::cli {
namespace {

struct PrimesArgs {
    std::vector<std::string> numbers;
    options::Params params;
    bool json = false;
    std::string trace;
};

// What each executor is, for the table (the GUI words them from its EN/PT text tables).
const char* executor_label(exec::ExecutorKind kind) {
    switch (kind) {
    case exec::ExecutorKind::sequential: return "sequential";
    case exec::ExecutorKind::threads: return "threads, no GIL (C++)";
    case exec::ExecutorKind::processes: return "processes";
    case exec::ExecutorKind::gil: return "threads under a GIL (Python's model)";
    }
    return "?";
}

// CPython's rows, beside the C++ ones: its threads are the real GIL the model imitates.
const char* python_executor_label(exec::ExecutorKind kind) {
    switch (kind) {
    case exec::ExecutorKind::sequential: return "CPython sequential";
    case exec::ExecutorKind::threads: return "CPython threads (its own GIL)";
    case exec::ExecutorKind::processes: return "CPython processes";
    case exec::ExecutorKind::gil: break;
    }
    return "?";
}

void print_compare_table(const primes::CompareReport& report) {
    std::printf("\n%-38s %-10s %7s %4s %9s %9s %9s %8s%s\n", "executor", "id", "workers", "runs", "median", "min", "max",
                "speedup", report.python ? "  vs C++ sequential" : "");
    for (const auto& s : primes::summarize(report)) {
        char speedup[32] = "-", vs_cpp[48] = "";
        if (s.speedup) std::snprintf(speedup, sizeof speedup, "x%.2f", *s.speedup);
        if (s.vs_cpp_sequential) std::snprintf(vs_cpp, sizeof vs_cpp, "  x%.3f", *s.vs_cpp_sequential);
        const bool python = s.runtime == primes::Runtime::python;
        std::printf("%-38s %-10s %7d %4zu %9s %9s %9s %8s%s\n",
                    python ? python_executor_label(s.executor) : executor_label(s.executor),
                    std::string(exec::to_string(s.executor)).c_str(), s.workers, s.walls_s.size(),
                    primes::format_duration(s.median_s).c_str(), primes::format_duration(s.min_s).c_str(),
                    primes::format_duration(s.max_s).c_str(), speedup, vs_cpp);
    }
    if (report.python)
        std::printf("CPython rows: %s (%s); their speedup is over CPython sequential, as the C++ rows' is over C++ "
                    "sequential\n", exec::short_label(*report.python).c_str(), report.python->executable.c_str());
    std::printf("Sample %s (%zu checks), %d repeat%s each; %s in all%s\n", report.options.sample.name.c_str(),
                report.options.sample.numbers.size(), report.options.repeats, report.options.repeats == 1 ? "" : "s",
                primes::format_duration(report.wall_s).c_str(), report.cancelled ? ", cancelled" : "");
    std::fflush(stdout);
}

int run_compare(primes::PrimesOptions options, bool json, TraceFile& trace) {
    std::optional<primes::PythonRows> python;
    if (options.runtime == primes::Runtime::python) {   // CPython's rows beside the C++ ones, on the same sample
        primes::PythonRows rows;
        try {
            rows.runtime = platform::probe_python(options.python);
            platform::python_script("primes.py");
        } catch (const platform::PythonUnavailable& e) {
            throw UsageError(e.what());
        }
        rows.make_executor = [runtime = rows.runtime](exec::ExecutorKind kind, int workers) {
            return platform::make_script_executor(kind, workers, runtime, primes::python_job(kind, workers));
        };
        python = std::move(rows);
    }
    InterruptWatch interrupt;   // Ctrl+C / SIGTERM: cancel, print what finished, exit 130
    primes::CompareRun compare(std::move(options), platform::make_executor, platform::run_clock(), std::move(python));
    interrupt.on_interrupt([&compare] { compare.cancel(); });
    if (interrupt.interrupted()) compare.cancel();   // a signal before the action was set had nothing to call
    const std::size_t total = compare.total_runs();
    compare.wait({}, [&](const primes::CompareRunReport& run) {
        if (json) return;
        const auto& r = run.report;
        const char* label = r.options.runtime == primes::Runtime::python ? python_executor_label(r.options.executor)
                                                                         : executor_label(r.options.executor);
        std::printf("run %2zu/%zu  %-38s repeat %d  %s%s\n", compare.runs_done(), total, label,
                    run.repeat, primes::format_duration(r.wall_s).c_str(), r.cancelled ? " (cancelled)" : "");
        std::fflush(stdout);
    });
    interrupt.stop();
    const auto& report = compare.report();
    if (json) {
        std::cout << primes::to_json(report).dump() << "\n" << std::flush;
    } else {
        print_compare_table(report);
        if (!report.python && !report.cancelled) {
            try {   // a teacher's next step: the real GIL beside the model
                const auto found = platform::probe_python("");
                std::printf("%s is on this machine: --runtime python adds its sequential, threads and processes rows\n",
                            exec::short_label(found).c_str());
            } catch (const platform::PythonUnavailable&) {
            }
        }
    }
    trace.write(primes::to_trace(report, platform::trace_machine()));
    if (interrupt.interrupted()) return kInterrupted;
    if (report.error) {
        std::cerr << "error: " << *report.error << "\n";
        return 1;
    }
    return 0;
}

int run_primes(const PrimesArgs& args) {
    options::Params params = args.params;
    if (!args.numbers.empty()) {
        if (params.count("numbers")) throw UsageError("give numbers as arguments or with --numbers, not both");
        std::string joined;
        for (const auto& n : args.numbers) joined += n + " ";
        params["numbers"] = joined;
    }
    options::FieldErrors errors;
    auto options = primes::parse_primes_options(params, platform::logical_cpus(), errors);
    if (!errors.empty()) throw UsageError(options::first_error(errors, primes::primes_option_specs()));
    if (params.count("repeats") && !options.compare) throw UsageError("--repeats goes with --compare");
    TraceFile trace(args.trace);
    if (options.compare) return run_compare(std::move(options), args.json, trace);

    exec::RuntimeInfo runtime;
    primes::ExecutorMaker maker = platform::make_executor;
    if (options.runtime == primes::Runtime::python) {
        try {
            runtime = platform::probe_python(options.python);
            platform::python_script("primes.py");
        } catch (const platform::PythonUnavailable& e) {
            throw UsageError(e.what());
        }
        maker = [runtime](exec::ExecutorKind kind, int workers) {
            return platform::make_script_executor(kind, workers, runtime, primes::python_job(kind, workers));
        };
    }
    InterruptWatch interrupt;   // Ctrl+C / SIGTERM: cancel, print what finished, exit 130
    primes::PrimesRun run(std::move(options), maker, platform::run_clock(), runtime);
    interrupt.on_interrupt([&run] { run.cancel(); });
    if (interrupt.interrupted()) run.cancel();   // a signal before the action was set had nothing to call
    while (auto result = run.wait_next()) {
        if (!args.json) std::cout << primes::format_result_line(*result) << "\n" << std::flush;
    }
    interrupt.stop();
    const auto& report = run.report();
    if (args.json) std::cout << primes::to_json(report).dump() << "\n";
    else std::cout << primes::format_summary_line(report) << "\n" << primes::format_time_lines(report);
    trace.write(primes::to_trace(report, platform::trace_machine()));
    if (interrupt.interrupted()) return kInterrupted;
    return 0;   // a check that failed (a crashed worker) is a per-item failure: in the lines and the JSON, exit 0
}

}  // namespace

Command add_primes_command(CLI::App& app) {
    auto* sub = app.add_subcommand("primes", "Check primality (CPU bound) on an executor, as in the talk; --compare: every executor, several runs each");
    auto args = std::make_shared<PrimesArgs>();
    sub->add_option("numbers", args->numbers, "Numbers to check (1 to 2**64-1, '_' allowed)");
    add_option_flags(*sub, primes::primes_option_specs(), args->params);
    sub->add_flag("--json", args->json, "Print one JSON document");
    add_trace_flag(*sub, args->trace);
    return {sub, [args] { return run_primes(*args); }};
}

}  // namespace conclab::cli

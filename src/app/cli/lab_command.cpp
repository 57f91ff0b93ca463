// `conclab lab`: the lab's suites measured on this machine, progress on stderr, a table, JSON or CSV on stdout
// (lab_command.h).
#include "app/cli/lab_command.h"

#include "app/cli/demo_flags.h"
#include "app/cli/interrupt.h"
#include "core/lab/lab_options.h"
#include "core/lab/lab_run.h"
#include "core/lab/python_lab.h"
#include "platform/lab_probes.h"
#include "platform/platform.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

namespace conclab::cli {
namespace {

struct LabArgs {
    options::Params params;
    bool json = false;
    bool csv = false;
};

void draw_progress(const lab::LabProgress& p) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(p.fraction * kWidth + 0.5);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::string step = p.suite ? std::string(lab::to_string(*p.suite)) + ": " + p.step : p.step;
    if (step.size() > 45) step = step.substr(0, 44) + "~";
    std::fprintf(stderr, "\r[%s] %3.0f%% %-45s", bar.c_str(), p.fraction * 100, step.c_str());
    std::fflush(stderr);
}

int run_lab(const LabArgs& args) {
    options::FieldErrors errors;
    const lab::LabOptions options = lab::parse_lab_options(args.params, errors);
    if (!errors.empty()) throw UsageError(options::first_error(errors, lab::lab_option_specs()));

    std::optional<exec::RuntimeInfo> runtime;
    lab::PythonLabRunner python;
    if (options.python) {
        try {
            runtime = platform::probe_python(options.python_path);
            platform::python_script("lab.py");
        } catch (const platform::PythonUnavailable& e) {
            throw UsageError(e.what());
        }
        python = lab::script_lab_runner([info = *runtime](exec::ScriptJob job) {
            return platform::make_script_executor(exec::ExecutorKind::processes, 1, info, std::move(job));
        });
    }
    InterruptWatch interrupt;   // before the run's thread starts, so that it inherits the blocked signals
    lab::LabRun run(options, platform::make_lab_probes(), platform::logical_cpus(), python);
    interrupt.on_interrupt([&run] { run.cancel(); });
    const bool show_progress = isatty(STDERR_FILENO) == 1;
    while (!run.finished()) {
        if (show_progress) draw_progress(run.poll());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (show_progress) std::fprintf(stderr, "\r%*s\r", 84, "");
    interrupt.stop();
    const lab::LabReport& report = run.wait();
    if (args.json) {
        nlohmann::json doc = lab::to_json(report);
        if (runtime) doc["runtime"] = exec::to_json(*runtime);
        std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else if (args.csv) {
        std::cout << lab::to_csv(report);
    } else {
        if (runtime) std::cout << "CPython columns: " << exec::short_label(*runtime) << (runtime->gil ? " (GIL on)" : " (free-threaded)")
                               << ", " << runtime->executable << "\n\n";
        std::cout << lab::format_text(report);
    }
    return interrupt.interrupted() ? kInterrupted : 0;
}

}  // namespace

Command add_lab_command(CLI::App& app) {
    auto* sub = app.add_subcommand("lab", "Threads vs processes vs coroutines, measured on this machine (the talk's table)");
    auto args = std::make_shared<LabArgs>();
    add_option_flags(*sub, lab::lab_option_specs(), args->params);
    auto* json = sub->add_flag("--json", args->json, "Print one JSON document: one key per suite");
    sub->add_flag("--csv", args->csv, "Print CSV: suite,measure,column,value,unit,low,high,samples")->excludes(json);
    return {sub, [args] { return run_lab(*args); }};
}

}  // namespace conclab::cli

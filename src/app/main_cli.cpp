// `conclab`: every demo headless (text or --json), system facts, the web server, the process-pool
// worker, and — with no subcommand — the desktop GUI.
#include "cli/serve_command.h"
#include "platform.h"
#include "native/process_worker.h"
#include "primes/least_prime_factor.h"
#include "primes/primes_run.h"
#include "primes/samples.h"

#ifdef CONCLAB_HAS_GUI
#include "app.h"
#endif

#include <CLI/CLI.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

using namespace conclab;

namespace {

constexpr int kUsageError = 2;

// Bad input: one line naming the value and what is accepted, exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

int sysinfo(bool json) {
    const auto counts = platform::system_counts();
    const auto build = platform::build_info();
    const int cpus = platform::logical_cpus();
    if (json) {
        nlohmann::json doc{{"cpus", cpus},
                           {"processes", counts.processes ? nlohmann::json(*counts.processes) : nlohmann::json()},
                           {"threads", counts.threads ? nlohmann::json(*counts.threads) : nlohmann::json()},
                           {"own_threads", counts.own_threads ? nlohmann::json(*counts.own_threads) : nlohmann::json()},
                           {"counts_note", counts.note},
                           {"build", {{"kind", build.kind}, {"compiler", build.compiler}, {"type", build.build_type},
                                      {"version", build.version}}},
                           {"process_kind", platform::capabilities().process_kind}};
        std::cout << doc.dump() << "\n";
        return 0;
    }
    std::printf("logical CPUs:  %d\n", cpus);
    if (counts.processes) std::printf("processes:     %d\n", *counts.processes);
    if (counts.threads) std::printf("threads:       %d\n", *counts.threads);
    std::printf("               (%s)\n", counts.note.c_str());
    std::printf("build:         %s %s, %s, Concurrency Lab %s\n", build.kind.c_str(), build.build_type.c_str(),
                build.compiler.c_str(), build.version.c_str());
    return 0;
}

struct PrimesArgs {
    std::vector<std::string> numbers;
    std::string sample;
    std::string executor = "threads";
    int workers = -1;   // -1: not given, use the logical CPUs
    bool json = false;
};

int primes_command(const PrimesArgs& args) {
    std::string error;
    std::optional<primes::Sample> sample;
    if (!args.numbers.empty() && !args.sample.empty())
        throw UsageError("give numbers or --sample, not both");
    if (!args.numbers.empty()) {
        std::string joined;
        for (const auto& n : args.numbers) joined += n + " ";
        sample = primes::parse_number_list(joined, error);
    } else {
        sample = primes::parse_sample_name(args.sample.empty() ? "2**57" : args.sample, error);
    }
    if (!sample) throw UsageError(error);
    auto kind = exec::parse_executor_kind(args.executor);
    if (!kind)
        throw UsageError("unknown executor '" + args.executor + "': use " + std::string(exec::executor_kind_choices()));
    const int requested = args.workers == -1 ? platform::logical_cpus() : args.workers;
    if (auto error_text = exec::workers_error(requested); !error_text.empty()) throw UsageError(error_text);
    const int workers = exec::effective_workers(*kind, requested);

    primes::PrimesOptions options{*sample, *kind, workers};
    primes::PrimesRun run(options, [&] { return platform::make_executor(*kind, workers); }, platform::run_clock());
    while (auto result = run.wait_next()) {
        if (!args.json) std::cout << primes::format_result_line(*result) << "\n" << std::flush;
    }
    const auto& report = run.report();
    if (args.json) {
        std::cout << primes::to_json(report) << "\n";
    } else {
        std::cout << primes::format_summary_line(report) << "\n" << primes::format_time_lines(report);
    }
    for (const auto& r : report.results)
        if (r.error) return 1;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Concurrency Lab — processes, threads and coroutines, measured on your own cores.\n"
                 "With no subcommand, opens the desktop app.",
                 "conclab"};
    app.set_version_flag("--version", std::string("conclab ") + platform::build_info().version);
    app.require_subcommand(0, 1);

    auto* sysinfo_cmd = app.add_subcommand("sysinfo", "Logical CPUs, processes and threads of this machine");
    bool sysinfo_json = false;
    sysinfo_cmd->add_flag("--json", sysinfo_json, "Print one JSON document");

    auto* primes_cmd = app.add_subcommand("primes", "Check primality (CPU bound) on an executor, as in the talk");
    PrimesArgs primes_args;
    primes_cmd->add_option("numbers", primes_args.numbers, "Numbers to check (1 to 2**64-1, '_' allowed)");
    primes_cmd->add_option("--sample", primes_args.sample, "2**K (K 40..64; the talk's is 2**57) or fluent");
    primes_cmd->add_option("--executor", primes_args.executor, "sequential|threads|processes|gil");
    primes_cmd->add_option("--workers", primes_args.workers, "Workers, 1..64 (default: logical CPUs)");
    primes_cmd->add_flag("--json", primes_args.json, "Print one JSON document");

    auto serve_cmd = cli::add_serve_command(app);

    auto* worker_cmd = app.add_subcommand("worker", "A process-pool worker (started by the pool, not by hand)");
    worker_cmd->group("");   // hidden from --help

#ifdef CONCLAB_HAS_GUI
    ui::LaunchOptions gui;
    app.add_option("--demo", gui.demo, "Demo to open: system|primes");
    app.add_option("--lang", gui.language, "en|pt");
    app.add_option("--executor", gui.executor, "Executor for the demo: sequential|threads|processes|gil");
    app.add_option("--workers", gui.workers, "Workers for the demo");
    app.add_option("--sample", gui.sample, "Sample for the primes demo");
    app.add_flag("--autorun", gui.autorun, "Run the demo at once; print CONCLAB_RESULT <json> when it ends");
    app.add_option("--numbers", gui.numbers, "The primes demo's own numbers, e.g. 7,15,21");
    app.add_option("--spin", gui.spin, "System demo: start this many spinning workers (0..64)");
    app.add_option("--frames", gui.frames, "Quit after this many frames (0: run until closed)");
    app.add_option("--screenshot", gui.screenshot, "Save the last frame as a PNG file before quitting");
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return kUsageError;
    }

    try {
        if (*sysinfo_cmd) return sysinfo(sysinfo_json);
        if (*primes_cmd) return primes_command(primes_args);
        if (*serve_cmd.subcommand) return serve_cmd.run();
        if (*worker_cmd) return platform::run_process_worker();
#ifdef CONCLAB_HAS_GUI
        std::string error;
        if (!ui::validate_launch_options(gui, error)) throw UsageError(error);
        return ui::run_gui(gui);
#else
        std::fprintf(stderr, "error: this build has no GUI; use a subcommand (see --help)\n");
        return kUsageError;
#endif
    } catch (const UsageError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return kUsageError;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "conclab: %s\n", e.what());
        return 1;
    }
}

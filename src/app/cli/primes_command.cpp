#include "cli/primes_command.h"

#include "cli/demo_flags.h"
#include "cli/interrupt.h"
#include "platform.h"
#include "primes/primes_options.h"
#include "primes/primes_run.h"

#include <iostream>
#include <memory>

namespace conclab::cli {
namespace {

struct PrimesArgs {
    std::vector<std::string> numbers;
    options::Params params;
    bool json = false;
};

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

    InterruptWatch interrupt;   // Ctrl+C / SIGTERM: cancel, print what finished, exit 130
    primes::PrimesRun run(std::move(options), platform::make_executor, platform::run_clock());
    interrupt.on_interrupt([&run] { run.cancel(); });
    while (auto result = run.wait_next()) {
        if (!args.json) std::cout << primes::format_result_line(*result) << "\n" << std::flush;
    }
    interrupt.stop();
    const auto& report = run.report();
    if (args.json) std::cout << primes::to_json(report).dump() << "\n";
    else std::cout << primes::format_summary_line(report) << "\n" << primes::format_time_lines(report);
    if (interrupt.interrupted()) return kInterrupted;
    return 0;   // a check that failed (a crashed worker) is a per-item failure: in the lines and the JSON, exit 0
}

}  // namespace

Command add_primes_command(CLI::App& app) {
    auto* sub = app.add_subcommand("primes", "Check primality (CPU bound) on an executor, as in the talk");
    auto args = std::make_shared<PrimesArgs>();
    sub->add_option("numbers", args->numbers, "Numbers to check (1 to 2**64-1, '_' allowed)");
    add_option_flags(*sub, primes::primes_option_specs(), args->params);
    sub->add_flag("--json", args->json, "Print one JSON document");
    return {sub, [args] { return run_primes(*args); }};
}

}  // namespace conclab::cli

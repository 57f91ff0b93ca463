// `conclab exhibition`: the simultaneous exhibition run headless in virtual time, its summary or --json
// (exhibition_command.h).
#include "app/cli/exhibition_command.h"

#include "app/cli/demo_flags.h"
#include "app/cli/trace_flag.h"
#include "core/exhibition/exhibition_options.h"
#include "core/exhibition/exhibition_run.h"
#include "core/exhibition/exhibition_trace.h"
#include "core/exhibition/schedule.h"
#include "platform/trace_machine.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace conclab::cli {
namespace {

struct ExhibitionArgs {
    options::Params params;
    bool json = false;
    std::string trace;
};

std::string hours_minutes(double seconds) {
    char text[48];
    const long total = static_cast<long>(seconds + 0.5);
    if (total >= 3600) std::snprintf(text, sizeof text, "%ld h %02ld min", total / 3600, total % 3600 / 60);
    else std::snprintf(text, sizeof text, "%ld min %02ld s", total / 60, total % 60);
    return text;
}

int run_exhibition(const ExhibitionArgs& args) {
    options::FieldErrors errors;
    auto options = exhibition::parse_exhibition_options(args.params, errors);
    if (!errors.empty()) throw UsageError(options::first_error(errors, exhibition::exhibition_option_specs()));
    TraceFile trace(args.trace);
    exhibition::ExhibitionRun run(options);
    run.run_to_end();
    const auto report = run.report();
    trace.write(exhibition::to_trace(report, run.turns(), platform::trace_machine()));
    if (args.json) {
        std::cout << exhibition::to_json(report).dump() << "\n";
        return 0;
    }
    std::printf("Judit Polg\u00e1r against %d boards: her move %g s, theirs %g s, %d moves a game\n", options.boards,
                options.her_s, options.them_s, options.moves);
    std::printf("  sequential (one game after another): %s (%.0f s)\n", hours_minutes(report.sequential_s).c_str(),
                report.sequential_s);
    std::printf("  simultaneous (she walks board to board): %s (%.0f s) for her %d rounds; the last reply at %s\n",
                hours_minutes(report.simultaneous_rounds_s).c_str(), report.simultaneous_rounds_s, options.moves,
                hours_minutes(report.simultaneous_s).c_str());
    if (report.simulated_simultaneous_s)
        std::printf("  simulated, games ending early by mate: %s\n", hours_minutes(*report.simulated_simultaneous_s).c_str());
    if (report.crossover_boards >= exhibition::kCrossoverNever)
        std::printf("  she never becomes the bottleneck (it would take over %d boards)\n", exhibition::kCrossoverNever);
    else
        std::printf("  she becomes the bottleneck from %d boards on\n", report.crossover_boards);
    std::printf("  results: she won %d, lost %d, drew %d, %d unfinished at the move limit\n", report.her_wins,
                report.her_losses, report.draws, report.undecided);
    std::printf("%s\n", exhibition::talk_slide_note(options).c_str());
    return 0;
}

}  // namespace

Command add_exhibition_command(CLI::App& app) {
    auto* sub = app.add_subcommand("exhibition", "Judit Polg\u00e1r's simultaneous exhibition on one event loop (virtual time)");
    auto args = std::make_shared<ExhibitionArgs>();
    auto specs = exhibition::exhibition_option_specs();
    add_option_flags(*sub, specs, args->params);
    sub->add_flag("--json", args->json, "Print one JSON document (times in seconds)");
    add_trace_flag(*sub, args->trace);
    return {sub, [args] { return run_exhibition(*args); }};
}

}  // namespace conclab::cli

#include "wikipics_command.h"

#include "http.h"
#include "platform.h"
#include "wikipics/wikipics_report.h"
#include "wikipics/wikipics_run.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include <unistd.h>

namespace conclab::cli {

namespace {

struct WikipicsArgs {
    std::map<std::string, CLI::Option*> given;   // option name → its CLI11 option, read as text
    std::map<std::string, std::string> values;
    bool json = false;
    bool verbose = false;
};

void draw_progress(std::size_t done, std::size_t total, double elapsed_s) {
    constexpr int kWidth = 30;
    const int filled = total ? static_cast<int>(kWidth * done / total) : 0;
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu %.1fs", filled, "##############################", kWidth - filled, "", done,
                 total, elapsed_s);
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

int run_wikipics(const WikipicsArgs& args) {
    options::Params params;
    for (const auto& [name, option] : args.given)
        if (option->count() > 0) params[name] = args.values.at(name);
    options::FieldErrors errors;
    wikipics::WikipicsOptions options = wikipics::parse_wikipics_options(params, errors);
    if (!errors.empty()) throw UsageError(options::first_error(errors, wikipics::wikipics_option_specs()));
    options.verbose = args.verbose;

    std::shared_ptr<wikipics::HttpClient> client = platform::make_http_client();
    wikipics::WikipicsClock clock{platform::run_clock(), platform::thread_cpu_seconds};
    std::unique_ptr<wikipics::WikipicsRun> run;
    try {
        run = std::make_unique<wikipics::WikipicsRun>(options, client, clock);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    const bool progress_bar = !args.json && isatty(STDERR_FILENO);
    if (args.verbose)
        std::fprintf(stderr, "sampling %d JPEGs of about %s bytes from %s\n", options.count,
                     wikipics::group_digits(options.size).c_str(), wikipics::api_url(options).c_str());
    std::size_t position = 0;
    while (auto result = run->wait_next()) {
        ++position;
        if (progress_bar) std::fputs("\r\033[K", stderr);
        if (!args.json) std::cout << wikipics::format_image_line(*result, position) << "\n" << std::flush;
        if (args.verbose)
            std::fprintf(stderr, "     %s: wait %.3fs, transfer %.3fs, decode %.3fs%s\n", result->worker.c_str(),
                         result->wait_s, result->transfer_s, result->decode_s,
                         result->retry_after_s ? (", retry after " + std::to_string(static_cast<long>(*result->retry_after_s)) + "s").c_str() : "");
        if (progress_bar) draw_progress(position, run->report().sample.size(), run->elapsed_s());
    }
    const wikipics::WikipicsReport report = run->report();
    if (args.json) std::cout << wikipics::to_json(report).dump() << "\n";
    if (report.sample_error) {
        std::fprintf(stderr, "conclab wikipics: %s\n", report.sample_error->c_str());
        return 1;
    }
    if (!args.json) std::cout << wikipics::format_summary(report);
    return 0;
}

}  // namespace

Command add_wikipics_command(CLI::App& app) {
    auto* sub = app.add_subcommand("wikipics", "Download Wikimedia Commons JPEGs (I/O bound), as in the talk");
    auto args = std::make_shared<WikipicsArgs>();
    for (const auto& spec : wikipics::wikipics_option_specs()) {
        args->values[spec.name];
        args->given[spec.name] = sub->add_option("--" + spec.name, args->values[spec.name], spec.help)
                                     ->type_name(spec.value_hint);
    }
    sub->add_flag("--json", args->json, "Print one JSON document");
    sub->add_flag("-v,--verbose", args->verbose, "Per image on stderr: worker, wait, transfer and decode times");
    return {sub, [args] {
                try {
                    return run_wikipics(*args);
                } catch (const UsageError& e) {
                    std::fprintf(stderr, "error: %s\n", e.what());
                    return kUsageError;
                }
            }};
}

}  // namespace conclab::cli

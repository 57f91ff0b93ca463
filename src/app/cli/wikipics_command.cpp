// `conclab wikipics`: the download demo headless, the talk's lines and timing or --json (wikipics_command.h).
#include "app/cli/wikipics_command.h"

#include "core/base/utf8.h"
#include "app/cli/demo_flags.h"
#include "app/cli/interrupt.h"
#include "app/cli/trace_flag.h"
#include "platform/platform.h"
#include "platform/trace_machine.h"
#include "core/wikipics/wikipics_report.h"
#include "core/wikipics/wikipics_run.h"
#include "core/wikipics/wikipics_trace.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include <unistd.h>

namespace conclab::cli {

namespace {

struct WikipicsArgs {
    options::Params params;
    bool json = false;
    bool verbose = false;
    std::string trace;
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
    options::FieldErrors errors;
    wikipics::WikipicsOptions options = wikipics::parse_wikipics_options(args.params, errors);
    if (!errors.empty()) throw UsageError(options::first_error(errors, wikipics::wikipics_option_specs()));
    options.verbose = args.verbose;
    TraceFile trace(args.trace);

    InterruptWatch interrupt;   // before any thread starts: Ctrl+C cancels, prints what finished, exits 130
    std::shared_ptr<net::HttpClient> client = platform::make_http_client();
    wikipics::WikipicsClock clock{platform::run_clock(), platform::thread_cpu_seconds};
    std::optional<wikipics::ScriptRuntime> script;
    if (options.runtime == wikipics::Runtime::python) {
        wikipics::ScriptRuntime python;
        try {
            python.info = platform::probe_python(options.python);
            platform::python_script("wikipics.py");
        } catch (const platform::PythonUnavailable& e) {
            throw UsageError(e.what());
        }
        python.make_executor = [info = python.info](exec::ExecutorKind kind, int workers, exec::ScriptJob job) {
            return platform::make_script_executor(kind, workers, info, std::move(job));
        };
        script = std::move(python);
    }
    wikipics::WikipicsRun run(options, client, clock, std::move(script));
    interrupt.on_interrupt([&run] { run.cancel(); });
    if (interrupt.interrupted()) run.cancel();   // a signal before the action was set had nothing to call
    const bool progress_bar = !args.json && isatty(STDERR_FILENO);
    if (args.verbose)
        std::fprintf(stderr, "sampling %d JPEGs of about %s bytes from %s\n", options.count,
                     wikipics::group_digits(options.size).c_str(), utf8::escape_controls(wikipics::api_url(options)).c_str());
    std::size_t position = 0;
    while (auto result = run.wait_next()) {
        ++position;
        if (progress_bar) std::fputs("\r\033[K", stderr);
        if (!args.json) std::cout << wikipics::format_image_line(*result, position) << "\n" << std::flush;
        if (args.verbose) {
            std::string retry;
            if (result->retry_after_s) retry = ", retry after " + std::to_string(static_cast<long>(*result->retry_after_s)) + " s";
            std::fprintf(stderr, "     %s: wait %.3f s, transfer %.3f s, decode %.3f s%s\n", result->worker.c_str(),
                         result->wait_s, result->transfer_s, result->decode_s, retry.c_str());
        }
        if (progress_bar) draw_progress(position, run.report().sample.size(), run.elapsed_s());
    }
    interrupt.stop();
    const wikipics::WikipicsReport report = run.report();
    // The report's text is repaired UTF-8 where it came from outside; `replace` is the last guard that --json
    // always prints one valid document.
    if (args.json) std::cout << wikipics::to_json(report).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    if (interrupt.interrupted() && !args.json) std::cout << wikipics::format_summary(report);
    if (!report.sample_error) trace.write(wikipics::to_trace(report, platform::trace_machine()));
    if (interrupt.interrupted()) return kInterrupted;
    if (report.sample_error) {
        std::fprintf(stderr, "error: %s\n", utf8::escape_controls(wikipics::english(*report.sample_error)).c_str());   // quotes the server
        return 1;
    }
    if (!args.json) std::cout << wikipics::format_summary(report);
    return 0;
}

}  // namespace

Command add_wikipics_command(CLI::App& app) {
    auto* sub = app.add_subcommand("wikipics", "Download Wikimedia Commons JPEGs (I/O bound), as in the talk");
    auto args = std::make_shared<WikipicsArgs>();
    add_option_flags(*sub, wikipics::wikipics_option_specs(), args->params);
    sub->add_flag("--json", args->json, "Print one JSON document");
    sub->add_flag("-v,--verbose", args->verbose, "Per image on stderr: worker, wait, transfer and decode times");
    add_trace_flag(*sub, args->trace);
    return {sub, [args] { return run_wikipics(*args); }};
}

}  // namespace conclab::cli

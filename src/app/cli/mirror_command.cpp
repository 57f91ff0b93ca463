// `conclab mirror`: its flags read with mirror_options, the mirror served until Ctrl+C (mirror_command.h).
#include "app/cli/mirror_command.h"

#include "app/cli/demo_flags.h"
#include "app/cli/interrupt.h"
#include "server/mirror/mirror_options.h"
#include "server/mirror/mirror_server.h"

#include <cstdio>
#include <memory>

namespace conclab::cli {

namespace {

int run_mirror(const options::Params& params) {
    options::FieldErrors errors;
    const auto options = mirror::parse_mirror_options(params, errors);
    if (!options) throw UsageError(options::first_error(errors, mirror::mirror_option_specs()));

    InterruptWatch interrupt;   // before the server's threads start: they inherit the blocked signals
    mirror::MirrorServer server(*options);
    interrupt.on_interrupt([&server] { server.stop(); });   // also before bind(): run() then ends at once
    if (interrupt.interrupted()) server.stop();              // a signal that came before there was a server
    if (const std::string error = server.bind(); !error.empty()) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    std::printf("Mirror of Wikimedia Commons on %s (%d images; faults: %s%s). Ctrl+C stops.\n",
                server.api_url().c_str(), options->images, options->faults.describe().c_str(),
                options->api_faults && options->faults.any() ? ", on the API too" : "");
    std::fflush(stdout);
    server.run();   // ends at once if stop() came first
    interrupt.stop();
    return interrupt.interrupted() ? 0 : 1;   // stopping is how a server ends well; ending alone is a failure
}

}  // namespace

Command add_mirror_command(CLI::App& app) {
    auto* sub = app.add_subcommand("mirror", "Serve a local mirror of Wikimedia Commons for wikipics, with faults "
                                             "(delays, throttling, errors) like Fluent Python's slow_server");
    auto params = std::make_shared<options::Params>();
    add_option_flags(*sub, mirror::mirror_option_specs(), *params);
    return {sub, [params] { return run_mirror(*params); }};
}

}  // namespace conclab::cli

#include "mirror_command.h"

#include "mirror_options.h"
#include "mirror_server.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

namespace conclab::cli {

namespace {

struct MirrorArgs {
    std::map<std::string, std::string> values;
    std::map<std::string, bool> flags;
    std::vector<std::pair<std::string, CLI::Option*>> given;   // option name → its CLI11 option
};

int serve_mirror(const mirror::MirrorOptions& options) {
    // Signals are taken by sigwait below; blocked before any thread starts, so every thread inherits it.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    mirror::MirrorServer server(options);
    if (const std::string error = server.bind(); !error.empty()) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    std::printf("Mirror of Wikimedia Commons on %s (%d images; faults: %s%s). Ctrl+C stops.\n",
                server.api_url().c_str(), options.images, options.faults.describe().c_str(),
                options.api_faults && options.faults.any() ? ", on the API too" : "");
    std::fflush(stdout);

    std::atomic<bool> stopping{false};
    std::thread listener([&] {
        server.run();
        if (!stopping) kill(getpid(), SIGTERM);   // ended by itself: wake the sigwait below
    });
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    const bool ended_by_signal = !stopping.exchange(true);
    server.stop();
    listener.join();
    return ended_by_signal ? 0 : 1;
}

int run_mirror(const MirrorArgs& args) {
    options::Params params;
    for (const auto& [name, option] : args.given) {
        if (option->count() == 0) continue;
        if (const auto flag = args.flags.find(name); flag != args.flags.end()) params[name] = flag->second ? "1" : "0";
        else params[name] = args.values.at(name);
    }
    options::FieldErrors errors;
    const auto options = mirror::parse_mirror_options(params, errors);
    if (!options) throw UsageError(options::first_error(errors, mirror::mirror_option_specs()));
    return serve_mirror(*options);
}

}  // namespace

Command add_mirror_command(CLI::App& app) {
    auto* sub = app.add_subcommand("mirror", "Serve a local mirror of Wikimedia Commons for wikipics, with faults "
                                             "(delays, throttling, errors) like Fluent Python's slow_server");
    auto args = std::make_shared<MirrorArgs>();
    for (const auto& spec : mirror::mirror_option_specs()) {
        const std::string flag = "--" + spec.name;
        CLI::Option* option = spec.flag ? sub->add_flag(flag, args->flags[spec.name], spec.help)
                                        : sub->add_option(flag, args->values[spec.name], spec.help);
        if (!spec.flag) option->type_name(spec.value_hint);
        args->given.emplace_back(spec.name, option);
    }
    return {sub, [args] {
                try {
                    return run_mirror(*args);
                } catch (const UsageError& e) {
                    std::fprintf(stderr, "error: %s\n", e.what());
                    return kUsageError;
                }
            }};
}

}  // namespace conclab::cli

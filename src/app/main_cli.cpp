// `conclab`: every demo headless (text or --json), system facts, the web server, the process-pool
// worker, and — with no subcommand — the desktop GUI.
#include "catalog/demo_catalog.h"
#include "cli/command.h"
#include "cli/demo_flags.h"
#include "cli/primes_command.h"
#include "cli/sysinfo_command.h"
#include "native/process_worker.h"
#include "platform.h"

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

using cli::kUsageError;
using cli::UsageError;

int serve(const std::string& host, int port, const std::string& dir) {
    namespace fs = std::filesystem;
    if (port < 1 || port > 65535) throw UsageError("--port " + std::to_string(port) + " is out of range: use 1 to 65535");
    if (!fs::is_directory(dir)) throw UsageError("--dir '" + dir + "' is not a folder (build the web app with `make web`)");
    httplib::Server server;
    server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    server.set_file_extension_and_mimetype_mapping("js", "text/javascript");
    server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
    // Cross-origin isolation, so that SharedArrayBuffer (and so wasm threads) is available.
    server.set_default_headers({{"Cross-Origin-Opener-Policy", "same-origin"},
                                {"Cross-Origin-Embedder-Policy", "require-corp"},
                                {"Cross-Origin-Resource-Policy", "same-origin"},
                                {"Cache-Control", "no-cache"}});
    // set_mount_point refuses paths that climb out of the folder ("..").
    if (!server.set_mount_point("/", fs::canonical(dir).string()))
        throw UsageError("--dir '" + dir + "' cannot be served");
    if (!server.bind_to_port(host, port)) {
        std::fprintf(stderr, "error: cannot listen on %s:%d (in use, or not an address of this machine)\n", host.c_str(), port);
        return 1;
    }
    std::printf("Serving %s on http://%s:%d/ (COOP/COEP on; Ctrl+C stops)\n", dir.c_str(), host.c_str(), port);
    std::fflush(stdout);
    static httplib::Server* running = &server;
    std::signal(SIGINT, [](int) { running->stop(); });
    std::signal(SIGTERM, [](int) { running->stop(); });
    server.listen_after_bind();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    catalog::register_all_tasks();
    CLI::App app{"Concurrency Lab — processes, threads and coroutines, measured on your own cores.\n"
                 "With no subcommand, opens the desktop app.",
                 "conclab"};
    app.set_version_flag("--version", std::string("conclab ") + platform::build_info().version);
    app.require_subcommand(0, 1);

    std::vector<cli::Command> commands{cli::add_sysinfo_command(app), cli::add_primes_command(app)};

    auto* serve_cmd = app.add_subcommand("serve", "Serve the web app with COOP/COEP headers");
    std::string serve_host = "127.0.0.1", serve_dir = "build/web";
    int serve_port = 8000;
    serve_cmd->add_option("--port", serve_port, "TCP port (default 8000)");
    serve_cmd->add_option("--dir", serve_dir, "Folder to serve (default build/web)");
    serve_cmd->add_option("--host", serve_host, "Address to bind (default 127.0.0.1: this machine only)");

    auto* worker_cmd = app.add_subcommand("worker", "A process-pool worker (started by the pool, not by hand)");
    worker_cmd->group("");   // hidden from --help

#ifdef CONCLAB_HAS_GUI
    // The desktop app's flags: the app's own and every demo's, from the catalog (same names as the query string).
    options::Params gui_params;
    cli::add_option_flags(app, ui::app_option_specs(), gui_params);
    cli::add_option_flags(app, catalog::all_demo_option_specs(), gui_params);
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
        std::fprintf(stderr, "error: %s\n", options::echo(e.what()).c_str());
        return kUsageError;
    }

    try {
        for (auto& command : commands)
            if (*command.subcommand) return command.run();
        if (*serve_cmd) return serve(serve_host, serve_port, serve_dir);
        if (*worker_cmd) return platform::run_process_worker();
#ifdef CONCLAB_HAS_GUI
        options::FieldErrors errors;
        const ui::LaunchOptions launch = ui::parse_launch_options(gui_params, errors);
        if (!errors.empty()) throw UsageError(options::first_error(errors, ui::app_option_specs()));
        return ui::run_gui(launch);
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

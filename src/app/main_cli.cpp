// `conclab`: every demo headless (text or --json), system facts, the web server, the process-pool
// worker, and — with no subcommand — the desktop GUI.
#include "core/catalog/demo_catalog.h"
#include "app/cli/command.h"
#include "app/cli/demo_flags.h"
#include "app/cli/exhibition_command.h"
#include "app/cli/lab_command.h"
#include "app/cli/mirror_command.h"
#include "app/cli/primes_command.h"
#include "app/cli/serve_command.h"
#include "app/cli/spinner_command.h"
#include "app/cli/sysinfo_command.h"
#include "app/cli/wikipics_command.h"
#include "platform/native/worker_loop.h"
#include "platform/platform.h"

#ifdef CONCLAB_HAS_GUI
#include "ui/app.h"
#include "ui/panels/wikipics/builtin_mirror.h"
#include "server/mirror/mirror_server.h"

#include <memory>
#include <mutex>
#endif

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace conclab;

namespace {

using cli::kUsageError;
using cli::UsageError;

// `conclab --list-demos [--json]`: the panels' demo ids (what --demo and ?demo= accept), and with --json also the
// catalog's (core) and every subcommand's name, hidden ones included — the three registries a demo is named in.
int print_demo_lists(CLI::App& app, bool json) {
    nlohmann::json catalog_ids = nlohmann::json::array(), panels = nullptr, commands = nlohmann::json::array();
    for (const auto& d : catalog::demos()) catalog_ids.push_back(std::string(d.id));
#ifdef CONCLAB_HAS_GUI
    panels = nlohmann::json::array();
    for (const auto id : ui::panel_ids()) panels.push_back(std::string(id));
#endif
    for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; })) commands.push_back(sub->get_name());
    commands.push_back("noop");   // answered before the parser (main's first lines)
    if (json) {
        std::printf("%s\n", nlohmann::json{{"catalog", catalog_ids}, {"panels", panels}, {"commands", commands}}.dump(2).c_str());
        return 0;
    }
    if (panels.is_null()) {
        std::fprintf(stderr, "error: this build has no GUI, so no panels; --list-demos --json lists the catalog\n");
        return 1;
    }
    for (const auto& id : panels) std::printf("%s\n", id.get<std::string>().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Hidden: `conclab noop` exits at once, so that the lab's start-up probe times starting this very program. Asked
    // with CONCLAB_NOOP_ANSWER=<nonce> it also says so: how a renamed conclab (conclab-1.0) knows it can start
    // itself as worker processes (src/platform/native/worker_handle.cpp).
    if (argc == 2 && std::strcmp(argv[1], "noop") == 0) {
        if (const char* nonce = std::getenv("CONCLAB_NOOP_ANSWER")) std::printf("conclab noop %s\n", nonce);
        return 0;
    }
    catalog::register_all_tasks();
    CLI::App app{"Concurrency Lab — processes, threads and coroutines, measured on your own cores.\n"
                 "With no subcommand, opens the desktop app.",
                 "conclab"};
    app.set_version_flag("--version", std::string("conclab ") + platform::build_info().version);
    app.require_subcommand(0, 1);

    std::vector<cli::Command> commands{cli::add_sysinfo_command(app), cli::add_primes_command(app),
                                       cli::add_exhibition_command(app), cli::add_mirror_command(app),
                                       cli::add_wikipics_command(app), cli::add_serve_command(app),
                                       cli::add_lab_command(app), cli::add_spinner_command(app)};

    auto* worker_cmd = app.add_subcommand("worker", "A process-pool worker (started by the pool, not by hand)");
    worker_cmd->group("");   // hidden from --help

    // The program's demo ids as each registry names them (tests/cli/demo_agreement_cli_test.cpp checks they agree).
    bool list_demos = false, list_json = false;
    auto* list_flag = app.add_flag("--list-demos", list_demos,
                                   "Print the demo ids the app has panels for, one a line (with --json: the demo catalog, "
                                   "the panels and every subcommand)");
    app.add_flag("--json", list_json, "With --list-demos: one JSON document")->needs(list_flag);

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
        std::fprintf(stderr, "error: %s\n", e.what());
        return kUsageError;
    }

    if (list_demos) return print_demo_lists(app, list_json);

    try {
        for (auto& command : commands)
            if (*command.subcommand) return command.run();
        if (*worker_cmd) return platform::run_worker_loop();
#ifdef CONCLAB_HAS_GUI
        options::FieldErrors errors;
        const ui::LaunchOptions launch = ui::parse_launch_options(gui_params, errors);
        if (!errors.empty()) throw UsageError(options::first_error(errors, ui::app_option_specs()));
        // Offline (Commons unreachable) the wikipics panel starts `conclab mirror` in this process, on a free port.
        ui::set_builtin_mirror([]() -> std::optional<std::string> {
            static std::mutex mutex;
            static std::unique_ptr<mirror::MirrorServer> server;
            std::lock_guard lock(mutex);
            if (!server) {
                mirror::MirrorOptions options;
                options.port = 0;
                auto started = std::make_unique<mirror::MirrorServer>(options);
                if (!started->bind().empty()) return std::nullopt;
                started->start();
                server = std::move(started);
            }
            return server->api_url();
        });
        return ui::run_gui(launch);
#else
        std::fprintf(stderr, "error: this build has no GUI; use a subcommand (see --help)\n");
        return kUsageError;
#endif
    } catch (const UsageError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return kUsageError;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}

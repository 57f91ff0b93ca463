// `conclab serve`: a local static server for build/web, with COOP/COEP/CORP on every answer — the site
// (server/static_site.h) and optionally the mirror's routes on the one listener (server/listener.h: limits on what
// each client may hold; a port in use is an error rather than a second server sharing it). Options here.
//
// [SECTION] Options
// [SECTION] The command

#include "app/cli/serve_command.h"

#include "core/base/options.h"
#include "app/cli/demo_flags.h"
#include "app/cli/interrupt.h"
#include "server/http_common.h"
#include "server/listener.h"
#include "server/mirror/mirror_options.h"
#include "server/mirror/mirror_routes.h"
#include "server/static_site.h"

#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace conclab::cli {
namespace {

namespace fs = std::filesystem;

// [SECTION] Options

struct ServeOptions {
    std::string host = "127.0.0.1";
    std::string port = "8000";   // text: parsed as decimal here (CLI11 would read "010" as 8 and "0x1F90" as 8080)
    std::string dir = "build/web";
    std::string compress = "auto";  // gzip: auto (for clients on other machines), always, never
    bool mirror = false;            // mount `conclab mirror`'s API and images on the same origin
    options::Params mirror_params;  // the mirror's flags (seed, images, delay, faults), as `conclab mirror` reads them
};

// `conclab mirror`'s options that make sense beside the site: all but where to listen.
std::vector<options::OptionSpec> mirror_flags_for_serve() {
    std::vector<options::OptionSpec> specs;
    for (const auto& spec : mirror::mirror_option_specs())
        if (spec.name != "port" && spec.name != "host") specs.push_back(spec);
    return specs;
}

// The paths the mirror answers when mounted: everything else is the static site.
bool is_mirror_path(const std::string& path) {
    return path == "/w/api.php" || path == "/pinned-faults" || path == "/mirror-log" || path.rfind("/images/", 0) == 0;
}

int parse_port(const std::string& text) {
    options::FieldErrors errors;
    int port = 0;
    if (!options::read_int(options::Params{{"port", text}}, "port", 1, 65535, port, errors))
        throw UsageError(options::english(errors.at("port")));
    return port;
}

// [SECTION] The command

int serve(const ServeOptions& options) {
    const int port = parse_port(options.port);
    std::error_code error;
    if (!fs::is_directory(options.dir, error))
        throw UsageError("--dir '" + options::echo(options.dir) + "' is not a folder (build the web app with `make web`)");
    using server::Compress;
    const Compress compress = options.compress == "always" ? Compress::always
                              : options.compress == "never" ? Compress::never
                              : options.compress == "auto"  ? Compress::auto_
                              : throw UsageError("--compress '" + options::echo(options.compress) + "': use auto|always|never");
    server::StaticSite site(options.dir, compress);
    std::unique_ptr<mirror::MirrorRoutes> mirror_routes;
    if (options.mirror) {
        options::FieldErrors errors;
        const auto parsed = mirror::parse_mirror_options(options.mirror_params, errors);
        if (!parsed) throw UsageError(options::first_error(errors, mirror::mirror_option_specs()));
        mirror_routes = std::make_unique<mirror::MirrorRoutes>(*parsed);
    } else if (!options.mirror_params.empty()) {
        throw UsageError("--" + options.mirror_params.begin()->first + " is an option of the mirror: add --mirror");
    }

    server::Listener listener;   // its threads start in run()
    // Created before any other thread starts (they inherit its signal mask), destroyed before the listener.
    InterruptWatch interrupts;
    site.install(listener, [mirrored = mirror_routes != nullptr](const httplib::Request& req) {
        return mirrored && is_mirror_path(req.path);
    });
    if (mirror_routes) mirror_routes->install(listener);
    http::answer_exceptions_plainly(listener);   // 500 with a plain body: no exception text to the client
    interrupts.on_interrupt([&] {
        if (mirror_routes) mirror_routes->stop();   // throttled and delayed answers end at once
        listener.stop();                            // at any moment: before bind() too, and slow clients with it
    });
    if (interrupts.interrupted()) listener.stop();   // a signal that came before there was a handler

    if (const std::string failure = listener.bind(options.host, port); !failure.empty()) {
        std::fprintf(stderr, "error: %s\n", failure.c_str());
        return 1;
    }
    std::jthread warm_up([&site](std::stop_token stop) { site.warm_gzip(stop); });
    const std::string host = http::url_host(options.host);   // "::1" → "[::1]"
    std::printf("Serving %s on http://%s:%d/ (COOP/COEP on; Ctrl+C stops)\n", options.dir.c_str(), host.c_str(), port);
    if (mirror_routes)
        std::printf("Mirror of Wikimedia Commons at http://%s:%d/w/api.php (%d images; faults: %s)\n", host.c_str(), port,
                    mirror_routes->options().images, mirror_routes->options().faults.describe().c_str());
    std::fflush(stdout);
    if (!listener.run() && !interrupts.interrupted()) {
        std::fprintf(stderr, "error: the server stopped accepting connections\n");
        return 1;
    }
    return 0;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
    auto options = std::make_shared<ServeOptions>();
    auto* serve_cmd = app.add_subcommand("serve", "Serve the web app with COOP/COEP headers");
    serve_cmd->add_option("--port", options->port, "TCP port, 1 to 65535 (default 8000)");
    serve_cmd->add_option("--dir", options->dir, "Folder to serve (default build/web)");
    serve_cmd->add_option("--host", options->host, "Address to bind (default 127.0.0.1: this machine only)");
    serve_cmd->add_option("--compress", options->compress,
                          "gzip text and wasm: auto (default: for clients on other machines; this machine reads faster "
                          "than gzip saves), always, never");
    serve_cmd->add_flag("--mirror", options->mirror,
                        "Also serve `conclab mirror`'s Commons stand-in on the same origin (/w/api.php, /images/…), "
                        "with the mirror's options below");
    static const auto mirror_specs = mirror_flags_for_serve();
    add_option_flags(*serve_cmd, mirror_specs, options->mirror_params);
    return {serve_cmd, [options] { return serve(*options); }};
}

}  // namespace conclab::cli

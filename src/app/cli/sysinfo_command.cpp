// `conclab system` (alias `sysinfo`): this machine's CPUs, processes, threads and build, as text or --json.
#include "app/cli/sysinfo_command.h"

#include "platform/platform.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace conclab::cli {
namespace {

int sysinfo(bool json) {
    const auto counts = platform::system_counts();
    const auto build = platform::build_info();
    const int cpus = platform::logical_cpus();
    const auto cores = platform::physical_cores();
    if (json) {
        nlohmann::json doc{{"cpus", cpus},
                           {"physical_cores", cores ? nlohmann::json(*cores) : nlohmann::json()},
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
    if (cores) std::printf("cores:         %d physical\n", *cores);
    if (counts.processes) std::printf("processes:     %d\n", *counts.processes);
    if (counts.threads) std::printf("threads:       %d\n", *counts.threads);
    std::printf("               (%s)\n", counts.note.c_str());
    std::printf("build:         %s %s, %s, Concurrency Lab %s\n", build.kind.c_str(), build.build_type.c_str(),
                build.compiler.c_str(), build.version.c_str());
    return 0;
}

}  // namespace

Command add_sysinfo_command(CLI::App& app) {
    // Named as the demo it prints (`system`); `sysinfo`, its first name, stays an alias.
    auto* sub = app.add_subcommand("system", "Logical CPUs, processes and threads of this machine (alias: sysinfo)");
    sub->alias("sysinfo");
    auto json = std::make_shared<bool>(false);
    sub->add_flag("--json", *json, "Print one JSON document");
    return {sub, [json] { return sysinfo(*json); }};
}

}  // namespace conclab::cli

// The registries that name a demo agree (issue 17): core's catalog (src/core/catalog/demo_catalog.cpp), the app's
// panels (src/ui/demo_registry.cpp), the CLI's subcommands (src/app/main_cli.cpp) and the screenshot tour's
// settings (web/bench/tour-demos.json; the tour takes its list from the page's state().demos, the panels). The ids
// come from the real binary (`conclab --list-demos --json`); every name that is not a demo in one of them is an
// explicit exception below, with the reason.
#include "cli_run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>
#include <string>

namespace {

using Ids = std::set<std::string>;
using conclab::test::run_conclab;

/// Subcommands that are not demos: each with why.
const std::map<std::string, std::string> kCommandsNotDemos{
    {"serve", "the static web server for the page (and the mirror with --mirror)"},
    {"mirror", "a local Wikimedia Commons with faults: the wikipics demo's server, not a demo"},
    {"worker", "hidden: a process-pool worker, started by the pool"},
    {"noop", "hidden: exits at once (the lab's start-up probe, the renamed-binary handshake)"},
};
/// Subcommands that run a demo under another name: command → catalog id.
const std::map<std::string, std::string> kCommandAliases{};
/// Panels that are not demos of the catalog (none today), and catalog demos with no panel (none: such a demo could
/// not be opened), each with why.
const std::map<std::string, std::string> kPanelsNotDemos{};
const std::map<std::string, std::string> kDemosWithoutPanel{};

Ids ids_of(const nlohmann::json& list) {
    Ids ids;
    for (const auto& id : list) ids.insert(id.get<std::string>());
    return ids;
}

Ids without(Ids ids, const std::map<std::string, std::string>& exceptions) {
    for (const auto& [id, why] : exceptions) ids.erase(id);
    return ids;
}

std::string joined(const Ids& ids) {
    std::string out;
    if (ids.empty()) return "{}";
    for (const auto& id : ids) {   // piece by piece: g++ 12 warns (-Wrestrict) on "literal" + string
        out += out.empty() ? '{' : ' ';
        out += id;
    }
    out += '}';
    return out;
}

nlohmann::json demo_lists() {
    const auto o = run_conclab("--list-demos --json");
    EXPECT_EQ(o.status, 0) << o.err;
    return nlohmann::json::parse(o.out);
}

}  // namespace

TEST(DemoAgreement, TheCatalogsDemosAreThePanels) {
    const auto lists = demo_lists();
    if (lists["panels"].is_null()) GTEST_SKIP() << "this conclab has no GUI, so no panels";
    const Ids catalog = ids_of(lists["catalog"]), panels = ids_of(lists["panels"]);
    ASSERT_FALSE(catalog.empty());
    EXPECT_EQ(lists["catalog"].size(), catalog.size()) << "an id twice in the catalog: " << lists["catalog"];
    EXPECT_EQ(lists["panels"].size(), panels.size()) << "an id twice in the panels: " << lists["panels"];
    EXPECT_EQ(joined(without(catalog, kDemosWithoutPanel)), joined(without(panels, kPanelsNotDemos)))
        << "catalog (src/core/catalog/demo_catalog.cpp) vs panels (src/ui/demo_registry.cpp)";
    for (const auto& [id, why] : kPanelsNotDemos) EXPECT_TRUE(panels.count(id)) << "stale exception: no panel " << id;
    for (const auto& [id, why] : kDemosWithoutPanel) EXPECT_TRUE(catalog.count(id)) << "stale exception: no demo " << id;
}

TEST(DemoAgreement, TheCommandsAreTheCatalogsDemos) {
    const auto lists = demo_lists();
    const Ids catalog = ids_of(lists["catalog"]), commands = ids_of(lists["commands"]);
    Ids demos_run;
    for (const auto& command : without(commands, kCommandsNotDemos)) {
        const auto alias = kCommandAliases.find(command);
        demos_run.insert(alias == kCommandAliases.end() ? command : alias->second);
    }
    EXPECT_EQ(joined(catalog), joined(demos_run))
        << "catalog (src/core/catalog/demo_catalog.cpp) vs subcommands (src/app/main_cli.cpp), aliases applied";
    for (const auto& [command, why] : kCommandsNotDemos) EXPECT_TRUE(commands.count(command)) << "stale exception: " << command;
    for (const auto& [command, id] : kCommandAliases) EXPECT_TRUE(commands.count(command)) << "stale alias: " << command;
    // Each listed subcommand is real: it answers --help (noop answers nothing, by design, and exits 0).
    for (const auto& command : commands) {
        if (command == "noop") continue;
        const auto o = run_conclab(command + " --help");
        EXPECT_EQ(o.status, 0) << command << ": " << o.err;
    }
}

TEST(DemoAgreement, TheTourHasSettingsForEveryPanelAndNoOther) {
    const auto lists = demo_lists();
    if (lists["panels"].is_null()) GTEST_SKIP() << "this conclab has no GUI, so no panels";
    const std::string path = std::string(CONCLAB_SOURCE_DIR) + "/web/bench/tour-demos.json";
    std::ifstream file(path);
    ASSERT_TRUE(file) << path;
    const auto settings = nlohmann::json::parse(file);
    Ids tour;
    for (const auto& [id, demo] : settings.items()) {
        tour.insert(id);
        EXPECT_TRUE(demo.contains("query") && demo["query"].is_string()) << id;
        EXPECT_TRUE(demo.contains("result") && demo["result"].is_boolean()) << id;
    }
    EXPECT_EQ(joined(ids_of(lists["panels"])), joined(tour)) << "panels (src/ui/demo_registry.cpp) vs " << path;
}

TEST(DemoAgreement, DemoOpensOnlyADemoWithAPanel) {
    const auto lists = demo_lists();
    if (lists["panels"].is_null()) GTEST_SKIP() << "this conclab has no GUI, so no panels";
    const Ids panels = ids_of(lists["panels"]);
    // `--list-demos` alone: the panels, one a line, in menu order.
    std::string expected;
    for (const auto& id : lists["panels"]) expected += id.get<std::string>() + "\n";
    EXPECT_EQ(run_conclab("--list-demos").out, expected);
    // A panel's id passes the launch options (the app then stops at the missing display: 1, not 2).
    for (const auto& id : panels) {
        const auto o = run_conclab("--demo " + id, "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER");
        EXPECT_EQ(o.status, 1) << id << ": " << o.err;
        EXPECT_NE(o.err.find("no display"), std::string::npos) << id << ": " << o.err;
    }
    // Any other id, a catalog demo without a panel included, is a usage error naming the ids accepted.
    Ids refused{"nope"};
    for (const auto& id : ids_of(lists["catalog"]))
        if (!panels.count(id)) refused.insert(id);
    for (const auto& id : refused) {
        conclab::test::expect_usage_error("--demo " + id, "'" + id + "'");
        const auto o = run_conclab("--demo " + id);
        for (const auto& accepted : panels) EXPECT_NE(o.err.find(accepted), std::string::npos) << o.err;
        if (id != "nope") {
            EXPECT_NE(o.err.find("has no panel"), std::string::npos) << o.err;
        }
    }
}

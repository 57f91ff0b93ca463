// `conclab lab` as a user runs it: the JSON's shape (one key per suite), CSV, text, and usage errors.
#include "cli_run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Outcome = conclab::test::CliOutcome;
Outcome run(const std::string& arguments) { return conclab::test::run_conclab(arguments); }

// Every object key of `j` as a path, array indices as "*": "/startup/measures/*/cells/threads/value".
void collect_paths(const nlohmann::json& j, const std::string& at, std::set<std::string>& out) {
    if (j.is_object())
        for (const auto& [key, value] : j.items()) {
            out.insert(at + "/" + key);
            collect_paths(value, at + "/" + key, out);
        }
    else if (j.is_array())
        for (const auto& item : j) collect_paths(item, at + "/*", out);
}

std::set<std::string> key_paths(const nlohmann::json& j) {
    std::set<std::string> out;
    collect_paths(j, "", out);
    return out;
}

}  // namespace

TEST(LabCli, QuickJsonHasOneKeyPerSuiteWithUnitsAndSpreads) {
    const auto start = std::chrono::steady_clock::now();
    const Outcome o = run("lab --quick --json");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("conclab lab --quick took %.1f s\n", seconds);   // reported, never asserted
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_TRUE(o.err.empty()) << o.err;   // stderr is not a terminal here: no progress bar
    const auto doc = nlohmann::json::parse(o.out);
    std::set<std::string> keys;
    for (const auto& [key, section] : doc.items()) {
        keys.insert(key);
        ASSERT_TRUE(section["measures"].is_array()) << key;
        EXPECT_FALSE(section["measures"].empty()) << key;
        for (const auto& m : section["measures"])
            for (const auto& [column, cell] : m["cells"].items()) {
                if (cell.contains("missing")) {
                    EXPECT_EQ(column, "coroutines");
                    continue;
                }
                EXPECT_TRUE(cell["value"].is_number()) << key << " " << m["name"];
                EXPECT_TRUE(cell["unit"].is_string());
                EXPECT_TRUE(cell["spread"]["low"].is_number());
                EXPECT_TRUE(cell["spread"]["high"].is_number());
                EXPECT_GE(cell["samples"].get<int>(), 1);
                EXPECT_FALSE(cell["method"].get<std::string>().empty());
            }
        for (const auto& note : section["notes"])
            EXPECT_EQ(note.get<std::string>().find("could not be measured"), std::string::npos) << note;
    }
    EXPECT_EQ(keys, (std::set<std::string>{"startup", "memory", "ipc", "switch", "scaling", "system", "latency"}));

    // The contract holds: every key a JSON exported before measures had ids has (tests/data, main at 2b3a07d) is
    // still written; the measures and tables gained an "id".
    std::ifstream before_file(std::string(CONCLAB_SOURCE_DIR) + "/tests/data/lab_main_quick.json");
    ASSERT_TRUE(before_file) << "tests/data/lab_main_quick.json";
    const auto before = nlohmann::json::parse(before_file);
    const auto paths_before = key_paths(before), paths_now = key_paths(doc);
    for (const auto& path : paths_before) EXPECT_TRUE(paths_now.count(path)) << "lost key: " << path;
    EXPECT_TRUE(paths_now.count("/startup/measures/*/id"));
    EXPECT_TRUE(paths_now.count("/latency/tables/*/id"));
    for (const auto& m : doc["scaling"]["measures"]) {
        EXPECT_TRUE(m["id"] == "speedup" || m["id"] == "wall_time") << m["id"];
        EXPECT_GE(m["workers"].get<int>(), 1);
    }
}

TEST(LabCli, OneSuiteAsCsvAndAsText) {
    const Outcome csv = run("lab --suite system --quick --csv");
    ASSERT_EQ(csv.status, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("suite,measure,column,value,unit,low,high,samples\n", 0), 0u) << csv.out;
    EXPECT_NE(csv.out.find("\nsystem,processes (ps ax | wc -l),machine,"), std::string::npos) << csv.out;
    EXPECT_EQ(csv.out.find("\nstartup,"), std::string::npos);

    const Outcome text = run("lab --suite system --quick");
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_NE(text.out.find("== system (quick) =="), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Top processes by thread count"), std::string::npos) << text.out;
}

TEST(LabCli, BadSuiteAndConflictingFormatsExitTwoWithOneLine) {
    for (const char* arguments : {"lab --suite nope", "lab --json --csv", "lab --quick=maybe"}) {
        const Outcome o = run(arguments);
        EXPECT_EQ(o.status, 2) << arguments;
        EXPECT_EQ(o.err.rfind("error: ", 0), 0u) << arguments << " → " << o.err;
        EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
        EXPECT_TRUE(o.out.empty()) << o.out;
    }
    const Outcome o = run("lab --suite nope");
    EXPECT_NE(o.err.find("unknown suite 'nope': use startup|memory|ipc|switch|scaling|system|latency|all"), std::string::npos)
        << o.err;
}

TEST(LabCli, NoopExitsAtOnceSilentlyAndIsNotInTheHelp) {
    const Outcome o = run("noop");
    EXPECT_EQ(o.status, 0);
    EXPECT_TRUE(o.out.empty()) << o.out;
    EXPECT_TRUE(o.err.empty()) << o.err;
    EXPECT_EQ(run("--help").out.find("noop"), std::string::npos);
}

TEST(LabCli, ProcessStartupSpawnsThisProgram) {
    const Outcome o = run("lab --suite startup --quick --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    for (const auto& m : doc["startup"]["measures"]) {
        if (m["name"] == "start + finish one") {
            EXPECT_NE(m["cells"]["processes"]["method"].get<std::string>().find("conclab noop"), std::string::npos) << m.dump();
        }
    }
}

// The lab panel's view-model (core/lab/lab_view): merging runs, the live snapshot over them, loading a saved
// result beside them ("compare", a JSON exported by main before issue 17 included), and which summary rows,
// detail columns, curves, bars and ladder rungs the panel shows.
#include "core/lab/lab_table.h"
#include "core/lab/lab_view.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

extern const char* const kLabJsonFromMain;   // tests/data/lab_main_quick.json, compiled in (tests/CMakeLists.txt)

using namespace conclab;
using namespace conclab::lab;

namespace {

Figure fig(double value, std::string unit = "us") { return Figure{value, std::move(unit), value, value, "", 1, "m"}; }

Measure measure(const MeasureKey& key, std::map<Column, Figure> figures) {
    Measure m;
    m.key = key;
    m.name = english_name(key);
    m.figures = std::move(figures);
    return m;
}

Measure measure(MeasureId id, std::map<Column, Figure> figures = {}) { return measure(MeasureKey{id}, std::move(figures)); }

Section section(Suite suite, std::vector<Measure> measures) {
    Section s;
    s.suite = suite;
    s.measures = std::move(measures);
    return s;
}

Measure speedup(int workers, double threads) {
    Measure m = measure(MeasureKey{MeasureId::speedup, 0, workers}, {{Column::threads, fig(threads, "x")}});
    m.curve = "speedup";
    m.x = workers;
    m.x_unit = "workers";
    return m;
}

LiveSnapshot live(std::uint64_t sequence, int cpus, int threads_of_first) {
    LiveSnapshot s;
    s.sequence = sequence;
    s.snapshot.logical_cpus = cpus;
    s.snapshot.processes = {{"init", 1, threads_of_first}, {"sh", 2, 1}};
    s.section = section(Suite::system, {measure(MeasureId::logical_cpus, {{Column::machine, fig(cpus, "")}})});
    return s;
}

TEST(LabView, MergeReplacesTheSameSuiteKeepsTheOthersInSuiteOrder) {
    LabReport into;
    into.sections = {section(Suite::memory, {measure(MeasureId::resident_each)}), section(Suite::startup, {measure(MeasureId::start_one)})};
    LabReport update;
    update.sections = {section(Suite::memory, {measure(MeasureId::pss_each)}), section(Suite::ipc, {measure(MeasureId::throughput)})};
    update.quick = true;
    update.finished = true;
    merge_into(into, update);
    ASSERT_EQ(into.sections.size(), 3u);
    EXPECT_EQ(into.sections[0].suite, Suite::startup);
    EXPECT_EQ(into.sections[1].suite, Suite::memory);
    EXPECT_EQ(into.sections[1].measures.at(0).key.id, MeasureId::pss_each);
    EXPECT_EQ(into.sections[2].suite, Suite::ipc);
    EXPECT_TRUE(into.quick);
    EXPECT_TRUE(into.finished);
    EXPECT_FALSE(into.cancelled);
}

TEST(LabView, SameFiguresComparesWhatIsDrawnNotWhenItWasTaken) {
    const LiveSnapshot none;
    EXPECT_TRUE(same_figures(none, none));
    EXPECT_FALSE(same_figures(none, live(1, 4, 10)));
    LiveSnapshot later = live(2, 4, 10);
    later.taken_at_s = 9;
    later.cost_s = 0.5;
    EXPECT_TRUE(same_figures(live(1, 4, 10), later));
    EXPECT_FALSE(same_figures(live(1, 4, 10), live(2, 4, 11)));   // a process's thread count
    EXPECT_FALSE(same_figures(live(1, 4, 10), live(2, 8, 10)));   // the CPUs
    LiveSnapshot failed = live(2, 4, 10);
    failed.error = "ps failed";
    EXPECT_FALSE(same_figures(live(1, 4, 10), failed));
}

TEST(LabView, ShownIsTheResultsTheRunOverThemAndTheLiveSnapshotOverBoth) {
    LabView view;
    LabReport done;
    done.sections = {section(Suite::startup, {measure(MeasureId::start_one, {{Column::threads, fig(10)}})}),
                     section(Suite::system, {measure(MeasureId::logical_cpus, {{Column::machine, fig(2, "")}})})};
    done.finished = true;
    view.record(done);
    EXPECT_EQ(view.shown().sections.size(), 2u);

    LabReport running;
    running.sections = {section(Suite::startup, {measure(MeasureId::start_one, {{Column::threads, fig(12)}})})};
    view.set_running(running);
    EXPECT_EQ(find_measure(view.shown(), Suite::startup, MeasureKey{MeasureId::start_one})->at(Column::threads)->value, 12);
    EXPECT_EQ(find_measure(view.results(), Suite::startup, MeasureKey{MeasureId::start_one})->at(Column::threads)->value, 10);
    EXPECT_FALSE(view.shown().finished);   // the run's flags

    EXPECT_TRUE(view.set_live(live(1, 8, 3)));
    EXPECT_EQ(cpus_of(view.shown(), 1), 8);   // the live system suite over the finished one
    EXPECT_FALSE(view.shown().finished);      // the live snapshot leaves the runs' flags alone
    EXPECT_FALSE(view.set_live(live(2, 8, 3)));   // the same figures: nothing to redraw
    EXPECT_EQ(view.live().sequence, 2u);
    EXPECT_EQ(cpus_of(view.results(), 1), 2);

    view.set_running(std::nullopt);
    EXPECT_EQ(find_measure(view.shown(), Suite::startup, MeasureKey{MeasureId::start_one})->at(Column::threads)->value, 10);
}

TEST(LabView, CompareLoadsAJsonExportedByMainBeforeTheViewModelMoved) {
    LabView view;
    EXPECT_EQ(view.load_compare("main.json", kLabJsonFromMain), std::nullopt);
    ASSERT_NE(view.compare(), nullptr);
    EXPECT_EQ(view.compare_name(), "main.json");
    const LabReport& other = *view.compare();
    EXPECT_EQ(other.sections.size(), 7u);   // every suite: startup … latency
    // What the panel draws from it: the table's rows (no wasm row natively), curves, bars, the ladder.
    const LabTable summary = lab_table(other, 4);
    EXPECT_EQ(summary.find(TableRowId::memory_wasm), nullptr);
    for (const auto& row : summary.rows) EXPECT_TRUE(row.at(TableColumn::threads).value) << static_cast<int>(row.id);
    EXPECT_FALSE(curve(other, MeasureId::speedup, false, Column::threads).empty());
    EXPECT_FALSE(curve(other, MeasureId::speedup, true, Column::threads).empty());
    EXPECT_FALSE(memory_bars(LabReport{}, &other).empty());
    const auto rungs = ladder_rungs(other);
    ASSERT_FALSE(rungs.empty());
    // The old file has no "ladder" key: its rungs come back from the ladder table's text, as the table said them.
    const Table& table = *ladder_table(other);
    ASSERT_EQ(rungs.size(), table.rows.size());
    for (std::size_t i = 0; i < rungs.size(); ++i) {
        const auto& row = table.rows[i];
        EXPECT_EQ(rungs[i].name, row[0]);
        // A rung the classic figures lack is worded today ("not in the classic figures"), whatever the old file said.
        if (row[1] == "-") EXPECT_EQ(rungs[i].talk_human, "not in the classic figures") << row[0];
        else EXPECT_EQ(rungs[i].talk_human, row[2]) << row[0];
        if (!row[4].empty()) {
            ASSERT_TRUE(rungs[i].here_cycles.has_value()) << row[0];
            EXPECT_EQ(format_number(*rungs[i].here_cycles), row[4]) << row[0];
            // From the 3 digits of the cycles column, not the exact cycles: the last digit may differ.
            EXPECT_NEAR(std::stod(rungs[i].here_human), std::stod(row[5]), 0.01 * std::stod(row[5])) << row[0];
            EXPECT_EQ(rungs[i].here_human.substr(rungs[i].here_human.find(' ')), row[5].substr(row[5].find(' '))) << row[0];
        }
    }
    EXPECT_EQ(rungs.front().talk_cycles, 3.0);
    EXPECT_TRUE(rungs.front().here_cycles.has_value());
    // Saved again, the ladder is data: the same rungs read back.
    const auto again = to_json(other);
    ASSERT_TRUE(again["latency"].contains("ladder"));
    const auto reread = ladder_rungs(report_from_json(again));
    ASSERT_EQ(reread.size(), rungs.size());
    for (std::size_t i = 0; i < rungs.size(); ++i) {
        EXPECT_EQ(reread[i].here_cycles, rungs[i].here_cycles);
        EXPECT_EQ(reread[i].talk_human, rungs[i].talk_human);
    }
    ASSERT_NE(ladder_table(other), nullptr);
    // Every measure of the old file got its id from its name, and says it again in the same words.
    for (const auto& s : other.sections)
        for (const auto& m : s.measures) {
            EXPECT_NE(m.key.id, MeasureId::unknown) << m.name;
            EXPECT_EQ(english_name(m.key), m.name);
        }
    for (const auto& s : other.sections)
        for (const auto& t : s.tables) EXPECT_FALSE(t.id.empty()) << t.title;
    // Exported again, it reads back the same.
    EXPECT_EQ(to_json(report_from_json(again)), again);
}

TEST(LabView, CompareNamesTheFileAndKeepsTheLastGoodOneOnBadInput) {
    LabView view;
    ASSERT_EQ(view.load_compare("good.json", kLabJsonFromMain), std::nullopt);
    EXPECT_EQ(view.load_compare("x.json", "{not json"), "x.json is not JSON");
    const auto not_lab = view.load_compare("y.json", R"({"hello": 1})");
    ASSERT_TRUE(not_lab.has_value());
    EXPECT_EQ(not_lab->rfind("y.json: ", 0), 0u) << *not_lab;
    EXPECT_EQ(view.compare_name(), "good.json");
    ASSERT_NE(view.compare(), nullptr);
    view.clear_compare();
    EXPECT_EQ(view.compare(), nullptr);
}

TEST(LabView, SpeedupRowIsTheKneeAtEachResultsOwnCpus) {
    LabReport two_cpus;
    two_cpus.sections = {section(Suite::scaling, {speedup(1, 1), speedup(2, 1.9), speedup(4, 2.0)}),
                         section(Suite::system, {measure(MeasureId::logical_cpus, {{Column::machine, fig(2, "")}})})};
    LabReport four_cpus;
    four_cpus.sections = {section(Suite::scaling, {speedup(1, 1), speedup(2, 1.8), speedup(4, 3.5)}),
                          section(Suite::system, {measure(MeasureId::logical_cpus, {{Column::machine, fig(4, "")}})})};
    EXPECT_EQ(speedup_at_cpus(two_cpus, 2)->key.workers, 2);
    EXPECT_EQ(speedup_at_cpus(two_cpus, 3)->key.workers, 2);
    EXPECT_EQ(speedup_at_cpus(LabReport{}, 2), nullptr);
    // The table's C++ threads row at each result's own CPU count (not the fallback's 16).
    EXPECT_EQ(*lab_table(two_cpus, 16).find(TableRowId::cpu_native)->at(TableColumn::threads).value, 1.9);
    EXPECT_EQ(*lab_table(four_cpus, 16).find(TableRowId::cpu_native)->at(TableColumn::threads).value, 3.5);
    const auto points = curve(four_cpus, MeasureId::speedup, false, Column::threads);
    ASSERT_EQ(points.size(), 3u);
    EXPECT_EQ(points[2].y, 3.5);
}

TEST(LabView, WasmRowOnlyWhereSomeResultMeasuredWasmMemory) {
    LabReport native;
    native.sections = {section(Suite::memory, {measure(MeasureId::resident_each, {{Column::threads, fig(8, "KiB")}})})};
    LabReport web;
    web.sections = {section(Suite::memory, {measure(MeasureId::wasm_each, {{Column::threads, fig(64, "KiB")}})})};
    EXPECT_EQ(lab_table(native, 2).find(TableRowId::memory_wasm), nullptr);
    EXPECT_NE(lab_table(web, 2).find(TableRowId::memory_wasm), nullptr);
    const auto bars = memory_bars(native, &web);
    ASSERT_EQ(bars.size(), 2u);
    EXPECT_EQ(bars[0].kind, MemoryKind::resident);
    EXPECT_FALSE(bars[0].compare);
    EXPECT_EQ(bars[1].kind, MemoryKind::wasm);
    EXPECT_TRUE(bars[1].compare);
}

TEST(LabView, DetailColumnsAreThoseSomeMeasureHasAndACardOnlyItsOwn) {
    Measure a = measure(MeasureId::start_one, {{Column::processes, fig(1)}});
    Measure b = measure(MeasureId::fork_wait, {{Column::threads, fig(1)}});
    b.missing[Column::coroutines] = "coming with the event loop";
    const Section s = section(Suite::startup, {a, b});
    const auto used = used_columns(s);
    EXPECT_EQ(used, (std::vector<Column>{Column::threads, Column::processes, Column::coroutines}));
    EXPECT_EQ(card_columns(a, nullptr, used), (std::vector<Column>{Column::processes}));
    EXPECT_EQ(card_columns(a, &b, used), used);
}

}  // namespace

namespace {

TEST(LabMeasureId, EnglishNamesReadBackAsTheirKeys) {
    const MeasureKey keys[] = {{MeasureId::start_one},
                               {MeasureId::net_fetch},
                               {MeasureId::round_trip, 64, 0, false, IpcPair::atomics_pipe},
                               {MeasureId::throughput, 1 << 20, 0, false, IpcPair::lock_socketpair},
                               {MeasureId::speedup, 0, 1, false},
                               {MeasureId::speedup, 0, 2, true},
                               {MeasureId::wall_time, 0, 16, true},
                               {MeasureId::load, 16 << 10}};
    for (const auto& key : keys) {
        const std::string name = english_name(key);
        EXPECT_FALSE(name.empty());
        EXPECT_EQ(key_from_name(name), key) << name;
        EXPECT_EQ(parse_measure_id(to_string(key.id)), key.id);
    }
    EXPECT_EQ(english_name(keys[2]), "64 B round trip (atomics / pipe)");
    EXPECT_EQ(english_name(keys[5]), "speedup, 2 workers, GIL model");
    EXPECT_EQ(english_name(keys[4]), "speedup, 1 worker");
    EXPECT_EQ(english_name(keys[7]), "load, 16 KiB working set");
    EXPECT_EQ(key_from_name("speedup, 2 worker"), std::nullopt);
    EXPECT_EQ(key_from_name("a name nobody wrote"), std::nullopt);
}

TEST(LabMeasureId, JsonSaysTheIdAndParametersAndReadsThemBack) {
    LabReport report;
    Section s;
    s.suite = Suite::scaling;
    Measure m;
    m.key = {MeasureId::speedup, 0, 3, true};
    m.name = english_name(m.key);
    m.figures[Column::threads] = fig(1.5, "x");
    s.measures.push_back(m);
    report.sections.push_back(s);
    const auto doc = to_json(report);
    const auto& item = doc["scaling"]["measures"][0];
    EXPECT_EQ(item["id"], "speedup");
    EXPECT_EQ(item["workers"], 3);
    EXPECT_EQ(item["gil"], true);
    EXPECT_EQ(item["name"], "speedup, 3 workers, GIL model");
    EXPECT_EQ(report_from_json(doc).sections.at(0).measures.at(0).key, m.key);
}

}  // namespace

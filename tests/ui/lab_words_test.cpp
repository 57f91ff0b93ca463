// The lab's words: every sentence core and the native probes write has a template; in English it comes back
// unchanged, in Portuguese every measure name (and the other sentences the lab writes) changes.
#include "ui/panels/lab/lab_words.h"

#include "core/lab/lab_run.h"
#include "core/lab/live_system.h"
#include "platform/lab_probes.h"
#include "platform/platform.h"
#include "../support/within.h"

#include <gtest/gtest.h>

#include <set>

using namespace conclab;
using namespace conclab::lab;
using ui::Language;

namespace {

// Core's own sentences come with any probes: plain fakes, their methods aside.
class FakeProbes : public Probes {
public:
    Samples s(double v, int n) { return {std::vector<double>(static_cast<std::size_t>(std::max(1, n)), v), "fake"}; }
    Samples start_units(StartKind kind, int n) override { return s(kind == StartKind::thread ? 1e-5 : 5e-4, n); }
    std::string spawned_program() const override { return "/bin/true"; }
    MemorySamples idle_threads(int, int r) override {
        return {std::vector<double>(static_cast<std::size_t>(r), 12e3), std::vector<double>(static_cast<std::size_t>(r), 8e6), {}, "fake"};
    }
    MemorySamples idle_processes(int n) override {
        const auto k = static_cast<std::size_t>(n);
        return {std::vector<double>(k, 2e6), std::vector<double>(k, 1e7), std::vector<double>(k, 1e6), "fake"};
    }
    StackFacts thread_stack() override { return {8 << 20, 8 << 20, "fake"}; }
    Samples round_trips(Channel, std::size_t, int n) override { return s(1e-5, n); }
    Samples ping_pong(PingPongPair, int, int n) override { return s(4e-6, n); }
    double run_workload(exec::ExecutorKind, int, const std::vector<std::uint64_t>&) override { return 1; }
    SystemSnapshot system_snapshot() override { return {2, {{"init", 1, 1}, {"conclab", 2, 9}}, "fake"}; }
    Samples pointer_chase(std::size_t b, std::size_t, int n) override { return s(b < 65536 ? 1 : 90, n); }
    DiskSamples disk_write_read(int n) override { return {s(2e-3, n), s(2e-6, n), "/var/tmp (ext4)"}; }
    Samples tcp_round_trips(int n) override { return s(3e-5, n); }
    std::vector<CacheLevel> cache_levels() override { return {{1, 32 << 10}, {2, 1 << 20}, {3, 4 << 20}}; }
    CpuClock cpu_clock() override { return {2.0, "the nominal clock in /proc/cpuinfo's model name"}; }
    std::optional<MemorySamples> idle_coroutines(int, int) override { return std::nullopt; }
};

// Every sentence of a report a person reads but the measures' names (worded from their ids): reasons, notes,
// tables; methods unless `with_methods` is false.
std::vector<std::string> sentences(const LabReport& report, bool with_methods) {
    std::vector<std::string> out;
    for (const auto& section : report.sections) {
        for (const auto& m : section.measures) {
            for (const auto& [c, f] : m.figures)
                if (with_methods) out.push_back(f.method);
            for (const auto& [c, why] : m.missing) out.push_back(why);
        }
        for (const auto& n : section.notes) out.push_back(n);
        for (const auto& t : section.tables) {
            out.push_back(t.title);
            for (const auto& h : t.header) out.push_back(h);
        }
    }
    return out;
}

void expect_translated(const std::string& english) {
    EXPECT_EQ(ui::lab_words(english, Language::en), english);
    if (english == "pid" || english == "threads") return;   // the same words in Portuguese: no template needed
    EXPECT_TRUE(ui::lab_words_known(english)) << "no template: " << english;
    EXPECT_NE(ui::lab_words(english, Language::pt), english) << english;
}

}  // namespace

TEST(LabWords, EveryNoteReasonAndTableOfTheLabHasBothLanguages) {
    LabRun run(LabOptions{std::nullopt, true}, std::make_unique<FakeProbes>(), 2);
    const LabReport& report = test::within([&]() -> const LabReport& { return run.wait(); }, "LabRun::wait");
    ASSERT_EQ(report.sections.size(), 7u);
    std::set<std::string> seen;
    for (const auto& text : sentences(report, false))
        if (seen.insert(text).second) expect_translated(text);
    EXPECT_GT(seen.size(), 15u);   // reasons, notes, tables (the names: the next test)
}

TEST(LabWords, EveryMeasureIsWordedFromItsIdInBothLanguages) {
    LabRun run(LabOptions{std::nullopt, true}, std::make_unique<FakeProbes>(), 2);
    const LabReport& report = test::within([&]() -> const LabReport& { return run.wait(); }, "LabRun::wait");
    std::set<std::string> seen;
    for (const auto& section : report.sections)
        for (const auto& m : section.measures) {
            ASSERT_NE(m.key.id, MeasureId::unknown) << m.name;
            EXPECT_EQ(ui::measure_words(m, Language::en), m.name);   // core's English, the CLI's and the JSON's
            const std::string pt = ui::measure_words(m, Language::pt);
            EXPECT_NE(pt, m.name);
            EXPECT_EQ(pt.find('{'), std::string::npos) << pt;
            seen.insert(pt);
        }
    EXPECT_GT(seen.size(), 30u);
}

TEST(LabWords, PlaceholdersKeepNumbersAndTranslatePhrases) {
    const auto pt = [](const MeasureKey& key) { return ui::measure_words(Measure{english_name(key), key}, Language::pt); };
    EXPECT_EQ(pt({MeasureId::speedup, 0, 2, true}), "aceleração, 2 workers, modelo da GIL");
    EXPECT_EQ(pt({MeasureId::wall_time, 0, 1, false}), "tempo de relógio, 1 worker");
    EXPECT_EQ(pt({MeasureId::round_trip, 64, 0, false, IpcPair::lock_socketpair}), "ida e volta de 64 B (trava + fila / socketpair)");
    EXPECT_EQ(pt({MeasureId::load, 16 << 20}), "leitura, conjunto de trabalho de 16 MiB");
    // A measure with no id (a JSON from a newer build) shows its name.
    EXPECT_EQ(ui::measure_words(Measure{"a measure of tomorrow"}, Language::pt), "a measure of tomorrow");
    // Nested: a method with a suffix, whose first part is a template of its own.
    const std::string method = "A 64-byte message copied into a queue guarded by a mutex and a condition variable; a second thread "
                               "moves it to a reply queue; time per round trip. Throughput counts the message both ways.";
    EXPECT_EQ(ui::lab_words(method, Language::pt),
              "Uma mensagem de 64 bytes copiada para uma fila protegida por um mutex e uma variável de condição; uma segunda "
              "thread a move para uma fila de resposta; tempo por ida e volta. A vazão conta a mensagem nos dois sentidos.");
    // Unknown text stays in core's English, in both languages.
    EXPECT_EQ(ui::lab_words("a sentence nobody wrote a template for", Language::pt), "a sentence nobody wrote a template for");
    EXPECT_FALSE(ui::lab_words_known("a sentence nobody wrote a template for"));
}

TEST(LabWords, TheNativeProbesMethodsHaveTemplates) {
    auto probes = platform::make_lab_probes();
    std::vector<std::string> methods = {
        probes->start_units(StartKind::thread, 2).method,
        probes->thread_stack().method,
        probes->system_snapshot().method,
        probes->pointer_chase(4096, 1000, 1).method,
        probes->round_trips(Channel::atomics, 64, 3).method,
        probes->round_trips(Channel::mutex_queue, 64, 3).method,
        probes->ping_pong(PingPongPair::threads, 10, 1).method,
        probes->tcp_round_trips(3).method,
        probes->idle_threads(2, 1).method,
        probes->cpu_clock().source,
    };
    const DiskSamples disk = probes->disk_write_read(1);
    methods.push_back(disk.write_fsync.method);
    methods.push_back(disk.read.method);
    if (auto c = probes->start_coroutines(10, 1)) methods.push_back(c->method);
    if (auto c = probes->coroutine_ping_pong(10, 1)) methods.push_back(c->method);
    if (auto c = probes->idle_coroutines(10, 1)) methods.push_back(c->method);
    for (const auto& m : methods) expect_translated(m);
    // The live snapshot's note too.
    LiveSystem live([] { return SystemSnapshot{2, {{"init", 1, 1}}, "fake"}; }, LiveSystem::Mode::caller);
    live.watch();
    for (const auto& note : live.latest().section.notes) expect_translated(note);
}

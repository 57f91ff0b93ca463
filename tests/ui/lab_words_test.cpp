// The lab's words from its typed data: every method, reason, note, measure and table of a run is worded from its id,
// its English the same as core's english() (the JSON's and the CLI's), its Portuguese with no English left.
#include "ui/panels/lab/lab_words.h"
#include "ui/text/text_lab_methods.h"
#include "ui/text/text_lab_notes.h"
#include "ui/text/text_lab_words.h"

#include "core/lab/lab_run.h"
#include "core/lab/live_system.h"
#include "platform/lab_probes.h"
#include "platform/platform.h"
#include "../support/within.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

using namespace conclab;
using namespace conclab::lab;
using ui::Language;

namespace {

// Core's own sentences come with any probes: plain fakes, their methods aside.
class FakeProbes : public Probes {
public:
    Samples s(double v, int n) { return {std::vector<double>(static_cast<std::size_t>(std::max(1, n)), v), MethodId::thread_start}; }
    Samples start_units(StartKind kind, int n) override { return s(kind == StartKind::thread ? 1e-5 : 5e-4, n); }
    std::string spawned_program() const override { return "/bin/true"; }
    MemorySamples idle_threads(int, int r) override {
        return {std::vector<double>(static_cast<std::size_t>(r), 12e3), std::vector<double>(static_cast<std::size_t>(r), 8e6), {}, MethodId::proc};
    }
    MemorySamples idle_processes(int n) override {
        const auto k = static_cast<std::size_t>(n);
        return {std::vector<double>(k, 2e6), std::vector<double>(k, 1e7), std::vector<double>(k, 1e6), MethodId::proc};
    }
    StackFacts thread_stack() override { return {8 << 20, 8 << 20, MethodId::proc}; }
    Samples round_trips(Channel, std::size_t, int n) override { return s(1e-5, n); }
    Samples ping_pong(PingPongPair, int, int n) override { return s(4e-6, n); }
    double run_workload(exec::ExecutorKind, int, const std::vector<std::uint64_t>&) override { return 1; }
    SystemSnapshot system_snapshot() override { return {2, {{"init", 1, 1}, {"conclab", 2, 9}}, MethodId::proc}; }
    Samples pointer_chase(std::size_t b, std::size_t, int n) override { return s(b < 65536 ? 1 : 90, n); }
    DiskSamples disk_write_read(int n) override { return {s(2e-3, n), s(2e-6, n), "/var/tmp", "tmpfs"}; }
    Samples tcp_round_trips(int n) override { return s(3e-5, n); }
    std::vector<CacheLevel> cache_levels() override { return {{1, 32 << 10}, {2, 1 << 20}, {3, 4 << 20}}; }
    CpuClock cpu_clock() override { return {2.0, ClockSource::nominal}; }
    std::optional<MemorySamples> idle_coroutines(int, int) override { return std::nullopt; }
};

}  // namespace


namespace {

const LabReport& fake_run() {
    static LabRun run(LabOptions{std::nullopt, true}, std::make_unique<FakeProbes>(), 2);
    return test::within([&]() -> const LabReport& { return run.wait(); }, "LabRun::wait");
}

// English the way a person would spot it in the Portuguese page: words no Portuguese sentence here uses.
bool looks_english(const std::string& text) {
    for (const char* word : {" the ", " and ", " with ", " of ", "Time to", " per ", " not ", " cannot ", "measured", " its "})
        if (text.find(word) != std::string::npos) return true;
    return false;
}

std::vector<std::vector<std::string>> without_underscores(std::vector<std::vector<std::string>> rows) {
    for (auto& row : rows)
        for (auto& cell : row) std::erase(cell, '_');
    return rows;
}

// "7.50" in a PT text: a point between two digits.
bool has_decimal_point(const std::string& text) {
    for (std::size_t i = 1; i + 1 < text.size(); ++i)
        if (text[i] == '.' && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(text[i + 1])))
            return true;
    return false;
}

}  // namespace

// Issue 19 §4: the ladder's figures as every panel writes numbers — the talk's `_` between thousands in both languages,
// a decimal comma in Portuguese (core's table, the CLI's, keeps C's form).
TEST(LabWords, TheLaddersFiguresAreGroupedAndTakeThePagesDecimalMark) {
    const LabReport& report = fake_run();
    bool ladder = false;
    for (const auto& section : report.sections)
        for (const auto& t : section.tables) {
            if (t.id != kLadderTable || section.ladder.empty()) continue;
            ladder = true;
            EXPECT_NE(ui::table_title(section, t, Language::pt).find("(2,00 GHz)"), std::string::npos)
                << ui::table_title(section, t, Language::pt);
            EXPECT_NE(ui::table_title(section, t, Language::en).find("(2.00 GHz)"), std::string::npos);
            for (const Language l : {Language::en, Language::pt}) {
                std::string all;
                for (const auto& row : ui::table_words(section, t, l).rows)
                    for (const auto& cell : row) all += cell + " | ";
                EXPECT_NE(all.find("41_000_000"), std::string::npos) << "the disk rung's classic cycles: " << all;
                EXPECT_NE(all.find("240_000_000"), std::string::npos) << all;
                if (l == Language::pt) {
                    EXPECT_FALSE(has_decimal_point(all)) << all;
                }
            }
        }
    EXPECT_TRUE(ladder);
}

TEST(LabWords, EveryMethodAndReasonIdIsWordedInBothLanguagesAsCoreSaysItInEnglish) {
    for (int k = 0; k < static_cast<int>(MethodId::count_); ++k) {
        const auto id = static_cast<MethodId>(k);
        if (id == MethodId::text) continue;
        const Method m{id, {"7", "29", "threads", "3"}};
        EXPECT_EQ(ui::method_words(m, Language::en), english(m)) << to_string(id);
        const std::string pt = ui::method_words(m, Language::pt);
        EXPECT_NE(pt, english(m)) << to_string(id);
        EXPECT_FALSE(looks_english(pt)) << pt;
        EXPECT_EQ(pt.find('{'), std::string::npos) << pt;
    }
    for (int k = 1; k < static_cast<int>(ReasonId::count_); ++k) {
        const Reason r{static_cast<ReasonId>(k)};
        EXPECT_EQ(ui::reason_words(r, Language::en), english(r));
        EXPECT_NE(ui::reason_words(r, Language::pt), english(r));
        EXPECT_FALSE(looks_english(ui::reason_words(r, Language::pt))) << ui::reason_words(r, Language::pt);
    }
    // The parameters: the pool and the tries of the scaling method, a file system, the sentences that follow.
    const Method scaling{MethodId::scaling, {"24", "40", "gil", "1"}};
    EXPECT_NE(english(scaling).find("on threads that must hold one global lock to compute (the GIL model), 1 try per worker count"), std::string::npos);
    EXPECT_NE(ui::method_words(scaling, Language::pt).find("modelo da GIL), 1 tentativa por número de workers"), std::string::npos);
    const Method queue = Method(MethodId::queue, {"64"}).followed_by(MethodId::then_throughput);
    EXPECT_EQ(ui::method_words(queue, Language::pt),
              "Uma mensagem de 64 bytes copiada para uma fila protegida por um mutex e uma variável de condição; uma segunda "
              "thread a move para uma fila de resposta; tempo por ida e volta. A vazão conta a mensagem nos dois sentidos.");
    EXPECT_EQ(ui::method_words(Method(MethodId::pwrite, {"/tmp", "tmpfs"}), Language::pt),
              "pwrite de 4 KiB num arquivo temporário em /tmp (tmpfs: memória, não um disco) seguido de fsync, que retorna "
              "quando o dispositivo já o tem.");
    // A method or reason as written (a JSON from before ids, the platform's own error) is shown as it is.
    EXPECT_EQ(ui::method_words(Method("as it was written"), Language::pt), "as it was written");
    EXPECT_EQ(ui::reason_words(Reason("posix_spawn: No such file"), Language::pt), "posix_spawn: No such file");
}

TEST(LabWords, TheLabInPortugueseShowsNoEnglishMethodReasonNoteOrTable) {
    const LabReport& report = fake_run();
    ASSERT_EQ(report.sections.size(), 7u);
    std::set<std::string> seen;
    const auto check = [&](const std::string& en, const std::string& from_core, const std::string& pt) {
        EXPECT_EQ(en, from_core);   // the page's English is the CLI's
        EXPECT_NE(pt, en);
        EXPECT_FALSE(looks_english(pt)) << pt;
        seen.insert(pt);
    };
    for (const auto& section : report.sections) {
        for (const auto& m : section.measures) {
            for (const auto& [c, f] : m.figures) {
                ASSERT_NE(f.method.id, MethodId::text) << "an untyped method: " << english(f.method);
            }
            for (const auto& [c, why] : m.missing) {
                ASSERT_NE(why.id, ReasonId::text) << english(why);
                check(ui::reason_words(why, Language::en), english(why), ui::reason_words(why, Language::pt));
            }
        }
        ASSERT_EQ(section.note_ids.size(), section.notes.size());
        for (std::size_t i = 0; i < section.notes.size(); ++i)
            check(ui::note_words(section.note_ids[i], Language::en), section.notes[i], ui::note_words(section.note_ids[i], Language::pt));
        for (const auto& t : section.tables) {
            check(ui::table_title(section, t, Language::en), t.title, ui::table_title(section, t, Language::pt));
            const ui::TextTable en = ui::table_words(section, t, Language::en), pt = ui::table_words(section, t, Language::pt);
            EXPECT_EQ(en.header, t.header);
            EXPECT_EQ(without_underscores(en.rows), t.rows);   // the ladder worded from its data says what core's table says,
                                                                // its big figures grouped the talk's way
            EXPECT_NE(pt.header, t.header);
            for (const auto& h : pt.header) EXPECT_FALSE(looks_english(h)) << h;
            for (const auto& row : pt.rows)
                for (const auto& cell : row) EXPECT_FALSE(looks_english(cell)) << cell;
        }
    }
    EXPECT_GT(seen.size(), 8u);
}

TEST(LabWords, EveryMeasureIsWordedFromItsIdInBothLanguages) {
    const LabReport& report = fake_run();
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
    EXPECT_EQ(ui::duration_words(16 * 86400.0, Language::pt), "16,0 dias");   // a decimal comma (issue 19 §4)
    EXPECT_EQ(ui::rung_source_words({RungSourceId::chase_cached, 16 << 20, 32 << 20, {}}, Language::pt),
              "lista encadeada (pointer chasing), 16 MiB (cabe no cache de 32 MiB: parte em cache)");
}

TEST(LabWords, TheNativeProbesMethodsAreTyped) {
    auto probes = platform::make_lab_probes();
    std::vector<Method> methods = {
        probes->start_units(StartKind::thread, 2).method,
        probes->start_units(StartKind::spawn, 1).method,
        probes->thread_stack().method,
        probes->system_snapshot().method,
        probes->pointer_chase(4096, 1000, 1).method,
        probes->round_trips(Channel::atomics, 64, 3).method,
        probes->round_trips(Channel::mutex_queue, 64, 3).method,
        probes->ping_pong(PingPongPair::threads, 10, 1).method,
        probes->tcp_round_trips(3).method,
        probes->idle_threads(2, 1).method,
    };
    const DiskSamples disk = probes->disk_write_read(1);
    methods.push_back(disk.write_fsync.method);
    methods.push_back(disk.read.method);
    if (auto c = probes->start_coroutines(10, 1)) methods.push_back(c->method);
    if (auto c = probes->coroutine_ping_pong(10, 1)) methods.push_back(c->method);
    if (auto c = probes->idle_coroutines(10, 1)) methods.push_back(c->method);
    for (const auto& m : methods) {
        EXPECT_NE(m.id, MethodId::text) << english(m);
        EXPECT_EQ(ui::method_words(m, Language::en), english(m));
        EXPECT_FALSE(looks_english(ui::method_words(m, Language::pt))) << ui::method_words(m, Language::pt);
    }
    EXPECT_NE(ui::clock_words(std::string(to_string(probes->cpu_clock().source)), Language::pt).find("clock"), std::string::npos);
    // The live snapshot's note too.
    LiveSystem live([] { return SystemSnapshot{2, {{"init", 1, 1}}, MethodId::proc}; }, LiveSystem::Mode::caller);
    live.watch();
    const auto& section = live.latest().section;
    ASSERT_EQ(section.note_ids.size(), section.notes.size());
    for (std::size_t i = 0; i < section.notes.size(); ++i) {
        EXPECT_EQ(ui::note_words(section.note_ids[i], Language::en), section.notes[i]);
        EXPECT_NE(ui::note_words(section.note_ids[i], Language::pt), section.notes[i]);
    }
}

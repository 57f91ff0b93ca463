// The lab's table in its final shape (core/lab/lab_table), from a fixed JSON (tests/data/lab_main_quick.json, a
// quick run on a 2-CPU machine): rows in order, one unit per row, ratios, busy spreads, numbered notes.
#include "core/lab/lab_table.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

extern const char* const kLabJsonFromMain;

using namespace conclab::lab;

namespace {

LabTable fixture_table() { return lab_table(report_from_json(nlohmann::json::parse(kLabJsonFromMain)), 8); }

std::vector<TableRowId> ids(const LabTable& t) {
    std::vector<TableRowId> out;
    for (const auto& r : t.rows) out.push_back(r.id);
    return out;
}

}  // namespace

TEST(LabTable, TheTalksRowsFirstThenTheAppsAndNoWasmRowNatively) {
    const LabTable t = fixture_table();
    EXPECT_EQ(ids(t), (std::vector<TableRowId>{TableRowId::cpu_gil, TableRowId::cpu_native, TableRowId::memory_resident,
                                               TableRowId::memory_reserved, TableRowId::round_trip, TableRowId::throughput,
                                               TableRowId::startup, TableRowId::switches, TableRowId::scaling}));
    for (const auto& r : t.rows) EXPECT_EQ(r.talk, r.id != TableRowId::switches && r.id != TableRowId::scaling);
    EXPECT_EQ(t.cpus, 2);   // the fixture's own system suite, not the fallback
    EXPECT_FALSE(t.cpython);
    for (const auto& r : t.rows) EXPECT_EQ(r.at(TableColumn::cpython).why, CellWhy::no_runtime);
}

TEST(LabTable, OneUnitPerRowScaledToItsSmallestFigure) {
    const LabTable t = fixture_table();
    EXPECT_EQ(t.find(TableRowId::startup)->unit, TableUnit::us);          // 0.199 µs … 8,067 µs
    EXPECT_EQ(t.find(TableRowId::memory_resident)->unit, TableUnit::kib); // 0.408 KiB … 18,118 KiB
    EXPECT_EQ(t.find(TableRowId::memory_reserved)->unit, TableUnit::mib); // 8,196 KiB → 8.00 MiB
    EXPECT_EQ(t.find(TableRowId::throughput)->unit, TableUnit::gb_per_s);
    EXPECT_EQ(t.find(TableRowId::switches)->unit, TableUnit::million_per_s);
    EXPECT_EQ(t.find(TableRowId::cpu_gil)->unit, TableUnit::times);
    const TableRow& reserved = *t.find(TableRowId::memory_reserved);
    EXPECT_NEAR(*reserved.at(TableColumn::threads).value, 8196.0 / 1024, 1e-9);
    EXPECT_NEAR(*reserved.at(TableColumn::processes).value, 44556.0 / 1024, 1e-9);
    EXPECT_EQ(reserved.at(TableColumn::coroutines).why, CellWhy::missing);
    EXPECT_EQ(reserved.at(TableColumn::coroutines).missing, "reserves nothing beyond what it uses");
    const TableRow& switches = *t.find(TableRowId::switches);
    EXPECT_NEAR(*switches.at(TableColumn::threads).value, 0.675980323087954, 1e-12);
    EXPECT_EQ(switches.at(TableColumn::threads).decimals, 3);
}

TEST(LabTable, TheGilModelBesideCppThreadsAtOneWorkerPerCpuWithTheRatios) {
    const LabTable t = fixture_table();
    const TableRow& gil = *t.find(TableRowId::cpu_gil);
    const TableRow& native = *t.find(TableRowId::cpu_native);
    EXPECT_NEAR(*gil.at(TableColumn::threads).value, 0.997558625450569, 1e-12);   // 2 workers, GIL model
    EXPECT_NEAR(*native.at(TableColumn::threads).value, 1.8251459572339113, 1e-12);
    EXPECT_NEAR(*gil.at(TableColumn::processes).value, 1.9317346991298716, 1e-12);
    EXPECT_EQ(gil.at(TableColumn::coroutines).why, CellWhy::one_thread);
    EXPECT_NEAR(*gil.processes_over_threads, 1.9317346991298716 / 0.997558625450569, 1e-12);
    EXPECT_FALSE(gil.threads_over_coroutines);
    const TableRow& startup = *t.find(TableRowId::startup);
    EXPECT_NEAR(*startup.processes_over_threads, 8067.310999649635 / 7.180000466178171, 1e-9);
    EXPECT_NEAR(*startup.threads_over_coroutines, 7.180000466178171 / 0.19893999888154212, 1e-9);
    const TableRow& scaling = *t.find(TableRowId::scaling);
    EXPECT_EQ(scaling.at(TableColumn::threads).workers, 4);     // 2.003x, the best of the curve
    EXPECT_EQ(scaling.at(TableColumn::processes).workers, 3);   // 2.07x
    EXPECT_EQ(t.find(TableRowId::round_trip)->at(TableColumn::coroutines).why, CellWhy::function_call);
}

TEST(LabTable, ARangeKeepsItsFiguresDecimalsAndAWideOneSaysTheMachineWasBusy) {
    const LabTable t = fixture_table();
    const TableCell& threads = t.find(TableRowId::cpu_native)->at(TableColumn::threads);   // 1.83 (0.625–1.83)
    ASSERT_TRUE(threads.low && threads.high);
    EXPECT_TRUE(threads.busy);
    EXPECT_EQ(threads.decimals, 2);
    EXPECT_EQ(threads.range_decimals, 2);
    const TableCell& gil = t.find(TableRowId::cpu_gil)->at(TableColumn::threads);           // 0.998 (0.986–0.998)
    EXPECT_FALSE(gil.busy);
    const TableCell& stack = t.find(TableRowId::memory_reserved)->at(TableColumn::threads); // one value, no range
    EXPECT_FALSE(stack.low);
    // "1665 KiB (0.776–2049)" never again: both ends of a range in one count of decimals, the larger end's.
    LabReport wide;
    Section memory;
    memory.suite = Suite::memory;
    Measure wasm;
    wasm.key = MeasureKey{MeasureId::wasm_each};
    wasm.figures[Column::threads] = Figure{1665, "KiB", 0.776, 2049, kSpreadRange, 3, "m"};
    memory.measures.push_back(wasm);
    wide.sections.push_back(memory);
    const LabTable table = lab_table(wide, 2);   // kept: the cell below refers into it
    const TableCell& cell = table.find(TableRowId::memory_wasm)->at(TableColumn::threads);
    EXPECT_EQ(table.find(TableRowId::memory_wasm)->unit, TableUnit::mib);   // 1.63 MiB
    EXPECT_EQ(cell.range_decimals, 2);
    EXPECT_EQ(grouped(*cell.low, cell.range_decimals, ',', '.') + "\u2013" + grouped(*cell.high, cell.range_decimals, ',', '.'), "0.00\u20132.00");
    EXPECT_TRUE(cell.busy);
}

TEST(LabTable, NotesNumberedOnceInOrderAndEachRowPointsAtItsOwn) {
    const LabTable t = fixture_table();
    EXPECT_EQ(t.notes, (std::vector<TableNote>{TableNote::ranges, TableNote::gil_model, TableNote::talk_columns, TableNote::function_call,
                                               TableNote::one_thread, TableNote::ratios, TableNote::workers, TableNote::shared_bytes}));
    EXPECT_EQ(t.number(TableNote::ranges), 1);
    EXPECT_EQ(t.number(TableNote::workers), 7);
    EXPECT_EQ(t.find(TableRowId::cpu_gil)->notes, (std::vector<TableNote>{TableNote::gil_model, TableNote::workers, TableNote::one_thread}));
    EXPECT_EQ(t.find(TableRowId::startup)->notes, std::vector<TableNote>{});
    // Issue 19 §3: "processes share memory only as bytes", by the communication rows.
    EXPECT_EQ(t.find(TableRowId::round_trip)->notes.front(), TableNote::shared_bytes);
    EXPECT_EQ(t.find(TableRowId::throughput)->notes.front(), TableNote::shared_bytes);
}

TEST(LabTable, AnEmptyReportKeepsTheShapeAndSaysNotRun) {
    const LabTable t = lab_table(LabReport{}, 4);
    EXPECT_EQ(t.rows.size(), 9u);
    EXPECT_EQ(t.cpus, 4);
    EXPECT_EQ(t.find(TableRowId::startup)->at(TableColumn::threads).why, CellWhy::not_run);
    EXPECT_EQ(t.number(TableNote::ranges), 0);
}

TEST(LabTable, GroupedWritesThousandsAndDecimalsInEitherStyle) {
    EXPECT_EQ(grouped(18118, 0, ',', '.'), "18,118");
    EXPECT_EQ(grouped(18118, 0, '.', ','), "18.118");
    EXPECT_EQ(grouped(7.5, 2, '.', ','), "7,50");
    EXPECT_EQ(grouped(1234567.891, 1, ',', '.'), "1,234,567.9");
    EXPECT_EQ(grouped(999, 0, ',', '.'), "999");
    EXPECT_EQ(grouped(-1234, 0, ',', '.'), "-1,234");
    EXPECT_EQ(decimals_for(0.199), 3);
    EXPECT_EQ(decimals_for(0.0456), 4);
    EXPECT_EQ(decimals_for(7.18), 2);
    EXPECT_EQ(decimals_for(8067), 0);
}

TEST(LabTable, ConvertStaysInOneFamily) {
    EXPECT_DOUBLE_EQ(*convert(8.0, TableUnit::mib, TableUnit::kib), 8192.0);
    EXPECT_DOUBLE_EQ(*convert(1500.0, TableUnit::us, TableUnit::ms), 1.5);
    EXPECT_DOUBLE_EQ(*convert(2.0, TableUnit::million_per_s, TableUnit::thousand_per_s), 2000.0);
    EXPECT_FALSE(convert(1.0, TableUnit::us, TableUnit::kib));
}

TEST(LabNotes, TypedNotesSayWhatTheLabSaidBeforeAndTravelInTheJson) {
    const LabReport old = report_from_json(nlohmann::json::parse(kLabJsonFromMain));
    // A JSON from before notes had ids: notes as they were, no ids.
    EXPECT_TRUE(old.find(Suite::scaling)->note_ids.empty());
    EXPECT_EQ(english(Note{NoteId::ideal_speedup, {"2"}}), old.find(Suite::scaling)->notes.at(0));
    EXPECT_EQ(english(Note{NoteId::ipc_coroutines, {}}), old.find(Suite::ipc)->notes.at(0));
    EXPECT_EQ(english(Note{NoteId::disk_where, {"/var/tmp (ext4)"}}), old.find(Suite::latency)->notes.at(0));
    EXPECT_EQ(english(Note{NoteId::stack, {"8.00", "7.50", "kib", "8192"}}),
              "The talk's \"cerca de 4MB por thread\" (\"about 4 MB per thread\") is address space: a thread here reserves 8.00 MiB "
              "of stack but keeps only about 7.50 KiB resident while idle (pages count once touched); `ulimit -s` is 8192 KiB.");
    Section s;
    s.suite = Suite::memory;
    add_note(s, {NoteId::stack, {"8.00", "", "unlimited", ""}});
    add_note(s, {NoteId::step_failed, {"processes: fork + wait", "fork: no"}});
    EXPECT_EQ(s.notes.at(1), "processes: fork + wait could not be measured: fork: no");
    LabReport r;
    r.sections.push_back(s);
    const auto doc = to_json(r);
    EXPECT_EQ(doc["memory"]["notes"].size(), 2u);   // the contract's key, as before
    const LabReport back = report_from_json(doc);
    EXPECT_EQ(back.find(Suite::memory)->note_ids, s.note_ids);
}

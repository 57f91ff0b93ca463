// The lab's table in its final shape (lab_table.h): rows, one unit per row, ratios, busy spreads, numbered notes.
#include "core/lab/lab_table.h"

#include "core/lab/lab_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>

namespace conclab::lab {
namespace {

struct RowPlan {
    TableRowId id;
    TableGroup group;
    bool talk;
    Suite suite;
    MeasureKey key;
};

constexpr RowPlan kPlan[] = {
    {TableRowId::cpu_gil, TableGroup::cpu_use, true, Suite::scaling, {MeasureId::speedup, 0, 0, true}},
    {TableRowId::cpu_native, TableGroup::cpu_use, true, Suite::scaling, {MeasureId::speedup}},
    {TableRowId::memory_resident, TableGroup::memory, true, Suite::memory, {MeasureId::resident_each}},
    {TableRowId::memory_reserved, TableGroup::memory, true, Suite::memory, {MeasureId::virtual_each}},
    {TableRowId::memory_wasm, TableGroup::memory, true, Suite::memory, {MeasureId::wasm_each}},
    {TableRowId::round_trip, TableGroup::communication, true, Suite::ipc, {MeasureId::round_trip, 64, 0, false, IpcPair::atomics_pipe}},
    {TableRowId::throughput, TableGroup::communication, true, Suite::ipc,
     {MeasureId::throughput, std::size_t{1} << 20, 0, false, IpcPair::atomics_pipe}},
    {TableRowId::startup, TableGroup::startup, true, Suite::startup, {MeasureId::start_one}},
    {TableRowId::switches, TableGroup::switches, false, Suite::switches, {MeasureId::switches_per_second}},
    {TableRowId::scaling, TableGroup::scaling, false, Suite::scaling, {MeasureId::speedup}},
};

// A unit family: each unit and its size in the family's base (the first).
struct Scale {
    TableUnit unit;
    double size;
};
constexpr Scale kTimes[] = {{TableUnit::ns, 1e-3}, {TableUnit::us, 1}, {TableUnit::ms, 1e3}, {TableUnit::s, 1e6}};
constexpr Scale kSizes[] = {{TableUnit::bytes, 1.0 / 1024}, {TableUnit::kib, 1}, {TableUnit::mib, 1024}, {TableUnit::gib, 1024.0 * 1024}};
constexpr Scale kRates[] = {{TableUnit::mb_per_s, 1}, {TableUnit::gb_per_s, 1e3}};
constexpr Scale kCounts[] = {{TableUnit::per_s, 1}, {TableUnit::thousand_per_s, 1e3}, {TableUnit::million_per_s, 1e6}};
constexpr Scale kTimesOnly[] = {{TableUnit::times, 1}};

// A figure's value in its family's base unit (µs, KiB, MB/s, 1/s, x), from the unit it was measured in.
std::optional<double> in_base(double value, const std::string& unit) {
    if (unit == "ns") return value * 1e-3;
    if (unit == "µs" || unit == "us") return value;
    if (unit == "ms") return value * 1e3;
    if (unit == "s") return value * 1e6;
    if (unit == "B") return value / 1024;
    if (unit == "KiB") return value;
    if (unit == "MiB") return value * 1024;
    if (unit == "GiB") return value * 1024 * 1024;
    if (unit == "MB/s") return value;
    if (unit == "GB/s") return value * 1e3;
    if (unit == "switches/s" || unit == "x") return value;
    return std::nullopt;
}

template <std::size_t N>
Scale pick(const Scale (&family)[N], double smallest) {
    // The largest unit in which the row's smallest figure still reads 0.1 or more: "0.199 µs … 8,067 µs", not
    // "199 ns … 8,067,311 ns" nor "0.000199 ms".
    Scale chosen = family[0];
    for (const auto& s : family)
        if (smallest / s.size >= 0.1) chosen = s;
    return chosen;
}

Scale scale_for(TableRowId id, double smallest) {
    switch (id) {
    case TableRowId::cpu_gil:
    case TableRowId::cpu_native:
    case TableRowId::scaling: return pick(kTimesOnly, smallest);
    case TableRowId::memory_resident:
    case TableRowId::memory_reserved:
    case TableRowId::memory_wasm: return pick(kSizes, smallest);
    case TableRowId::throughput: return pick(kRates, smallest);
    case TableRowId::switches: return pick(kCounts, smallest);
    case TableRowId::round_trip:
    case TableRowId::startup: break;
    }
    return pick(kTimes, smallest);
}

// The best speedup of the non-GIL curve in `column`, with its worker count.
const Measure* best_speedup(const Section* s, Column column) {
    if (!s) return nullptr;
    const Measure* best = nullptr;
    for (const auto& m : s->measures)
        if (m.key.id == MeasureId::speedup && !m.key.gil && m.at(column) && (!best || m.at(column)->value > best->at(column)->value))
            best = &m;
    return best;
}

const Measure* gil_at_cpus(const Section* s, int cpus) {
    if (!s) return nullptr;
    const Measure* best = nullptr;
    for (const auto& m : s->measures)
        if (m.key.id == MeasureId::speedup && m.key.gil && m.key.workers <= cpus && (!best || m.key.workers > best->key.workers)) best = &m;
    return best;
}

Column model_column(TableColumn c) {
    switch (c) {
    case TableColumn::threads: return Column::threads;
    case TableColumn::processes: return Column::processes;
    case TableColumn::coroutines: return Column::coroutines;
    case TableColumn::cpython: return Column::cpython_threads;
    case TableColumn::cpython_processes: return Column::cpython_processes;
    case TableColumn::cpython_coroutines: return Column::cpython_coroutines;
    }
    return Column::threads;
}

// Some measure of the report has a CPython figure or a CPython reason: lab.py ran.
bool cpython_ran(const LabReport& report) {
    for (const auto& s : report.sections)
        for (const auto& m : s.measures) {
            for (const auto& [c, f] : m.figures)
                if (is_cpython(c)) return true;
            for (const auto& [c, why] : m.missing)
                if (is_cpython(c)) return true;
        }
    return false;
}

void add_note(std::vector<TableNote>& notes, TableNote note) {
    if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
}

}  // namespace

std::optional<double> convert(double value, TableUnit from, TableUnit to) {
    const std::span<const Scale> families[] = {kTimes, kSizes, kRates, kCounts, kTimesOnly};
    const auto find = [&](TableUnit u) -> std::optional<std::pair<std::size_t, double>> {
        for (std::size_t f = 0; f < std::size(families); ++f)
            for (const Scale& s : families[f])
                if (s.unit == u) return std::pair{f, s.size};
        return std::nullopt;
    };
    const auto a = find(from), b = find(to);
    if (!a || !b || a->first != b->first) return std::nullopt;
    return value * a->second / b->second;
}

int decimals_for(double value) {
    const double m = std::fabs(value);
    if (m >= 100 || m == 0) return 0;
    if (m >= 10) return 1;
    if (m >= 1) return 2;
    // Three significant digits below 1, at most 6 decimals.
    int d = 2;
    for (double v = m; v < 1 && d < 6; v *= 10) ++d;
    return d;
}

std::string grouped(double value, int decimals, char thousands, char decimal) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(decimals, 0, 9), std::fabs(value));
    std::string digits = buffer, fraction;
    if (const auto dot = digits.find('.'); dot != std::string::npos) {
        fraction = digits.substr(dot + 1);
        digits.resize(dot);
    }
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += thousands;
        out += digits[i];
    }
    if (!fraction.empty()) out += decimal + fraction;
    const bool zero = out.find_first_not_of("0.,") == std::string::npos;
    return value < 0 && !zero ? "-" + out : out;
}

int LabTable::number(TableNote note) const {
    for (std::size_t i = 0; i < notes.size(); ++i)
        if (notes[i] == note) return static_cast<int>(i) + 1;
    return 0;
}

const TableRow* LabTable::find(TableRowId id) const {
    for (const auto& r : rows)
        if (r.id == id) return &r;
    return nullptr;
}

LabTable lab_table(const LabReport& report, int fallback_cpus) {
    LabTable table;
    table.cpus = cpus_of(report, fallback_cpus);
    const bool python = cpython_ran(report);
    bool ranges = false;
    for (const auto& plan : kPlan) {
        const Section* section = report.find(plan.suite);
        TableRow row{plan.id, plan.group, plan.talk, TableUnit::times, {}, std::nullopt, std::nullopt, {}};
        // The measure behind each model column.
        std::array<const Measure*, 3> measures{};
        for (std::size_t c = 0; c < 3; ++c) {
            const Column column = model_column(kTableColumns[c]);
            switch (plan.id) {
            case TableRowId::cpu_gil:
                measures[c] = column == Column::processes ? speedup_at_cpus(report, table.cpus) : column == Column::threads ? gil_at_cpus(section, table.cpus) : nullptr;
                break;
            case TableRowId::cpu_native: measures[c] = speedup_at_cpus(report, table.cpus); break;
            case TableRowId::scaling: measures[c] = best_speedup(section, column); break;
            default: measures[c] = section ? section->find(plan.key) : nullptr; break;
            }
        }
        if (plan.id == TableRowId::memory_wasm &&
            std::none_of(measures.begin(), measures.end(), [](const Measure* m) { return m && (m->at(Column::threads) || m->at(Column::processes) || m->at(Column::coroutines)); }))
            continue;
        // CPython's figures sit on the same measure as C++'s (lab::add_python_lines); its CPU rows are primes'.
        // Its round trip is the lock + queue / socketpair pair's: queue.Queue and multiprocessing.Pipe are those.
        MeasureKey cpython_key = plan.key;
        if (plan.id == TableRowId::round_trip) cpython_key.pair = IpcPair::lock_socketpair;
        const Measure* cpython_measure = section && plan.group != TableGroup::cpu_use && plan.id != TableRowId::scaling ? section->find(cpython_key) : nullptr;
        double smallest = INFINITY;
        for (std::size_t c = 0; c < 3; ++c)
            if (const Figure* f = measures[c] ? measures[c]->at(model_column(kTableColumns[c])) : nullptr)
                if (auto v = in_base(f->value, f->unit); v && *v > 0) smallest = std::min(smallest, *v);
        for (TableColumn c : kCpythonColumns)
            if (const Figure* f = cpython_measure ? cpython_measure->at(model_column(c)) : nullptr)
                if (auto v = in_base(f->value, f->unit); v && *v > 0) smallest = std::min(smallest, *v);
        const Scale scale = scale_for(plan.id, std::isfinite(smallest) ? smallest : 1);
        row.unit = scale.unit;
        const auto fill = [&](TableCell& cell, const Figure& f, double base) {
            cell.figure = &f;
            cell.value = base / scale.size;
            cell.decimals = decimals_for(*cell.value);
            cell.samples = f.samples;
            if (f.samples > 1 && f.spread_low != f.spread_high) {
                cell.low = *in_base(f.spread_low, f.unit) / scale.size;
                cell.high = *in_base(f.spread_high, f.unit) / scale.size;
                cell.range_decimals = decimals_for(std::max(std::fabs(*cell.low), std::fabs(*cell.high)));
                cell.busy = *cell.value != 0 && (*cell.high - *cell.low) / std::fabs(*cell.value) > kBusySpread;
                ranges = true;
            }
        };
        for (std::size_t c = 0; c < 3; ++c) {
            const Column column = model_column(kTableColumns[c]);
            TableCell& cell = row.cells[c];
            const Figure* f = measures[c] ? measures[c]->at(column) : nullptr;
            const auto base = f ? in_base(f->value, f->unit) : std::nullopt;
            if (f && base) {
                fill(cell, *f, *base);
                if (plan.id == TableRowId::scaling) cell.workers = measures[c]->key.workers;
                continue;
            }
            const bool coroutines = column == Column::coroutines;
            if (coroutines && (plan.group == TableGroup::cpu_use || plan.id == TableRowId::scaling)) cell.why = CellWhy::one_thread;
            else if (coroutines && plan.group == TableGroup::communication) cell.why = CellWhy::function_call;
            else if (const Measure* m = measures[c]; m && m->missing.count(column)) {
                cell.why = CellWhy::missing;
                cell.missing = m->missing.at(column);
            } else {
                cell.why = section ? CellWhy::not_measured : CellWhy::not_run;
            }
        }
        for (TableColumn c : kCpythonColumns) {
            TableCell& cell = row.cells[static_cast<std::size_t>(c)];
            const Column column = model_column(c);
            const Figure* f = cpython_measure ? cpython_measure->at(column) : nullptr;
            const auto base = f ? in_base(f->value, f->unit) : std::nullopt;
            if (f && base) {
                fill(cell, *f, *base);
                table.cpython = true;
            } else if (!python) {
                cell.why = CellWhy::no_runtime;
            } else if (c == TableColumn::cpython_coroutines && plan.group == TableGroup::communication) {
                cell.why = CellWhy::function_call;
            } else if (cpython_measure && cpython_measure->missing.count(column)) {
                cell.why = CellWhy::missing;
                cell.missing = cpython_measure->missing.at(column);
            } else {
                cell.why = section ? CellWhy::not_measured : CellWhy::not_run;
            }
        }
        const auto& t = row.cells[0].value;
        const auto& p = row.cells[1].value;
        const auto& k = row.cells[2].value;
        if (t && p && *t != 0) row.processes_over_threads = *p / *t;
        if (t && k && *k != 0) row.threads_over_coroutines = *t / *k;
        if (plan.id == TableRowId::cpu_gil) row.notes.push_back(TableNote::gil_model);
        if (plan.group == TableGroup::cpu_use) row.notes.push_back(TableNote::workers);
        if (plan.group == TableGroup::communication) row.notes.push_back(TableNote::shared_bytes);
        for (const auto& cell : row.cells) {
            if (cell.why == CellWhy::function_call) add_note(row.notes, TableNote::function_call);
            if (cell.why == CellWhy::one_thread) add_note(row.notes, TableNote::one_thread);
        }
        table.rows.push_back(std::move(row));
    }
    // The notes in their enum's order, each once, numbered as they come.
    std::vector<TableNote> used{TableNote::talk_columns, TableNote::ratios};
    if (ranges) used.push_back(TableNote::ranges);
    for (const auto& r : table.rows)
        for (TableNote n : r.notes) add_note(used, n);
    for (TableNote n : {TableNote::ranges, TableNote::gil_model, TableNote::talk_columns, TableNote::function_call, TableNote::one_thread,
                        TableNote::ratios, TableNote::workers, TableNote::shared_bytes})
        if (std::find(used.begin(), used.end(), n) != used.end()) table.notes.push_back(n);
    return table;
}

}  // namespace conclab::lab

// The lab panel's view-model (see lab_view.h).
#include "core/lab/lab_view.h"

#include "core/lab/latency_ladder.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace conclab::lab {

void merge_into(LabReport& into, const LabReport& update) {
    for (const auto& section : update.sections) {
        bool replaced = false;
        for (auto& existing : into.sections)
            if (existing.suite == section.suite) {
                existing = section;
                replaced = true;
            }
        if (!replaced) into.sections.push_back(section);
    }
    // Each suite is there once (replaced above), so sort needs no stability; std::stable_sort's temporary buffer
    // also trips ASan with g++ 12 (alloc-dealloc-mismatch: operator new vs free inside libstdc++).
    std::sort(into.sections.begin(), into.sections.end(), [](const Section& a, const Section& b) {
        return static_cast<int>(a.suite) < static_cast<int>(b.suite);
    });
    into.quick = update.quick;
    into.cancelled = update.cancelled;
    into.finished = update.finished;
}

bool same_figures(const LiveSnapshot& a, const LiveSnapshot& b) {
    if (a.sequence == 0 || b.sequence == 0) return a.sequence == b.sequence;
    const auto& x = a.snapshot;
    const auto& y = b.snapshot;
    if (a.error != b.error || x.logical_cpus != y.logical_cpus || x.device_memory_gib != y.device_memory_gib ||
        x.page_threads != y.page_threads || x.page_idle_workers != y.page_idle_workers ||
        x.processes.size() != y.processes.size())
        return false;
    for (std::size_t i = 0; i < x.processes.size(); ++i)
        if (x.processes[i].pid != y.processes[i].pid || x.processes[i].threads != y.processes[i].threads ||
            x.processes[i].name != y.processes[i].name)
            return false;
    return true;
}

const Measure* find_measure(const LabReport& report, Suite suite, const MeasureKey& key) {
    const Section* section = report.find(suite);
    return section ? section->find(key) : nullptr;
}

const Measure* speedup_at_cpus(const LabReport& report, int cpus) {
    const Section* section = report.find(Suite::scaling);
    if (!section) return nullptr;
    const Measure* best = nullptr;
    for (const auto& m : section->measures)
        if (m.key.id == MeasureId::speedup && !m.key.gil && m.key.workers <= cpus && (!best || m.key.workers > best->key.workers))
            best = &m;
    return best;
}

int cpus_of(const LabReport& report, int fallback) {
    if (const Measure* m = find_measure(report, Suite::system, MeasureKey{MeasureId::logical_cpus}))
        if (const Figure* f = m->at(Column::machine)) return std::max(1, static_cast<int>(f->value));
    return fallback;
}

namespace {
bool has(const Measure& m, Column c) { return m.at(c) || m.missing.count(c); }
}  // namespace

std::vector<Column> used_columns(const Section& section) {
    std::vector<Column> used;
    for (Column c : kAllColumns)
        for (const auto& m : section.measures)
            if (has(m, c) && std::find(used.begin(), used.end(), c) == used.end()) used.push_back(c);
    return used;
}

const Measure* counterpart(const Section* other, const Measure& m) {
    if (!other) return nullptr;
    return m.key.id == MeasureId::unknown ? other->find(m.name) : other->find(m.key);
}

std::vector<Column> card_columns(const Measure& m, const Measure* other, const std::vector<Column>& used) {
    std::vector<Column> columns;
    for (Column c : used)
        if (has(m, c) || (other && has(*other, c))) columns.push_back(c);
    return columns;
}

std::vector<CurvePoint> curve(const LabReport& report, MeasureId id, bool gil, Column column) {
    std::vector<CurvePoint> points;
    if (const Section* s = report.find(Suite::scaling))
        for (const auto& m : s->measures)
            if (m.key.id == id && m.key.gil == gil)
                if (const Figure* f = m.at(column)) points.push_back({static_cast<double>(m.key.workers), f->value, f->spread_low, f->spread_high});
    std::sort(points.begin(), points.end(), [](const CurvePoint& a, const CurvePoint& b) { return a.x < b.x; });
    return points;
}

std::vector<MemoryBar> memory_bars(const LabReport& shown, const LabReport* compare) {
    static constexpr std::pair<MeasureId, MemoryKind> kKinds[] = {{MeasureId::resident_each, MemoryKind::resident},
                                                                  {MeasureId::pss_each, MemoryKind::pss},
                                                                  {MeasureId::virtual_each, MemoryKind::reserved},
                                                                  {MeasureId::wasm_each, MemoryKind::wasm}};
    std::vector<MemoryBar> bars;
    for (Column c : kModelColumns)
        for (const auto& [id, kind] : kKinds) {
            if (const Measure* m = find_measure(shown, Suite::memory, MeasureKey{id}); m && m->at(c))
                bars.push_back({c, kind, m->at(c)->value, false});
            if (compare)
                if (const Measure* m = find_measure(*compare, Suite::memory, MeasureKey{id}); m && m->at(c))
                    bars.push_back({c, kind, m->at(c)->value, true});
        }
    return bars;
}

bool is_ladder_table(const Table& table) { return table.id == kLadderTable; }

const Table* ladder_table(const LabReport& report) {
    const Section* section = report.find(Suite::latency);
    if (!section) return nullptr;
    for (const auto& t : section->tables)
        if (is_ladder_table(t)) return &t;
    return nullptr;
}

std::vector<Rung> ladder_rungs(const LabReport& report) {
    std::vector<Rung> rungs;
    const Section* section = report.find(Suite::latency);
    if (!section) return rungs;
    for (const auto& r : section->ladder) {
        Rung rung{r.name, std::nullopt, std::nullopt, "not in the classic figures", "", r.measured_as, r.source};
        if (r.talk_cycles > 0) {
            rung.talk_cycles = r.talk_cycles;
            rung.talk_human = human_duration(r.talk_cycles);
        }
        if (r.measured_ns) {
            rung.here_cycles = *r.measured_ns * section->ladder_ghz;
            rung.here_human = human_duration(*rung.here_cycles);
        }
        rungs.push_back(std::move(rung));
    }
    return rungs;
}

void LabView::record(const LabReport& finished) {
    merge_into(results_, finished);
    rebuild();
}

void LabView::set_running(std::optional<LabReport> report) {
    running_ = std::move(report);
    rebuild();
}

bool LabView::set_live(LiveSnapshot fresh) {
    const bool differs = !same_figures(fresh, live_);
    live_ = std::move(fresh);
    if (differs) rebuild();
    return differs;
}

std::optional<std::string> LabView::load_compare(const std::string& name, const std::string& text) {
    try {
        const auto doc = nlohmann::json::parse(text);
        LabReport loaded = report_from_json(doc);
        compare_ = std::move(loaded);
        compare_name_ = name;
        return std::nullopt;
    } catch (const nlohmann::json::parse_error&) {
        return name + " is not JSON";
    } catch (const std::exception& e) {
        return name + ": " + e.what();
    }
}

void LabView::rebuild() {
    shown_ = results_;
    if (running_) merge_into(shown_, *running_);
    if (live_.sequence > 0) {
        // The live section is drawn over the figures; the report's flags stay those of the runs.
        LabReport live;
        live.sections.push_back(live_.section);
        const bool quick = shown_.quick, cancelled = shown_.cancelled, finished = shown_.finished;
        merge_into(shown_, live);
        shown_.quick = quick;
        shown_.cancelled = cancelled;
        shown_.finished = finished;
    }
}

}  // namespace conclab::lab

// The lab panel's view-model, free of ImGui so it is tested natively and as wasm: the finished results, the run
// in progress over them, the live system snapshot over both, a saved result loaded beside them ("compare"), and
// which rows, columns, curves and bars the panel shows from them.
#pragma once

#include "core/lab/lab_report.h"
#include "core/lab/live_system.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::lab {

/// @brief Sections of `update` replace those of `into` (the same suite), the others stay; kept in the lab's suite
/// order. `into` takes update's quick/cancelled/finished flags.
void merge_into(LabReport& into, const LabReport& update);

/// @brief Whether two live snapshots show the same figures (a new one with the same is not drawn again).
bool same_figures(const LiveSnapshot& a, const LiveSnapshot& b);

/// @brief The measure `key` of `suite`, or nullptr.
const Measure* find_measure(const LabReport& report, Suite suite, const MeasureKey& key);

/// @brief The speedup row nearest below "one worker per CPU" (the curve's knee), or nullptr.
const Measure* speedup_at_cpus(const LabReport& report, int cpus);

/// @brief The report's own logical CPUs (its system suite), else `fallback`.
int cpus_of(const LabReport& report, int fallback);

/// @brief The three models, the summary's and the charts' columns.
inline constexpr Column kModelColumns[] = {Column::threads, Column::processes, Column::coroutines};

// The summary table is core/lab/lab_table.h (lab_table()).

// ---- Every figure by suite ----

/// @brief The columns some measure of `section` has a figure or a reason for, in kAllColumns order.
std::vector<Column> used_columns(const Section& section);

/// @brief The measure of `other` (the compared result's section, may be nullptr) that is `m`: by key, by name
/// for a measure with no key.
const Measure* counterpart(const Section* other, const Measure& m);

/// @brief The columns of `used` that `m` or `other` (the compared measure, may be nullptr) has: a card's rows.
std::vector<Column> card_columns(const Measure& m, const Measure* other, const std::vector<Column>& used);

// ---- Charts ----

struct CurvePoint {
    double x, y, low, high;
};

/// @brief The scaling suite's curve of `id` (speedup, wall_time; the GIL model's when `gil`) in `column`, by workers.
std::vector<CurvePoint> curve(const LabReport& report, MeasureId id, bool gil, Column column);

enum class MemoryKind { resident, pss, reserved, wasm };

struct MemoryBar {
    Column column;
    MemoryKind kind;
    double kib;
    bool compare;
};

/// @brief The memory chart's bars: per model, per kind that was measured, the compared one after each.
std::vector<MemoryBar> memory_bars(const LabReport& shown, const LabReport* compare);

/// @brief One rung of the latency ladder: the talk's figure and this machine's, in cycles and in human time.
struct Rung {
    std::string name;
    std::optional<double> talk_cycles, here_cycles;
    std::string talk_human, here_human, measured_as;   ///< in English (the UI words the numbers and `source`)
    RungSource source;
};

/// @brief Whether `table` is the latency ladder (its id): drawn beside the ladder chart.
bool is_ladder_table(const Table& table);
/// @brief The latency suite's ladder table, or nullptr.
const Table* ladder_table(const LabReport& report);
/// @brief The rungs of a report's ladder table.
std::vector<Rung> ladder_rungs(const LabReport& report);

// ---- The whole view ----

/// @brief What the lab panel draws, from what it polled. Every setter rebuilds shown().
class LabView {
public:
    /// @brief A finished run's report: merged into the results (its suites replace theirs).
    void record(const LabReport& finished);
    /// @brief The run in progress (drawn over the results); nullopt when there is none.
    void set_running(std::optional<LabReport> report);
    /// @brief A new live snapshot; true when its figures differ from the last one's (it is then redrawn).
    bool set_live(LiveSnapshot fresh);

    /// @brief Loads a saved lab JSON (another machine's, or one exported before) beside the results. On failure
    /// returns a one-line reason naming `name` ("x.json is not JSON", "x.json: no suite key …") and keeps the
    /// compared result it had.
    std::optional<std::string> load_compare(const std::string& name, const std::string& text);
    void clear_compare() { compare_.reset(); }

    const LabReport& results() const { return results_; }
    const LabReport& shown() const { return shown_; }
    const LabReport* compare() const { return compare_ ? &*compare_ : nullptr; }
    const std::string& compare_name() const { return compare_name_; }
    const LiveSnapshot& live() const { return live_; }

private:
    void rebuild();

    LabReport results_;                 // every suite's latest finished figures
    std::optional<LabReport> running_;  // the run in progress
    LiveSnapshot live_;
    LabReport shown_;                   // results_, the run over it, the live snapshot over both
    std::optional<LabReport> compare_;
    std::string compare_name_;
};

}  // namespace conclab::lab

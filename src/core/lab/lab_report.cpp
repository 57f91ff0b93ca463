// The lab's report to text tables, JSON and CSV, and a saved JSON read back for "compare" (lab_report.h).
#include "core/lab/lab_report.h"

#include "core/base/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace conclab::lab {

std::string_view to_string(Column column) {
    switch (column) {
    case Column::threads: return "threads";
    case Column::processes: return "processes";
    case Column::coroutines: return "coroutines";
    case Column::machine: return "machine";
    case Column::cpython_threads: return "cpython_threads";
    case Column::cpython_processes: return "cpython_processes";
    case Column::cpython_coroutines: return "cpython_coroutines";
    }
    return "?";
}

std::optional<Column> cpython_twin(Column column) {
    switch (column) {
    case Column::threads: return Column::cpython_threads;
    case Column::processes: return Column::cpython_processes;
    case Column::coroutines: return Column::cpython_coroutines;
    default: return std::nullopt;
    }
}

bool is_cpython(Column column) {
    return column == Column::cpython_threads || column == Column::cpython_processes || column == Column::cpython_coroutines;
}

std::optional<Column> parse_column(std::string_view text) {
    for (Column c : kAllColumns)
        if (to_string(c) == text) return c;
    return std::nullopt;
}

const Figure* Measure::at(Column column) const {
    auto it = figures.find(column);
    return it == figures.end() ? nullptr : &it->second;
}

const Measure* Section::find(std::string_view name) const {
    for (const auto& m : measures)
        if (m.name == name) return &m;
    return nullptr;
}

const Measure* Section::find(const MeasureKey& key) const {
    for (const auto& m : measures)
        if (m.key == key) return &m;
    return nullptr;
}

const Table* Section::table(std::string_view id) const {
    for (const auto& t : tables)
        if (t.id == id) return &t;
    return nullptr;
}

namespace {
constexpr std::pair<NoteId, std::string_view> kNoteIds[] = {
    {NoteId::stack, "stack"}, {NoteId::ipc_coroutines, "ipc_coroutines"}, {NoteId::ideal_speedup, "ideal_speedup"},
    {NoteId::disk_where, "disk_where"}, {NoteId::cycles, "cycles"}, {NoteId::network_loopback, "network_loopback"},
    {NoteId::network_fetch, "network_fetch"}, {NoteId::step_failed, "step_failed"}, {NoteId::live_every, "live_every"},
    {NoteId::live_failed, "live_failed"},
};
}  // namespace

std::string_view to_string(NoteId id) {
    for (const auto& [each, text] : kNoteIds)
        if (each == id) return text;
    return "?";
}

std::optional<NoteId> parse_note_id(std::string_view text) {
    for (const auto& [id, each] : kNoteIds)
        if (each == text) return id;
    return std::nullopt;
}

namespace {

constexpr const char* kNoUlimitInBrowser =
    "a browser has no `ulimit -s`: Emscripten takes each thread's stack from the wasm heap, its size fixed when the program is built";

std::string clock_english(const std::string& source) {
    if (source == "nominal") return "the nominal clock in /proc/cpuinfo's model name";
    if (source == "current") return "the current clock (cpu MHz) in /proc/cpuinfo: no nominal one was given";
    if (source == "assumed") return "an assumed 3 GHz: /proc/cpuinfo gave no clock";
    if (source == "browser") return "an assumed 3 GHz: a browser does not tell the CPU's clock (nor its caches)";
    return source;   // a JSON from before: the platform's sentence
}

constexpr std::pair<RungSourceId, std::string_view> kRungSources[] = {
    {RungSourceId::none, "none"}, {RungSourceId::text, "text"}, {RungSourceId::chase, "chase"},
    {RungSourceId::chase_cached, "chase_cached"}, {RungSourceId::fsync, "fsync"}, {RungSourceId::loopback, "loopback"},
    {RungSourceId::fetch, "fetch"}, {RungSourceId::missing, "missing"},
};

}  // namespace

std::string_view to_string(RungSourceId id) {
    for (const auto& [each, text] : kRungSources)
        if (each == id) return text;
    return "?";
}

std::optional<RungSourceId> parse_rung_source(std::string_view text) {
    for (const auto& [id, each] : kRungSources)
        if (each == text) return id;
    return std::nullopt;
}

std::string english(const RungSource& r) {
    switch (r.id) {
    case RungSourceId::none: return {};
    case RungSourceId::text:
    case RungSourceId::missing: return english(r.why);
    case RungSourceId::chase: return "pointer chase, " + size_text(r.bytes);
    case RungSourceId::chase_cached:
        return "pointer chase, " + size_text(r.bytes) + " (fits the " + size_text(r.cache_bytes) + " cache: partly cached)";
    case RungSourceId::fsync: return "4 KiB write + fsync";
    case RungSourceId::loopback: return "loopback TCP round trip (no wire)";
    case RungSourceId::fetch: return "same-origin fetch round trip";
    }
    return {};
}

std::string english(const Note& n) {
    const auto arg = [&n](std::size_t i) { return i < n.args.size() ? n.args[i] : std::string(); };
    switch (n.id) {
    case NoteId::stack: {
        std::string text = "The talk's \"cerca de 4MB por thread\" (\"about 4 MB per thread\") is address space: a thread here reserves ";
        text += arg(0) + " MiB of stack";
        if (!arg(1).empty()) text += " but keeps only about " + arg(1) + " KiB resident while idle (pages count once touched)";
        if (arg(2) == "browser") text += "; " + std::string(kNoUlimitInBrowser) + ".";
        else if (arg(2) == "platform") text += "; " + arg(3) + ".";   // a JSON from before: the platform's sentence
        else if (arg(2) == "kib") text += "; `ulimit -s` is " + arg(3) + " KiB.";
        else text += "; `ulimit -s` is unlimited.";
        return text;
    }
    case NoteId::ipc_coroutines:
        return "Coroutines share memory like threads and run on one thread: passing a message is a function call, see the switch suite.";
    case NoteId::ideal_speedup:
        return "Ideal speedup with N workers: N up to " + arg(0) +
               " logical CPUs, then flat. The GIL model stays near 1x: one thread computes at a time. On a busy "
               "machine these figures are noisy (other programs hold the cores), and the GIL model can even "
               "look faster with more threads: the scheduler favours a thread that has just woken, and each "
               "hand-over of the lock wakes one.";
    case NoteId::disk_where:
        return "Disk measured in " + arg(0) + (n.args.size() > 1 ? " (" + filesystem_english(arg(1)) + ")" : std::string()) + ".";
    case NoteId::cycles: return "Cycles use " + clock_english(arg(0)) + ".";
    case NoteId::network_loopback:
        return "The classic figures' network rung crosses a real network; a loopback round trip never leaves this machine, so it "
               "shows only the kernel's share.";
    case NoteId::network_fetch:
        return "The classic figures' network rung crosses a real network; a same-origin fetch goes to the server of this page "
               "(often this very machine) through the browser's network stack.";
    case NoteId::step_failed: return arg(0) + " could not be measured: " + arg(1);
    case NoteId::live_every: return "Live: taken again every " + arg(0) + " s while this view is shown.";
    case NoteId::live_failed: return "The live snapshot could not be taken: " + arg(0);
    }
    return {};
}

void add_note(Section& section, Note note) {
    section.notes.push_back(english(note));
    section.note_ids.push_back(std::move(note));
}

const Section* LabReport::find(Suite suite) const {
    for (const auto& s : sections)
        if (s.suite == suite) return &s;
    return nullptr;
}

namespace {

nlohmann::json figure_json(const Figure& f) {
    return {{"value", f.value},
            {"unit", f.unit},
            {"spread", {{"low", f.spread_low}, {"high", f.spread_high}, {"kind", f.spread_kind}}},
            {"samples", f.samples},
            {"method", english(f.method)},
            {"method_id", to_json(f.method)}};
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string csv_number(double value) {
    nlohmann::json j = value;   // shortest text that reads back as the same double
    return j.dump();
}

// Characters on screen, counting each UTF-8 sequence once ("µs", "–").
std::size_t display_width(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padded(const std::string& text, std::size_t width) {
    const std::size_t w = display_width(text);
    return w >= width ? text : text + std::string(width - w, ' ');
}

std::string cell_text(const Measure& m, Column column) {
    if (const Figure* f = m.at(column)) {
        std::string text = format_number(f->value) + " " + f->unit;
        if (f->samples > 1 && f->spread_low != f->spread_high)
            text += " (" + format_number(f->spread_low) + "\u2013" + format_number(f->spread_high) + ")";
        return text;
    }
    auto it = m.missing.find(column);
    return it == m.missing.end() ? std::string() : "(" + english(it->second) + ")";
}

void append_table(std::string& out, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& raw_rows) {
    // Cells may hold the outside world's text (process names): no terminal controls reach the screen.
    std::vector<std::vector<std::string>> rows = raw_rows;
    for (auto& row : rows)
        for (auto& cell : row) cell = utf8::escape_controls(cell);
    std::vector<std::size_t> widths(header.size(), 0);
    for (std::size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string cell = c < cells.size() ? cells[c] : std::string();
            text += c + 1 == widths.size() ? cell : padded(cell, widths[c]) + "  ";
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += "  " + text + "\n";
    };
    line(header);
    for (const auto& row : rows) line(row);
}

}  // namespace

nlohmann::json to_json(const LabReport& report) {
    nlohmann::json doc = nlohmann::json::object();
    for (const auto& section : report.sections) {
        nlohmann::json measures = nlohmann::json::array();
        for (const auto& m : section.measures) {
            nlohmann::json cells = nlohmann::json::object();
            for (const auto& [column, figure] : m.figures) cells[std::string(to_string(column))] = figure_json(figure);
            for (const auto& [column, why] : m.missing)
                if (!m.at(column))
                    cells[std::string(to_string(column))] = {{"missing", english(why)}, {"missing_id", to_string(why.id)}, {"missing_args", why.args}};
            nlohmann::json item{{"id", to_string(m.key.id)}, {"name", m.name}, {"cells", std::move(cells)}};
            switch (m.key.id) {
            case MeasureId::round_trip:
            case MeasureId::throughput:
                item["bytes"] = m.key.bytes;
                item["pair"] = to_string(m.key.pair);
                break;
            case MeasureId::load: item["bytes"] = m.key.bytes; break;
            case MeasureId::pool_first_result: item["start_method"] = to_string(m.key.start_method); break;
            case MeasureId::speedup:
            case MeasureId::wall_time:
                item["workers"] = m.key.workers;
                item["gil"] = m.key.gil;
                break;
            default: break;
            }
            if (!m.curve.empty()) item["curve"] = m.curve;
            if (m.x) {
                item["x"] = *m.x;
                item["x_unit"] = m.x_unit;
            }
            measures.push_back(std::move(item));
        }
        nlohmann::json tables = nlohmann::json::array();
        for (const auto& t : section.tables)
            tables.push_back({{"id", t.id}, {"title", t.title}, {"header", t.header}, {"rows", t.rows}});
        nlohmann::json& out = doc[std::string(to_string(section.suite))];
        out = {{"measures", std::move(measures)}, {"tables", std::move(tables)}, {"notes", section.notes}};
        if (!section.note_ids.empty() && section.note_ids.size() == section.notes.size()) {
            nlohmann::json ids = nlohmann::json::array();
            for (const auto& n : section.note_ids) ids.push_back({{"id", to_string(n.id)}, {"args", n.args}});
            out["note_ids"] = std::move(ids);
        }
        if (!section.ladder.empty()) {
            nlohmann::json rungs = nlohmann::json::array();
            for (const auto& r : section.ladder)
                rungs.push_back({{"rung", r.name},
                                 {"talk_cycles", r.talk_cycles},
                                 {"measured_ns", r.measured_ns ? nlohmann::json(*r.measured_ns) : nlohmann::json()},
                                 {"measured_as", r.measured_as},
                                 {"source", {{"id", to_string(r.source.id)},
                                             {"bytes", r.source.bytes},
                                             {"cache_bytes", r.source.cache_bytes},
                                             {"why_id", to_string(r.source.why.id)},
                                             {"why_args", r.source.why.args}}}});
            out["ladder"] = {{"ghz", section.ladder_ghz}, {"rungs", std::move(rungs)}};
        }
    }
    return doc;
}

namespace {

[[noreturn]] void not_a_result(const std::string& why) { throw std::invalid_argument("not a lab result: " + why); }

Figure figure_from_json(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object() || !j.contains("value") || !j["value"].is_number()) not_a_result(where + " has no numeric value");
    Figure f;
    f.value = j["value"].get<double>();
    f.unit = j.value("unit", "");
    f.samples = j.value("samples", 1);
    const auto typed = j.contains("method_id") ? method_from_json(j["method_id"]) : std::nullopt;
    f.method = typed ? *typed : Method(j.value("method", ""));
    f.spread_low = f.spread_high = f.value;
    if (auto spread = j.find("spread"); spread != j.end() && spread->is_object()) {
        f.spread_low = spread->value("low", f.value);
        f.spread_high = spread->value("high", f.value);
        f.spread_kind = spread->value("kind", "");
    }
    return f;
}

// The key a measure's JSON says, else the one its English name says (exported before ids), else unknown.
MeasureKey key_of(const nlohmann::json& mj, const std::string& name) {
    const auto id = mj.contains("id") && mj["id"].is_string() ? parse_measure_id(mj["id"].get<std::string>()) : std::nullopt;
    if (!id) return key_from_name(name).value_or(MeasureKey{});
    MeasureKey key{*id};
    if (auto b = mj.find("bytes"); b != mj.end() && b->is_number_unsigned()) key.bytes = b->get<std::size_t>();
    if (auto w = mj.find("workers"); w != mj.end() && w->is_number_integer()) key.workers = w->get<int>();
    if (auto g = mj.find("gil"); g != mj.end() && g->is_boolean()) key.gil = g->get<bool>();
    if (auto p = mj.find("pair"); p != mj.end() && p->is_string()) key.pair = parse_ipc_pair(p->get<std::string>()).value_or(IpcPair::atomics_pipe);
    if (auto m = mj.find("start_method"); m != mj.end() && m->is_string())
        key.start_method = parse_start_method(m->get<std::string>()).value_or(StartMethod::none);
    return key;
}

std::vector<std::string> strings(const nlohmann::json& j) {
    std::vector<std::string> out;
    if (j.is_array())
        for (const auto& item : j)
            if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

Reason reason_from_json(const nlohmann::json& cell) {
    const std::string text = cell.value("missing", "");
    const auto id = cell.contains("missing_id") && cell["missing_id"].is_string() ? parse_reason_id(cell["missing_id"].get<std::string>())
                                                                                   : std::nullopt;
    if (!id) return Reason(text);
    Reason why(*id);
    why.args = strings(cell.value("missing_args", nlohmann::json::array()));
    return why;
}

RungSource source_from_json(const nlohmann::json& r, const std::string& measured_as) {
    const auto s = r.find("source");
    const auto id = s != r.end() && s->is_object() && s->contains("id") && (*s)["id"].is_string()
                        ? parse_rung_source((*s)["id"].get<std::string>())
                        : std::nullopt;
    if (!id) return measured_as.empty() ? RungSource{} : RungSource{RungSourceId::text, 0, 0, Reason(measured_as)};
    RungSource source{*id, s->value("bytes", std::size_t{0}), s->value("cache_bytes", std::size_t{0}), {}};
    const auto why = s->contains("why_id") && (*s)["why_id"].is_string() ? parse_reason_id((*s)["why_id"].get<std::string>()) : std::nullopt;
    source.why = Reason(why.value_or(ReasonId::text));
    source.why.args = strings(s->value("why_args", nlohmann::json::array()));
    return source;
}

// "12.3 ns" → 12.3; a cell that starts with no number ("-", "") → nullopt.
std::optional<double> leading_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(value)) return std::nullopt;
    return value;
}

// The ladder as data: its "ladder" key, or, in a JSON exported before it had one, read back from the ladder's table
// (ladder_table's columns: rung | classic: cycles | classic: human time | measured | cycles here | human time here |
// measured as) — the one place the lab reads numbers out of its own text.
void read_ladder(const nlohmann::json& j, Section& section) {
    if (auto it = j.find("ladder"); it != j.end() && it->is_object()) {
        section.ladder_ghz = it->value("ghz", 0.0);
        for (const auto& r : it->value("rungs", nlohmann::json::array())) {
            if (!r.is_object()) continue;
            LadderRung rung{r.value("rung", ""), r.value("talk_cycles", 0.0), std::nullopt, r.value("measured_as", ""), {}};
            if (auto ns = r.find("measured_ns"); ns != r.end() && ns->is_number()) rung.measured_ns = ns->get<double>();
            rung.source = source_from_json(r, rung.measured_as);
            section.ladder.push_back(std::move(rung));
        }
        return;
    }
    for (const auto& t : section.tables) {
        if (t.id != kLadderTable || t.header.size() < 7) continue;
        // The clock ends the title: "… (2.10 GHz)". The cycles column has more digits than the measured one.
        const auto open = t.title.rfind('(');
        const double ghz = open == std::string::npos ? 0 : leading_number(t.title.substr(open + 1)).value_or(0);
        if (ghz <= 0) continue;
        section.ladder_ghz = ghz;
        for (const auto& row : t.rows) {
            if (row.size() < 7) continue;
            LadderRung rung{row[0], leading_number(row[1]).value_or(0), std::nullopt, row[6], {}};
            if (!row[6].empty()) rung.source = {RungSourceId::text, 0, 0, Reason(row[6])};
            if (const auto cycles = leading_number(row[4])) rung.measured_ns = *cycles / ghz;
            section.ladder.push_back(std::move(rung));
        }
    }
}

}  // namespace

LabReport report_from_json(const nlohmann::json& doc) {
    if (!doc.is_object()) not_a_result("a JSON object with one key per suite was expected");
    LabReport report;
    report.finished = true;
    for (Suite suite : kAllSuites) {
        auto it = doc.find(std::string(to_string(suite)));
        if (it == doc.end()) continue;
        const auto& j = *it;
        if (!j.is_object()) not_a_result("\"" + std::string(to_string(suite)) + "\" is not an object");
        Section section;
        section.suite = suite;
        for (const auto& mj : j.value("measures", nlohmann::json::array())) {
            if (!mj.is_object() || !mj.contains("name") || !mj["name"].is_string()) not_a_result("a measure has no name");
            Measure m;
            m.name = mj["name"].get<std::string>();
            m.key = key_of(mj, m.name);
            m.curve = mj.value("curve", "");
            if (mj.contains("x") && mj["x"].is_number()) {
                m.x = mj["x"].get<double>();
                m.x_unit = mj.value("x_unit", "");
            }
            const nlohmann::json cells = mj.value("cells", nlohmann::json::object());
            for (const auto& [column_name, cell] : cells.items()) {
                auto column = parse_column(column_name);
                if (!column) continue;
                if (cell.is_object() && cell.contains("missing")) m.missing[*column] = reason_from_json(cell);
                else m.figures[*column] = figure_from_json(cell, "\"" + m.name + "\"");
            }
            section.measures.push_back(std::move(m));
        }
        for (const auto& tj : j.value("tables", nlohmann::json::array())) {
            if (!tj.is_object()) continue;
            Table t{tj.value("id", ""), tj.value("title", ""), strings(tj.value("header", nlohmann::json::array())), {}};
            // Exported before tables had ids: the ladder's first column is "rung", the other table lists processes.
            if (t.id.empty()) t.id = !t.header.empty() && t.header[0] == "rung" ? kLadderTable : kTopProcessesTable;
            for (const auto& row : tj.value("rows", nlohmann::json::array())) t.rows.push_back(strings(row));
            section.tables.push_back(std::move(t));
        }
        section.notes = strings(j.value("notes", nlohmann::json::array()));
        // The notes as data where every one has its id (else the UI words the English as before).
        for (const auto& nj : j.value("note_ids", nlohmann::json::array())) {
            const auto id = nj.is_object() && nj.contains("id") && nj["id"].is_string() ? parse_note_id(nj["id"].get<std::string>()) : std::nullopt;
            if (!id) break;
            section.note_ids.push_back({*id, strings(nj.value("args", nlohmann::json::array()))});
        }
        if (section.note_ids.size() != section.notes.size()) section.note_ids.clear();
        read_ladder(j, section);
        report.sections.push_back(std::move(section));
    }
    if (report.sections.empty()) not_a_result("none of startup|memory|ipc|switch|scaling|system|latency is a key");
    return report;
}

std::string to_csv(const LabReport& report) {
    std::string out = "suite,measure,column,value,unit,low,high,samples\n";
    for (const auto& section : report.sections)
        for (const auto& m : section.measures)
            for (const auto& [column, f] : m.figures) {
                out += csv_field(std::string(to_string(section.suite))) + "," + csv_field(m.name) + "," +
                       std::string(to_string(column)) + "," + csv_number(f.value) + "," + csv_field(f.unit) + "," +
                       csv_number(f.spread_low) + "," + csv_number(f.spread_high) + "," + std::to_string(f.samples) + "\n";
            }
    return out;
}

std::string format_text(const LabReport& report) {
    std::string out;
    for (const auto& section : report.sections) {
        out += "== " + std::string(to_string(section.suite)) + (report.quick ? " (quick)" : "") + " ==\n";
        std::vector<Column> used;
        for (Column c : kAllColumns)
            for (const auto& m : section.measures)
                if ((m.at(c) || m.missing.count(c)) && std::find(used.begin(), used.end(), c) == used.end()) used.push_back(c);
        if (!section.measures.empty()) {
            std::vector<std::string> header{"measure"};
            for (Column c : used) header.emplace_back(to_string(c));
            std::vector<std::vector<std::string>> rows;
            for (const auto& m : section.measures) {
                std::vector<std::string> row{m.name};
                for (Column c : used) row.push_back(cell_text(m, c));
                rows.push_back(std::move(row));
            }
            append_table(out, header, rows);
        }
        for (const auto& t : section.tables) {
            out += "\n  " + t.title + "\n";
            append_table(out, t.header, t.rows);
        }
        std::vector<std::string> methods;
        for (const auto& m : section.measures)
            for (const auto& [column, f] : m.figures)
                if (const std::string method = english(f.method);
                    !method.empty() && std::find(methods.begin(), methods.end(), method) == methods.end())
                    methods.push_back(method);
        if (!methods.empty()) {
            out += "\n  how:\n";
            for (const auto& method : methods) out += "  - " + method + "\n";
        }
        for (const auto& note : section.notes) out += "  note: " + note + "\n";
        out += "\n";
    }
    if (report.cancelled) out += "(cancelled: the suites above are what finished)\n";
    return out;
}

}  // namespace conclab::lab

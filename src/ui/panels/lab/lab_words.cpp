// The lab's typed data worded in the app's language (lab_words.h).
#include "ui/panels/lab/lab_words.h"

#include "core/lab/latency_ladder.h"
#include "ui/text/numbers.h"
#include "ui/text/text_lab_measures.h"
#include "ui/text/text_lab_table.h"
#include "ui/text/text_lab_methods.h"
#include "ui/text/text_lab_words.h"

#include <cstdio>
#include <string_view>

namespace conclab::ui {
namespace {

void replace_all(std::string& text, std::string_view what, const std::string& with) {
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
        text.replace(at, what.size(), with);
}

}  // namespace

std::string measure_words(const lab::Measure& m, Language language) {
    if (m.key.id == lab::MeasureId::unknown) return m.name;
    if (language == Language::en) return lab::english_name(m.key);
    std::string text = portuguese_template(m.key.id);
    replace_all(text, "{size}", lab::size_text(m.key.bytes));
    replace_all(text, "{pair}", portuguese_pair(m.key.pair));
    replace_all(text, "{workers}", std::to_string(m.key.workers) + (m.key.workers == 1 ? " worker" : " workers"));
    replace_all(text, "{start_method}", std::string(lab::to_string(m.key.start_method)));
    replace_all(text, "{gil}", m.key.gil ? ", modelo da GIL" : "");
    return text;
}

std::string measure_words(const lab::Measure& m) { return measure_words(m, language()); }
std::string method_words(const lab::Method& method) { return method_words(method, language()); }
std::string reason_words(const lab::Reason& reason) { return reason_words(reason, language()); }

std::string rung_words(const std::string& rung, Language language) {
    if (rung == "disk") return tr(LabWordText::rung_disk, language);
    if (rung == "network") return tr(LabWordText::rung_network, language);
    return rung;  // L1, L2, L3, RAM
}

std::string rung_source_words(const lab::RungSource& s, Language language) {
    using lab::RungSourceId;
    switch (s.id) {
    case RungSourceId::none: return tr(LabWordText::not_measured, language);
    case RungSourceId::text:
    case RungSourceId::missing: return reason_words(s.why, language);
    case RungSourceId::chase: return text_table::fill(tr(LabWordText::as_chase, language), {lab::size_text(s.bytes)});
    case RungSourceId::chase_cached:
        return text_table::fill(tr(LabWordText::as_chase_cached, language),
                                {lab::size_text(s.bytes), lab::size_text(s.cache_bytes)});
    case RungSourceId::fsync: return tr(LabWordText::as_fsync, language);
    case RungSourceId::loopback: return tr(LabWordText::as_loopback, language);
    case RungSourceId::fetch: return tr(LabWordText::as_fetch, language);
    }
    return {};
}

std::string duration_words(double seconds, Language language) {
    static constexpr LabWordText kUnits[] = {LabWordText::d_s, LabWordText::d_min, LabWordText::d_h,
                                             LabWordText::d_days, LabWordText::d_years};
    const lab::HumanDuration d = lab::human_parts(seconds);
    return text_table::fill(tr(kUnits[static_cast<int>(d.unit)], language), {figure_number(d.value, language)});
}

std::string table_title(const lab::Section& section, const lab::Table& table, Language language) {
    if (table.id == lab::kTopProcessesTable) return tr(LabWordText::top_processes, language);
    if (table.id == lab::kLadderTable && !section.ladder.empty()) {
        return text_table::fill(tr(LabWordText::ladder_title, language), {text_format(language, "%.2f", section.ladder_ghz)});
    }
    return table.title;
}

TextTable table_words(const lab::Section& section, const lab::Table& table, Language language) {
    TextTable shown;
    if (table.id == lab::kLadderTable && !section.ladder.empty()) {
        for (LabWordText h :
             {LabWordText::h_rung, LabWordText::h_talk_cycles, LabWordText::h_talk_human, LabWordText::h_measured,
              LabWordText::h_cycles_here, LabWordText::h_human_here, LabWordText::h_measured_as})
            shown.header.emplace_back(tr(h, language));
        for (const auto& r : section.ladder) {
            std::vector<std::string> row{rung_words(r.name, language)};
            if (r.talk_cycles > 0)
                row.insert(row.end(), {figure_number(r.talk_cycles, language), duration_words(r.talk_cycles, language)});
            else row.insert(row.end(), {"-", tr(LabWordText::not_in_talk, language)});
            if (r.measured_ns) {
                const double cycles = *r.measured_ns * section.ladder_ghz;
                row.insert(row.end(), {figure_number(*r.measured_ns, language) + " ns", figure_number(cycles, language),
                                       duration_words(cycles, language), rung_source_words(r.source, language)});
            } else {
                row.insert(row.end(), {"", "", "", rung_source_words(r.source, language)});
            }
            shown.rows.push_back(std::move(row));
        }
        return shown;
    }
    shown.header = table.header;
    shown.rows = table.rows;
    if (table.id == lab::kTopProcessesTable && table.header.size() == 3)
        shown.header = {tr(LabWordText::h_name, language), tr(LabWordText::h_pid, language),
                        tr(LabWordText::h_threads, language)};
    return shown;
}

}  // namespace conclab::ui

// The lab table's words (text/text_lab_table) and the lab's step names (text/text_lab_steps) in Portuguese: every
// row, unit, note and step worded, numbers with the Brazilian separators, the talk's first row quoted.
#include "ui/text/text_lab_notes.h"
#include "ui/text/text_lab_steps.h"
#include "ui/text/text_lab_table.h"

#include <gtest/gtest.h>

#include <string>

using namespace conclab;
using namespace conclab::ui;

namespace {
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST(LabTableWords, EveryRowGroupAndNoteHasItsOwnPortuguese) {
    for (int k = 0; k < static_cast<int>(LabTableText::count_); ++k) {
        const auto key = static_cast<LabTableText>(k);
        const std::string en = tr(key, Language::en), pt = tr(key, Language::pt);
        // Units, the model names that are the same word and the ratio labels read the same in both.
        if (key >= LabTableText::u_ns && key <= LabTableText::u_times && key != LabTableText::u_per_s &&
            key != LabTableText::u_thousand_per_s && key != LabTableText::u_million_per_s)
            continue;
        if (key == LabTableText::c_threads || key == LabTableText::c_cpython || key == LabTableText::ratio_pt || key == LabTableText::ratio_tc) continue;
        EXPECT_NE(en, pt) << "English left in Portuguese: " << en;
    }
    EXPECT_STREQ(tr(words_of(lab::TableGroup::cpu_use), Language::pt), "Uso de CPU em código Python");
    EXPECT_STREQ(tr(words_of(lab::TableGroup::startup), Language::pt), "Custo de inicialização");
    EXPECT_TRUE(has(tr(words_of(lab::TableRowId::cpu_gil), Language::pt), "modelo da GIL"));
    EXPECT_TRUE(has(tr(words_of(lab::TableRowId::memory_reserved), Language::pt), "espaço de endereçamento") ||
                has(tr(words_of(lab::TableRowId::memory_reserved), Language::pt), "Espaço de endereçamento"));
    EXPECT_STREQ(tr(words_of(lab::TableUnit::million_per_s), Language::pt), "milhões por segundo");
    EXPECT_TRUE(has(tr(LabTableText::c_coroutines, Language::en), "added"));
    EXPECT_TRUE(has(tr(LabTableText::c_coroutines, Language::pt), "acréscimo"));
}

// Issue 19 §4: big integers keep the talk's `_` in both languages (an EN "18,118" and a PT "18.118" read as each
// other's decimals), decimals take the page's mark — the table as every other panel (ui/text/numbers.h).
TEST(LabTableWords, NumbersKeepTheTalksGroupingAndThePagesDecimalMark) {
    EXPECT_EQ(table_number(18118, 0, Language::pt), "18_118");
    EXPECT_EQ(table_number(7.5, 2, Language::pt), "7,50");
    EXPECT_EQ(table_number(1234567.5, 1, Language::pt), "1_234_567,5");
    EXPECT_EQ(table_number(18118, 0, Language::en), "18_118");
    EXPECT_EQ(table_number(7.5, 2, Language::en), "7.50");
    // The details' figures (core's three significant digits) the same way.
    EXPECT_EQ(figure_number(41'000'000, Language::pt), "41_000_000");
    EXPECT_EQ(figure_number(7.5, Language::pt), "7,50");
    EXPECT_EQ(figure_number(0.776, Language::pt), "0,776");
    EXPECT_EQ(figure_number(1665, Language::en), "1_665");
    EXPECT_EQ(figure_number(12.25, Language::en), "12.2");
}

// The unit goes in parentheses after the row's name ("Trocas (milhões por segundo)"): a name that says it too read
// "Trocas por segundo (por segundo)".
TEST(LabTableWords, ARowsNameDoesNotRepeatItsUnit) {
    for (const Language l : {Language::en, Language::pt})
        for (int r = 0; r <= static_cast<int>(lab::TableRowId::scaling); ++r) {
            const std::string name = tr(words_of(static_cast<lab::TableRowId>(r)), l);
            for (const char* unit : {"per second", "por segundo"}) EXPECT_FALSE(has(name, unit)) << name;
        }
}

TEST(LabTableWords, TheWorkersNoteCarriesTheTablesCpuCount) {
    lab::LabTable table;
    table.cpus = 4;
    EXPECT_TRUE(has(note_text(lab::TableNote::workers, table, Language::en), "with 4 workers"));
    EXPECT_TRUE(has(note_text(lab::TableNote::workers, table, Language::pt), "com 4 workers"));
    EXPECT_TRUE(has(note_text(lab::TableNote::gil_model, table, Language::pt), "3.14t"));
}

TEST(LabStepWords, EveryStepIsWordedInPortuguese) {
    using lab::StepId;
    for (int id = 0; id <= static_cast<int>(StepId::ladder); ++id) {
        const lab::StepName step{static_cast<StepId>(id), 64, exec::ExecutorKind::gil, 2, 1, 5};
        const std::string pt = step_words(step, Language::pt);
        EXPECT_FALSE(pt.empty());
        EXPECT_NE(pt, lab::english(step)) << "English left in Portuguese: " << pt;
        EXPECT_EQ(step_words(step, Language::en), lab::english(step));
    }
    const lab::StepName run{StepId::scaling_run, 0, exec::ExecutorKind::processes, 2, 3, 5};
    EXPECT_EQ(lab::english(run), "processes, 2 workers (try 3/5)");   // the state's "step", as before
    EXPECT_EQ(step_words(run, Language::pt), "processos, 2 workers (tentativa 3/5)");
    EXPECT_EQ(step_words({StepId::ipc_pipe, 1 << 20}, Language::pt), "processos: um pipe em cada sentido, 1 MiB");
    EXPECT_STREQ(suite_words(lab::Suite::latency, Language::pt), "latência");
    EXPECT_STREQ(suite_words(lab::Suite::latency, Language::en), "latency");
}

TEST(LabNoteWords, EveryNoteIsWordedInPortugueseFromItsId) {
    using lab::NoteId;
    const std::vector<lab::Note> notes = {
        {NoteId::stack, {"8.00", "7.50", "kib", "8192"}}, {NoteId::stack, {"8.00", "", "unlimited", ""}},
        {NoteId::ipc_coroutines, {}}, {NoteId::ideal_speedup, {"2"}}, {NoteId::disk_where, {"/var/tmp (ext4)"}}, {NoteId::disk_where, {"/tmp", "tmpfs"}},
        {NoteId::stack, {"0.06", "", "browser", ""}}, {NoteId::cycles, {"nominal"}},
        {NoteId::cycles, {"x"}}, {NoteId::network_loopback, {}}, {NoteId::network_fetch, {}},
        {NoteId::step_failed, {"fork", "no"}}, {NoteId::live_every, {"1"}}, {NoteId::live_failed, {"no"}}};
    for (const auto& n : notes) {
        const std::string pt = note_words(n, Language::pt);
        EXPECT_EQ(note_words(n, Language::en), lab::english(n));
        EXPECT_NE(pt, lab::english(n)) << "English left in Portuguese: " << pt;
        EXPECT_EQ(pt.find("{}"), std::string::npos) << pt;
        EXPECT_EQ(pt.find("{t}"), std::string::npos) << pt;
    }
    EXPECT_TRUE(has(note_words(notes[0], Language::pt), "reserva 8,00 MiB de pilha mas mantém só cerca de 7,50 KiB"));
    EXPECT_TRUE(has(note_words(notes[0], Language::pt), "`ulimit -s` é 8192 KiB."));
    EXPECT_TRUE(has(note_words(notes[3], Language::pt), "N até 2 CPUs lógicas"));
    EXPECT_EQ(note_words(notes[5], Language::pt), "Disco medido em /tmp (tmpfs: memória, não um disco).");
    EXPECT_TRUE(has(note_words(notes[6], Language::pt), "um navegador não tem `ulimit -s`"));
    EXPECT_EQ(note_words(notes[7], Language::pt), "Os ciclos usam o clock nominal no model name de /proc/cpuinfo.");
    EXPECT_EQ(note_words(notes[11], Language::pt), "fork não pôde ser medido: no");
}

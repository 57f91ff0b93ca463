// The lab table's words: one row per LabTableText key, in the enum's order (checked below).
#include "ui/text/text_lab_table.h"

#include "core/lab/figure.h"
#include "ui/text/numbers.h"

#include <cmath>
#include <cstdio>

namespace conclab::ui {
namespace {

constexpr text_table::Row<LabTableText> kRows[] = {
    {LabTableText::g_cpu_use, "CPU use in Python code",
     "Uso de CPU em código Python"},
    {LabTableText::g_memory, "Memory use",
     "Uso de memória"},
    {LabTableText::g_communication, "Communication between units of execution",
     "Comunicação entre unidades de execução"},
    {LabTableText::g_startup, "Start-up cost",
     "Custo de inicialização"},
    {LabTableText::g_switches, "Context switches",
     "Trocas de contexto"},
    {LabTableText::g_scaling, "Scaling",
     "Escalabilidade"},
    {LabTableText::talks_row, "(the talk's row)",
     "(linha da palestra)"},
    {LabTableText::apps_row, "(added by this app)",
     "(acréscimo do app)"},
    {LabTableText::r_cpu_gil, "Speedup, threads in the GIL model (CPython's)",
     "Aceleração, threads no modelo da GIL (o do CPython)"},
    {LabTableText::r_cpu_native, "Speedup, C++ threads (no GIL)",
     "Aceleração, threads C++ (sem GIL)"},
    {LabTableText::r_memory_resident, "Resident, each one idle",
     "Residente, cada um ocioso"},
    {LabTableText::r_memory_reserved, "Address space reserved, each",
     "Espaço de endereçamento reservado, cada um"},
    {LabTableText::r_memory_wasm, "wasm memory, each",
     "Memória wasm, cada um"},
    {LabTableText::r_round_trip, "64-byte round trip",
     "Ida e volta de 64 bytes"},
    {LabTableText::r_throughput, "1 MiB messages, throughput",
     "Mensagens de 1 MiB, vazão"},
    {LabTableText::r_startup, "Create, run and finish one",
     "Criar, rodar e terminar um"},
    {LabTableText::r_switches, "Switches",
     "Trocas"},
    {LabTableText::r_scaling, "Best speedup, any worker count",
     "Melhor aceleração, qualquer número de workers"},
    {LabTableText::u_ns, "ns", "ns"},
    {LabTableText::u_us, "µs", "µs"},
    {LabTableText::u_ms, "ms", "ms"},
    {LabTableText::u_s, "s", "s"},
    {LabTableText::u_bytes, "bytes", "bytes"},
    {LabTableText::u_kib, "KiB", "KiB"},
    {LabTableText::u_mib, "MiB", "MiB"},
    {LabTableText::u_gib, "GiB", "GiB"},
    {LabTableText::u_mb_per_s, "MB/s", "MB/s"},
    {LabTableText::u_gb_per_s, "GB/s", "GB/s"},
    {LabTableText::u_per_s, "per second",
     "por segundo"},
    {LabTableText::u_thousand_per_s, "thousands per second",
     "milhares por segundo"},
    {LabTableText::u_million_per_s, "millions per second",
     "milhões por segundo"},
    {LabTableText::u_times, "×", "×"},
    {LabTableText::c_threads, "Threads",
     "Threads"},
    {LabTableText::c_processes, "Processes",
     "Processos"},
    {LabTableText::c_processes_web, "Processes (isolated Workers)",
     "Processos (Workers isolados)"},
    {LabTableText::c_coroutines, "Coroutines (added by this app)",
     "Corrotinas (acréscimo do app)"},
    {LabTableText::c_cpython, "CPython threads",
     "Threads do CPython"},
    {LabTableText::c_cpython_processes, "CPython processes",
     "Processos do CPython"},
    {LabTableText::c_cpython_coroutines, "CPython coroutines (asyncio)",
     "Corrotinas do CPython (asyncio)"},
    {LabTableText::c_measure, "Measure (unit)",
     "Medida (unidade)"},
    {LabTableText::c_ratio, "Ratios",
     "Razões"},
    {LabTableText::ratio_pt, "P÷T",
     "P÷T"},
    {LabTableText::ratio_tc, "T÷C",
     "T÷C"},
    {LabTableText::busy, "busy",
     "ocupada"},
    {LabTableText::busy_tip, "The machine was busy: this range is wider than half the figure (see note %d).",
     "A máquina estava ocupada: este intervalo é mais largo que a metade do número (veja a nota %d)."},
    {LabTableText::workers_at, "at %d workers",
     "com %d workers"},
    {LabTableText::worker_at_one, "at 1 worker",
     "com 1 worker"},
    {LabTableText::not_run, "not measured yet",
     "ainda não medido"},
    {LabTableText::note_ref, "note %s",
     "nota %s"},
    {LabTableText::notes_title, "Notes to the table",
     "Notas da tabela"},
    {LabTableText::n_ranges, "In parentheses: the middle half of the samples (p25–p75; min–max under 5 samples), in the row's unit, both ends with the same decimals. \"busy\" beside a figure: its range is wider than half the figure, so other programs held the cores while it was measured; run it again on a quiet machine.",
     "Entre parênteses: a metade do meio das amostras (p25–p75; mínimo–máximo com menos de 5 amostras), na unidade da linha, as duas pontas com as mesmas casas decimais. \"ocupada\" ao lado de um número: o intervalo é mais largo que a metade dele, então outros programas ocupavam os núcleos durante a medição; rode de novo com a máquina quieta."},
    {LabTableText::n_gil_model, "The talk's first row, for threads: \"limitado a 1 núcleo da CPU para todas as threads executando bytecode Python\" (\"limited to 1 CPU core for all threads running Python bytecode\"). The GIL model runs the same C++ work with threads that must hold one global lock to compute, as CPython's default build does (the free-threaded builds, 3.13t and 3.14t, have no GIL); C++ threads, the row below, have no such lock.",
     "A primeira linha da palestra, para threads: \"limitado a 1 núcleo da CPU para todas as threads executando bytecode Python\". O modelo da GIL roda o mesmo trabalho em C++ com threads que precisam segurar uma trava global para calcular, como no build padrão do CPython (os builds free-threaded, 3.13t e 3.14t, não têm GIL); as threads C++, na linha de baixo, não têm essa trava."},
    {LabTableText::n_talk_columns, "The talk's \"Resumo: threads x processos\" (\"Summary: threads x processes\") has two columns, threads and processes; the coroutine column is this app's addition, and so are the rows marked as added.",
     "O \"Resumo: threads x processos\" da palestra tem duas colunas, threads e processos; a coluna de corrotinas é um acréscimo deste app, assim como as linhas marcadas como acréscimo."},
    {LabTableText::n_function_call, "Coroutines share one thread and its memory: passing a message is a function call, with no copy (see the context switches row).",
     "Corrotinas compartilham uma só thread e a memória dela: passar uma mensagem é uma chamada de função, sem cópia (veja a linha das trocas de contexto)."},
    {LabTableText::n_one_thread, "Coroutines run on one thread: by design they give no parallel speedup (concurrency, not parallelism).",
     "Corrotinas rodam numa só thread: por definição não dão aceleração paralela (concorrência, não paralelismo)."},
    {LabTableText::n_ratios, "Ratios: P÷T is the processes' figure divided by the threads', T÷C the threads' divided by the coroutines'.",
     "Razões: P÷T é o número dos processos dividido pelo das threads, T÷C o das threads dividido pelo das corrotinas."},
    {LabTableText::n_workers, "CPU use: the speedup of the primes workload with %d workers, one per logical CPU (1× is one core's worth of work).",
     "Uso de CPU: a aceleração da carga dos primos com %d workers, um por CPU lógica (1× é o trabalho de um núcleo)."},
    {LabTableText::n_shared_bytes, "Communication: processes share no objects, their data crosses as bytes (pipes and sockets here). The talk: \"Há mecanismos avançados para compartilhar memória, mas eles não suportam \"objetos\" apenas bytes\" (\"there are advanced ways to share memory, but they hold no objects, only bytes\"), such as multiprocessing.shared_memory; threads and coroutines share the objects themselves.",
     "Comunicação: processos não compartilham objetos, os dados passam entre eles como bytes (aqui, por pipes e sockets). A palestra: \"Há mecanismos avançados para compartilhar memória, mas eles não suportam \"objetos\" apenas bytes\", como o multiprocessing.shared_memory; threads e corrotinas compartilham os próprios objetos."},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every LabTableText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every LabTableText row needs an English and a Portuguese text");

}  // namespace

const char* tr(LabTableText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(LabTableText key, Language language) { return text_table::text_of(kRows, key, language); }

LabTableText words_of(lab::TableGroup group) {
    return static_cast<LabTableText>(static_cast<int>(LabTableText::g_cpu_use) + static_cast<int>(group));
}
LabTableText words_of(lab::TableRowId row) {
    return static_cast<LabTableText>(static_cast<int>(LabTableText::r_cpu_gil) + static_cast<int>(row));
}
LabTableText words_of(lab::TableUnit unit) {
    return static_cast<LabTableText>(static_cast<int>(LabTableText::u_ns) + static_cast<int>(unit));
}
LabTableText words_of(lab::TableNote note) {
    return static_cast<LabTableText>(static_cast<int>(LabTableText::n_ranges) + static_cast<int>(note));
}

// The enums and the keys above go in the same order: a new id without its words fails here.
static_assert(static_cast<int>(LabTableText::g_scaling) - static_cast<int>(LabTableText::g_cpu_use) == static_cast<int>(lab::TableGroup::scaling));
static_assert(static_cast<int>(LabTableText::r_scaling) - static_cast<int>(LabTableText::r_cpu_gil) == static_cast<int>(lab::TableRowId::scaling));
static_assert(static_cast<int>(LabTableText::u_times) - static_cast<int>(LabTableText::u_ns) == static_cast<int>(lab::TableUnit::times));
static_assert(static_cast<int>(LabTableText::n_shared_bytes) - static_cast<int>(LabTableText::n_ranges) == static_cast<int>(lab::TableNote::shared_bytes));

std::string table_number(double value, int decimals, Language language) {
    return lab::grouped(value, decimals, '_', language == Language::pt ? ',' : '.');
}

std::string figure_number(double value, Language language) {
    const double magnitude = std::fabs(value);
    if (magnitude >= 100 && magnitude < 1e15) return table_number(value, 0, language);
    return localized(lab::format_number(value), language);
}

std::string note_text(lab::TableNote note, const lab::LabTable& table, Language language) {
    const char* text = tr(words_of(note), language);
    if (note != lab::TableNote::workers) return text;
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, text, table.cpus);
    return buffer;
}

}  // namespace conclab::ui

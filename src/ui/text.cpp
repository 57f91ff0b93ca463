#include "text.h"

namespace conclab::ui {
namespace {

struct Entry {
    Text key;
    const char* en;
    const char* pt;
};

constexpr Entry kTexts[] = {
    {Text::app_title, "Concurrency Lab", "Laboratório de Concorrência"},
    {Text::demos, "Demos", "Demonstrações"},
    {Text::language, "Language", "Idioma"},
    {Text::about_line, "Processes, threads and coroutines, measured on your own cores.",
     "Processos, threads e corrotinas, medidos nos núcleos da sua própria máquina."},
    {Text::system_title, "System", "Sistema"},
    {Text::system_intro, "What this machine offers to concurrent code, measured live.",
     "O que esta máquina oferece ao código concorrente, medido ao vivo."},
    {Text::logical_cpus, "Logical CPUs", "CPUs lógicas"},
    {Text::cross_origin_isolated, "Cross-origin isolated (threads allowed)", "Isolamento de origem (threads permitidas)"},
    {Text::yes, "yes", "sim"},
    {Text::no, "no", "não"},
    {Text::build, "Build", "Compilação"},
    {Text::processes, "Processes on this machine", "Processos nesta máquina"},
    {Text::threads, "Threads on this machine", "Threads nesta máquina"},
    {Text::this_program_threads, "Threads of this program", "Threads deste programa"},
    {Text::unknown, "unknown", "desconhecido"},
    {Text::frame_time, "Frame time (ms)", "Tempo de quadro (ms)"},
    {Text::fps, "frames per second", "quadros por segundo"},
    {Text::spin_title, "Spin N workers", "Girar N workers"},
    {Text::spin_intro,
     "Each worker is a real thread counting as fast as it can. With one per core they all run at once; "
     "the interface keeps drawing on its own thread.",
     "Cada worker é uma thread real contando o mais rápido que pode. Com uma por núcleo, todas rodam ao mesmo "
     "tempo; a interface continua desenhando na sua própria thread."},
    {Text::spin_workers, "Workers", "Workers"},
    {Text::start, "Start", "Iniciar"},
    {Text::stop, "Stop", "Parar"},
    {Text::worker, "Worker", "Worker"},
    {Text::iterations, "Iterations", "Iterações"},
    {Text::rate, "Millions/s", "Milhões/s"},
    {Text::spin_note_free_core, "Leave one core free and the frame rate stays smooth.",
     "Deixe um núcleo livre e a taxa de quadros continua estável."},
    {Text::starting, "starting", "iniciando"},
    {Text::primes_menu, "Primes (CPU bound)", "Primos (CPU)"},
    {Text::primes_title, "Primes: CPU-bound work", "Primos: trabalho limitado pela CPU"},
    {Text::primes_intro,
     "Checks each number by trial division (6k\u00b11 up to its square root), as in the talk. Pick how the work "
     "runs and compare.",
     "Verifica cada número por divisão (6k\u00b11 até a raiz quadrada), como na palestra. Escolha como o trabalho "
     "roda e compare."},
    {Text::primes_lesson,
     "CPU-bound work gets faster only with parallel execution. Threads here are real parallel threads; the GIL "
     "model shows why Python threads don't speed this up: one lock lets one thread compute at a time.",
     "Trabalho limitado pela CPU só acelera com execução paralela. Aqui as threads são paralelas de verdade; o "
     "modelo da GIL mostra por que threads em Python não aceleram: uma trava deixa só uma thread calcular por vez."},
    {Text::executor, "Executor", "Executor"},
    {Text::workers, "Workers", "Workers"},
    {Text::sample, "Sample", "Amostra"},
    {Text::sample_talk, "make_sample(2**K), as in the talk", "make_sample(2**K), como na palestra"},
    {Text::sample_fluent, "Fluent Python's 20 numbers", "Os 20 números do Python Fluente"},
    {Text::sample_custom, "My numbers", "Meus números"},
    {Text::magnitude, "K (magnitude 2**K)", "K (magnitude 2**K)"},
    {Text::numbers, "Numbers (spaces or commas; _ allowed)", "Números (espaços ou vírgulas; _ permitido)"},
    {Text::run, "Run", "Rodar"},
    {Text::cancel, "Cancel", "Cancelar"},
    {Text::number, "Number", "Número"},
    {Text::prime, "Prime", "Primo"},
    {Text::lpf, "Least prime factor", "Menor fator primo"},
    {Text::elapsed, "Elapsed", "Tempo"},
    {Text::pending, "pending", "pendente"},
    {Text::running_for, "running", "rodando"},
    {Text::timeline, "Timeline: one lane per worker", "Linha do tempo: uma faixa por worker"},
    {Text::history, "Runs", "Execuções"},
    {Text::speedup, "Speedup vs sequential", "Aceleração vs sequencial"},
    {Text::wall, "Wall", "Parede"},
    {Text::cpu, "CPU", "CPU"},
    {Text::cpu_busy_note, "web: summed worker busy time, not OS CPU time",
     "web: soma do tempo ocupado dos workers, não o tempo de CPU do SO"},
    {Text::cpu_process_note, "CPU time of the whole program (getrusage, worker processes included): drawing this window adds to it",
     "Tempo de CPU do programa inteiro (getrusage, processos workers incluídos): desenhar esta janela também conta"},
    {Text::no_sequential_yet, "run sequential on this sample to compare", "rode sequencial nesta amostra para comparar"},
    {Text::clear_history, "Clear", "Limpar"},
    {Text::executor_sequential, "sequential", "sequencial"},
    {Text::executor_threads, "threads", "threads"},
    {Text::executor_processes, "processes", "processos"},
    {Text::executor_gil, "threads under a GIL (model of CPython)", "threads sob uma GIL (modelo do CPython)"},
    {Text::processes_web_note,
     "In the browser, \"processes\" are isolated Web Workers: each loads its own wasm module, with its own "
     "memory, and talks only by messages.",
     "No navegador, \"processos\" são Web Workers isolados: cada um carrega seu próprio módulo wasm, com "
     "memória própria, e se comunica só por mensagens."},
    {Text::gil_note,
     "A model, not CPython: each thread must hold one global lock to compute and hands it over every 5 ms "
     "(Python's switch interval).",
     "Um modelo, não o CPython: cada thread precisa da trava global para calcular e a entrega a cada 5 ms "
     "(o intervalo de troca do Python)."},
    {Text::startup, "start-up", "inicialização"},
    {Text::checks_in, "checks in", "verificações em"},
    {Text::of_wall, "of wall", "da parede"},
    {Text::last_good_run, "The last good run stays below.", "A última execução válida continua abaixo."},
    {Text::run_failed, "Could not start", "Não foi possível iniciar"},
    {Text::drawing_on_demand, "drawing on demand: nothing changes, nothing is drawn",
     "desenho sob demanda: se nada muda, nada é desenhado"},
    {Text::drawing_always, "drawing every frame (fps=max)", "desenhando todo quadro (fps=max)"},

    // Wikipics panel (issue 7): its rows below this line

    // Exhibition panel and spinners (issue 8): its rows below this line

    // Lab panel (issue 9): its rows below this line
    {Text::lab_menu, "Threads vs processes (lab)",
     "Threads vs processos (lab)"},
    {Text::lab_title, "Lab: threads vs processes vs coroutines, measured on this machine",
     "Laboratório: threads vs processos vs corrotinas, medidos nesta máquina"},
    {Text::lab_intro, "The talk closes with a table comparing the three models. Here every cell is a live measurement: hover a figure to see how it was measured, click it to keep the method below the table.",
     "A palestra termina com uma tabela comparando os três modelos. Aqui cada célula é uma medição ao vivo: passe o mouse sobre um número para ver como foi medido, clique para manter o método abaixo da tabela."},
    {Text::lab_suite, "Suite",
     "Conjunto"},
    {Text::lab_all_suites, "all suites",
     "todos os conjuntos"},
    {Text::lab_quick, "Quick (fewer samples, smaller sizes)",
     "Rápido (menos amostras, tamanhos menores)"},
    {Text::lab_run_all, "Run all",
     "Rodar tudo"},
    {Text::lab_run_suite, "Run this suite",
     "Rodar este conjunto"},
    {Text::lab_cancelling, "cancelling after the step in progress",
     "cancelando após a etapa em andamento"},
    {Text::lab_not_run_yet, "Not run yet. Run all takes about 20 s in quick mode, a minute or two in full.",
     "Ainda não rodou. Rodar tudo leva uns 20 s no modo rápido, um ou dois minutos no completo."},
    {Text::lab_running_on_worker, "measuring on a worker thread: the interface keeps drawing",
     "medindo numa thread de trabalho: a interface continua desenhando"},
    {Text::lab_finished, "finished",
     "concluído"},
    {Text::lab_cancelled, "cancelled: the figures below are what finished",
     "cancelado: os números abaixo são o que terminou"},
    {Text::lab_summary, "The talk's table, measured",
     "A tabela da palestra, medida"},
    {Text::lab_measure, "Measure",
     "Medida"},
    {Text::lab_threads, "Threads",
     "Threads"},
    {Text::lab_processes, "Processes",
     "Processos"},
    {Text::lab_processes_web, "Processes (isolated Workers)",
     "Processos (Workers isolados)"},
    {Text::lab_coroutines, "Coroutines",
     "Corrotinas"},
    {Text::lab_row_startup, "Start-up: create, run and finish one",
     "Inicialização: criar, rodar e terminar um"},
    {Text::lab_row_resident, "Memory each, resident (idle)",
     "Memória de cada, residente (ocioso)"},
    {Text::lab_row_virtual, "Memory each, address space reserved",
     "Memória de cada, espaço de endereços reservado"},
    {Text::lab_row_wasm, "Memory each, wasm memory",
     "Memória de cada, memória wasm"},
    {Text::lab_row_round_trip, "Communication: 64-byte round trip",
     "Comunicação: ida e volta de 64 bytes"},
    {Text::lab_row_throughput, "Communication: 1 MiB messages",
     "Comunicação: mensagens de 1 MiB"},
    {Text::lab_row_switches, "Context switches per second",
     "Trocas de contexto por segundo"},
    {Text::lab_row_speedup, "CPU-bound speedup, one worker per CPU",
     "Aceleração limitada pela CPU, um worker por CPU"},
    {Text::lab_coroutine_no_speedup, "one thread: no parallel speedup, by design",
     "uma thread: sem aceleração paralela, por definição"},
    {Text::lab_coroutine_call, "a function call: they share one thread (see the switches row)",
     "uma chamada de função: compartilham uma thread (veja a linha das trocas)"},
    {Text::lab_not_measured, "not measured yet",
     "ainda não medido"},
    {Text::lab_how, "How it was measured",
     "Como foi medido"},
    {Text::lab_click_hint, "Click a figure to keep its method here.",
     "Clique num número para manter o método aqui."},
    {Text::lab_samples, "samples",
     "amostras"},
    {Text::lab_spread, "spread",
     "dispersão"},
    {Text::lab_speedup_chart, "Speedup by workers: the primes workload (dashed: ideal)",
     "Aceleração por workers: a carga dos primos (tracejado: ideal)"},
    {Text::lab_ideal, "ideal",
     "ideal"},
    {Text::lab_gil_model, "threads, GIL model",
     "threads, modelo GIL"},
    {Text::lab_workers_axis, "workers",
     "workers"},
    {Text::lab_ladder_chart, "Latency ladder, log scale, at 1 cycle = 1 second",
     "Escada de latência, escala log, com 1 ciclo = 1 segundo"},
    {Text::lab_talk, "talk",
     "palestra"},
    {Text::lab_here, "here",
     "aqui"},
    {Text::lab_memory_chart, "Memory per unit, KiB, log scale",
     "Memória por unidade, KiB, escala log"},
    {Text::lab_resident, "resident",
     "residente"},
    {Text::lab_reserved, "reserved",
     "reservada"},
    {Text::lab_pss, "PSS",
     "PSS"},
    {Text::lab_wasm, "wasm memory",
     "memória wasm"},
    {Text::lab_export_json, "Export JSON",
     "Exportar JSON"},
    {Text::lab_export_csv, "Export CSV",
     "Exportar CSV"},
    {Text::lab_saved, "Saved:",
     "Salvo:"},
    {Text::lab_nothing_to_export, "Run the lab first: nothing to export yet.",
     "Rode o laboratório antes: ainda não há nada para exportar."},
    {Text::lab_compare, "Compare with a saved result (another machine's JSON)",
     "Comparar com um resultado salvo (o JSON de outra máquina)"},
    {Text::lab_path, "path of a JSON file",
     "caminho de um arquivo JSON"},
    {Text::lab_load, "Load",
     "Carregar"},
    {Text::lab_pick_file, "Choose a JSON file...",
     "Escolher um arquivo JSON..."},
    {Text::lab_loaded, "Compared with",
     "Comparando com"},
    {Text::lab_remove, "Remove",
     "Remover"},
    {Text::lab_details, "Every figure, by suite",
     "Todos os números, por conjunto"},
    {Text::lab_notes, "Notes",
     "Observações"},
    {Text::lab_suite_not_run, "this suite has not run",
     "este conjunto não rodou"},

};

constexpr bool rows_follow_the_keys() {
    for (std::size_t i = 0; i < sizeof(kTexts) / sizeof(kTexts[0]); ++i)
        if (static_cast<std::size_t>(kTexts[i].key) != i) return false;
    return sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<std::size_t>(Text::count_);
}
static_assert(rows_follow_the_keys(), "every Text key needs one row, in the order of the enum");

// A row written {key, "English"} (Portuguese forgotten) leaves pt null; an empty string is as bad.
constexpr bool every_row_has_both_languages() {
    for (const auto& e : kTexts)
        if (!e.en || !e.pt || e.en[0] == '\0' || e.pt[0] == '\0') return false;
    return true;
}
static_assert(every_row_has_both_languages(), "every Text row needs an English and a Portuguese text");

Language current = Language::en;

}  // namespace

void set_language(Language l) { current = l; }
Language language() { return current; }

const char* tr(Text key) {
    const Entry& e = kTexts[static_cast<std::size_t>(key)];
    return current == Language::pt ? e.pt : e.en;
}

bool parse_language(std::string_view code, Language& out) {
    if (code == "en") out = Language::en;
    else if (code == "pt") out = Language::pt;
    else return false;
    return true;
}

}  // namespace conclab::ui

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
    {Text::gil_legend, "bright: holds the GIL and computes · dark: waits for it",
     "claro: tem a GIL e calcula · escuro: espera por ela"},
    {Text::history, "Runs", "Execuções"},
    {Text::speedup, "Speedup", "Aceleração"},
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

// The Primes panel's words: one row per PrimesText key, in the enum's order (checked below).
#include "ui/text/text_primes.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<PrimesText> kRows[] = {
    {PrimesText::menu, "Primes (CPU bound)", "Primos (CPU)"},
    {PrimesText::title, "Primes: CPU-bound work", "Primos: trabalho limitado pela CPU (CPU bound)"},
    {PrimesText::intro,
     "Checks each number by trial division (6k\u00b11 up to its square root), as in the talk. Pick how the work "
     "runs and compare.",
     "Verifica cada número por tentativa de divisão (6k\u00b11 até a raiz quadrada), como na palestra. Escolha como o trabalho "
     "roda e compare."},
    {PrimesText::lesson,
     "CPU-bound work gets faster only with parallel execution. In CPython's default build, Python's threads take turns on one lock, the GIL "
     "(modelled here), so they compute one at a time; processes each have their own interpreter and use every "
     "core, paying for their start-up; C++ threads have no GIL and use every core too.",
     "Trabalho limitado pela CPU só acelera com execução paralela. No build padrão do CPython, as threads do Python se revezam numa trava só, "
     "a GIL (simulada aqui pelo modelo da GIL), e calculam uma de cada vez; processos têm cada um seu interpretador e usam todos os "
     "núcleos, pagando pela inicialização; threads em C++ não têm GIL e também usam todos os núcleos."},
    {PrimesText::executor, "Executor", "Executor"},
    {PrimesText::workers, "Workers", "Workers"},
    {PrimesText::sample, "Sample", "Amostra"},
    {PrimesText::sample_talk, "make_sample(2**K), as in the talk", "make_sample(2**K), como na palestra"},
    {PrimesText::sample_fluent, "Fluent Python's 20 numbers", "Os 20 números do Python Fluente"},
    {PrimesText::sample_custom, "My numbers", "Meus números"},
    {PrimesText::magnitude, "K (magnitude 2**K)", "K (magnitude 2**K)"},
    {PrimesText::numbers, "Numbers (spaces or commas; _ allowed)", "Números (espaços ou vírgulas; _ permitido)"},
    {PrimesText::run, "Run", "Rodar"},
    {PrimesText::cancel, "Cancel", "Cancelar"},
    {PrimesText::number, "Number", "Número"},
    {PrimesText::prime, "Prime", "Primo"},
    {PrimesText::lpf, "Least prime factor", "Menor fator primo"},
    {PrimesText::elapsed, "Elapsed", "Tempo"},
    {PrimesText::pending, "pending", "pendente"},
    {PrimesText::running_for, "running", "rodando"},
    {PrimesText::timeline, "Timeline: one lane per worker", "Linha do tempo: uma faixa por worker"},
    {PrimesText::gil_legend, "bright: holds the GIL and computes · grey: waits for it · each pixel shaded by the share of its time",
     "claro: tem a GIL e calcula · cinza: espera por ela · cada pixel colorido conforme a fração do tempo em cada estado"},
    {PrimesText::history, "Runs", "Execuções"},
    {PrimesText::speedup, "Speedup", "Aceleração"},
    {PrimesText::wall, "Wall", "Relógio"},
    {PrimesText::cpu, "CPU", "CPU"},
    {PrimesText::cpu_busy_note, "web: summed worker busy time, not OS CPU time. Wall: the talk's \"wall time\", \"tempo transcorrido no \"relógio da parede\"\" (\"time elapsed on the wall clock\").",
     "web: soma do tempo ocupado dos workers, não o tempo de CPU do SO. Relógio, ou tempo de relógio: o \"wall time\" da palestra, \"tempo transcorrido no \"relógio da parede\"\"."},
    {PrimesText::cpu_process_note, "CPU time of the whole program (getrusage, worker processes included): drawing this window adds to it. Wall: the talk's \"wall time\", \"tempo transcorrido no \"relógio da parede\"\" (\"time elapsed on the wall clock\").",
     "Tempo de CPU do programa inteiro (getrusage, processos workers incluídos): desenhar esta janela também conta. Relógio, ou tempo de relógio: o \"wall time\" da palestra, \"tempo transcorrido no \"relógio da parede\"\"."},
    {PrimesText::no_sequential_yet, "run sequential on this sample to compare", "rode sequencial nesta amostra para comparar"},
    {PrimesText::clear_history, "Clear", "Limpar"},
    {PrimesText::executor_sequential, "sequential", "sequencial"},
    {PrimesText::executor_threads, "threads", "threads"},
    {PrimesText::executor_processes, "processes", "processos"},
    {PrimesText::executor_gil, "threads under a GIL (Python's model)", "threads sob uma GIL (modelo da GIL do Python)"},
    {PrimesText::processes_web_note,
     "In the browser, \"processes\" are isolated Web Workers: each loads its own wasm module, with its own "
     "memory, and talks only by messages.",
     "No navegador, \"processos\" são Web Workers isolados: cada um carrega seu próprio módulo wasm, com "
     "memória própria, e se comunica só por mensagens."},
    {PrimesText::gil_note,
     "A model, not CPython: each thread must hold one global lock to compute and hands it over every 5 ms "
     "(Python's switch interval).",
     "Um modelo, não o CPython: cada thread precisa da trava global para calcular e a entrega a cada 5 ms "
     "(o intervalo de troca do Python)."},
    {PrimesText::startup, "start-up", "inicialização"},
    {PrimesText::checks_in, "checks in", "verificações em"},
    {PrimesText::of_wall, "of wall", "do tempo de relógio"},
    {PrimesText::last_good_run, "The last good run stays below.", "A última execução válida continua abaixo."},
    {PrimesText::run_failed, "Could not start", "Não foi possível iniciar"},
    {PrimesText::mode_compare, "Compare all", "Comparar todos"},
    {PrimesText::mode_single, "One executor", "Um executor"},
    {PrimesText::compare_start, "Compare all four", "Comparar os quatro"},
    {PrimesText::compare_about,
     "The same sample on each executor, several runs each. A bar is the speedup over sequential: its median "
     "run; the whisker spans the fastest and the slowest.",
     "A mesma amostra em cada executor, várias execuções de cada. Cada barra é a aceleração sobre o sequencial: "
     "a execução mediana; o traço vai da mais rápida à mais lenta."},
    {PrimesText::compare_hint, "Press \"Compare all four\": the bars fill in as the runs end.",
     "Aperte \"Comparar os quatro\": as barras aparecem conforme as execuções terminam."},
    {PrimesText::compare_progress, "run %zu of %zu \u00b7 repeat %d", "execução %zu de %zu \u00b7 repetição %d"},
    {PrimesText::compare_done, "%zu runs in %s", "%zu execuções em %s"},
    {PrimesText::compare_cancelled, "cancelled", "cancelada"},
    {PrimesText::repeats, "Runs each", "Execuções de cada"},
    {PrimesText::runs_of, "Runs", "Execuções"},
    {PrimesText::median, "median", "mediana"},
    {PrimesText::spread, "spread", "variação"},
    {PrimesText::ideal, "ideal on %d logical CPUs", "ideal com %d CPUs lógicas"},
    {PrimesText::waiting_turn, "waiting for its turn", "esperando a vez"},
    {PrimesText::running_now, "running…", "rodando…"},
    {PrimesText::timeline_of, "Timeline of", "Linha do tempo de"},
    {PrimesText::zoom, "Zoom", "Zoom"},
    {PrimesText::position, "Position", "Posição"},
    {PrimesText::zoom_reset, "Whole run", "Execução inteira"},
    {PrimesText::zoom_hint, "wheel: zoom · drag: move", "roda do mouse: zoom · arrastar: mover"},
    {PrimesText::executor_threads_no_gil, "threads, no GIL (C++)", "threads, sem GIL (C++)"},
    {PrimesText::gil_columns_note,
     "Zoom in to see the hand-offs: every 5 ms the thread holding the GIL hands it to the one waiting.",
     "Dê zoom para ver as trocas: a cada 5 ms a thread que tem a GIL a entrega para a que está esperando."},
    {PrimesText::runtime, "Runtime", "Ambiente de execução"},
    {PrimesText::runtime_cpp, "C++ (this program)", "C++ (este programa)"},
    {PrimesText::runtime_python, "CPython (this machine's python3)", "CPython (o python3 desta máquina)"},
    {PrimesText::runtime_native_only, "native only — the page's Python runtime is Pyodide",
     "só no app nativo — o Python da página é o Pyodide"},
    {PrimesText::python_timeline_note,
     "CPython exposes no GIL events: each check shows only its start and end (under the GIL, threads' checks "
     "stretch: that is the visible sign).",
     "O CPython não expõe eventos da GIL: cada verificação mostra só o início e o fim (sob a GIL, as verificações "
     "das threads se esticam: é o sinal visível)."},
    {PrimesText::runtime_pyodide, "Python: Pyodide (CPython 3.14 in the page)", "Python: Pyodide (CPython 3.14 na página)"},
    {PrimesText::python_no_threads,
     "Pyodide has no threads: one interpreter per Web Worker. Pick sequential or processes; the GIL model shows "
     "what CPython's threads would do.",
     "O Pyodide não tem threads: um interpretador por Web Worker. Escolha sequencial ou processos; o modelo da GIL "
     "mostra o que as threads do CPython fariam."},
    {PrimesText::python_note,
     "python/primes.py (the talk's lpf) on Pyodide, CPython 3.14 for wasm. Each worker boots its own interpreter (its "
     "start-up, shown apart from the checks); at most 4.",
     "O python/primes.py (o lpf da palestra) no Pyodide, o CPython 3.14 para wasm. Cada worker inicia seu próprio "
     "interpretador (a inicialização, mostrada à parte das verificações); no máximo 4."},
    {PrimesText::python_download, "downloading Pyodide", "baixando o Pyodide"},
    {PrimesText::python_compile, "compiling Pyodide", "compilando o Pyodide"},
    {PrimesText::python_booting, "booting the interpreters", "iniciando os interpretadores"},
    {PrimesText::python_sequential,
     "In Python: a plain for loop, as the talk's first run.",
     "Em Python: um for comum, como a primeira execução da palestra."},
    {PrimesText::python_threads,
     "In Python: ThreadPoolExecutor or threading on a free-threaded build (python3.13t, 3.14t), or a C extension that releases the GIL; in the default build Python threads run as the GIL model does.",
     "Em Python: ThreadPoolExecutor ou threading num build free-threaded (python3.13t, 3.14t), ou uma extensão em C que libera a GIL; no build padrão as threads do Python rodam como o modelo da GIL."},
    {PrimesText::python_processes,
     "In Python: ProcessPoolExecutor (concurrent.futures), as in the talk, or multiprocessing.",
     "Em Python: ProcessPoolExecutor (concurrent.futures), como na palestra, ou multiprocessing."},
    {PrimesText::python_gil,
     "In Python: ThreadPoolExecutor or threading, in CPython's default build (with the GIL).",
     "Em Python: ThreadPoolExecutor ou threading, no build padrão do CPython (com a GIL)."},
    {PrimesText::c_extensions_note,
     "The GIL limits Python bytecode only. The talk: \"Mas bibliotecas como Numpy são escritas em linguagens compiladas não limitadas pela GIL\" (\"but libraries like NumPy are written in compiled languages not limited by the GIL\"), \"mas depende da implementação da biblioteca\" (\"but it depends on how the library is written\"). NumPy releases the GIL inside its C loops, and then its threads use every core: the C++ threads here are that case.",
     "A GIL só limita bytecode Python. A palestra: \"Mas bibliotecas como Numpy são escritas em linguagens compiladas não limitadas pela GIL\", \"mas depende da implementação da biblioteca\". O NumPy libera a GIL dentro dos seus laços em C, e aí as threads usam todos os núcleos: as threads em C++ daqui são esse caso."},
    {PrimesText::free_threaded_note,
     "All this is CPython's default build. The free-threaded build has no GIL (PEP 703): experimental in 3.13 (python3.13t), supported but optional since 3.14 (python3.14t, PEP 779). There Python threads compute on every core, like the C++ threads here.",
     "Tudo isso vale para o build padrão do CPython. O build free-threaded não tem GIL (PEP 703): experimental no 3.13 (python3.13t), com suporte oficial mas opcional a partir do 3.14 (python3.14t, PEP 779). Nele as threads do Python calculam em todos os núcleos, como as threads em C++ daqui."},
    {PrimesText::processes_memory_note,
     "Processes share no objects: they talk through pipes and sockets. The talk: \"Há mecanismos avançados para compartilhar memória, mas eles não suportam \"objetos\" apenas bytes\" (\"there are advanced ways to share memory, but they hold no objects, only bytes\"), such as multiprocessing.shared_memory.",
     "Processos não compartilham objetos: conversam por pipes e sockets. A palestra: \"Há mecanismos avançados para compartilhar memória, mas eles não suportam \"objetos\" apenas bytes\", como o multiprocessing.shared_memory."},
    {PrimesText::ideal_native_note,
     "The ideal line counts logical CPUs: this machine has %d on %d physical cores. With hyperthreading two logical CPUs share one core, and CPU-bound work gets little from the second (the talk's Ubuntu laptop had 4 \"CPUs\", \"na real, 2 CPUs com hyperthreading\": really 2 CPUs with hyperthreading).",
     "A linha ideal conta CPUs lógicas: esta máquina tem %d em %d núcleos físicos. Com hyperthreading duas CPUs lógicas dividem um núcleo, e trabalho CPU bound ganha pouco com a segunda (o notebook Ubuntu da palestra tinha 4 \"CPUs\", \"na real, 2 CPUs com hyperthreading\")."},
    {PrimesText::ideal_web_note,
     "The ideal line counts the %d logical CPUs the browser reports (navigator.hardwareConcurrency): a page cannot know how many physical cores they are. With hyperthreading two logical CPUs share one core (the talk's Ubuntu laptop: 4 \"CPUs\", \"na real, 2 CPUs com hyperthreading\").",
     "A linha ideal conta as %d CPUs lógicas que o navegador informa (navigator.hardwareConcurrency): uma página não tem como saber quantos núcleos físicos elas são. Com hyperthreading duas CPUs lógicas dividem um núcleo (o notebook Ubuntu da palestra: 4 \"CPUs\", \"na real, 2 CPUs com hyperthreading\")."},
    {PrimesText::compare_cpython_on,
     "CPython's rows follow the C++ ones, on the same sample: its threads beside the GIL model, each speedup over its own sequential run. CPython is tens of times slower than C++: a small sample keeps them short.",
     "As linhas do CPython vêm depois das de C++, na mesma amostra: as threads dele ao lado do modelo da GIL, cada aceleração sobre a sua própria execução sequencial. O CPython é dezenas de vezes mais lento que o C++: com uma amostra pequena elas ficam curtas."},
    {PrimesText::compare_cpython_off,
     "Choose CPython as the runtime (in one executor's view) and Compare all adds its sequential, threads and processes rows beside the GIL model.",
     "Escolha o CPython como ambiente de execução (na visão de um executor) e o Comparar todos acrescenta as linhas sequencial, threads e processos dele ao lado do modelo da GIL."},
    {PrimesText::compare_cpython_page,
     "Compare all runs the C++ executors here: the page's Python (Pyodide) has no threads to set beside the GIL model; the desktop app adds the machine's CPython.",
     "O Comparar todos roda os executores em C++ aqui: o Python da página (Pyodide) não tem threads para pôr ao lado do modelo da GIL; o app de desktop acrescenta o CPython da máquina."},
    {PrimesText::compare_start_cpython, "Compare all, CPython too", "Comparar todos, CPython também"},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every PrimesText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every PrimesText row needs an English and a Portuguese text");

}  // namespace

const char* tr(PrimesText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(PrimesText key, Language language) { return text_table::text_of(kRows, key, language); }

const char* executor_label(exec::ExecutorKind kind) {
    switch (kind) {
    case exec::ExecutorKind::sequential: return tr(PrimesText::executor_sequential);
    case exec::ExecutorKind::threads: return tr(PrimesText::executor_threads_no_gil);
    case exec::ExecutorKind::processes: return tr(PrimesText::executor_processes);
    case exec::ExecutorKind::gil: return tr(PrimesText::executor_gil);
    }
    return tr(PrimesText::executor_threads_no_gil);
}

}  // namespace conclab::ui

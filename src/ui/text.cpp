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
    {Text::wikipics_menu, "Wikipedia images (I/O)",
     "Imagens da Wikipédia (E/S)"},
    {Text::wikipics_title, "Downloading Wikimedia Commons images: an I/O-bound job",
     "Baixando imagens do Wikimedia Commons: um trabalho limitado por E/S"},
    {Text::wikipics_intro, "The talk's first demo: N JPEGs of about S bytes, downloaded one after the other, on a pool of threads or on one event loop (the notebook took 16.4 s sequentially, 2.67 s with threads). Each image is decoded into a thumbnail by the worker that fetched it.",
     "A primeira demonstração da palestra: N JPEGs de cerca de S bytes, baixados um depois do outro, num pool de threads ou num laço de eventos (o notebook levou 16,4 s em sequência, 2,67 s com threads). Cada imagem vira miniatura no worker que a baixou."},
    {Text::wikipics_lesson, "Downloading is I/O bound: while a request waits for the network the CPU has nothing to do. Threads (even Python's, GIL and all) overlap those waits, so the same bytes arrive several times sooner for about the same CPU time. Decoding is the small CPU-bound part.",
     "Baixar é limitado por E/S: enquanto uma requisição espera a rede, a CPU não tem o que fazer. Threads (mesmo as do Python, com GIL e tudo) sobrepõem essas esperas, e os mesmos bytes chegam várias vezes mais cedo com quase o mesmo tempo de CPU. Decodificar é a pequena parte limitada por CPU."},
    {Text::wikipics_count, "Images",
     "Imagens"},
    {Text::wikipics_size, "Size (bytes, about)",
     "Tamanho (bytes, aprox.)"},
    {Text::wikipics_max_req, "Requests in flight",
     "Requisições simultâneas"},
    {Text::wikipics_server, "Server",
     "Servidor"},
    {Text::wikipics_timeout, "Timeout (s)",
     "Tempo limite (s)"},
    {Text::wikipics_seed, "Seed",
     "Semente"},
    {Text::wikipics_server_live, "Wikimedia Commons (live)",
     "Wikimedia Commons (ao vivo)"},
    {Text::wikipics_server_mirror, "Local mirror (this page's server)",
     "Espelho local (o servidor desta página)"},
    {Text::wikipics_server_other, "Other api.php URL",
     "Outra URL de api.php"},
    {Text::wikipics_live_checking, "Checking whether Wikimedia Commons answers…",
     "Verificando se o Wikimedia Commons responde…"},
    {Text::wikipics_live_ok, "Wikimedia Commons (live) answers.",
     "O Wikimedia Commons (ao vivo) responde."},
    {Text::wikipics_live_unreachable, "Wikimedia Commons (live) is unreachable from here",
     "O Wikimedia Commons (ao vivo) não pode ser alcançado daqui"},
    {Text::wikipics_no_mirror, "This page's server has no mirror of Commons (`conclab serve --mirror`, as `make run` starts it, has one).",
     "O servidor desta página não tem espelho do Commons (`conclab serve --mirror`, como o `make run` inicia, tem)."},
    {Text::wikipics_executor_async, "one event loop (async)",
     "um laço de eventos (async)"},
    {Text::wikipics_async_unsupported, "The event-loop executor (async) is not available in the browser yet: use sequential or threads.",
     "O executor de laço de eventos (async) ainda não está disponível no navegador: use sequencial ou threads."},
    {Text::wikipics_sampling, "Sampling images from the API…",
     "Sorteando imagens pela API…"},
    {Text::wikipics_sample_failed, "Sampling failed",
     "O sorteio falhou"},
    {Text::wikipics_gallery, "Gallery (in completion order)",
     "Galeria (em ordem de chegada)"},
    {Text::wikipics_lanes, "One lane per worker: wait · transfer · decode",
     "Uma faixa por worker: espera · transferência · decodificação"},
    {Text::wikipics_wait, "wait",
     "espera"},
    {Text::wikipics_transfer, "transfer",
     "transferência"},
    {Text::wikipics_decode, "decode",
     "decodificação"},
    {Text::wikipics_total_bytes, "TOTAL BYTES",
     "TOTAL DE BYTES"},
    {Text::wikipics_downloaded, "downloaded",
     "baixadas"},
    {Text::wikipics_errors, "errors",
     "erros"},
    {Text::wikipics_cpu_unavailable, "CPU time: a browser does not measure it; decoding (wall clock)",
     "Tempo de CPU: o navegador não o mede; decodificação (relógio de parede)"},
    {Text::wikipics_web_cancel_note, "In a browser a request already in flight cannot be aborted: Cancel stops the rest, and those in flight end at their timeout at the latest.",
     "No navegador uma requisição em andamento não pode ser abortada: Cancelar interrompe as demais, e as em andamento terminam no máximo no tempo limite."},
    {Text::wikipics_cancelling, "Cancelling: waiting for the requests in flight…",
     "Cancelando: esperando as requisições em andamento…"},
    {Text::wikipics_decode_error, "not a picture",
     "não é uma imagem"},
    {Text::wikipics_mb_s, "MB/s",
     "MB/s"},

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

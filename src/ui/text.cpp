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
    {Text::ex_exhibition_menu, "Simultaneous exhibition",
     "Exibição simultânea"},
    {Text::ex_exhibition_title, "Judit Polgár's simultaneous exhibition: one event loop, many boards",
     "A exibição simultânea de Judit Polgár: um laço de eventos, muitos tabuleiros"},
    {Text::ex_exhibition_intro, "She plays every board at once. Each opponent is a coroutine that awaits her move; she is one more coroutine walking from board to board. One thread runs them all on an event loop with a virtual clock, on its own simulation thread; this window only draws its snapshots.",
     "Ela joga em todos os tabuleiros ao mesmo tempo. Cada oponente é uma corrotina que aguarda o lance dela; ela é mais uma corrotina, andando de tabuleiro em tabuleiro. Uma thread roda todas num laço de eventos com relógio virtual, na sua própria thread de simulação; esta janela só desenha os retratos dela."},
    {Text::ex_exhibition_lesson, "One worker can serve many tasks when each task mostly waits: while an opponent thinks, she moves elsewhere. Past the crossover she becomes the bottleneck.",
     "Um só worker atende muitas tarefas quando cada uma passa a maior parte do tempo esperando: enquanto um oponente pensa, ela joga em outro tabuleiro. Depois do ponto de cruzamento, ela vira o gargalo."},
    {Text::ex_boards, "Boards",
     "Tabuleiros"},
    {Text::ex_her_time, "Her time per move",
     "Tempo dela por lance"},
    {Text::ex_their_time, "Each opponent's time per move",
     "Tempo de cada oponente por lance"},
    {Text::ex_moves_per_game, "Moves per game",
     "Lances por partida"},
    {Text::ex_schedules, "Schedules",
     "Cronogramas"},
    {Text::ex_mode_both, "both",
     "ambos"},
    {Text::ex_speed, "Speed (simulated s per real s)",
     "Velocidade (s simulados por s real)"},
    {Text::ex_speed_max, "as fast as possible",
     "o mais rápido possível"},
    {Text::ex_restart, "Restart",
     "Reiniciar"},
    {Text::ex_pause, "Pause",
     "Pausar"},
    {Text::ex_resume, "Resume",
     "Continuar"},
    {Text::ex_step, "Step",
     "Passo"},
    {Text::ex_settings_changed, "Settings changed: Restart to apply them.",
     "Configurações alteradas: reinicie para aplicá-las."},
    {Text::ex_press_start, "Press Start: the simulation runs on its own thread; the boards below are its snapshots.",
     "Aperte Iniciar: a simulação roda na sua própria thread; os tabuleiros abaixo são retratos dela."},
    {Text::ex_simulated_time, "Simulated time",
     "Tempo simulado"},
    {Text::ex_sim_thread_busy, "simulation thread busy",
     "thread de simulação ocupada"},
    {Text::ex_paused, "paused",
     "pausado"},
    {Text::ex_finished_all, "finished",
     "terminado"},
    {Text::ex_sequential_schedule, "Sequential: one game after another",
     "Sequencial: uma partida depois da outra"},
    {Text::ex_simultaneous_schedule, "Simultaneous: she walks round the boards",
     "Simultânea: ela circula pelos tabuleiros"},
    {Text::ex_formula, "formula",
     "fórmula"},
    {Text::ex_simulated, "simulated",
     "simulado"},
    {Text::ex_not_simulated, "not simulated (mode)",
     "não simulado (modo)"},
    {Text::ex_she_is_at, "She is at board",
     "Ela está no tabuleiro"},
    {Text::ex_she_is_done, "She has finished",
     "Ela terminou"},
    {Text::ex_results_line, "She won %d, lost %d, drew %d; %d reached the move limit",
     "Ela venceu %d, perdeu %d, empatou %d; %d chegaram ao limite de lances"},
    {Text::ex_moves_played, "moves played",
     "lances jogados"},
    {Text::ex_boards_shown, "Boards of",
     "Tabuleiros do cronograma"},
    {Text::ex_state_waiting, "waiting for her",
     "esperando por ela"},
    {Text::ex_state_her_move, "her move",
     "lance dela"},
    {Text::ex_state_thinking, "opponent thinking",
     "oponente pensando"},
    {Text::ex_state_over, "game over",
     "fim de jogo"},
    {Text::ex_her_path, "Her path (latest visits)",
     "O caminho dela (visitas recentes)"},
    {Text::ex_event_loop, "The event loop (one thread)",
     "O laço de eventos (uma thread)"},
    {Text::ex_loop_running, "Running",
     "Rodando"},
    {Text::ex_loop_ready, "Ready queue",
     "Fila de prontas"},
    {Text::ex_loop_timers, "Timers: who sleeps until when",
     "Temporizadores: quem dorme até quando"},
    {Text::ex_loop_waiting, "Parked on an event",
     "Estacionadas num evento"},
    {Text::ex_loop_totals, "tasks: %llu created, %llu finished",
     "tarefas: %llu criadas, %llu terminadas"},
    {Text::ex_nobody, "nobody (between turns)",
     "ninguém (entre turnos)"},
    {Text::ex_empty, "empty",
     "vazia"},
    {Text::ex_more, "more",
     "mais"},
    {Text::ex_chart_title, "Total time vs number of boards (her %g s, theirs %g s, %d moves)",
     "Tempo total vs número de tabuleiros (ela %g s, eles %g s, %d lances)"},
    {Text::ex_crossover_note, "From %d boards on she is the bottleneck: a round is N × her time.",
     "A partir de %d tabuleiros ela é o gargalo: uma rodada leva N × o tempo dela."},
    {Text::ex_slide_title, "The talk's slide says 20 minutes; it is 50",
     "O slide da palestra diz 20 minutos; são 50"},
    {Text::ex_slide_note, "The slide computed 20 × 5 s as 40 s. A round is max(%d × %g s, %g s + %g s) = %g s: her own moves, or one board's move pair, whichever is longer. So %d rounds take %.4g min; the last reply comes %g s later.",
     "O slide calculou 20 × 5 s como 40 s. Uma rodada é max(%d × %g s, %g s + %g s) = %g s: os lances dela, ou um par de lances de um tabuleiro, o que for maior. Então %d rodadas levam %.4g min; a última resposta chega %g s depois."},
    {Text::ex_she_label, "she",
     "ela"},
    {Text::ex_mode_simultaneous, "simultaneous", "simultânea"},
    {Text::ex_spin_title, "Spinning plates: a spinner while a slow call runs",
     "Pratos girando: um spinner enquanto uma chamada lenta roda"},
    {Text::ex_spin_intro, "The slow call sleeps, then computes the least prime factor of a number. As a thread, the spinner has a thread of its own. As a coroutine, it shares the event loop's one thread with the call: while the call awaits its sleep the spinner turns; when the call blocks (a plain sleep), the loop stops and the spinner freezes.",
     "A chamada lenta dorme e depois calcula o menor fator primo de um número. Como thread, o spinner tem uma thread só sua. Como corrotina, ele divide a única thread do laço de eventos com a chamada: enquanto a chamada aguarda (await) o seu sono, o spinner gira; quando a chamada bloqueia (um sleep comum), o laço para e o spinner congela."},
    {Text::ex_spin_kind, "Spinner as",
     "Spinner como"},
    {Text::ex_spin_thread, "a thread",
     "uma thread"},
    {Text::ex_spin_coroutine, "a coroutine on the event loop",
     "uma corrotina no laço de eventos"},
    {Text::ex_spin_block, "the slow call blocks (a plain sleep instead of await)",
     "a chamada lenta bloqueia (sleep comum em vez de await)"},
    {Text::ex_spin_seconds, "Sleep",
     "Sono"},
    {Text::ex_spin_run, "Run the slow call",
     "Rodar a chamada lenta"},
    {Text::ex_spin_frozen_now, "frozen for %.1f s: the loop's thread is blocked",
     "congelado há %.1f s: a thread do laço está bloqueada"},
    {Text::ex_spin_summary, "%llu frames, longest gap %.2f s",
     "%llu quadros, maior intervalo %.2f s"},
    {Text::ex_spin_froze, "frozen for %.2f s",
     "congelado por %.2f s"},
    {Text::ex_spin_never_froze, "it never froze",
     "nunca congelou"},
    {Text::ex_spin_answer, "answer: lpf(%llu) = %llu",
     "resposta: lpf(%llu) = %llu"},
    {Text::ex_spin_process_note, "The process form runs in the terminal: conclab spinner --kind process. In the browser (an isolated worker) it is not built yet.",
     "A forma com processo roda no terminal: conclab spinner --kind process. No navegador (um worker isolado) ainda não foi feita."},

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

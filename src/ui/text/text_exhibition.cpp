// The exhibition panel's words: one row per ExhibitionText key, in the enum's order (checked below).
#include "ui/text/text_exhibition.h"

#include "core/exhibition/exhibition_run.h"
#include "ui/text/numbers.h"
#include "ui/text/text_primes.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<ExhibitionText> kRows[] = {
    {ExhibitionText::menu, "Simultaneous exhibition",
     "Partidas simultâneas"},
    {ExhibitionText::title, "Judit Polgár's simultaneous exhibition: one event loop, many boards",
     "As partidas simultâneas de Judit Polgár: um laço de eventos, muitos tabuleiros"},
    {ExhibitionText::intro, "The talk writes her games as \"simultâneas\" (\"simultaneous\"), in quotes: she is never at two boards at once, she moves on one and walks on to the next. Each opponent is a coroutine that awaits her move; she is one more coroutine walking from board to board. One thread runs them all on an event loop with a virtual clock, on its own simulation thread; this window only draws its snapshots.",
     "A palestra escreve Partidas “simultâneas”, entre aspas: ela nunca está em dois tabuleiros ao mesmo tempo, \"dá o lance inicial e vai pro próximo tabuleiro\". Cada adversário é uma corrotina que aguarda o lance dela; ela é mais uma corrotina, andando de tabuleiro em tabuleiro. Uma thread roda todas num laço de eventos com relógio virtual, na sua própria thread de simulação; esta janela só desenha instantâneos da simulação."},
    {ExhibitionText::lesson, "One worker can serve many tasks when each task mostly waits: while an opponent thinks, she moves elsewhere. Past the crossover she becomes the bottleneck.",
     "Um só worker atende muitas tarefas quando cada uma passa a maior parte do tempo esperando: enquanto um adversário pensa, ela joga em outro tabuleiro. Depois do ponto de cruzamento, ela vira o gargalo."},
    {ExhibitionText::boards, "Boards",
     "Tabuleiros"},
    {ExhibitionText::her_time, "Her time per move",
     "Tempo dela por lance"},
    {ExhibitionText::their_time, "Each opponent's time per move",
     "Tempo de cada adversário por lance"},
    {ExhibitionText::moves_per_game, "Moves per game",
     "Jogadas por partida"},
    {ExhibitionText::schedules, "Schedules",
     "Cronogramas"},
    {ExhibitionText::mode_both, "both",
     "ambos"},
    {ExhibitionText::speed, "Speed (simulated s per real s)",
     "Velocidade (s simulados por s real)"},
    {ExhibitionText::speed_max, "as fast as possible",
     "o mais rápido possível"},
    {ExhibitionText::restart, "Restart",
     "Reiniciar"},
    {ExhibitionText::pause, "Pause",
     "Pausar"},
    {ExhibitionText::resume, "Resume",
     "Continuar"},
    {ExhibitionText::step, "Step",
     "Passo"},
    {ExhibitionText::settings_changed, "Settings changed: Restart to apply them.",
     "Configurações alteradas: reinicie para aplicá-las."},
    {ExhibitionText::press_start, "Press Start: the simulation runs on its own thread and the boards below become its snapshots; for now every game is at its first position.",
     "Aperte Iniciar: a simulação roda na sua própria thread e os tabuleiros abaixo passam a ser instantâneos da simulação; por enquanto cada partida está na posição inicial."},
    {ExhibitionText::simulated_time, "Simulated time",
     "Tempo simulado"},
    {ExhibitionText::sim_thread_busy, "simulation thread busy",
     "thread de simulação ocupada"},
    {ExhibitionText::paused, "paused",
     "pausado"},
    {ExhibitionText::finished_all, "finished",
     "terminado"},
    {ExhibitionText::sequential_schedule, "Sequential: one game after another",
     "Sequencial: uma partida depois da outra"},
    {ExhibitionText::simultaneous_schedule, "“Simultaneous”: she walks round the boards",
     "“Simultâneas”: ela dá a volta pelos tabuleiros"},
    {ExhibitionText::formula, "formula",
     "fórmula"},
    {ExhibitionText::simulated, "simulated",
     "simulado"},
    {ExhibitionText::not_simulated, "not simulated (mode)",
     "não simulado (modo)"},
    {ExhibitionText::she_is_at, "She is at board",
     "Ela está no tabuleiro"},
    {ExhibitionText::she_is_done, "She has finished",
     "Ela terminou"},
    {ExhibitionText::results_line, "She won %d, lost %d, drew %d; %d reached the move limit",
     "Ela venceu %d, perdeu %d, empatou %d; %d chegaram ao limite de lances"},
    {ExhibitionText::moves_played, "moves played",
     "lances jogados"},
    {ExhibitionText::boards_shown, "Boards of",
     "Tabuleiros do cronograma"},
    {ExhibitionText::state_waiting, "waiting for her",
     "esperando por ela"},
    {ExhibitionText::state_her_move, "her move",
     "lance dela"},
    {ExhibitionText::state_thinking, "opponent thinking",
     "adversário pensando"},
    {ExhibitionText::state_over, "game over",
     "fim de jogo"},
    {ExhibitionText::her_path, "Her path (latest visits)",
     "O caminho dela (visitas recentes)"},
    {ExhibitionText::event_loop, "The event loop (one thread)",
     "O laço de eventos (uma thread)"},
    {ExhibitionText::loop_running, "Running",
     "Rodando"},
    {ExhibitionText::loop_ready, "Ready queue",
     "Fila de tarefas prontas"},
    {ExhibitionText::loop_timers, "Timers: who sleeps until when",
     "Temporizadores: quem dorme até quando"},
    {ExhibitionText::loop_waiting, "Parked on an event",
     "Suspensas à espera de um evento"},
    {ExhibitionText::loop_totals, "tasks: %llu created, %llu finished",
     "tarefas: %llu criadas, %llu terminadas"},
    {ExhibitionText::nobody, "nobody (between turns)",
     "ninguém (entre turnos)"},
    {ExhibitionText::empty, "empty",
     "vazia"},
    {ExhibitionText::more, "more",
     "mais"},
    {ExhibitionText::chart_title, "Total time vs number of boards (her %g s, theirs %g s, %d moves)",
     "Tempo total x número de tabuleiros (ela %g s, eles %g s, %d jogadas)"},
    {ExhibitionText::crossover_note, "From %d boards on she is the bottleneck: a round is N × her time.",
     "A partir de %d tabuleiros ela é o gargalo: uma volta leva N × o tempo dela."},
    {ExhibitionText::slide_title, "The talk's slide says 20 min; with these settings its method gives %.4g min, the right count %.4g min",
     "O slide da palestra diz 20 min; com estes valores o método dele dá %.4g min, a conta certa dá %.4g min"},
    {ExhibitionText::slide_note, "The slide: \"Uma volta completa leva\" (\"a full round takes\") 20 × 5 s = 40 s. But 20 × 5 s is 100 s, and its method, a round = boards × her time, gives %d × %g s = %g s here. But a board cannot move faster than her move plus the opponent's reply, so a round is max(%d × %g s, %g s + %g s) = %g s. So %d rounds take %.4g min; the last reply comes %g s later.",
     "O slide: \"Uma volta completa leva\" 20 × 5 s = 40 s. Só que 20 × 5 s são 100 s, e o método dele, uma volta = tabuleiros × o tempo dela, dá %d × %g s = %g s aqui. Mas um tabuleiro não anda mais rápido que o lance dela mais a resposta do adversário, então uma volta é max(%d × %g s, %g s + %g s) = %g s. Assim, %d voltas levam %.4g min; a última resposta chega %g s depois."},
    {ExhibitionText::she_label, "she",
     "ela"},
    {ExhibitionText::mode_simultaneous, "simultaneous", "“simultâneas”"},
    {ExhibitionText::times_title, "Three times, three meanings",
     "Três tempos, três significados"},
    {ExhibitionText::time_slide, "The talk's slide: 20 min. It computed 20 × 5 s as 40 s (below).",
     "O slide da palestra: 20 min. Ele calculou 20 × 5 s como 40 s (abaixo)."},
    {ExhibitionText::time_formula, "The formula: %s, if every game ran the full %d move pairs (this app's cap).",
     "A fórmula: %s, se toda partida fosse até as %d jogadas (o máximo deste app)."},
    {ExhibitionText::time_clock, "The clock: %s, the simulation. Games that end early by checkmate or stalemate end the exhibition sooner than the formula.",
     "O relógio: %s, a simulação. Partidas que acabam antes, por xeque-mate ou afogamento, terminam a sessão antes da fórmula."},
    {ExhibitionText::time_clock_pending, "The clock: the simulated time, once Start runs it. Games that end early by checkmate make it shorter than the formula.",
     "O relógio: o tempo simulado, quando você apertar Iniciar. Partidas que acabam antes, por xeque-mate, deixam esse tempo menor que o da fórmula."},
    {ExhibitionText::talk_average, "The talk: \"Média de 30 jogadas por partida\" (\"an average of 30 moves per game\"). An average, not a limit: here %d move pairs is the cap, and a game may end before it.",
     "A palestra: \"Média de 30 jogadas por partida\". Uma média, não um limite: aqui %d jogadas é o máximo, e uma partida pode acabar antes."},
    {ExhibitionText::caption_legend, "Under each board: \"12 · 25\" is board 12 with 25 moves played, then its result: 1-0 she won, 0-1 she lost, ½-½ a draw, * stopped at the move cap.",
     "Embaixo de cada tabuleiro: \"12 · 25\" é o tabuleiro 12 com 25 lances jogados, depois o resultado: 1-0 ela venceu, 0-1 ela perdeu, ½-½ empate, * parou no limite de lances."},
    {ExhibitionText::not_started, "not started: press Start",
     "não começou: aperte Iniciar"},
    {ExhibitionText::chart_y_axis, "total time (log scale)",
     "tempo total (escala log)"},
    {ExhibitionText::chart_x_axis, "boards",
     "tabuleiros"},
    {ExhibitionText::fast_forward, "The simultaneous exhibition is over: the rest of the sequential one is fast-forwarded (×%.0f).",
     "As partidas “simultâneas” acabaram: o resto das sequenciais é acelerado (×%.0f)."},
    {ExhibitionText::she_starts, "She starts at board 1",
     "Ela começa pelo tabuleiro 1"},
    {ExhibitionText::task_board, "board %d (%s)",
     "tabuleiro %d (%s)"},
    {ExhibitionText::task_her, "Polgár (%s)",
     "Polgár (%s)"},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every ExhibitionText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every ExhibitionText row needs an English and a Portuguese text");

}  // namespace

const char* tr(ExhibitionText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(ExhibitionText key, Language language) { return text_table::text_of(kRows, key, language); }

std::string task_words(std::string_view loop_name, Language language) {
    const auto label = exhibition::task_label(loop_name);
    if (!label) return std::string(loop_name);
    const char* schedule = label->schedule == exhibition::Schedule::sequential
                               ? tr(PrimesText::executor_sequential, language)
                               : tr(ExhibitionText::mode_simultaneous, language);
    return label->her ? text_format(language, tr(ExhibitionText::task_her, language), schedule)
                      : text_format(language, tr(ExhibitionText::task_board, language), label->board, schedule);
}

std::string task_words(std::string_view loop_name) { return task_words(loop_name, language()); }

}  // namespace conclab::ui

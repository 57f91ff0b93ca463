// The welcome page's and the presenter's words: one row per WelcomeText key, in the enum's order (checked below).
#include "ui/text/text_welcome.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<WelcomeText> kRows[] = {
    {WelcomeText::menu, "Welcome", "Início"},
    {WelcomeText::title, "Concurrency Lab: processes, threads and coroutines, live",
     "Laboratório de Concorrência: processos, threads e corrotinas, ao vivo"},
    {WelcomeText::intro,
     "The talk \"Programação concorrente em Python\" as demos you can run in class. Pick one: each card says what it "
     "teaches and what to watch for.",
     "A palestra \"Programação concorrente em Python\" em demonstrações para rodar em aula. Escolha uma: cada cartão "
     "diz o que ela ensina e no que prestar atenção."},
    {WelcomeText::keys_hint, "Keys: 1–9 open a demo, ←/→ the previous or next, Space runs, P presents, L switches language, H lists them all.",
     "Teclas: 1–9 abrem uma demonstração, ←/→ a anterior ou a próxima, Espaço roda, P apresenta, L troca o idioma, H mostra todas."},
    {WelcomeText::open, "Open", "Abrir"},
    {WelcomeText::notice, "Notice:", "Repare:"},
    {WelcomeText::system_lesson, "What this machine offers to concurrent code: its cores, and real threads spinning on them.",
     "O que esta máquina oferece ao código concorrente: seus núcleos e threads de verdade girando neles."},
    {WelcomeText::system_notice, "Start one worker per core: every counter climbs at once and the window keeps drawing.",
     "Inicie um worker por núcleo: todos os contadores sobem juntos e a janela continua desenhando."},
    {WelcomeText::primes_lesson, "CPU-bound work gets faster only with parallel execution; in CPython's default build the GIL lets one thread compute at a time.",
     "Trabalho limitado pela CPU só acelera com execução paralela; no build padrão do CPython, a GIL deixa só uma thread calcular por vez."},
    {WelcomeText::primes_notice, "Press Compare all four: the four executors on the same numbers, the speedup bars on top. The GIL model stays at ×1.",
     "Aperte Comparar os quatro: os quatro executores nos mesmos números, as barras de aceleração no topo. O modelo da GIL fica em ×1."},
    {WelcomeText::exhibition_lesson, "One worker serves many tasks when each mostly waits: one event loop plays every board.",
     "Um só worker atende muitas tarefas quando cada uma mais espera: um laço de eventos atende todos os tabuleiros."},
    {WelcomeText::exhibition_notice, "Add boards: the total time barely grows, until she becomes the bottleneck.",
     "Aumente os tabuleiros: o tempo total quase não cresce, até ela virar o gargalo."},
    {WelcomeText::wikipics_lesson, "Downloading is I/O bound: threads or one event loop overlap the waits for the network.",
     "Baixar é limitado por E/S: threads ou um laço de eventos sobrepõem as esperas pela rede."},
    {WelcomeText::wikipics_notice, "Sequential downloads form a staircase; with threads the bars start together.",
     "Downloads em sequência formam uma escada; com threads as barras começam juntas."},
    {WelcomeText::lab_lesson, "The talk's table \"threads x processos\", measured here, plus a column for coroutines: what a thread, a process and a coroutine cost.",
     "A tabela \"threads x processos\" da palestra, medida aqui, mais uma coluna de corrotinas: quanto custam uma thread, um processo e uma corrotina."},
    {WelcomeText::lab_notice, "Compare start-up times and memory per worker: coroutines are the cheapest by far.",
     "Compare os tempos de início e a memória por worker: corrotinas são de longe as mais baratas."},
    {WelcomeText::spinner_lesson, "Concurrency is not parallelism: one event loop spins many plates. A blocking call inside a coroutine freezes the whole loop; a thread or a process only waits itself.",
     "Concorrência não é paralelismo: um laço de eventos gira muitos pratos. Uma chamada bloqueante dentro de uma corrotina congela todo o laço; uma thread ou um processo só espera sozinho."},
    {WelcomeText::spinner_notice, "Run the four forms: the blocking coroutine's spinner stops while the others keep turning.",
     "Rode as quatro formas: o spinner da corrotina bloqueante para enquanto os outros continuam girando."},
    {WelcomeText::other_lesson, "Open it to see what it shows.", "Abra para ver o que ela mostra."},
    {WelcomeText::present, "Present", "Apresentar"},
    {WelcomeText::leave_present, "Leave presentation", "Sair da apresentação"},
    {WelcomeText::copy_link, "Copy link", "Copiar link"},
    {WelcomeText::copy_command, "Copy command", "Copiar comando"},
    {WelcomeText::copied, "copied", "copiado"},
    {WelcomeText::command_line, "This view from a terminal:", "Esta tela, pelo terminal:"},
    {WelcomeText::help_title, "Keys", "Teclas"},
    {WelcomeText::help_close, "Close (H)", "Fechar (H)"},
    {WelcomeText::key_space, "Space: the demo's main action (Run, or Cancel while it runs)",
     "Espaço: a ação principal da demonstração (Rodar, ou Cancelar enquanto roda)"},
    {WelcomeText::key_r, "R: reset the demo to its defaults (options and results)",
     "R: volta a demonstração ao padrão (opções e resultados)"},
    {WelcomeText::key_arrows, "← / →: previous / next demo", "← / →: demonstração anterior / próxima"},
    {WelcomeText::key_digits, "1–9: the demos in the welcome page's order (0: the welcome page)",
     "1–9: as demonstrações na ordem da página inicial (0: a página inicial)"},
    {WelcomeText::key_p, "P: presentation mode (large text, high contrast, full screen)",
     "P: modo apresentação (texto grande, alto contraste, tela cheia)"},
    {WelcomeText::key_l, "L: English / Português", "L: English / Português"},
    {WelcomeText::key_h, "H, F1 or ?: this list", "H, F1 ou ?: esta lista"},
    {WelcomeText::key_escape, "Keys do nothing while you type in a field.", "As teclas não fazem nada enquanto você digita num campo."},
    {WelcomeText::key_e, "E: export a picture of the window (a PNG)", "E: exporta uma imagem da janela (um PNG)"},
    {WelcomeText::errors_title, "This link has options that cannot be used, so nothing ran:",
     "Este link tem opções que não podem ser usadas, então nada rodou:"},
    {WelcomeText::not_run, "nothing ran", "nada rodou"},
    {WelcomeText::export_picture, "Export picture", "Exportar imagem"},
    {WelcomeText::picture_saved, "Picture saved:", "Imagem salva:"},
    {WelcomeText::picture_failed, "The picture could not be saved:", "Não foi possível salvar a imagem:"},
    {WelcomeText::controls, "Options (P leaves presentation)", "Opções (P sai da apresentação)"},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every WelcomeText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every WelcomeText row needs an English and a Portuguese text");

}  // namespace

const char* tr(WelcomeText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(WelcomeText key, Language language) { return text_table::text_of(kRows, key, language); }

}  // namespace conclab::ui

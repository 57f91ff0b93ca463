// The System panel's words (machine facts: one row per SystemText key, in the enum's order (checked below).
#include "ui/text/text_system.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<SystemText> kRows[] = {
    {SystemText::title, "System", "Sistema"},
    {SystemText::intro, "What this machine offers to concurrent code, measured live.",
     "O que esta máquina oferece ao código concorrente, medido ao vivo."},
    {SystemText::logical_cpus, "Logical CPUs", "CPUs lógicas"},
    {SystemText::cross_origin_isolated, "Cross-origin isolated (threads allowed)", "Isolamento entre origens (threads permitidas)"},
    {SystemText::yes, "yes", "sim"},
    {SystemText::no, "no", "não"},
    {SystemText::build, "Build", "Compilação"},
    {SystemText::processes, "Processes on this machine", "Processos nesta máquina"},
    {SystemText::threads, "Threads on this machine", "Threads nesta máquina"},
    {SystemText::this_program_threads, "Threads of this program", "Threads deste programa"},
    {SystemText::unknown, "unknown", "desconhecido"},
    {SystemText::frame_time, "Frame time (ms)", "Tempo de quadro (ms)"},
    {SystemText::fps, "frames per second", "quadros por segundo"},
    {SystemText::spin_title, "Spin N workers", "Rodar N workers"},
    {SystemText::spin_intro,
     "Each worker is a real thread counting as fast as it can. With one per core they all run at once; "
     "the interface keeps drawing on its own thread.",
     "Cada worker é uma thread real contando o mais rápido que pode. Com uma por núcleo, todas rodam ao mesmo "
     "tempo; a interface continua desenhando na sua própria thread."},
    {SystemText::spin_workers, "Workers", "Workers"},
    {SystemText::start, "Start", "Iniciar"},
    {SystemText::stop, "Stop", "Parar"},
    {SystemText::worker, "Worker", "Worker"},
    {SystemText::iterations, "Iterations", "Iterações"},
    {SystemText::rate, "Millions/s", "Milhões/s"},
    {SystemText::spin_note_free_core, "Leave one core free and the frame rate stays smooth.",
     "Deixe um núcleo livre e a taxa de quadros continua estável."},
    {SystemText::starting, "starting", "iniciando"},
    {SystemText::counts_web_note, "a web page cannot see the operating system's processes or threads",
     "uma página web não enxerga os processos nem as threads do sistema operacional"},
    {SystemText::counts_proc_note, "from /proc, like `ps ax | wc -l` (without its header line)",
     "do /proc, como `ps ax | wc -l` (sem a linha de cabeçalho)"},
    {SystemText::counts_no_proc_note, "/proc is not mounted: process and thread counts are unknown",
     "o /proc não está montado: as contagens de processos e threads são desconhecidas"},
    {SystemText::drawing_on_demand, "drawing on demand: nothing changes, nothing is drawn",
     "desenho sob demanda: se nada muda, nada é desenhado"},
    {SystemText::drawing_always, "drawing every frame (fps=max)", "desenhando todo quadro (fps=max)"},
    {SystemText::drawing_animating, "drawing every display frame while the workers spin: their counters change",
     "desenhando a cada quadro da tela enquanto os workers giram: os contadores mudam"},
    {SystemText::renderer, "Renderer", "Renderizador"},
    {SystemText::renderer_gpu_note, "A GPU draws: a run in progress is drawn at %.0f frames per second.",
     "Uma GPU desenha: uma execução em andamento é desenhada a %.0f quadros por segundo."},
    {SystemText::renderer_software_note,
     "No GPU: the processor draws every frame (tens of milliseconds of CPU each), time the workers need. A run in "
     "progress is drawn at %.0f frames per second and results wait for the next frame.",
     "Sem GPU: o processador desenha cada quadro (dezenas de milissegundos de CPU cada), tempo de que os workers "
     "precisam. Uma execução em andamento é desenhada a %.0f quadros por segundo e os resultados esperam o "
     "próximo quadro."},
    {SystemText::physical_cores,
     "Physical cores",
     "Núcleos físicos"},
    {SystemText::physical_unknown_web,
     "unknown to a web page: a browser reports logical CPUs only",
     "desconhecido para uma página web: o navegador só informa CPUs lógicas"},
    {SystemText::hyperthreading_note,
     "With hyperthreading (SMT) one physical core runs two logical CPUs, which share it: the talk's Ubuntu laptop had 4 \"CPUs\", \"na real, 2 CPUs com hyperthreading\" (really 2 CPUs with hyperthreading).",
     "Com hyperthreading (SMT) um núcleo físico roda duas CPUs lógicas, que o dividem: o notebook Ubuntu da palestra tinha 4 \"CPUs\", \"na real, 2 CPUs com hyperthreading\"."},
    {SystemText::talk_counts,
     "The talk's counts: \"632 processos rodando no macOS Sonoma 14.1.1\" (632 processes on macOS), \"Mas a máquina tem 12 CPUs\" (but 12 CPUs); \"307 processos rodando no Ubuntu Linux 22.04\" (307 on Ubuntu); Windows 11's Task Manager: \"7 aplicativos\" (7 apps, \"Firefox: 36 processos\"), \"118 processos em background\", \"107 processos do Windows\" (118 background processes, 107 Windows processes).",
     "As contagens da palestra: \"632 processos rodando no macOS Sonoma 14.1.1\", \"Mas a máquina tem 12 CPUs\"; \"307 processos rodando no Ubuntu Linux 22.04\"; no Gerenciador de Tarefas do Windows 11: \"7 aplicativos\" (\"Firefox: 36 processos\"), \"118 processos em background\", \"107 processos do Windows\"."},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every SystemText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every SystemText row needs an English and a Portuguese text");

}  // namespace

const char* tr(SystemText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(SystemText key, Language language) { return text_table::text_of(kRows, key, language); }

}  // namespace conclab::ui

// The lab's words around its typed data: one row per LabWordText key, in the enum's order; {N} is argument N
// (checked below).
#include "ui/text/text_lab_words.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<LabWordText> kRows[] = {
    {LabWordText::note_ipc_coroutines, "Coroutines share memory like threads and run on one thread: passing a message is a function call, see the switch suite.",
     "Corrotinas compartilham memória como threads e rodam numa só thread: passar uma mensagem é uma chamada de função, veja o conjunto trocas de contexto."},
    {LabWordText::note_ideal, "Ideal speedup with N workers: N up to {0} logical CPUs, then flat. The GIL model stays near 1x: one thread computes at a time. On a busy machine these figures are noisy (other programs hold the cores), and the GIL model can even look faster with more threads: the scheduler favours a thread that has just woken, and each hand-over of the lock wakes one.",
     "Aceleração ideal com N workers: N até {0} CPUs lógicas, depois constante. O modelo da GIL fica perto de 1x: uma thread calcula por vez. Numa máquina ocupada estes números oscilam (outros programas ocupam os núcleos), e o modelo da GIL pode até parecer mais rápido com mais threads: o escalonador favorece a thread que acabou de acordar, e cada passagem da trava acorda uma."},
    {LabWordText::note_4mb_resident, "The talk's \"cerca de 4MB por thread\" (\"about 4 MB per thread\") is address space: a thread here reserves {0} MiB of stack but keeps only about {1} KiB resident while idle (pages count once touched); {2}",
     "O \"cerca de 4MB por thread\" da palestra é espaço de endereçamento: uma thread aqui reserva {0} MiB de pilha mas mantém só cerca de {1} KiB residentes enquanto ociosa (páginas contam quando tocadas); {2}"},
    {LabWordText::note_4mb, "The talk's \"cerca de 4MB por thread\" (\"about 4 MB per thread\") is address space: a thread here reserves {0} MiB of stack; {1}",
     "O \"cerca de 4MB por thread\" da palestra é espaço de endereçamento: uma thread aqui reserva {0} MiB de pilha; {1}"},
    {LabWordText::ulimit_kib, "`ulimit -s` is {0} KiB.", "`ulimit -s` é {0} KiB."},
    {LabWordText::ulimit_unlimited, "`ulimit -s` is unlimited.", "`ulimit -s` é ilimitado."},
    {LabWordText::no_ulimit, "a browser has no `ulimit -s`: Emscripten takes each thread's stack from the wasm heap, its size fixed when the program is built.",
     "um navegador não tem `ulimit -s`: o Emscripten tira a pilha de cada thread do heap wasm, com tamanho fixado quando o programa é compilado."},
    {LabWordText::ulimit_as_written, "{0}.", "{0}."},
    {LabWordText::note_disk, "Disk measured in {0} ({1}).", "Disco medido em {0} ({1})."},
    {LabWordText::note_disk_as_written, "Disk measured in {0}.", "Disco medido em {0}."},
    {LabWordText::note_cycles, "Cycles use {0}.", "Os ciclos usam {0}."},
    {LabWordText::clock_nominal, "the nominal clock in /proc/cpuinfo's model name", "o clock nominal no model name de /proc/cpuinfo"},
    {LabWordText::clock_current, "the current clock (cpu MHz) in /proc/cpuinfo: no nominal one was given",
     "o clock atual (cpu MHz) de /proc/cpuinfo: nenhum nominal foi informado"},
    {LabWordText::clock_assumed, "an assumed 3 GHz: /proc/cpuinfo gave no clock", "um clock suposto de 3 GHz: o /proc/cpuinfo não informou nenhum"},
    {LabWordText::clock_browser, "an assumed 3 GHz: a browser does not tell the CPU's clock (nor its caches)",
     "um clock suposto de 3 GHz: o navegador não informa o clock da CPU (nem os caches dela)"},
    {LabWordText::note_loopback, "The classic figures' network rung crosses a real network; a loopback round trip never leaves this machine, so it shows only the kernel's share.",
     "O degrau de rede dos números clássicos cruza uma rede de verdade; uma ida e volta em loopback nunca sai desta máquina, então mostra só a parte do kernel."},
    {LabWordText::note_fetch, "The classic figures' network rung crosses a real network; a same-origin fetch goes to the server of this page (often this very machine) through the browser's network stack.",
     "O degrau de rede dos números clássicos cruza uma rede de verdade; um fetch na mesma origem vai ao servidor desta página (muitas vezes esta mesma máquina) pela pilha de rede do navegador."},
    {LabWordText::note_live, "Live: taken again every {0} s while this view is shown.", "Ao vivo: medido de novo a cada {0} s enquanto esta vista aparece."},
    {LabWordText::note_live_failed, "The live snapshot could not be taken: {0}", "Não foi possível tirar o instantâneo ao vivo: {0}"},
    {LabWordText::step_failed, "{0} could not be measured: {1}", "{0} não pôde ser medido: {1}"},
    {LabWordText::fs_tmpfs, "tmpfs: memory, not a disk", "tmpfs: memória, não um disco"},
    {LabWordText::fs_unknown, "unknown file system", "sistema de arquivos desconhecido"},
    {LabWordText::fs_number, "file system {0}", "sistema de arquivos {0}"},
    {LabWordText::pool_threads, "a pool of threads", "um pool de threads"},
    {LabWordText::pool_processes, "worker processes (the process pool)", "processos workers (o pool de processos)"},
    {LabWordText::pool_gil, "threads that must hold one global lock to compute (the GIL model)",
     "threads que precisam segurar uma trava global para calcular (o modelo da GIL)"},
    {LabWordText::tries_one, "{0} try", "{0} tentativa"},
    {LabWordText::tries_many, "{0} tries", "{0} tentativas"},
    {LabWordText::top_processes, "Top processes by thread count", "Processos com mais threads"},
    {LabWordText::h_name, "name", "nome"},
    {LabWordText::h_pid, "pid", "pid"},
    {LabWordText::h_threads, "threads", "threads"},
    {LabWordText::ladder_title, "Latency ladder: the classic figures (Ryan Dahl's 2009 Node.js talk; not in this talk) next to this machine's, at 1 cycle = 1 second ({0} GHz)",
     "Escada de latências: os números clássicos (da palestra de Ryan Dahl sobre Node.js, de 2009; não estão nesta palestra) ao lado dos desta máquina, com 1 ciclo = 1 segundo ({0} GHz)"},
    {LabWordText::h_rung, "rung", "degrau"},
    {LabWordText::h_talk_cycles, "classic: cycles", "clássicos: ciclos"},
    {LabWordText::h_talk_human, "classic: human time", "clássicos: tempo humano"},
    {LabWordText::h_measured, "measured", "medido"},
    {LabWordText::h_cycles_here, "cycles here", "ciclos aqui"},
    {LabWordText::h_human_here, "human time here", "tempo humano aqui"},
    {LabWordText::h_measured_as, "measured as", "medido como"},
    {LabWordText::not_in_talk, "not in the classic figures", "não está nos números clássicos"},
    {LabWordText::not_measured, "not measured", "não medido"},
    {LabWordText::rung_disk, "disk", "disco"},
    {LabWordText::rung_network, "network", "rede"},
    {LabWordText::machine, "machine", "máquina"},
    {LabWordText::as_chase, "pointer chase, {0}", "lista encadeada (pointer chasing), {0}"},
    {LabWordText::as_chase_cached, "pointer chase, {0} (fits the {1} cache: partly cached)", "lista encadeada (pointer chasing), {0} (cabe no cache de {1}: parte em cache)"},
    {LabWordText::as_fsync, "4 KiB write + fsync", "escrita de 4 KiB + fsync"},
    {LabWordText::as_loopback, "loopback TCP round trip (no wire)", "ida e volta TCP em loopback (não sai da máquina)"},
    {LabWordText::as_fetch, "same-origin fetch round trip", "ida e volta de fetch na mesma origem"},
    {LabWordText::d_s, "{0} s", "{0} s"},
    {LabWordText::d_min, "{0} min", "{0} min"},
    {LabWordText::d_h, "{0} h", "{0} h"},
    {LabWordText::d_days, "{0} days", "{0} dias"},
    {LabWordText::d_years, "{0} years", "{0} anos"},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every LabWordText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every LabWordText row needs an English and a Portuguese text");
static_assert(text_table::same_placeholders(kRows), "a LabWordText row's Portuguese uses the same {N} as its English");

}  // namespace

const char* tr(LabWordText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(LabWordText key, Language language) { return text_table::text_of(kRows, key, language); }

}  // namespace conclab::ui

// The Primes panel's words: one row per PrimesText key, in the enum's order (checked below).
#include "text_primes.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<PrimesText> kRows[] = {
    {PrimesText::menu, "Primes (CPU bound)", "Primos (CPU)"},
    {PrimesText::title, "Primes: CPU-bound work", "Primos: trabalho limitado pela CPU"},
    {PrimesText::intro,
     "Checks each number by trial division (6k\u00b11 up to its square root), as in the talk. Pick how the work "
     "runs and compare.",
     "Verifica cada número por divisão (6k\u00b11 até a raiz quadrada), como na palestra. Escolha como o trabalho "
     "roda e compare."},
    {PrimesText::lesson,
     "CPU-bound work gets faster only with parallel execution. Threads here are real parallel threads; the GIL "
     "model shows why Python threads don't speed this up: one lock lets one thread compute at a time.",
     "Trabalho limitado pela CPU só acelera com execução paralela. Aqui as threads são paralelas de verdade; o "
     "modelo da GIL mostra por que threads em Python não aceleram: uma trava deixa só uma thread calcular por vez."},
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
    {PrimesText::gil_legend, "bright: holds the GIL and computes · dark: waits for it",
     "claro: tem a GIL e calcula · escuro: espera por ela"},
    {PrimesText::history, "Runs", "Execuções"},
    {PrimesText::speedup, "Speedup", "Aceleração"},
    {PrimesText::wall, "Wall", "Parede"},
    {PrimesText::cpu, "CPU", "CPU"},
    {PrimesText::cpu_busy_note, "web: summed worker busy time, not OS CPU time",
     "web: soma do tempo ocupado dos workers, não o tempo de CPU do SO"},
    {PrimesText::cpu_process_note, "CPU time of the whole program (getrusage, worker processes included): drawing this window adds to it",
     "Tempo de CPU do programa inteiro (getrusage, processos workers incluídos): desenhar esta janela também conta"},
    {PrimesText::no_sequential_yet, "run sequential on this sample to compare", "rode sequencial nesta amostra para comparar"},
    {PrimesText::clear_history, "Clear", "Limpar"},
    {PrimesText::executor_sequential, "sequential", "sequencial"},
    {PrimesText::executor_threads, "threads", "threads"},
    {PrimesText::executor_processes, "processes", "processos"},
    {PrimesText::executor_gil, "threads under a GIL (model of CPython)", "threads sob uma GIL (modelo do CPython)"},
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
    {PrimesText::of_wall, "of wall", "da parede"},
    {PrimesText::last_good_run, "The last good run stays below.", "A última execução válida continua abaixo."},
    {PrimesText::run_failed, "Could not start", "Não foi possível iniciar"},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every PrimesText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every PrimesText row needs an English and a Portuguese text");

}  // namespace

const char* tr(PrimesText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(PrimesText key, Language language) { return text_table::text_of(kRows, key, language); }

}  // namespace conclab::ui

// The lab's step names in Portuguese, by StepId ({size}: a size, {workers}: "2 workers", {try}: " (tentativa 1/5)").
#include "ui/text/text_lab_steps.h"

namespace conclab::ui {
namespace {

struct StepRow {
    lab::StepId id;
    const char* pt;
};

constexpr StepRow kSteps[] = {
    {lab::StepId::thread_start, "threads: criar + join"},
    {lab::StepId::thread_beyond_pool, "threads: além do pool pré-iniciado"},
    {lab::StepId::spawn, "processos: posix_spawn + wait"},
    {lab::StepId::fork, "processos: fork + wait"},
    {lab::StepId::coroutine_start, "corrotinas: criar + rodar"},
    {lab::StepId::idle_threads, "threads: ociosas, bloqueadas numa variável de condição"},
    {lab::StepId::idle_processes, "processos: filhos ociosos"},
    {lab::StepId::idle_coroutines, "corrotinas: suspensas"},
    {lab::StepId::thread_stack, "threads: tamanho padrão da pilha"},
    {lab::StepId::ipc_atomics, "threads: atômicos, {size}"},
    {lab::StepId::ipc_pipe, "processos: um pipe em cada sentido, {size}"},
    {lab::StepId::ipc_queue, "threads: fila com mutex + variável de condição, {size}"},
    {lab::StepId::ipc_socketpair, "processos: um socketpair, {size}"},
    {lab::StepId::ipc_notes, "observações"},
    {lab::StepId::pingpong_threads, "threads: pingue-pongue"},
    {lab::StepId::pingpong_processes, "processos: pingue-pongue"},
    {lab::StepId::pingpong_coroutines, "corrotinas: pingue-pongue"},
    {lab::StepId::scaling_workload, "escolhendo a carga de trabalho"},
    {lab::StepId::scaling_run, "{kind}, {workers}{try}"},
    {lab::StepId::scaling_speedups, "calculando as acelerações"},
    {lab::StepId::system_proc, "processos e threads de /proc"},
    {lab::StepId::chase, "lista encadeada (pointer chasing), {size}"},
    {lab::StepId::disk, "disco: escrita de 4 KiB + fsync, leitura"},
    {lab::StepId::net_tcp, "rede: ida e volta TCP em loopback"},
    {lab::StepId::net_fetch, "rede: ida e volta de um fetch na mesma origem"},
    {lab::StepId::ladder, "a escada de latências"},
    {lab::StepId::cpython, "CPython: as medidas do lab.py"},
};

constexpr bool every_step_in_order() {
    for (std::size_t i = 0; i < std::size(kSteps); ++i)
        if (static_cast<std::size_t>(kSteps[i].id) != i) return false;
    return static_cast<lab::StepId>(std::size(kSteps) - 1) == lab::StepId::cpython;
}
static_assert(every_step_in_order(), "every StepId needs its Portuguese, in the enum's order");

void replace(std::string& text, std::string_view what, const std::string& with) {
    if (const auto at = text.find(what); at != std::string::npos) text.replace(at, what.size(), with);
}

const char* kind_words(exec::ExecutorKind kind) {
    switch (kind) {
    case exec::ExecutorKind::sequential: return "sequencial";
    case exec::ExecutorKind::threads: return "threads";
    case exec::ExecutorKind::processes: return "processos";
    case exec::ExecutorKind::gil: return "threads no modelo da GIL";
    }
    return "";
}

}  // namespace

std::string step_words(const lab::StepName& step, Language language) {
    if (language == Language::en) return lab::english(step);
    std::string text = kSteps[static_cast<std::size_t>(step.id)].pt;
    replace(text, "{size}", lab::size_text(step.bytes));
    replace(text, "{kind}", kind_words(step.kind));
    replace(text, "{workers}", std::to_string(step.workers) + (step.workers == 1 ? " worker" : " workers"));
    replace(text, "{try}", step.tries > 1 ? " (tentativa " + std::to_string(step.attempt) + "/" + std::to_string(step.tries) + ")" : std::string());
    return text;
}

const char* suite_words(lab::Suite suite, Language language) {
    if (language == Language::en) return lab::to_string(suite).data();
    switch (suite) {
    case lab::Suite::startup: return "inicialização";
    case lab::Suite::memory: return "memória";
    case lab::Suite::ipc: return "comunicação";
    case lab::Suite::switches: return "trocas de contexto";
    case lab::Suite::scaling: return "escalabilidade";
    case lab::Suite::system: return "sistema";
    case lab::Suite::latency: return "latência";
    }
    return "";
}

}  // namespace conclab::ui

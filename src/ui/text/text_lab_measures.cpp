// The lab's measure names in Portuguese, one row per lab::MeasureId in the enum's order (checked below).
#include "ui/text/text_lab_measures.h"

#include <cstddef>
#include <utility>

namespace conclab::ui {
namespace {

using lab::MeasureId;

constexpr std::pair<MeasureId, const char*> kRows[] = {
    {MeasureId::unknown, nullptr},
    {MeasureId::start_one, "iniciar + terminar um"},
    {MeasureId::start_beyond_pool, "iniciar + terminar um, além do pool pré-iniciado"},
    {MeasureId::fork_wait, "fork + wait (inseguro num programa com threads)"},
    {MeasureId::resident_each, "memória residente, cada"},
    {MeasureId::wasm_each, "memória wasm, cada"},
    {MeasureId::virtual_each, "memória virtual, cada"},
    {MeasureId::pss_each, "parcela proporcional (PSS), cada"},
    {MeasureId::stack_reserved, "pilha reservada por thread (padrão)"},
    {MeasureId::round_trip, "ida e volta de {size} ({pair})"},
    {MeasureId::throughput, "vazão com {size} ({pair})"},
    {MeasureId::switches_per_second, "trocas por segundo"},
    {MeasureId::switch_round_trip, "ida e volta (duas trocas)"},
    {MeasureId::speedup, "aceleração, {workers}{gil}"},
    {MeasureId::wall_time, "tempo de relógio, {workers}{gil}"},
    {MeasureId::logical_cpus, "CPUs lógicas"},
    {MeasureId::device_memory, "memória do aparelho (arredondada pelo navegador)"},
    {MeasureId::page_threads, "threads desta página (principal + Web Workers rodando pthreads)"},
    {MeasureId::page_idle_workers, "Web Workers pré-iniciados esperando uma pthread"},
    {MeasureId::processes, "processos (ps ax | wc -l)"},
    {MeasureId::threads_all, "threads, todos os processos"},
    {MeasureId::processes_per_cpu, "processos por CPU"},
    {MeasureId::threads_per_process, "threads por processo"},
    {MeasureId::load, "leitura, conjunto de trabalho de {size}"},
    {MeasureId::disk_write, "disco: escrita de 4 KiB + fsync"},
    {MeasureId::disk_read, "disco: leitura de 4 KiB"},
    {MeasureId::net_tcp, "rede: ida e volta TCP em loopback"},
    {MeasureId::net_fetch, "rede: ida e volta de fetch na mesma origem"},
    {MeasureId::pool_first_result, "worker de pool: do início ao primeiro resultado ({start_method})"},
};

constexpr bool rows_follow_the_ids() {
    for (std::size_t i = 0; i < std::size(kRows); ++i)
        if (static_cast<std::size_t>(kRows[i].first) != i || (i > 0 && !kRows[i].second)) return false;
    return static_cast<std::size_t>(MeasureId::pool_first_result) + 1 == std::size(kRows);
}
static_assert(rows_follow_the_ids(), "every lab::MeasureId needs its Portuguese name, in the order of the enum");

}  // namespace

const char* portuguese_template(MeasureId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < std::size(kRows) ? kRows[i].second : nullptr;
}

const char* portuguese_pair(lab::IpcPair pair) {
    return pair == lab::IpcPair::atomics_pipe ? "atômicos / pipe" : "trava + fila / socketpair";
}

}  // namespace conclab::ui

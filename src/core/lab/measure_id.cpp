// Lab measures as ids and parameters (see measure_id.h).
#include "core/lab/measure_id.h"

#include <charconv>
#include <utility>

namespace conclab::lab {
namespace {

constexpr std::pair<MeasureId, std::string_view> kIds[] = {
    {MeasureId::start_one, "start_one"},
    {MeasureId::start_beyond_pool, "start_beyond_pool"},
    {MeasureId::fork_wait, "fork_wait"},
    {MeasureId::resident_each, "resident_each"},
    {MeasureId::wasm_each, "wasm_each"},
    {MeasureId::virtual_each, "virtual_each"},
    {MeasureId::pss_each, "pss_each"},
    {MeasureId::stack_reserved, "stack_reserved"},
    {MeasureId::round_trip, "round_trip"},
    {MeasureId::throughput, "throughput"},
    {MeasureId::switches_per_second, "switches_per_second"},
    {MeasureId::switch_round_trip, "switch_round_trip"},
    {MeasureId::speedup, "speedup"},
    {MeasureId::wall_time, "wall_time"},
    {MeasureId::logical_cpus, "logical_cpus"},
    {MeasureId::device_memory, "device_memory"},
    {MeasureId::page_threads, "page_threads"},
    {MeasureId::page_idle_workers, "page_idle_workers"},
    {MeasureId::processes, "processes"},
    {MeasureId::threads_all, "threads_all"},
    {MeasureId::processes_per_cpu, "processes_per_cpu"},
    {MeasureId::threads_per_process, "threads_per_process"},
    {MeasureId::load, "load"},
    {MeasureId::disk_write, "disk_write"},
    {MeasureId::disk_read, "disk_read"},
    {MeasureId::net_tcp, "net_tcp"},
    {MeasureId::net_fetch, "net_fetch"},
    {MeasureId::pool_first_result, "pool_first_result"},
};

// The names with no parameter.
constexpr std::pair<MeasureId, std::string_view> kFixedNames[] = {
    {MeasureId::start_one, "start + finish one"},
    {MeasureId::start_beyond_pool, "start + finish one, beyond the pre-started pool"},
    {MeasureId::fork_wait, "fork + wait (unsafe in a threaded program)"},
    {MeasureId::resident_each, "resident memory each"},
    {MeasureId::wasm_each, "wasm memory each"},
    {MeasureId::virtual_each, "virtual memory each"},
    {MeasureId::pss_each, "proportional share (PSS) each"},
    {MeasureId::stack_reserved, "stack reserved per thread (default)"},
    {MeasureId::switches_per_second, "switches per second"},
    {MeasureId::switch_round_trip, "round trip (two switches)"},
    {MeasureId::logical_cpus, "logical CPUs"},
    {MeasureId::device_memory, "device memory (rounded by the browser)"},
    {MeasureId::page_threads, "this page's threads (main + Web Workers running pthreads)"},
    {MeasureId::page_idle_workers, "pre-started Web Workers waiting for a pthread"},
    {MeasureId::processes, "processes (ps ax | wc -l)"},
    {MeasureId::threads_all, "threads, all processes"},
    {MeasureId::processes_per_cpu, "processes per CPU"},
    {MeasureId::threads_per_process, "threads per process"},
    {MeasureId::disk_write, "disk: 4 KiB write + fsync"},
    {MeasureId::disk_read, "disk: 4 KiB read"},
    {MeasureId::net_tcp, "network: loopback TCP round trip"},
    {MeasureId::net_fetch, "network: same-origin fetch round trip"},
};

std::string_view pair_words(IpcPair pair) { return pair == IpcPair::atomics_pipe ? "atomics / pipe" : "lock + queue / socketpair"; }

std::string workers_text(int n) { return std::to_string(n) + (n == 1 ? " worker" : " workers"); }

bool consume(std::string_view& text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return true;
}

bool consume_suffix(std::string_view& text, std::string_view suffix) {
    if (text.size() < suffix.size() || text.substr(text.size() - suffix.size()) != suffix) return false;
    text.remove_suffix(suffix.size());
    return true;
}

// "64 B", "16 KiB", "1 MiB" → bytes, only as size_text writes them.
std::optional<std::size_t> parse_size(std::string_view text) {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end == text.data()) return std::nullopt;
    const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    const std::size_t bytes = unit == " MiB" ? n << 20 : unit == " KiB" ? n << 10 : unit == " B" ? n : 0;
    if (bytes == 0 || size_text(bytes) != text) return std::nullopt;
    return bytes;
}

std::optional<int> parse_workers(std::string_view text) {
    int n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || n < 1 || std::string_view(end, static_cast<std::size_t>(text.data() + text.size() - end)) !=
                                          (n == 1 ? " worker" : " workers"))
        return std::nullopt;
    return n;
}

}  // namespace

std::string_view to_string(MeasureId id) {
    for (const auto& [each, text] : kIds)
        if (each == id) return text;
    return "unknown";
}

std::optional<MeasureId> parse_measure_id(std::string_view text) {
    for (const auto& [id, each] : kIds)
        if (each == text) return id;
    return std::nullopt;
}

std::string_view to_string(IpcPair pair) { return pair == IpcPair::atomics_pipe ? "atomics_pipe" : "lock_socketpair"; }

std::optional<IpcPair> parse_ipc_pair(std::string_view text) {
    for (IpcPair p : {IpcPair::atomics_pipe, IpcPair::lock_socketpair})
        if (to_string(p) == text) return p;
    return std::nullopt;
}

std::string_view to_string(StartMethod method) {
    switch (method) {
    case StartMethod::fork: return "fork";
    case StartMethod::forkserver: return "forkserver";
    case StartMethod::spawn: return "spawn";
    case StartMethod::none: break;
    }
    return "";
}

std::optional<StartMethod> parse_start_method(std::string_view text) {
    for (StartMethod m : {StartMethod::fork, StartMethod::forkserver, StartMethod::spawn})
        if (to_string(m) == text) return m;
    return std::nullopt;
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " B";
}

std::string english_name(const MeasureKey& key) {
    for (const auto& [id, name] : kFixedNames)
        if (id == key.id) return std::string(name);
    const std::string gil = key.gil ? ", GIL model" : "";
    switch (key.id) {
    case MeasureId::round_trip: return size_text(key.bytes) + " round trip (" + std::string(pair_words(key.pair)) + ")";
    case MeasureId::throughput: return size_text(key.bytes) + " throughput (" + std::string(pair_words(key.pair)) + ")";
    case MeasureId::speedup: return "speedup, " + workers_text(key.workers) + gil;
    case MeasureId::wall_time: return "wall time, " + workers_text(key.workers) + gil;
    case MeasureId::load: return "load, " + size_text(key.bytes) + " working set";
    case MeasureId::pool_first_result: return "pool worker: start to first result (" + std::string(to_string(key.start_method)) + ")";
    default: return {};
    }
}

std::optional<MeasureKey> key_from_name(std::string_view name) {
    for (const auto& [id, fixed] : kFixedNames)
        if (fixed == name) return MeasureKey{id};
    std::string_view rest = name;
    for (MeasureId id : {MeasureId::speedup, MeasureId::wall_time}) {
        rest = name;
        if (!consume(rest, id == MeasureId::speedup ? "speedup, " : "wall time, ")) continue;
        const bool gil = consume_suffix(rest, ", GIL model");
        if (auto n = parse_workers(rest)) return MeasureKey{id, 0, *n, gil};
    }
    rest = name;
    if (consume(rest, "pool worker: start to first result (") && consume_suffix(rest, ")"))
        if (auto method = parse_start_method(rest)) return MeasureKey{MeasureId::pool_first_result, 0, 0, false, IpcPair::atomics_pipe, *method};
    rest = name;
    if (consume(rest, "load, ") && consume_suffix(rest, " working set"))
        if (auto bytes = parse_size(rest)) return MeasureKey{MeasureId::load, *bytes};
    for (IpcPair pair : {IpcPair::atomics_pipe, IpcPair::lock_socketpair})
        for (MeasureId id : {MeasureId::round_trip, MeasureId::throughput}) {
            rest = name;
            const std::string tail = std::string(id == MeasureId::round_trip ? " round trip (" : " throughput (") +
                                     std::string(pair_words(pair)) + ")";
            if (consume_suffix(rest, tail))
                if (auto bytes = parse_size(rest)) return MeasureKey{id, *bytes, 0, false, pair};
        }
    return std::nullopt;
}

}  // namespace conclab::lab

// [SECTION] sizes and helpers · startup · memory · ipc · switch · scaling · system · latency · system figures · plan
#include "core/lab/lab_steps.h"
#include "core/base/utf8.h"

#include "core/lab/latency_ladder.h"
#include "core/primes/least_prime_factor.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

namespace conclab::lab {

// [SECTION] sizes and helpers

std::string english(const StepName& n) {
    switch (n.id) {
    case StepId::thread_start: return "threads: create + join";
    case StepId::thread_beyond_pool: return "threads: beyond the pre-started pool";
    case StepId::spawn: return "processes: posix_spawn + wait";
    case StepId::fork: return "processes: fork + wait";
    case StepId::coroutine_start: return "coroutines: create + run";
    case StepId::idle_threads: return "threads: idle, blocked on a condition variable";
    case StepId::idle_processes: return "processes: idle children";
    case StepId::idle_coroutines: return "coroutines: suspended";
    case StepId::thread_stack: return "threads: default stack size";
    case StepId::ipc_atomics: return "threads: atomics, " + size_text(n.bytes);
    case StepId::ipc_pipe: return "processes: a pipe each way, " + size_text(n.bytes);
    case StepId::ipc_queue: return "threads: mutex + condvar queue, " + size_text(n.bytes);
    case StepId::ipc_socketpair: return "processes: a socketpair, " + size_text(n.bytes);
    case StepId::ipc_notes: return "notes";
    case StepId::pingpong_threads: return "threads: ping-pong";
    case StepId::pingpong_processes: return "processes: ping-pong";
    case StepId::pingpong_coroutines: return "coroutines: ping-pong";
    case StepId::scaling_workload: return "choosing the workload";
    case StepId::scaling_run: {
        std::string text(exec::to_string(n.kind));
        text += ", " + std::to_string(n.workers) + (n.workers > 1 ? " workers" : " worker");
        if (n.tries > 1) text += " (try " + std::to_string(n.attempt) + "/" + std::to_string(n.tries) + ")";
        return text;
    }
    case StepId::scaling_speedups: return "speedups";
    case StepId::system_proc: return "processes and threads from /proc";
    case StepId::chase: return "pointer chase, " + size_text(n.bytes);
    case StepId::disk: return "disk: 4 KiB write + fsync, read";
    case StepId::net_tcp: return "network: loopback TCP round trip";
    case StepId::net_fetch: return "network: same-origin fetch round trip";
    case StepId::ladder: return "the latency ladder";
    case StepId::cpython: return "CPython: lab.py's measures";
    }
    return {};
}

LabSizes lab_sizes(bool quick) {
    if (quick)
        return {.thread_starts = 50, .process_starts = 30, .coroutine_starts_per_sample = 1000, .coroutine_start_samples = 5,
                .idle_threads = 64, .idle_thread_rounds = 3, .idle_processes = 4, .idle_coroutines = 2000,
                .idle_coroutine_rounds = 3, .small_round_trips = 300, .large_round_trips = 5,
                .switches_per_sample = 500, .switch_samples = 5, .workload_bits = 44, .workload_repeats = 5,
                .largest_working_set = std::size_t{32} << 20, .chase_loads = 200'000, .chase_samples = 3,
                .disk_rounds = 10, .tcp_round_trips = 200};
    return {.thread_starts = 300, .process_starts = 200, .coroutine_starts_per_sample = 10'000, .coroutine_start_samples = 15,
            .idle_threads = 200, .idle_thread_rounds = 5, .idle_processes = 12, .idle_coroutines = 20'000,
            .idle_coroutine_rounds = 5, .small_round_trips = 3000, .large_round_trips = 30,
            .switches_per_sample = 5000, .switch_samples = 11, .workload_bits = 46, .workload_repeats = 3,
            .largest_working_set = std::size_t{256} << 20, .chase_loads = 400'000, .chase_samples = 5,
            .disk_rounds = 50, .tcp_round_trips = 2000};
}

std::vector<int> scaling_workers(int logical_cpus) {
    const int most = std::clamp(2 * std::max(1, logical_cpus), 1, exec::kMaxWorkers);
    std::vector<int> counts;
    for (int n = 1; n <= most; n = n < 8 ? n + 1 : n * 2) counts.push_back(n);
    if (counts.back() != most) counts.push_back(most);
    return counts;
}

std::vector<std::uint64_t> scaling_numbers(int bits, int count) {
    std::vector<std::uint64_t> numbers;
    for (std::uint64_t n = (std::uint64_t{1} << bits) - 1; static_cast<int>(numbers.size()) < count && n > 2; --n)
        if (primes::is_prime(n)) numbers.push_back(n);
    return numbers;
}

namespace {

constexpr double kKiB = 1024;

// The row of `key`, made (named in English by english_name) when the section has none yet.
Measure& row(Section& section, const MeasureKey& key) {
    for (auto& m : section.measures)
        if (m.key == key) return m;
    Measure fresh;
    fresh.key = key;
    fresh.name = english_name(key);
    section.measures.push_back(std::move(fresh));
    return section.measures.back();
}

void put(Section& section, const MeasureKey& key, Column column, Figure figure) { row(section, key).figures[column] = std::move(figure); }

void put_missing(Section& section, const MeasureKey& key, Column column, Reason why) {
    row(section, key).missing[column] = std::move(why);
}

constexpr MeasureKey key(MeasureId id) { return MeasureKey{id}; }

Figure memory_figure(const std::vector<double>& bytes, const Method& method) {
    return summarize(scaled(bytes, 1 / kKiB), "KiB", method);
}

void put_memory(Section& section, Column column, const MemorySamples& m) {
    if (!m.resident_bytes.empty()) put(section, key(MeasureId::resident_each), column, memory_figure(m.resident_bytes, m.method));
    else if (m.resident_unknown) put_missing(section, key(MeasureId::resident_each), column, *m.resident_unknown);
    if (!m.wasm_memory_bytes.empty())
        put(section, key(MeasureId::wasm_each), column, memory_figure(m.wasm_memory_bytes, m.method));
    if (!m.virtual_bytes.empty()) put(section, key(MeasureId::virtual_each), column, memory_figure(m.virtual_bytes, m.method));
    else if (!m.wasm_memory_bytes.empty())
        put_missing(section, key(MeasureId::virtual_each), column, ReasonId::no_address_space);
    else put_missing(section, key(MeasureId::virtual_each), column, ReasonId::reserves_nothing);
    if (!m.proportional_bytes.empty())
        put(section, key(MeasureId::pss_each), column, memory_figure(m.proportional_bytes, m.method));
}

// [SECTION] startup

void add_startup(std::vector<LabStep>& steps, const LabSizes& z) {
    const MeasureKey one = key(MeasureId::start_one);
    steps.push_back({Suite::startup, StepName{StepId::thread_start}, 1, [one, z](Probes& p, Section& s) {
                         auto samples = p.start_units(StartKind::thread, z.thread_starts);
                         put(s, one, Column::threads, summarize(scaled(samples.values, 1e6), "µs", samples.method));
                     }});
    steps.push_back({Suite::startup, StepName{StepId::thread_beyond_pool}, 1, [z](Probes& p, Section& s) {
                         if (auto samples = p.start_threads_beyond_pool(std::max(3, z.thread_starts / 10)))
                             put(s, key(MeasureId::start_beyond_pool), Column::threads,
                                 summarize(scaled(samples->values, 1e6), "µs", samples->method));
                     }});
    steps.push_back({Suite::startup, StepName{StepId::spawn}, 2, [one, z](Probes& p, Section& s) {
                         auto samples = p.start_units(StartKind::spawn, z.process_starts);
                         put(s, one, Column::processes, summarize(scaled(samples.values, 1e6), "µs", samples.method));
                     }});
    steps.push_back({Suite::startup, StepName{StepId::fork}, 2, [z](Probes& p, Section& s) {
                         const MeasureKey name = key(MeasureId::fork_wait);
                         try {
                             auto samples = p.start_units(StartKind::fork, z.process_starts);
                             put(s, name, Column::processes, summarize(scaled(samples.values, 1e6), "µs", samples.method));
                         } catch (const std::exception& e) {
                             put_missing(s, name, Column::processes, reason_of(e));
                         }
                     }});
    steps.push_back({Suite::startup, StepName{StepId::coroutine_start}, 1, [one, z](Probes& p, Section& s) {
                         if (auto samples = p.start_coroutines(z.coroutine_starts_per_sample, z.coroutine_start_samples))
                             put(s, one, Column::coroutines, summarize(scaled(samples->values, 1e6), "µs", samples->method));
                         else
                             put_missing(s, one, Column::coroutines, ReasonId::event_loop);
                     }});
}

// [SECTION] memory

void add_memory(std::vector<LabStep>& steps, const LabSizes& z) {
    steps.push_back({Suite::memory, StepName{StepId::idle_threads}, 1, [z](Probes& p, Section& s) {
                         put_memory(s, Column::threads, p.idle_threads(z.idle_threads, z.idle_thread_rounds));
                     }});
    steps.push_back({Suite::memory, StepName{StepId::idle_processes}, 2, [z](Probes& p, Section& s) {
                         put_memory(s, Column::processes, p.idle_processes(z.idle_processes));
                     }});
    steps.push_back({Suite::memory, StepName{StepId::idle_coroutines}, 1, [z](Probes& p, Section& s) {
                         if (auto m = p.idle_coroutines(z.idle_coroutines, z.idle_coroutine_rounds))
                             put_memory(s, Column::coroutines, *m);
                         else {
                             put_missing(s, key(MeasureId::resident_each), Column::coroutines, ReasonId::event_loop);
                             put_missing(s, key(MeasureId::virtual_each), Column::coroutines, ReasonId::event_loop);
                         }
                     }});
    steps.push_back({Suite::memory, StepName{StepId::thread_stack}, 0.2, [](Probes& p, Section& s) {
                         const StackFacts stack = p.thread_stack();
                         put(s, key(MeasureId::stack_reserved), Column::threads,
                             summarize({stack.default_stack_bytes / kKiB}, "KiB", stack.method));
                         Note verdict{NoteId::stack, {format_number(stack.default_stack_bytes / (kKiB * kKiB)), ""}};
                         if (const Measure* resident = s.find(key(MeasureId::resident_each)); resident && resident->at(Column::threads))
                             verdict.args[1] = format_number(resident->at(Column::threads)->value);
                         if (stack.no_stack_limit) verdict.args.insert(verdict.args.end(), {"browser", ""});
                         else if (stack.stack_limit_bytes) verdict.args.insert(verdict.args.end(), {"kib", format_number(*stack.stack_limit_bytes / kKiB)});
                         else verdict.args.insert(verdict.args.end(), {"unlimited", ""});
                         add_note(s, std::move(verdict));
                     }});
}

// [SECTION] ipc

void add_ipc(std::vector<LabStep>& steps, const LabSizes& z) {
    struct Pairing {
        Channel channel;
        Column column;
        IpcPair pair;   // the row shared by a thread channel and a process channel
        StepId step;
    };
    static const Pairing kPairings[] = {
        {Channel::atomics, Column::threads, IpcPair::atomics_pipe, StepId::ipc_atomics},
        {Channel::pipe, Column::processes, IpcPair::atomics_pipe, StepId::ipc_pipe},
        {Channel::mutex_queue, Column::threads, IpcPair::lock_socketpair, StepId::ipc_queue},
        {Channel::socketpair, Column::processes, IpcPair::lock_socketpair, StepId::ipc_socketpair},
    };
    for (std::size_t bytes : {std::size_t{64}, std::size_t{1} << 20}) {
        const bool small = bytes < 1024;
        for (const auto& pairing : kPairings) {
            steps.push_back({Suite::ipc, StepName{pairing.step, bytes}, small ? 0.5 : 1,
                             [pairing, bytes, small, z](Probes& p, Section& s) {
                                 const MeasureKey trip{MeasureId::round_trip, bytes, 0, false, pairing.pair};
                                 const MeasureKey rate{MeasureId::throughput, bytes, 0, false, pairing.pair};
                                 Samples rt;
                                 try {
                                     rt = p.round_trips(pairing.channel, bytes, small ? z.small_round_trips : z.large_round_trips);
                                 } catch (const std::exception& e) {
                                     put_missing(s, trip, pairing.column, reason_of(e));
                                     put_missing(s, rate, pairing.column, reason_of(e));
                                     return;
                                 }
                                 put(s, trip, pairing.column,
                                     summarize(scaled(rt.values, 1e6), "µs", rt.method));
                                 // Both directions carry the message: 2 × size per round trip.
                                 put(s, rate, pairing.column,
                                     summarize(inverted(rt.values, 2.0 * static_cast<double>(bytes) / 1e6), "MB/s",
                                               rt.method.followed_by(MethodId::then_throughput)));
                             }});
        }
    }
    steps.push_back({Suite::ipc, StepName{StepId::ipc_notes}, 0, [](Probes&, Section& s) {
                         add_note(s, {NoteId::ipc_coroutines, {}});
                     }});
}

// [SECTION] switch

void add_switch(std::vector<LabStep>& steps, const LabSizes& z) {
    const MeasureKey rate = key(MeasureId::switches_per_second), trip = key(MeasureId::switch_round_trip);
    auto put_pair = [rate, trip](Section& s, Column column, const Samples& rt) {
        put(s, rate, column, summarize(inverted(rt.values, 2.0), "switches/s", rt.method));
        put(s, trip, column, summarize(scaled(rt.values, 1e6), "µs", rt.method));
    };
    steps.push_back({Suite::switches, StepName{StepId::pingpong_threads}, 1, [z, put_pair](Probes& p, Section& s) {
                         put_pair(s, Column::threads, p.ping_pong(PingPongPair::threads, z.switches_per_sample, z.switch_samples));
                     }});
    steps.push_back({Suite::switches, StepName{StepId::pingpong_processes}, 1, [z, put_pair](Probes& p, Section& s) {
                         put_pair(s, Column::processes,
                                  p.ping_pong(PingPongPair::processes, z.switches_per_sample, z.switch_samples));
                     }});
    steps.push_back({Suite::switches, StepName{StepId::pingpong_coroutines}, 0.5, [z, put_pair, rate, trip](Probes& p, Section& s) {
                         if (auto rt = p.coroutine_ping_pong(z.switches_per_sample, z.switch_samples)) {
                             put_pair(s, Column::coroutines, *rt);
                         } else {
                             put_missing(s, rate, Column::coroutines, ReasonId::event_loop);
                             put_missing(s, trip, Column::coroutines, ReasonId::event_loop);
                         }
                     }});
}

// [SECTION] scaling

struct ScalingState {
    std::vector<std::uint64_t> numbers;
    std::map<std::pair<exec::ExecutorKind, int>, std::vector<double>> wall_s;
};

Method scaling_method(exec::ExecutorKind kind, std::size_t numbers, int bits, int tries) {
    const char* pool = kind == exec::ExecutorKind::processes ? "processes" : kind == exec::ExecutorKind::gil ? "gil" : "threads";
    return {MethodId::scaling, {std::to_string(numbers), std::to_string(bits), pool, std::to_string(tries)}};
}

// The fastest try's figure (the least disturbed), min–max over all tries as its spread.
Figure fastest_figure(const std::vector<double>& values, double fastest_value, std::string unit, Method method) {
    Figure f = summarize(values, std::move(unit), std::move(method));
    f.value = fastest_value;
    f.spread_low = *std::min_element(values.begin(), values.end());
    f.spread_high = *std::max_element(values.begin(), values.end());
    f.spread_kind = kSpreadRange;
    return f;
}

void add_scaling(std::vector<LabStep>& steps, const LabSizes& z, int logical_cpus) {
    const auto workers = scaling_workers(logical_cpus);
    auto state = std::make_shared<ScalingState>();
    const int count = std::max(24, 2 * workers.back());
    const int bits = z.workload_bits;
    steps.push_back({Suite::scaling, StepName{StepId::scaling_workload}, 0.1,
                     [state, count, bits](Probes&, Section&) { state->numbers = scaling_numbers(bits, count); }});
    // The tries go round every configuration in turn, so that a burst of load from another program spoils one try
    // of several configurations rather than every try of one; each round starts with another kind and walks the
    // worker counts the other way, so that no configuration always follows the same one (a process pool's teardown).
    const int tries = z.workload_repeats;
    const exec::ExecutorKind kinds[] = {exec::ExecutorKind::threads, exec::ExecutorKind::processes, exec::ExecutorKind::gil};
    for (int r = 0; r < tries; ++r)
        for (int k = 0; k < 3; ++k)
            for (std::size_t i = 0; i < workers.size(); ++i) {
                const auto kind = kinds[(k + r) % 3];
                const int n = r % 2 == 0 ? workers[i] : workers[workers.size() - 1 - i];
                const StepName label{StepId::scaling_run, 0, kind, n, r + 1, tries};
                // The GIL model takes the 1-worker time at every count; the others divide it.
                const double weight = kind == exec::ExecutorKind::gil ? 3.0 : 3.0 / std::min(n, std::max(1, logical_cpus));
                steps.push_back({Suite::scaling, label, weight, [state, kind, n](Probes& p, Section&) {
                                     state->wall_s[{kind, n}].push_back(p.run_workload(kind, n, state->numbers));
                                 }});
            }
    steps.push_back({Suite::scaling, StepName{StepId::scaling_speedups}, 0, [state, workers, bits, logical_cpus, tries](Probes&, Section& s) {
                         for (auto kind : {exec::ExecutorKind::threads, exec::ExecutorKind::processes, exec::ExecutorKind::gil}) {
                             auto one = state->wall_s.find({kind, 1});
                             if (one == state->wall_s.end() || one->second.empty()) continue;
                             const double base = *std::min_element(one->second.begin(), one->second.end());
                             const Column column = kind == exec::ExecutorKind::processes ? Column::processes : Column::threads;
                             const std::string suffix = kind == exec::ExecutorKind::gil ? ", GIL model" : "";
                             const Method method = scaling_method(kind, state->numbers.size(), bits, tries);
                             for (int n : workers) {
                                 auto it = state->wall_s.find({kind, n});
                                 if (it == state->wall_s.end() || it->second.empty()) continue;
                                 const bool gil = kind == exec::ExecutorKind::gil;
                                 Measure& speed = row(s, MeasureKey{MeasureId::speedup, 0, n, gil});
                                 speed.curve = "speedup" + suffix;
                                 speed.x = n;
                                 speed.x_unit = "workers";
                                 const double fastest = *std::min_element(it->second.begin(), it->second.end());
                                 speed.figures[column] = fastest_figure(inverted(it->second, base), base / fastest, "x", method);
                                 Measure& wall = row(s, MeasureKey{MeasureId::wall_time, 0, n, gil});
                                 wall.curve = "wall time" + suffix;
                                 wall.x = n;
                                 wall.x_unit = "workers";
                                 wall.figures[column] = fastest_figure(it->second, fastest, "s", method);
                             }
                         }
                         add_note(s, {NoteId::ideal_speedup, {std::to_string(logical_cpus)}});
                     }});
}

// [SECTION] system

void add_system(std::vector<LabStep>& steps) {
    steps.push_back({Suite::system, StepName{StepId::system_proc}, 0.5,
                     [](Probes& p, Section& s) { add_system_figures(p.system_snapshot(), s); }});
}

// [SECTION] latency

std::vector<std::size_t> working_sets(std::size_t largest) {
    std::vector<std::size_t> sizes;
    for (std::size_t b = 4096; b <= largest; b *= 2) sizes.push_back(b);
    return sizes;
}

// The chase row that stands for a cache level: the largest working set at most half the level's size.
std::optional<std::pair<std::size_t, double>> chase_at_most(const Section& s, std::size_t bytes) {
    std::optional<std::pair<std::size_t, double>> best;
    for (const auto& m : s.measures)
        if (m.curve == "pointer chase" && m.x && *m.x <= static_cast<double>(bytes) && m.at(Column::machine))
            if (!best || *m.x > static_cast<double>(best->first)) best = {static_cast<std::size_t>(*m.x), m.at(Column::machine)->value};
    return best;
}

void add_latency(std::vector<LabStep>& steps, const LabSizes& z) {
    for (std::size_t bytes : working_sets(z.largest_working_set)) {
        const double weight = 0.2 + static_cast<double>(bytes) / static_cast<double>(std::size_t{64} << 20);
        steps.push_back({Suite::latency, StepName{StepId::chase, bytes}, weight, [bytes, z](Probes& p, Section& s) {
                             auto ns = p.pointer_chase(bytes, z.chase_loads, z.chase_samples);
                             Measure& m = row(s, MeasureKey{MeasureId::load, bytes});
                             m.curve = "pointer chase";
                             m.x = static_cast<double>(bytes);
                             m.x_unit = "B";
                             m.figures[Column::machine] = summarize(ns.values, "ns", ns.method);
                         }});
    }
    steps.push_back({Suite::latency, StepName{StepId::disk}, 1, [z](Probes& p, Section& s) {
                         DiskSamples d;
                         try {
                             d = p.disk_write_read(z.disk_rounds);
                         } catch (const std::exception& e) {
                             put_missing(s, key(MeasureId::disk_write), Column::machine, reason_of(e));
                             put_missing(s, key(MeasureId::disk_read), Column::machine, reason_of(e));
                             return;
                         }
                         put(s, key(MeasureId::disk_write), Column::machine, summarize(scaled(d.write_fsync.values, 1e6), "µs", d.write_fsync.method));
                         put(s, key(MeasureId::disk_read), Column::machine, summarize(scaled(d.read.values, 1e6), "µs", d.read.method));
                         add_note(s, {NoteId::disk_where, {d.folder, d.filesystem}});
                     }});
    steps.push_back({Suite::latency, StepName{StepId::net_tcp}, 0.5, [z](Probes& p, Section& s) {
                         try {
                             auto rt = p.tcp_round_trips(z.tcp_round_trips);
                             put(s, key(MeasureId::net_tcp), Column::machine, summarize(scaled(rt.values, 1e6), "µs", rt.method));
                         } catch (const std::exception& e) {
                             put_missing(s, key(MeasureId::net_tcp), Column::machine, reason_of(e));
                         }
                     }});
    steps.push_back({Suite::latency, StepName{StepId::net_fetch}, 0.5, [z](Probes& p, Section& s) {
                         if (auto rt = p.fetch_round_trips(std::max(10, z.tcp_round_trips / 10)))
                             put(s, key(MeasureId::net_fetch), Column::machine,
                                 summarize(scaled(rt->values, 1e6), "µs", rt->method));
                     }});
    steps.push_back({Suite::latency, StepName{StepId::ladder}, 0.1, [](Probes& p, Section& s) {
                         const CpuClock clock = p.cpu_clock();
                         std::map<int, std::size_t> cache_bytes{{1, 32 * 1024}, {2, 256 * 1024}, {3, 8 << 20}};
                         for (const auto& level : p.cache_levels()) cache_bytes[level.level] = level.bytes;
                         auto rungs = talk_ladder();
                         auto set_rung = [&rungs](const std::string& name, std::optional<double> ns, RungSource as) {
                             for (auto& r : rungs)
                                 if (r.name == name) {
                                     r.measured_ns = ns;
                                     r.source = std::move(as);
                                     r.measured_as = english(r.source);
                                 }
                         };
                         for (int level : {1, 2, 3})
                             if (auto chase = chase_at_most(s, cache_bytes[level] / 2))
                                 set_rung("L" + std::to_string(level), chase->second, {RungSourceId::chase, chase->first});
                         std::optional<std::pair<std::size_t, double>> largest;
                         for (const auto& m : s.measures)
                             if (m.curve == "pointer chase" && m.x && m.at(Column::machine) && (!largest || *m.x > static_cast<double>(largest->first)))
                                 largest = {static_cast<std::size_t>(*m.x), m.at(Column::machine)->value};
                         if (largest) {
                             const std::size_t last_cache = cache_bytes.rbegin()->second;
                             set_rung("RAM", largest->second,
                                      largest->first > last_cache ? RungSource{RungSourceId::chase, largest->first}
                                                                  : RungSource{RungSourceId::chase_cached, largest->first, last_cache});
                         }
                         if (const Measure* disk = s.find(key(MeasureId::disk_write)); disk && disk->at(Column::machine))
                             set_rung("disk", disk->at(Column::machine)->value * 1e3, {RungSourceId::fsync});
                         if (const Measure* net = s.find(key(MeasureId::net_tcp)); net && net->at(Column::machine))
                             set_rung("network", net->at(Column::machine)->value * 1e3, {RungSourceId::loopback});
                         else if (const Measure* fetch = s.find(key(MeasureId::net_fetch)); fetch && fetch->at(Column::machine))
                             set_rung("network", fetch->at(Column::machine)->value * 1e3, {RungSourceId::fetch});
                         if (const Measure* disk = s.find(key(MeasureId::disk_write)); disk && !disk->at(Column::machine))
                             if (auto why = disk->missing.find(Column::machine); why != disk->missing.end())
                                 set_rung("disk", std::nullopt, {RungSourceId::missing, 0, 0, why->second});
                         s.tables.push_back(ladder_table(rungs, clock.ghz));
                         s.ladder = rungs;
                         s.ladder_ghz = clock.ghz;
                         add_note(s, {NoteId::cycles, {std::string(to_string(clock.source))}});
                         if (s.find(key(MeasureId::net_tcp)) && s.find(key(MeasureId::net_tcp))->at(Column::machine))
                             add_note(s, {NoteId::network_loopback, {}});
                         else if (s.find(key(MeasureId::net_fetch)))
                             add_note(s, {NoteId::network_fetch, {}});
                     }});
}

}  // namespace

// [SECTION] system figures

void add_system_figures(const SystemSnapshot& snap, Section& s) {
    const double processes = static_cast<double>(snap.processes.size());
    std::vector<double> threads;
    double total = 0;
    for (const auto& proc : snap.processes) {
        threads.push_back(proc.threads);
        total += proc.threads;
    }
    put(s, key(MeasureId::logical_cpus), Column::machine, summarize({static_cast<double>(snap.logical_cpus)}, "CPUs", snap.method));
    if (snap.device_memory_gib)
        put(s, key(MeasureId::device_memory), Column::machine, summarize({*snap.device_memory_gib}, "GiB", snap.method));
    if (snap.page_threads)
        put(s, key(MeasureId::page_threads), Column::machine,
            summarize({static_cast<double>(*snap.page_threads)}, "threads", snap.page_method));
    if (snap.page_idle_workers)
        put(s, key(MeasureId::page_idle_workers), Column::machine,
            summarize({static_cast<double>(*snap.page_idle_workers)}, "workers", snap.page_method));
    if (snap.processes_unknown) {
        for (MeasureId id : {MeasureId::processes, MeasureId::threads_all, MeasureId::processes_per_cpu, MeasureId::threads_per_process})
            put_missing(s, key(id), Column::machine, *snap.processes_unknown);
        return;
    }
    put(s, key(MeasureId::processes), Column::machine, summarize({processes}, "processes", snap.method));
    put(s, key(MeasureId::threads_all), Column::machine, summarize({total}, "threads", snap.method));
    if (snap.logical_cpus > 0)
        put(s, key(MeasureId::processes_per_cpu), Column::machine, summarize({processes / snap.logical_cpus}, "per CPU", snap.method));
    if (!threads.empty()) put(s, key(MeasureId::threads_per_process), Column::machine, summarize(threads, "threads", snap.method));
    auto top = snap.processes;
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return std::tie(b.threads, a.pid) < std::tie(a.threads, b.pid); });
    if (top.size() > 10) top.resize(10);
    Table t{kTopProcessesTable, "Top processes by thread count", {"name", "pid", "threads"}, {}};
    // A name the kernel cut at 15 bytes may end inside a UTF-8 character: repaired before it reaches JSON.
    for (const auto& proc : top) t.rows.push_back({utf8::repair(proc.name), std::to_string(proc.pid), std::to_string(proc.threads)});
    s.tables.push_back(std::move(t));
}

// [SECTION] plan

std::vector<LabStep> plan_steps(const LabOptions& options, int logical_cpus) {
    const LabSizes z = lab_sizes(options.quick);
    std::vector<LabStep> steps;
    for (Suite suite : options.suites()) {
        switch (suite) {
        case Suite::startup: add_startup(steps, z); break;
        case Suite::memory: add_memory(steps, z); break;
        case Suite::ipc: add_ipc(steps, z); break;
        case Suite::switches: add_switch(steps, z); break;
        case Suite::scaling: add_scaling(steps, z, logical_cpus); break;
        case Suite::system: add_system(steps); break;
        case Suite::latency: add_latency(steps, z); break;
        }
    }
    return steps;
}

}  // namespace conclab::lab

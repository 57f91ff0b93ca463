// How a lab figure was measured (Method) and why a cell has no figure (Reason), as data: an id and its parameters.
// english() words them for the JSON's "method"/"missing" and the CLI; the UI words the same ids in each language
// (ui/text/text_lab_methods), its English checked against english() by ui_text_tests.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::lab {

/// @brief The lab's methods. Arguments are numbers, paths and the platform's own names, never sentences.
enum class MethodId {
    text,  ///< as written (a JSON exported before ids, a test's fake): args[0] is the sentence
    thread_start,
    spawn_self,     ///< posix_spawn of `conclab noop`
    spawn_program,  ///< posix_spawn of a tiny program: {path}
    fork,
    coroutine_start,        ///< {per sample}
    idle_threads,           ///< {count}
    idle_processes_worker,  ///< {count}
    idle_processes_cat,     ///< {count}
    idle_coroutines_heap,   ///< {count}
    idle_coroutines_rss,    ///< {count}
    stack,
    atomics,             ///< {bytes}
    queue,               ///< {bytes}
    pipe,                ///< {bytes}
    socketpair,          ///< {bytes}
    thread_pingpong,     ///< {per sample}
    process_pingpong,    ///< {per sample}
    coroutine_pingpong,  ///< {per sample}
    scaling,             ///< {numbers, bits, pool: "threads"|"processes"|"gil", tries}
    proc,
    chase,   ///< {loads, nodes, bytes}
    pwrite,  ///< {folder, file system (filesystem_words' ids)}
    pread,
    tcp,
    web_thread_start,
    web_thread_beyond_pool,
    web_worker_start,     ///< {count}
    web_idle_threads,     ///< {count}
    web_idle_workers,     ///< {count}
    web_idle_coroutines,  ///< {count}
    web_stack,
    web_post,           ///< {bytes}
    web_post_pingpong,  ///< {per sample}
    web_atomics,        ///< {bytes}
    web_queue,          ///< {bytes}
    web_pingpong,       ///< {per sample}
    web_browser,
    web_page_workers,
    web_chase,  ///< {loads, nodes, bytes}
    web_fetch,
    // python/lab.py's (the CPython columns)
    python_interpreter_start,   ///< {interpreter's file name}
    python_pool_first_result,   ///< {start method}
    python_thread_start,
    python_task_start,          ///< {per sample}
    python_idle_threads,        ///< {count}
    python_idle_processes,      ///< {count, start method}
    python_idle_coroutines,     ///< {count}
    python_queue,               ///< {bytes, per sample}
    python_pipe,                ///< {bytes, start method, per sample}
    // sentences that follow another (Method::then)
    then_throughput,
    then_relay,
    then_coarse,  ///< {per sample}
    count_,
};

struct Method {
    MethodId id = MethodId::text;
    std::vector<std::string> args;
    std::vector<Method> then;  ///< sentences that follow, in order

    Method() = default;
    Method(MethodId method, std::vector<std::string> arguments = {}) : id(method), args(std::move(arguments)) {}
    /// A sentence as written: a JSON exported before methods had ids, a test's fake probe.
    Method(std::string text) : args{std::move(text)} {}
    Method(const char* text) : Method(std::string(text)) {}

    /// @brief This method followed by `next`.
    Method followed_by(Method next) const;
    bool empty() const { return id == MethodId::text && (args.empty() || args[0].empty()) && then.empty(); }
    bool operator==(const Method&) const = default;
};

/// @brief Why a cell has no figure.
enum class ReasonId {
    text,              ///< as written, or the platform's own error (args[0]): shown as it is
    event_loop,        ///< coming with the event loop
    reserves_nothing,  ///< a coroutine reserves no address space beyond what it uses
    no_address_space,  ///< web: see the wasm memory row
    no_os_processes,   ///< web: the OS's processes and threads
    no_worker_rss,     ///< web: a Worker's resident memory
    no_worker_ram,     ///< web: a Worker's RAM
    no_fork,           ///< web
    no_socketpair,     ///< web
    no_disk,           ///< web
    no_tcp,            ///< web
    no_start_method,   ///< CPython: {start method} is not available on this platform
    count_,
};

struct Reason {
    ReasonId id = ReasonId::text;
    std::vector<std::string> args;

    Reason() = default;
    Reason(ReasonId reason) : id(reason) {}
    Reason(std::string text) : args{std::move(text)} {}
    Reason(const char* text) : Reason(std::string(text)) {}
    bool operator==(const Reason&) const = default;
};

/// @brief What a probe throws where its platform cannot measure at all (the web's fork, disk, TCP): the reason typed.
class Unmeasurable : public std::runtime_error {
public:
    explicit Unmeasurable(ReasonId reason);
    ReasonId reason;
};

/// @brief The reason of a probe's failure: Unmeasurable's id, else the error's own text.
Reason reason_of(const std::exception& error);

std::string_view to_string(MethodId id);
std::optional<MethodId> parse_method_id(std::string_view text);
std::string_view to_string(ReasonId id);
std::optional<ReasonId> parse_reason_id(std::string_view text);

/// @brief The sentence(s) in English: the JSON's "method", the CLI's "how:".
std::string english(const Method& method);
std::string english(const Reason& reason);
/// @brief A file system as the disk figures name it: "ext4", "tmpfs: memory, not a disk", "unknown file system".
std::string filesystem_english(const std::string& filesystem);

/// @brief {"id", "args", "then"} (then only when there is one); read back by method_from_json (nullopt: not one).
nlohmann::json to_json(const Method& method);
std::optional<Method> method_from_json(const nlohmann::json& j);

}  // namespace conclab::lab

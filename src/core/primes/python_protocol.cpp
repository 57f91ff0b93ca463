// python/primes.py's line protocol, read without the platform, and the script job that runs it (python_protocol.h).
#include "core/primes/python_protocol.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <stdexcept>

namespace conclab::primes {

namespace {
constexpr std::string_view kRuntimeNames[] = {"cpp", "python"};

bool parse_u64(const nlohmann::json& value, std::uint64_t& out) {
    if (!value.is_string()) return false;
    const std::string& text = value.get_ref<const std::string&>();
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size() && !text.empty();
}

CpuSeconds read_cpu(const nlohmann::json& value) {
    CpuSeconds cpu;
    cpu.user_s = value.at("user_s").get<double>();
    cpu.sys_s = value.at("sys_s").get<double>();
    return cpu;
}
}  // namespace

std::string_view to_string(Runtime runtime) { return kRuntimeNames[static_cast<int>(runtime)]; }
std::span<const std::string_view> runtime_choices() { return kRuntimeNames; }

ProtocolLine parse_protocol_line(std::string_view line) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return BadLine{"not a JSON object"};
    const auto event = doc.find("event");
    if (event == doc.end() || !event->is_string()) return BadLine{"no event"};
    try {
        if (*event == "hello") {
            HelloLine hello;
            hello.python = doc.at("python").get<std::string>();
            hello.gil = doc.at("gil").get<bool>();
            if (auto m = doc.find("start_method"); m != doc.end() && m->is_string()) hello.start_method = m->get<std::string>();
            return hello;
        }
        if (*event == "result") {
            ResultLine r;
            if (!doc.at("i").is_number_unsigned()) return BadLine{"i must be a whole number from 0"};
            r.index = doc.at("i").get<std::size_t>();
            if (!parse_u64(doc.at("n"), r.n) || !parse_u64(doc.at("lpf"), r.lpf))
                return BadLine{"n and lpf must be decimal strings"};
            r.worker = doc.at("worker").get<std::string>();
            r.started = doc.at("started").get<double>();
            r.finished = doc.at("finished").get<double>();
            return r;
        }
        if (*event == "end") {
            EndLine end;
            end.wall_s = doc.at("wall_s").get<double>();
            end.self = read_cpu(doc.at("rusage").at("self"));
            end.children = read_cpu(doc.at("rusage").at("children"));
            return end;
        }
    } catch (const nlohmann::json::exception& e) {
        return BadLine{std::string("malformed ") + event->get<std::string>() + " line: " + e.what()};
    }
    return BadLine{"unknown event"};
}

exec::ScriptEvent to_script_event(const ProtocolLine& line) {
    if (const auto* hello = std::get_if<HelloLine>(&line)) return exec::ScriptStarted{hello->start_method};
    if (const auto* r = std::get_if<ResultLine>(&line))
        return exec::ScriptResult{r->index, std::to_string(r->lpf), r->worker, r->started, r->finished};
    if (const auto* end = std::get_if<EndLine>(&line)) return exec::ScriptEnded{end->total()};
    return exec::ScriptBadLine{"CPython's output is not the protocol: " + std::get<BadLine>(line).why};
}

exec::ScriptJob python_job(exec::ExecutorKind kind, int workers) {
    if (kind == exec::ExecutorKind::gil) throw std::invalid_argument("the GIL model is C++'s; CPython brings its own GIL");
    exec::ScriptJob job;
    job.script = "primes.py";
    job.arguments = {"--stdin", "--executor", std::string(exec::to_string(kind)), "--workers",
                     std::to_string(kind == exec::ExecutorKind::sequential ? 1 : workers)};
    job.read_line = [](std::string_view text) { return to_script_event(parse_protocol_line(text)); };
    return job;
}

}  // namespace conclab::primes

// python/wikipics.py's line protocol, read without the platform, and the script job that runs it (python_protocol.h).
#include "core/wikipics/python_protocol.h"

#include "core/wikipics/wikipics_run.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace conclab::wikipics {

namespace {

std::optional<std::string> optional_text(const nlohmann::json& doc, const char* key) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace

ScriptLine parse_script_line(std::string_view line) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return ScriptBad{"not a JSON object"};
    const auto event = doc.find("event");
    if (event == doc.end() || !event->is_string()) return ScriptBad{"no event"};
    try {
        if (*event == "hello") {
            ScriptHello hello;
            hello.python = doc.at("python").get<std::string>();
            hello.http = doc.at("http").get<std::string>();
            hello.decode = doc.at("decode").get<std::string>();
            hello.t0 = doc.at("t0").get<double>();
            return hello;
        }
        if (*event == "result") {
            ScriptImage r;
            if (!doc.at("i").is_number_unsigned() || !doc.at("bytes").is_number_unsigned())
                return ScriptBad{"i and bytes must be whole numbers from 0"};
            r.index = doc.at("i").get<std::size_t>();
            r.bytes = doc.at("bytes").get<std::size_t>();
            r.status = doc.at("status").get<int>();
            r.error = optional_text(doc, "error");
            r.detail = optional_text(doc, "detail").value_or("");
            if (auto it = doc.find("retry_after_s"); it != doc.end() && it->is_number()) r.retry_after_s = it->get<double>();
            r.worker = doc.at("worker").get<std::string>();
            r.started = doc.at("started").get<double>();
            r.first_byte = doc.at("first_byte").get<double>();
            r.finished = doc.at("finished").get<double>();
            r.decode_s = doc.at("decode_s").get<double>();
            r.decode_error = optional_text(doc, "decode_error");
            r.decode_detail = optional_text(doc, "decode_detail").value_or("");
            return r;
        }
        if (*event == "end") {
            ScriptEnd end;
            end.wall_s = doc.at("wall_s").get<double>();
            for (const char* who : {"self", "children"}) {
                end.cpu.user_s += doc.at("rusage").at(who).at("user_s").get<double>();
                end.cpu.sys_s += doc.at("rusage").at(who).at("sys_s").get<double>();
            }
            return end;
        }
    } catch (const nlohmann::json::exception& e) {
        return ScriptBad{std::string("malformed ") + event->get<std::string>() + " line: " + e.what()};
    }
    return ScriptBad{"unknown event"};
}

exec::ScriptEvent to_script_event(std::string_view line) {
    const ScriptLine parsed = parse_script_line(line);
    if (std::holds_alternative<ScriptHello>(parsed)) return exec::ScriptStarted{};
    if (const auto* r = std::get_if<ScriptImage>(&parsed))
        return exec::ScriptResult{r->index, std::string(line), r->worker, r->started, r->finished};
    if (const auto* end = std::get_if<ScriptEnd>(&parsed)) return exec::ScriptEnded{end->cpu};
    return exec::ScriptBadLine{"CPython's output is not the protocol: " + std::get<ScriptBad>(parsed).why};
}

std::string script_argument(const std::string& url) {
    return nlohmann::json{{"url", url}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string_view script_executor(WikipicsExecutor executor) {
    return executor == WikipicsExecutor::async ? "asyncio" : to_string(executor);
}

exec::ScriptJob python_job(const WikipicsOptions& options, int workers) {
    exec::ScriptJob job;
    job.script = "wikipics.py";
    const int n = std::max(1, workers);
    job.arguments = {"--stdin", "--executor", std::string(script_executor(options.executor)), "--workers",
                     std::to_string(n), "--max-req", std::to_string(n), "--timeout", std::to_string(options.timeout_s),
                     "--max-bytes", std::to_string(image_body_cap(options.size))};
    job.read_line = [](std::string_view text) { return to_script_event(text); };
    return job;
}

}  // namespace conclab::wikipics

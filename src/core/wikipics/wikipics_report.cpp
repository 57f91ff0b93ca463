// A wikipics run as the talk's lines, its summary and JSON (wikipics_report.h).
#include "core/wikipics/wikipics_report.h"

#include "core/base/utf8.h"
#include "core/base/duration.h"

#include <cstdio>
#include <map>

namespace conclab::wikipics {

std::string group_digits(long long value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

long long total_bytes(const WikipicsReport& report) {
    long long total = 0;
    for (const auto& r : report.results)
        if (!r.error) total += static_cast<long long>(r.bytes);
    return total;
}

nlohmann::json to_json(const WikipicsReport& report) {
    using nlohmann::json;
    json images = json::array();
    for (const auto& r : report.results) {
        images.push_back({{"url", r.url},
                          {"bytes", r.bytes},
                          {"status", r.status},
                          {"error", r.error ? json(*r.error) : json(nullptr)},
                          {"started_s", r.started_s},   // since the downloads began: overlap shows here
                          {"elapsed_s", r.elapsed_s},
                          {"worker", r.worker},
                          {"decode_s", r.decode_s}});
        if (r.error) images.back()["detail"] = r.error_detail;   // the reason in words ("HTTP 500", "status 0: …")
        if (r.retry_after_s) images.back()["retry_after_s"] = *r.retry_after_s;   // a 429's Retry-After
        if (r.queued_s) images.back()["queued_s"] = *r.queued_s;   // in the browser's queue before it was sent
        if (r.decode_error) {   // arrived, but no thumbnail: not a JPEG, over the pixel budget, corrupt
            images.back()["decode_error"] = *r.decode_error;
            images.back()["decode_detail"] = r.decode_detail;
        }
    }
    json doc{{"demo", "wikipics"},
             {"executor", std::string(to_string(report.options.executor))},
             {"workers", report.workers},
             {"server", report.api_url},
             {"net", net_label(report.options)},   // the network the mirror played ("live": Commons itself)
             {"count", report.options.count},
             {"size", report.options.size},
             {"seed", report.options.seed},
             {"images", std::move(images)},
             {"total_bytes", total_bytes(report)},
             {"wall_s", report.wall_s},
             {"sample_s", report.sample_s},
             {"startup_s", report.startup_s},
             {"cancelled", report.cancelled}};
    if (report.sample_error) {
        // "sample_error" keeps its English; the ids and arguments are for a reader that words it itself.
        const SampleError& e = *report.sample_error;
        doc["sample_error"] = english(e);
        doc["sample_error_kind"] = to_string(e.kind);
        doc["sample_error_args"] = e.args;
        if (e.cause) doc["sample_error_cause"] = {{"kind", to_string(e.cause->kind)}, {"args", e.cause->args}};
    }
    double decode_s = 0;
    for (const auto& r : report.results) decode_s += r.decode_s;
    doc["runtime"] = exec::to_json(report.runtime);
    if (report.script_http) doc["runtime"]["http"] = *report.script_http;
    if (report.script_decode) doc["runtime"]["decode"] = *report.script_decode;
    if (report.cpu) {
        const char* kind = report.runtime.is_python() ? "getrusage self + children over the downloads, in the interpreter"
                           : report.cpu->busy_time  ? "worker busy time"
                                                    : "process cpu time";
        doc["cpu"] = {{"user_s", report.cpu->user_s},
                      {"sys_s", report.cpu->sys_s},
                      {"total_s", report.cpu->total_s()},
                      {"decode_s", decode_s},
                      {"kind", kind}};
    } else {
        doc["cpu"] = {{"decode_s", decode_s}, {"kind", "unavailable"}};
    }
    return doc;
}

std::string format_image_line(const ImageResult& result, std::size_t position) {
    char head[32];
    std::snprintf(head, sizeof head, "(%2zu) ", position);
    std::string line = head;
    if (result.error) {
        std::string reason = *result.error;
        if (!result.error_detail.empty() && result.error_detail != reason) reason += " (" + result.error_detail + ")";
        line += " " + reason;
    } else {
        char bytes[48];
        std::snprintf(bytes, sizeof bytes, "%11s bytes", group_digits(static_cast<long long>(result.bytes)).c_str());
        line += bytes;
    }
    line += " | " + result.title;
    if (result.decode_error)
        line += "  [not decoded: " + *result.decode_error + (result.decode_detail.empty() ? "" : " (" + result.decode_detail + ")") + "]";
    return utf8::escape_controls(line);   // the title and the details are the server's: no terminal escapes from it
}

std::string format_summary(const WikipicsReport& report) {
    std::size_t downloaded = 0;
    std::map<std::string, std::size_t> errors, not_decoded;
    for (const auto& r : report.results) {
        if (r.error) ++errors[*r.error];
        else ++downloaded;
        if (!r.error && r.decode_error) ++not_decoded[*r.decode_error];
    }
    std::string out = std::to_string(downloaded) + " downloaded";
    if (report.cancelled) out += " (cancelled)";
    out += "\n";
    if (!errors.empty()) {
        out += "errors:";
        for (const auto& [reason, n] : errors) out += " " + reason + " " + std::to_string(n);
        out += "\n";
    }
    if (!not_decoded.empty()) {
        out += "not decoded:";
        for (const auto& [reason, n] : not_decoded) out += " " + reason + " " + std::to_string(n);
        out += "\n";
    }
    const long long bytes = total_bytes(report);
    out += "TOTAL BYTES: " + group_digits(bytes) + "\n";
    char line[200];
    std::snprintf(line, sizeof line, "%s in %.2fs, %.2f MB/s (%s, net %s, %d %s)\n", to_string(report.options.executor).data(),
                  report.wall_s, report.wall_s > 0 ? static_cast<double>(bytes) / 1e6 / report.wall_s : 0.0,
                  utf8::escape_controls(report.api_url).c_str(), net_label(report.options).c_str(), report.workers,
                  report.options.executor == WikipicsExecutor::async ? "requests in flight" : "workers");
    out += line;
    double decode_s = 0;
    for (const auto& r : report.results) decode_s += r.decode_s;
    if (report.runtime.is_python()) {
        out += "Downloaded by " + exec::short_label(report.runtime) + " (" + report.script_http.value_or("?") + ", " +
               report.script_decode.value_or("?") + ")" + (report.runtime.gil ? "" : ", GIL off") + "\n";
    }
    if (report.cpu && report.runtime.is_python()) {
        out += exec::short_label(report.runtime) + " CPU times (getrusage self + children): user " +
               base::format_duration(report.cpu->user_s) + ", sys " + base::format_duration(report.cpu->sys_s) +
               ", total " + base::format_duration(report.cpu->total_s()) + " (decoding " +
               base::format_duration(decode_s) + ")\n";
    } else if (report.cpu) {
        out += (report.cpu->busy_time ? "Worker busy times: user " : "CPU times: user ") +
               base::format_duration(report.cpu->user_s) + ", sys " + base::format_duration(report.cpu->sys_s) +
               ", total " + base::format_duration(report.cpu->total_s()) + " (decoding " +
               base::format_duration(decode_s) + ")\n";
    } else {
        out += "Decoding: " + base::format_duration(decode_s) + "\n";
    }
    out += "Wall time: " + base::format_duration(report.wall_s) + "\n";
    return out;
}

}  // namespace conclab::wikipics

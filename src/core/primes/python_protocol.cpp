// The CPython runtime's probe answer and line protocol, read without the platform (python_protocol.h).
#include "primes/python_protocol.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <sstream>

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

std::string short_label(const RuntimeInfo& runtime) {
    if (!runtime.is_python()) return runtime.name;
    const auto second_dot = runtime.version.find('.', runtime.version.find('.') + 1);
    std::string label = runtime.name + " " + runtime.version.substr(0, second_dot);
    if (runtime.free_threaded_build) label += "t";
    return label;
}

std::string_view probe_code() {
    return "import sys, platform\n"
           "try:\n"
           "    import sysconfig\n"
           "    d = sysconfig.get_config_var('Py_GIL_DISABLED') or 0\n"
           "except Exception:\n"
           "    d = 0\n"
           "g = getattr(sys, '_is_gil_enabled', None)\n"
           "sys.stdout.write('conclab-probe %s %s %d %d\\n' % (platform.python_implementation(),"
           " platform.python_version(), int(bool(d)), int(g() if g else not d)))\n";
}

bool parse_probe_answer(std::string_view answer, RuntimeInfo& info) {
    std::istringstream in{std::string(answer)};
    std::string tag, implementation, version;
    int disabled = -1, enabled = -1;
    if (!(in >> tag >> implementation >> version >> disabled >> enabled) || tag != "conclab-probe") return false;
    if ((disabled != 0 && disabled != 1) || (enabled != 0 && enabled != 1) || version.empty()) return false;
    info.name = implementation;
    info.version = version;
    info.free_threaded_build = disabled == 1;
    info.gil = enabled == 1;
    return true;
}

std::string version_problem(const RuntimeInfo& info) {
    int major = 0, minor = 0;
    const char* begin = info.version.data();
    const char* end = begin + info.version.size();
    auto [p1, e1] = std::from_chars(begin, end, major);
    if (e1 == std::errc{} && p1 < end && *p1 == '.') std::from_chars(p1 + 1, end, minor);
    if (major > kMinPythonMajor || (major == kMinPythonMajor && minor >= kMinPythonMinor)) return {};
    return info.name + " " + info.version + " is too old: the talk's programs need Python " +
           std::to_string(kMinPythonMajor) + "." + std::to_string(kMinPythonMinor) + " or newer";
}

bool is_free_threaded_name(std::string_view name) {
    constexpr std::string_view kPrefix = "python3.";
    if (name.size() < kPrefix.size() + 2 || name.substr(0, kPrefix.size()) != kPrefix || name.back() != 't') return false;
    const auto digits = name.substr(kPrefix.size(), name.size() - kPrefix.size() - 1);
    for (char c : digits)
        if (c < '0' || c > '9') return false;
    return true;
}

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

nlohmann::json to_json(const RuntimeInfo& runtime) {
    nlohmann::json out{{"name", runtime.name}};
    if (!runtime.is_python()) return out;
    out["version"] = runtime.version;
    out["gil"] = runtime.gil;
    out["executable"] = runtime.executable;
    out["free_threaded_build"] = runtime.free_threaded_build;
    out["free_threaded_beside"] = runtime.free_threaded_beside;
    if (runtime.start_method) out["start_method"] = *runtime.start_method;
    if (runtime.cpu)
        out["cpu"] = {{"user_s", runtime.cpu->user_s}, {"sys_s", runtime.cpu->sys_s}, {"total_s", runtime.cpu->total_s()},
                      {"kind", "getrusage self + children, in the interpreter"}};
    return out;
}

}  // namespace conclab::primes

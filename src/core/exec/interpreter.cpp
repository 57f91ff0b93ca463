// An interpreter as core sees it: the probe's answer, the version floor, free-threaded names, its JSON
// (interpreter.h).
#include "core/exec/interpreter.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <sstream>

namespace conclab::exec {

std::string short_label(const RuntimeInfo& runtime) {
    if (!runtime.is_python()) return runtime.name;
    const std::string& version = runtime.python.value_or(runtime.version);
    if (version.empty()) return runtime.name;   // an interpreter that never booted (Pyodide's download failed)
    const auto second_dot = version.find('.', version.find('.') + 1);
    std::string label = runtime.name + " " + version.substr(0, second_dot);
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

nlohmann::json to_json(const RuntimeInfo& runtime) {
    nlohmann::json out{{"name", runtime.name}};
    if (!runtime.is_python()) return out;
    out["version"] = runtime.version;
    out["gil"] = runtime.gil;
    if (!runtime.executable.empty()) out["executable"] = runtime.executable;   // Pyodide has none
    if (runtime.python) out["python"] = *runtime.python;
    if (runtime.threads) out["threads"] = *runtime.threads;
    out["free_threaded_build"] = runtime.free_threaded_build;
    out["free_threaded_beside"] = runtime.free_threaded_beside;
    if (runtime.start_method) out["start_method"] = *runtime.start_method;
    if (runtime.cpu)
        out["cpu"] = {{"user_s", runtime.cpu->user_s}, {"sys_s", runtime.cpu->sys_s}, {"total_s", runtime.cpu->total_s()},
                      {"kind", "getrusage self + children, in the interpreter"}};
    return out;
}

}  // namespace conclab::exec

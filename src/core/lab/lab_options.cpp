// The lab's options parsed from text with the project's option rules (lab_options.h).
#include "core/lab/lab_options.h"

namespace conclab::lab {

namespace {
constexpr std::string_view kRuntimeNames[] = {"cpp", "python"};
constexpr std::size_t kMaxPythonPath = 4096;
constexpr std::string_view kSuiteNames[] = {"startup", "memory", "ipc", "switch", "scaling", "system", "latency"};
constexpr std::string_view kSuiteChoices[] = {"startup", "memory",  "ipc",     "switch",
                                              "scaling", "system", "latency", "all"};
}  // namespace

std::string_view to_string(Suite suite) { return kSuiteNames[static_cast<int>(suite)]; }

std::optional<Suite> parse_suite(std::string_view text) {
    for (Suite s : kAllSuites)
        if (to_string(s) == text) return s;
    return std::nullopt;
}

std::vector<Suite> LabOptions::suites() const {
    if (suite) return {*suite};
    return {std::begin(kAllSuites), std::end(kAllSuites)};
}

int LabOptions::python_repeats() const { return repeats.value_or(quick ? kPythonQuickRepeats : kPythonRepeats); }

std::span<const std::string_view> suite_choices() { return kSuiteChoices; }

const std::vector<options::OptionSpec>& lab_option_specs() {
    static const std::vector<options::OptionSpec> specs{
        {"suite", "startup|memory|ipc|switch|scaling|system|latency|all", "Lab: which measurements to run (default all)"},
        {"quick", "", "Lab: fewer samples and smaller sizes (seconds instead of minutes)", true},
        {"runtime", "cpp|python", "Lab: also measure the machine's CPython (python: its column beside C++'s; native only)"},
        {"python", "PATH", "Lab: the interpreter for --runtime python (default: python3 on PATH)"},
        {"repeats", "N", "Lab: samples of each CPython measure, 1..200 (default 20, 5 with --quick)"},
    };
    return specs;
}

LabOptions parse_lab_options(const options::Params& params, options::FieldErrors& errors) {
    LabOptions o;
    std::string suite = "all";
    if (options::read_choice(params, "suite", kSuiteChoices, suite, errors)) o.suite = parse_suite(suite);
    options::read_flag(params, "quick", o.quick, errors);
    std::string runtime = "cpp";
    if (options::read_choice(params, "runtime", kRuntimeNames, runtime, errors)) o.python = runtime == "python";
    if (const auto python = params.find("python"); python != params.end()) {
        if (python->second.size() > kMaxPythonPath)
            errors["python"] = {"python", options::ErrorKind::too_long, {std::to_string(python->second.size()), std::to_string(kMaxPythonPath)}};
        else if (!o.python) errors["python"] = options::FieldError("--python goes with --runtime python");
        else o.python_path = python->second;
    }
    int repeats = 0;
    if (params.count("repeats")) {
        if (options::read_int(params, "repeats", 1, kMaxPythonRepeats, repeats, errors)) {
            if (o.python) o.repeats = repeats;
            else errors["repeats"] = options::FieldError("--repeats goes with --runtime python");
        }
    }
    options::reject_non_utf8(params, errors);   // last: its message names the real fault
    return o;
}

}  // namespace conclab::lab

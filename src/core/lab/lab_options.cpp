// The lab's options parsed from text with the project's option rules (lab_options.h).
#include "core/lab/lab_options.h"

namespace conclab::lab {

namespace {
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

std::span<const std::string_view> suite_choices() { return kSuiteChoices; }

const std::vector<options::OptionSpec>& lab_option_specs() {
    static const std::vector<options::OptionSpec> specs{
        {"suite", "startup|memory|ipc|switch|scaling|system|latency|all", "Lab: which measurements to run (default all)"},
        {"quick", "", "Lab: fewer samples and smaller sizes (seconds instead of minutes)", true},
    };
    return specs;
}

LabOptions parse_lab_options(const options::Params& params, options::FieldErrors& errors) {
    LabOptions o;
    std::string suite = "all";
    if (options::read_choice(params, "suite", kSuiteChoices, suite, errors)) o.suite = parse_suite(suite);
    options::read_flag(params, "quick", o.quick, errors);
    options::reject_non_utf8(params, errors);   // last: its message names the real fault
    return o;
}

}  // namespace conclab::lab

// The primes demo's options parsed from text with the project's option rules (primes_options.h).
#include "core/primes/primes_options.h"

namespace conclab::primes {

namespace {
constexpr std::string_view kExecutorNames[] = {"sequential", "threads", "processes", "gil"};
}

std::span<const std::string_view> executor_choices() { return kExecutorNames; }

const std::vector<options::OptionSpec>& primes_option_specs() {
    static const std::vector<options::OptionSpec> specs{
        {"executor", "sequential|threads|processes|gil", "How to run the checks (default threads)"},
        {"workers", "N", "Workers, 1..64 (default: logical CPUs)"},
        {"sample", "2**K|fluent", "The talk's make_sample(2**K), K 40..64 (default 2**57), or Fluent Python's list"},
        {"numbers", "LIST", "Your own numbers instead of a sample: 1..2**64-1, separated by spaces or commas"},
        {"compare", "", "Compare all: every executor on the same sample, several runs each (default sample 2**55)", true},
        {"repeats", "N", "Runs per executor with --compare, 1..20 (default 3)"},
        {"runtime", "cpp|python", "Who runs the checks: this program (cpp, default) or the machine's CPython (native only); with --compare, python adds CPython's rows to the C++ ones"},
        {"python", "PATH", "The interpreter for --runtime python (default: python3 on PATH)"},
    };
    return specs;
}

PrimesOptions parse_primes_options(const options::Params& params, int logical_cpus, options::FieldErrors& errors) {
    PrimesOptions o;
    std::string executor = "threads";
    if (options::read_choice(params, "executor", kExecutorNames, executor, errors))
        o.executor = *exec::parse_executor_kind(executor);
    int workers = exec::default_workers(logical_cpus);
    options::read_int(params, "workers", exec::kMinWorkers, exec::kMaxWorkers, workers, errors);
    o.workers = exec::effective_workers(o.executor, workers);
    options::read_flag(params, "compare", o.compare, errors);
    options::read_int(params, "repeats", kMinRepeats, kMaxRepeats, o.repeats, errors);
    if (o.compare) o.workers = workers;   // the parallel executors' count; sequential runs get one
    std::string runtime = "cpp";
    if (options::read_choice(params, "runtime", runtime_choices(), runtime, errors))
        o.runtime = runtime == "python" ? Runtime::python : Runtime::cpp;
    if (const auto python = params.find("python"); python != params.end()) {
        if (python->second.size() > kMaxPythonPath)
            errors["python"] = {"python", options::ErrorKind::too_long,
                                {std::to_string(python->second.size()), std::to_string(kMaxPythonPath)}};
        else if (o.runtime != Runtime::python)
            errors["python"] = options::FieldError("--python goes with --runtime python");
        else
            o.python = python->second;
    }
    if (o.runtime == Runtime::python && o.executor == exec::ExecutorKind::gil && !o.compare)
        errors["executor"] = options::FieldError(
            "--executor gil is the C++ model of the GIL; CPython brings its own: use sequential, threads or processes");

    const auto numbers = params.find("numbers");
    const auto sample = params.find("sample");
    options::FieldError error;
    if (numbers != params.end() && sample != params.end()) {
        errors["numbers"] = {"numbers", options::ErrorKind::not_both, {"sample"}};
    } else if (numbers != params.end()) {
        if (numbers->second.size() > kMaxNumbersText) {
            errors["numbers"] = {"numbers", options::ErrorKind::too_long,
                                 {std::to_string(numbers->second.size()), std::to_string(kMaxNumbersText)}};
        } else if (auto parsed = parse_number_list(numbers->second, error)) {
            o.sample = std::move(*parsed);
        } else {
            errors["numbers"] = error;
        }
    } else {
        const std::string fallback = "2**" + std::to_string(o.compare ? kCompareMagnitude : kTalkMagnitude);
        if (auto parsed = parse_sample_name(sample == params.end() ? fallback : sample->second, error))
            o.sample = std::move(*parsed);
        else
            errors["sample"] = error;
    }
    options::reject_non_utf8(params, errors);   // last: its message names the real fault
    return o;
}

}  // namespace conclab::primes

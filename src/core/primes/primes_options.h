// The primes demo's options — executor, workers, sample, numbers, compare, repeats, runtime, python — parsed once from text,
// with the same rules and messages for the CLI flags, the query string and the panel.
#pragma once

#include "core/base/options.h"
#include "core/exec/executor.h"
#include "core/primes/python_protocol.h"
#include "core/primes/samples.h"

#include <vector>

namespace conclab::primes {

struct PrimesOptions {
    Sample sample;
    exec::ExecutorKind executor = exec::ExecutorKind::threads;
    int workers = 1;   ///< as the run gets them (1 for sequential)
    bool compare = false;   ///< Compare all: every executor on the sample, `repeats` runs each (the executor is ignored)
    int repeats = 3;        ///< runs per executor when comparing
    Runtime runtime = Runtime::cpp;   ///< python: the machine's CPython runs python/primes.py (native only)
    std::string python;     ///< the interpreter with runtime python; empty: `python3` on PATH
};

/// @brief The longest --python path accepted.
inline constexpr std::size_t kMaxPythonPath = 4096;

inline constexpr int kMinRepeats = 1;
inline constexpr int kMaxRepeats = 20;
/// @brief Compare all's default sample, make_sample(2**55): the four executors × 3 repeats end in about 10–20 s on
/// two cores natively (sequential ≈ 1.5 s of CPU a run), where the talk's 2**57 would take about twice that.
inline constexpr int kCompareMagnitude = 55;

/// @brief The longest `numbers` text accepted (about 5 000 numbers); longer lists are refused, never cut.
inline constexpr std::size_t kMaxNumbersText = 100'000;

/// @brief The options the primes demo accepts: executor, workers, sample, numbers, compare, repeats.
const std::vector<options::OptionSpec>& primes_option_specs();

/// @brief Reads the primes options from `params`; absent ones take their defaults (the talk's 2**57 sample,
/// threads, exec::default_workers(logical_cpus), one run; with compare, 2**kCompareMagnitude and 3 repeats). Each bad
/// value is recorded in `errors` under its name; "numbers" and "sample" together are refused.
PrimesOptions parse_primes_options(const options::Params& params, int logical_cpus, options::FieldErrors& errors);

/// @brief The executor names as read_choice wants them.
std::span<const std::string_view> executor_choices();

}  // namespace conclab::primes

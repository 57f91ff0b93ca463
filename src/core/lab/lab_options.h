// The lab's options — which suite to run and whether quickly — parsed once from text, with the same rules
// and messages for the CLI flags (`--suite`, `--quick`), the query string and the panel.
#pragma once

#include "core/base/options.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::lab {

/// @brief The lab's suites, in the order `all` runs them.
enum class Suite { startup, memory, ipc, switches, scaling, system, latency };

inline constexpr Suite kAllSuites[] = {Suite::startup, Suite::memory,  Suite::ipc,    Suite::switches,
                                       Suite::scaling, Suite::system, Suite::latency};

/// @brief The suite's name as in --suite and as its key in the JSON: "startup", …, "switch", …
std::string_view to_string(Suite suite);
std::optional<Suite> parse_suite(std::string_view text);

struct LabOptions {
    std::optional<Suite> suite;   ///< nullopt: all suites
    bool quick = false;           ///< fewer samples and smaller sizes (seconds instead of a minute or two)
    bool python = false;          ///< --runtime python: the machine's CPython fills the cpython_* columns too
    std::string python_path;      ///< --python: the interpreter (empty: python3 on PATH)
    std::optional<int> repeats;   ///< --repeats: samples of each CPython measure (default kPythonRepeats, quick fewer)

    /// @brief The samples each CPython measure takes.
    int python_repeats() const;

    /// @brief The suites to run, in order.
    std::vector<Suite> suites() const;
};

inline constexpr int kPythonRepeats = 20, kPythonQuickRepeats = 5, kMaxPythonRepeats = 200;

/// @brief The options the lab accepts: suite, quick, runtime, python, repeats.
const std::vector<options::OptionSpec>& lab_option_specs();

/// @brief The names --suite accepts: each suite and "all".
std::span<const std::string_view> suite_choices();

/// @brief Reads the lab options from `params` (other keys ignored); a bad suite is recorded under "suite"
/// as "unknown suite 'x': use startup|memory|…|all".
LabOptions parse_lab_options(const options::Params& params, options::FieldErrors& errors);

}  // namespace conclab::lab

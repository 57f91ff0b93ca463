// The System demo's option (--spin N) parsed from text (system_options.h).
#include "core/system/system_options.h"

#include "core/exec/spin_workers.h"

namespace conclab::system {

const std::vector<options::OptionSpec>& system_option_specs() {
    static const std::vector<options::OptionSpec> specs{
        {"spin", "N", "System demo: start this many spinning workers (0..64)"},
    };
    return specs;
}

SystemOptions parse_system_options(const options::Params& params, options::FieldErrors& errors) {
    SystemOptions o;
    int spin = 0;
    if (params.count("spin") && options::read_int(params, "spin", 0, exec::kMaxSpinWorkers, spin, errors)) o.spin = spin;
    options::reject_non_utf8(params, errors);   // last: its message names the real fault
    return o;
}

}  // namespace conclab::system

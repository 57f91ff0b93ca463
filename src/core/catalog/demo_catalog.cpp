// The catalog of demos the headless parts know (demo_catalog.h): ids, options and their checks.
#include "core/catalog/demo_catalog.h"

#include "core/exhibition/exhibition_options.h"
#include "core/spinner/spinner.h"
#include "core/lab/lab_options.h"
#include "core/lab/thread_measures.h"
#include "core/primes/least_prime_factor.h"
#include "core/primes/primes_options.h"
#include "core/system/system_options.h"
#include "core/wikipics/wikipics_options.h"

namespace conclab::catalog {

namespace {

void check_system(const options::Params& params, options::FieldErrors& errors) {
    system::parse_system_options(params, errors);
}

void check_exhibition(const options::Params& params, options::FieldErrors& errors) {
    exhibition::parse_exhibition_options(params, errors);
}

void check_spinner(const options::Params& params, options::FieldErrors& errors) { spinner::parse_spinner_options(params, errors); }

void check_primes(const options::Params& params, options::FieldErrors& errors) {
    primes::parse_primes_options(params, 1, errors);
}

void check_wikipics(const options::Params& params, options::FieldErrors& errors) {
    wikipics::parse_wikipics_options(params, errors);
}
void check_lab(const options::Params& params, options::FieldErrors& errors) { lab::parse_lab_options(params, errors); }

}  // namespace

const std::vector<DemoInfo>& demos() {
    static const std::vector<DemoInfo> list{
        {"system", system::system_option_specs, check_system, nullptr},
        {"primes", primes::primes_option_specs, check_primes, primes::register_tasks},
        {"exhibition", exhibition::exhibition_app_option_specs, check_exhibition, nullptr},
        {"spinner", spinner::spinner_option_specs, check_spinner, spinner::register_tasks},
        {"wikipics", wikipics::wikipics_option_specs, check_wikipics, nullptr},
        {"lab", lab::lab_option_specs, check_lab, lab::register_tasks},
    };
    return list;
}

const DemoInfo* find_demo(std::string_view id) {
    for (const auto& d : demos())
        if (d.id == id) return &d;
    return nullptr;
}

std::string demo_choices() {
    std::string out;
    for (const auto& d : demos()) {   // appended piece by piece: g++ 12 warns (-Wrestrict) on "|" + string
        if (!out.empty()) out += '|';
        out += d.id;
    }
    return out;
}

void register_all_tasks() {
    for (const auto& d : demos())
        if (d.register_tasks) d.register_tasks();
}

std::vector<options::OptionSpec> all_demo_option_specs() {
    std::vector<options::OptionSpec> all;
    for (const auto& d : demos())
        for (const auto& spec : d.option_specs()) {
            bool seen = false;
            for (const auto& s : all) seen = seen || s.name == spec.name;
            if (!seen) all.push_back(spec);
        }
    return all;
}

options::Params params_for(const DemoInfo& demo, const options::Params& params) {
    options::Params mine;
    for (const auto& spec : demo.option_specs())
        if (auto it = params.find(spec.name); it != params.end()) mine.insert(*it);
    return mine;
}

}  // namespace conclab::catalog

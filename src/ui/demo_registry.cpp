#include "demo_panel.h"

namespace conclab::ui {

const std::vector<DemoEntry>& demo_registry() {
    static const std::vector<DemoEntry> demos{
        {"system", make_system_panel},
        {"primes", make_primes_panel},
    };
    return demos;
}

std::string demo_choices() {
    std::string out;
    for (const auto& d : demo_registry()) out += (out.empty() ? "" : "|") + std::string(d.id);
    return out;
}

}  // namespace conclab::ui

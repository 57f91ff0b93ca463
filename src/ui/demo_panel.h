// What every demo panel offers the app shell; the registry (demo_registry.cpp) lists them.
#pragma once

#include "app.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conclab::ui {

class DemoPanel {
public:
    virtual ~DemoPanel() = default;
    virtual Text title() const = 0;
    /// @brief Takes the launch options (query string / CLI flags); returns false and an error for bad values.
    virtual bool apply(const LaunchOptions& options, std::string& error) = 0;
    /// @brief Every frame, visible or not: drain worker results (never blocks).
    virtual void update() {}
    /// @brief Draws the panel's contents into the current ImGui window.
    virtual void draw() = 0;
    /// @brief The panel's part of window.conclab.state().
    virtual nlohmann::json state() const = 0;
    /// @brief Starts the demo as --autorun / ?autorun=1 asks.
    virtual void autorun() {}
    /// @brief The JSON of a run that finished since the last call (for CONCLAB_RESULT), if any.
    virtual std::optional<std::string> take_finished_result() { return std::nullopt; }
};

struct DemoEntry {
    const char* id;   ///< as in ?demo=… and --demo
    std::unique_ptr<DemoPanel> (*make)();
};

/// @brief The demos, in menu order.
const std::vector<DemoEntry>& demo_registry();
/// @brief "system|primes", for error messages.
std::string demo_choices();

std::unique_ptr<DemoPanel> make_system_panel();
std::unique_ptr<DemoPanel> make_primes_panel();

}  // namespace conclab::ui

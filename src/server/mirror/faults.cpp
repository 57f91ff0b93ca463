// What happens to one mirror request, decided from its seed or pinned by --pin-faults (faults.h): delays, errors,
// resets.
#include "server/mirror/faults.h"

#include "server/mirror/name_hash.h"

#include <cstdio>

namespace conclab::mirror {

namespace {

std::string percent(double rate) {
    char text[32];
    std::snprintf(text, sizeof text, "%g%%", rate * 100);
    return text;
}

}  // namespace

bool FaultOptions::any() const {
    return delay_max_s > 0 || bandwidth > 0 || error_rate > 0 || truncate_rate > 0 || reset_rate > 0 ||
           rate_limit_rate > 0 || pinned;
}

std::string FaultOptions::describe() const {
    std::string text;
    auto add = [&](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
    if (delay_max_s > 0) {
        char delay[64];
        std::snprintf(delay, sizeof delay, "delay %g..%g s", delay_min_s, delay_max_s);
        add(delay);
    }
    if (bandwidth > 0) add(std::to_string(bandwidth) + " B/s per connection");
    if (error_rate > 0) add("errors " + percent(error_rate));
    if (truncate_rate > 0) add("truncated " + percent(truncate_rate));
    if (reset_rate > 0) add("resets " + percent(reset_rate));
    if (rate_limit_rate > 0) add("429 " + percent(rate_limit_rate));
    if (pinned) add("pinned: 7 JPEGs in 10 by name, listed at /pinned-faults");
    return text.empty() ? "none" : text;
}

namespace {

constexpr std::string_view kPinnedNames[kPinCycle] = {"500", "418", "404", "truncate", "reset", "429", "timeout", "", "", ""};

}  // namespace

std::string_view pinned_fault_name(std::size_t jpeg_index) { return kPinnedNames[jpeg_index % kPinCycle]; }

std::optional<FaultPlan> pinned_fault(std::size_t jpeg_index) {
    FaultPlan plan;
    switch (jpeg_index % kPinCycle) {
        case 0: plan = {FaultKind::error, 500, 0}; break;
        case 1: plan = {FaultKind::error, 418, 0}; break;
        case 2: plan = {FaultKind::error, 404, 0}; break;
        case 3: plan.kind = FaultKind::truncate; break;
        case 4: plan.kind = FaultKind::reset; break;
        case 5: plan.kind = FaultKind::rate_limit; break;
        case 6: plan = {FaultKind::timeout, 0, kPinnedTimeoutDelaySeconds}; break;
        default: return std::nullopt;
    }
    return plan;
}

FaultPlan plan_request(const FaultOptions& faults, std::uint64_t seed, std::string_view resource, std::uint64_t attempt) {
    const std::uint64_t bits = mix64(mix64(seed ^ hash_name(resource)) + attempt);
    FaultPlan plan;
    plan.delay_s = faults.delay_min_s + (faults.delay_max_s - faults.delay_min_s) * unit_interval(mix64(bits));
    // One draw against the rates laid end to end: each fault happens with exactly its own rate.
    double draw = unit_interval(bits);
    const std::pair<double, FaultKind> kinds[] = {{faults.error_rate, FaultKind::error},
                                                  {faults.truncate_rate, FaultKind::truncate},
                                                  {faults.reset_rate, FaultKind::reset},
                                                  {faults.rate_limit_rate, FaultKind::rate_limit}};
    for (const auto& [rate, kind] : kinds) {
        if (draw < rate) {
            plan.kind = kind;
            break;
        }
        draw -= rate;
    }
    if (plan.kind == FaultKind::error) plan.error_status = (mix64(bits ^ 0x418) & 1) ? 418 : 500;
    return plan;
}

}  // namespace conclab::mirror

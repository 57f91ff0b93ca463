// The spinner demo's four forms (see spinner_demo.h).
#include "core/spinner/spinner_demo.h"

#include <algorithm>

namespace conclab::spinner {

namespace {
constexpr std::array<std::string_view, 4> kFormNames{"thread", "process", "coroutine", "blocked_coroutine"};
}

std::string_view to_string(Form form) { return kFormNames[static_cast<std::size_t>(form)]; }

Form form_of(const SpinnerOptions& options) {
    switch (options.kind) {
    case SpinnerKind::thread: return Form::thread;
    case SpinnerKind::process: return Form::process;
    case SpinnerKind::coroutine: break;
    }
    return options.block ? Form::blocked_coroutine : Form::coroutine;
}

bool SpinnerDemo::start(const std::vector<Form>& forms, const SpinnerOptions& options) {
    if (running() || forms.empty()) return false;
    forms_ = forms;
    options_ = options;
    for (const Form form : forms) {
        SpinnerOptions o = options;
        o.kind = form == Form::thread    ? SpinnerKind::thread
                 : form == Form::process ? SpinnerKind::process
                                         : SpinnerKind::coroutine;
        if (forms.size() > 1 || o.kind == SpinnerKind::coroutine) o.block = form == Form::blocked_coroutine;
        auto& spinner = spinners_[static_cast<std::size_t>(form)];
        auto& error = start_errors_[static_cast<std::size_t>(form)];
        error.clear();
        const bool started = form == Form::process ? spinner.start(o, make_executor_()) : spinner.start(o);
        if (!started) error = "the " + std::string(to_string(form)) + " form could not start (no executor for it here)";
    }
    return true;
}

void SpinnerDemo::poll() { spinners_[static_cast<std::size_t>(Form::process)].poll(); }

bool SpinnerDemo::running() const {
    return std::any_of(spinners_.begin(), spinners_.end(), [](const LiveSpinner& s) { return s.running(); });
}

bool SpinnerDemo::finished() const {
    if (forms_.empty() || running()) return false;
    return std::all_of(forms_.begin(), forms_.end(), [this](Form f) {
        return spinner(f).outcome().has_value() || !start_errors_[static_cast<std::size_t>(f)].empty();
    });
}

bool SpinnerDemo::ran(Form form) const { return std::find(forms_.begin(), forms_.end(), form) != forms_.end(); }

nlohmann::json SpinnerDemo::form_json(Form form) const {
    const LiveSpinner& s = spinner(form);
    const SpinnerOptions o = s.options().value_or(options_);
    nlohmann::json j{{"form", std::string(to_string(form))},
                     {"kind", std::string(to_string(o.kind))},
                     {"block", o.block},
                     {"seconds", o.seconds},
                     {"number", std::to_string(o.number)},
                     {"running", s.running()},
                     {"frames", s.frames()}};
    if (const auto& error = start_errors_[static_cast<std::size_t>(form)]; !error.empty() && ran(form)) {
        j["error"] = error;
        return j;
    }
    if (const auto outcome = s.outcome(); outcome && !s.running()) {
        if (!outcome->error.empty()) j["error"] = outcome->error;
        j["answer"] = std::to_string(outcome->answer);
        j["frames_in_call"] = outcome->gaps.frames_in_call();
        j["longest_gap_s"] = outcome->gaps.longest_gap_s();
        j["frozen_s"] = outcome->gaps.frozen_s();
    }
    return j;
}

nlohmann::json SpinnerDemo::result_json() const {
    nlohmann::json forms = nlohmann::json::array();
    for (const Form form : forms_) forms.push_back(form_json(form));
    return {{"demo", "spinner"},
            {"seconds", options_.seconds},
            {"number", std::to_string(options_.number)},
            {"forms", forms}};
}

}  // namespace conclab::spinner

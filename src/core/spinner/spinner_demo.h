// The spinner demo: the four forms side by side — a thread, a process, a coroutine whose slow call awaits, and one
// whose slow call blocks the loop — each a LiveSpinner, started together, polled by the UI's loop, and reported as
// {"demo":"spinner","forms":[…]} with, per form, the frames drawn while its slow call was in flight.
#pragma once

#include "core/spinner/spinner.h"

#include <nlohmann/json.hpp>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::spinner {

enum class Form { thread, process, coroutine, blocked_coroutine };
inline constexpr std::array<Form, 4> kForms{Form::thread, Form::process, Form::coroutine, Form::blocked_coroutine};
/// @brief "thread", "process", "coroutine", "blocked_coroutine".
std::string_view to_string(Form form);
/// @brief The form a `kind` + `block` pair names (the CLI's and the old query's): only a coroutine's call can block
/// its spinner, so block changes nothing for a thread or a process.
Form form_of(const SpinnerOptions& options);

class SpinnerDemo {
public:
    /// @brief The process form's executor (a process pool of one: a worker process, an isolated Web Worker).
    using MakeExecutor = std::function<std::unique_ptr<exec::Executor>()>;
    explicit SpinnerDemo(MakeExecutor make_executor) : make_executor_(std::move(make_executor)) {}

    /// @brief Starts `forms` at once, each with `options`' seconds and number (kind and block from its form, except
    /// that a lone form keeps the block it was asked with). False while a run is in flight.
    bool start(const std::vector<Form>& forms, const SpinnerOptions& options);
    /// @brief Every loop turn, from the thread that called start(): the process form's spinner draws here.
    void poll();
    bool running() const;
    /// @brief True once every form of the last start() has its outcome (false before any start).
    bool finished() const;
    const LiveSpinner& spinner(Form form) const { return spinners_[static_cast<std::size_t>(form)]; }
    /// @brief Whether the last start() ran this form.
    bool ran(Form form) const;
    /// @brief One form's figures: form, kind, block, seconds, number, running, frames, and once done answer,
    /// frames_in_call, longest_gap_s, frozen_s (and error when its call failed).
    nlohmann::json form_json(Form form) const;
    /// @brief {"demo":"spinner","seconds":…,"number":"…","forms":[form_json of each form run]}.
    nlohmann::json result_json() const;

private:
    MakeExecutor make_executor_;
    std::array<LiveSpinner, 4> spinners_;
    std::array<std::string, 4> start_errors_;  ///< a form that could not start (no executor for the process form)
    std::vector<Form> forms_;
    SpinnerOptions options_;
};

}  // namespace conclab::spinner

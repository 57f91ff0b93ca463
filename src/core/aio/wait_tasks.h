// Parks a task until a set of spawned tasks reaches a condition (all done, the first done, the first
// failure) or a deadline passes: the building block of gather, as_completed and wait_for.
#pragma once

#include "core/aio/event_loop.h"
#include "core/aio/task_core.h"

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace conclab::aio::detail {

enum class WaitUntil { all_done, first_done, all_done_or_first_failure };

class WaitTasks : public ParkingAwaiter<WaitTasks> {
public:
    /// @brief `shield`: a cleanup wait that cancel() does not interrupt (the cancellation stays pending).
    WaitTasks(std::vector<TaskCore*> targets, WaitUntil until, double deadline_s = std::numeric_limits<double>::infinity(),
              bool shield = false)
        : targets_(std::move(targets)), until_(until), deadline_s_(deadline_s), shield_(shield) {}
    WaitTasks(const WaitTasks&) = delete;
    WaitTasks& operator=(const WaitTasks&) = delete;

    bool shielded() const { return shield_; }

    bool park(coroutine_handle<> waiting) {
        if (satisfied()) return false;
        for (TaskCore* target : targets_)
            if (!target->done()) registrations_.emplace_back(target, target->add_done_callback([this] { on_target_done(); }));
        if (deadline_s_ != std::numeric_limits<double>::infinity())
            timer_ = core_->loop->add_wakeup(deadline_s_, *core_, [this] {
                timer_.reset();
                timed_out_ = true;
                unregister();
                core_->wake();
            }, core_->name + " (timeout)");
        core_->wait_on(waiting, "tasks", [this] { unregister(); }, shield_);
        return true;
    }
    /// @brief True when the deadline passed first.
    bool await_resume() {
        if (!shield_) core_->throw_if_cancelled();
        return timed_out_;
    }

private:
    bool satisfied() const {
        std::size_t done = 0;
        for (const TaskCore* target : targets_) {
            if (!target->done()) continue;
            ++done;
            if (until_ == WaitUntil::first_done) return true;
            if (until_ == WaitUntil::all_done_or_first_failure && target->state != TaskState::finished) return true;
        }
        return done == targets_.size();
    }
    void on_target_done() {
        if (!satisfied()) return;
        unregister();
        core_->wake();
    }
    void unregister() {
        for (auto& [target, id] : registrations_) target->remove_done_callback(id);
        registrations_.clear();
        if (timer_) core_->loop->cancel_timer(*std::exchange(timer_, std::nullopt));
    }

    std::vector<TaskCore*> targets_;
    WaitUntil until_;
    double deadline_s_;
    bool shield_;
    bool timed_out_ = false;
    std::vector<std::pair<TaskCore*, std::uint64_t>> registrations_;
    std::optional<TimerId> timer_;
};

}  // namespace conclab::aio::detail

// EventLoop: a ready queue (FIFO), timers ordered by (due time, order set), an inbox for other threads.
// One turn: collect completions, wait or jump the clock if idle, fire due timers, run the ready batch.
#include "core/aio/event_loop.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <utility>

namespace conclab::aio {

namespace {
constexpr double kForever = std::numeric_limits<double>::infinity();
}

EventLoop::EventLoop() : own_clock_(std::make_unique<VirtualClock>()), clock_(own_clock_.get()), io_(nullptr) {}

EventLoop::EventLoop(Clock& clock, IoSource* io) : clock_(&clock), io_(io) {}

EventLoop::~EventLoop() {
    closing_ = true;
    // Unregister parked tasks first, so that no semaphore, event or task keeps a pointer into a frame.
    for (auto& [id, task] : tasks_)
        if (auto detach = std::exchange(task->detach, nullptr)) detach();
    ready_.clear();
    timers_.clear();
    // A frame's destructors may spawn or release; loop until every frame is gone.
    while (!tasks_.empty()) {
        auto node = tasks_.extract(tasks_.begin());
        const auto& task = node.mapped();
        task->destroy_frame();
        task->state = TaskState::cancelled;
        task->loop = nullptr;
    }
}

std::string EventLoop::default_name(std::uint64_t id) { return "task " + std::to_string(id); }

void EventLoop::adopt(std::shared_ptr<detail::TaskCore> task) {
    ++counts_.created;
    ready_.push_back(ReadyItem{task.get(), {}, {}});
    const std::uint64_t id = task->id;
    tasks_.emplace(id, std::move(task));
}

void EventLoop::run() {
    while (turn(true, kForever)) {
    }
}

void EventLoop::run_until(double time_s) {
    for (;;) {
        drain_inbox();
        const bool due_now = !timers_.empty() && timers_.begin()->first.due_s <= clock_->now_s();
        if (ready_.empty() && !due_now && clock_->now_s() >= time_s) break;
        if (!turn(true, time_s)) break;
    }
    clock_->advance_to(time_s);
}

std::optional<double> EventLoop::run_once() {
    turn(false, kForever);
    if (!ready_.empty() || has_inbox()) return 0.0;
    if (timers_.empty()) return std::nullopt;
    return std::max(0.0, timers_.begin()->first.due_s - clock_->now_s());
}

void EventLoop::run_until_done(const detail::TaskCore& task) {
    while (!task.done()) {
        if (!turn(true, kForever))
            throw std::runtime_error("task '" + task.name + "' can never finish: nothing is ready, no timer is set, no I/O is pending");
    }
}

bool EventLoop::turn(bool may_wait, double limit_s) {
    drain_inbox();
    if (ready_.empty()) {
        const bool io_pending = io_ && io_->has_pending();
        if (timers_.empty() && !io_pending) return false;
        const double now = clock_->now_s();
        const double next_due = timers_.empty() ? kForever : timers_.begin()->first.due_s;
        const double target = std::min(next_due, limit_s);
        if (target > now) {
            if (io_pending)
                io_->wait(!may_wait ? 0.0 : clock_->simulated() ? kForever : target - now);
            else if (may_wait && clock_->simulated())
                clock_->advance_to(target);
            else if (may_wait)
                wait_for_inbox(target - now);
            drain_inbox();
        }
    }
    fire_due_timers();
    // Only what is ready now: work made ready by this batch waits for the next turn.
    for (std::size_t batch = ready_.size(); batch > 0 && !ready_.empty(); --batch) {
        ReadyItem item = std::move(ready_.front());
        ready_.pop_front();
        if (item.task)
            run_task(*item.task);
        else
            item.callback();
    }
    return true;
}

void EventLoop::wait_for_inbox(double seconds) {
    std::unique_lock lock(inbox_mutex_);
    inbox_signal_.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return !inbox_.empty(); });
}

bool EventLoop::has_inbox() const {
    std::lock_guard lock(inbox_mutex_);
    return !inbox_.empty();
}

void EventLoop::drain_inbox() {
    std::vector<std::function<void()>> posted;
    {
        std::lock_guard lock(inbox_mutex_);
        posted.swap(inbox_);
    }
    for (auto& callback : posted) ready_.push_back(ReadyItem{nullptr, std::move(callback), "threadsafe callback"});
}

void EventLoop::fire_due_timers() {
    const double now = clock_->now_s();
    while (!timers_.empty() && timers_.begin()->first.due_s <= now) {
        Timer timer = std::move(timers_.begin()->second);
        timers_.erase(timers_.begin());
        if (timer.on_due)
            timer.on_due();
        else if (timer.task)
            wake(*timer.task);
        else
            ready_.push_back(ReadyItem{nullptr, std::move(timer.callback), std::move(timer.label)});
    }
}

void EventLoop::run_task(detail::TaskCore& task) {
    if (task.state != TaskState::ready) throw std::logic_error("task '" + task.name + "' was queued twice");
    if (task.cancel_requested && !task.started) {
        finish_task(task);
        return;
    }
    task.started = true;
    task.state = TaskState::running;
    running_ = &task;
    task.resume_point.resume();
    // The trampoline: a Task awaited or finishing names the next coroutine of this task to run.
    while (task.state == TaskState::running && task.transfer) std::exchange(task.transfer, {}).resume();
    running_ = nullptr;
    if (task.root.done())
        finish_task(task);
    else if (task.state == TaskState::running)
        throw std::logic_error("task '" + task.name + "' suspended on something that is not a core/aio awaitable");
}

void EventLoop::finish_task(detail::TaskCore& task) {
    auto keep_alive = tasks_.at(task.id);
    task.collect();
    if (!task.started) {
        task.state = TaskState::cancelled;
    } else if (task.error) {
        try {
            std::rethrow_exception(task.error);
        } catch (const CancelledError&) {
            task.state = TaskState::cancelled;
        } catch (...) {
            task.state = TaskState::failed;
        }
    } else {
        // A cancellation that arrived after the task's last await still cancels it, as in asyncio.
        task.state = task.cancel_requested ? TaskState::cancelled : TaskState::finished;
    }
    ++(task.state == TaskState::finished ? counts_.finished
       : task.state == TaskState::failed ? counts_.failed
                                         : counts_.cancelled);
    task.completion_order = ++completions_;
    auto callbacks = std::move(task.done_callbacks_);
    task.done_callbacks_.clear();
    tasks_.erase(task.id);
    for (auto& entry : callbacks) entry.second();
}

void EventLoop::wake(detail::TaskCore& task) {
    if (closing_ || task.state != TaskState::waiting) return;
    task.detach = nullptr;
    task.shielded = false;
    task.waiting_on = "";
    make_ready(task);
}

void EventLoop::make_ready(detail::TaskCore& task) {
    if (closing_) return;
    task.state = TaskState::ready;
    ready_.push_back(ReadyItem{&task, {}, {}});
}

void EventLoop::call_soon(std::function<void()> callback, std::string label) {
    ready_.push_back(ReadyItem{nullptr, std::move(callback), std::move(label)});
}

void EventLoop::call_soon_threadsafe(std::function<void()> callback) {
    // Everything under the lock: once the loop has taken this callback it may finish and be destroyed at once, so
    // the caller must not touch the loop (its condition variable, io_) after unlocking. TSan caught a notify on a
    // loop already gone (a use-after-free that crashed core_tests once).
    std::lock_guard lock(inbox_mutex_);
    inbox_.push_back(std::move(callback));
    inbox_signal_.notify_all();
    if (io_) io_->wake();
}

TimerId EventLoop::call_at(double due_s, std::function<void()> callback, std::string label) {
    const TimerId id{due_s, next_timer_sequence_++};
    timers_.emplace(id, Timer{nullptr, {}, std::move(callback), std::move(label)});
    return id;
}

TimerId EventLoop::call_later(double delay_s, std::function<void()> callback, std::string label) {
    return call_at(clock_->now_s() + delay_s, std::move(callback), std::move(label));
}

TimerId EventLoop::add_wakeup(double due_s, detail::TaskCore& task, std::function<void()> on_due, std::string label) {
    const TimerId id{due_s, next_timer_sequence_++};
    timers_.emplace(id, Timer{&task, std::move(on_due), {}, label.empty() ? task.name : std::move(label)});
    return id;
}

bool EventLoop::cancel_timer(TimerId id) { return timers_.erase(id) > 0; }

LoopSnapshot EventLoop::snapshot() const {
    LoopSnapshot out = counts_;
    out.now_s = clock_->now_s();
    if (running_) out.running = running_->name;
    for (const auto& item : ready_) out.ready.push_back(item.task ? item.task->name : item.label);
    for (const auto& [id, timer] : timers_) out.timers.push_back({timer.label, id.due_s});
    for (const auto& [id, task] : tasks_)
        if (task->state == TaskState::waiting) out.waiting.push_back({task->name, task->waiting_on});
    return out;
}

}  // namespace conclab::aio

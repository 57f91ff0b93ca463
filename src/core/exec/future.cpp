// Futures' states, results and callbacks (future.h), as concurrent.futures has them.
#include "core/exec/future.h"

namespace conclab::exec {

struct FutureState {
    explicit FutureState(std::size_t i) : index(i) {}
    const std::size_t index;
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    FutureStatus status = FutureStatus::pending;
    std::string value;   // the result, or the error message
    TaskRecord record;
    std::vector<std::shared_ptr<CompletionQueue>> waiters;
};

std::shared_ptr<FutureState> make_future_state(std::size_t index) { return std::make_shared<FutureState>(index); }

static bool is_done(FutureStatus s) { return s == FutureStatus::finished || s == FutureStatus::failed || s == FutureStatus::cancelled; }

FutureStatus Future::status() const {
    std::lock_guard lock(state_->mutex);
    return state_->status;
}

bool Future::done() const { return is_done(status()); }

std::size_t Future::index() const { return state_->index; }

bool Future::cancel() {
    // Checked and marked under one lock, so that a task starting meanwhile is never reported cancelled.
    if (finish(FutureStatus::cancelled, {}, 0, /*only_if_pending=*/true)) return true;
    return status() == FutureStatus::cancelled;   // a status never goes back to pending
}

std::string Future::result() const {
    std::unique_lock lock(state_->mutex);
    state_->changed.wait(lock, [&] { return is_done(state_->status); });
    if (state_->status == FutureStatus::cancelled) throw CancelledError();
    if (state_->status == FutureStatus::failed) throw TaskError(state_->value);
    return state_->value;
}

std::optional<std::string> Future::error() const {
    std::lock_guard lock(state_->mutex);
    if (state_->status == FutureStatus::failed) return state_->value;
    if (state_->status == FutureStatus::cancelled) return "cancelled";
    return std::nullopt;
}

TaskRecord Future::record() const {
    std::lock_guard lock(state_->mutex);
    return state_->record;
}

bool Future::set_running(std::string worker, double now_s) {
    std::lock_guard lock(state_->mutex);
    if (state_->status != FutureStatus::pending) return false;
    state_->status = FutureStatus::running;
    state_->record.worker = std::move(worker);
    state_->record.started_s = now_s;
    return true;
}

void Future::set_waited(double seconds, std::vector<TimeSpan> spans) {
    std::lock_guard lock(state_->mutex);
    state_->record.waited_s = seconds;
    state_->record.gil_waits = std::move(spans);
}

void Future::set_cpu_s(double seconds) {
    std::lock_guard lock(state_->mutex);
    state_->record.cpu_s = seconds;
}

void Future::set_worker_startup_s(double seconds) {
    std::lock_guard lock(state_->mutex);
    state_->record.worker_startup_s = seconds;
}

void Future::set_result(std::string value, double now_s) { finish(FutureStatus::finished, std::move(value), now_s, false); }
void Future::set_error(std::string message, double now_s) { finish(FutureStatus::failed, std::move(message), now_s, false); }

bool Future::finish(FutureStatus status, std::string value, double now_s, bool only_if_pending) {
    std::vector<std::shared_ptr<CompletionQueue>> waiters;
    {
        std::lock_guard lock(state_->mutex);
        if (is_done(state_->status)) return false;
        if (only_if_pending && state_->status != FutureStatus::pending) return false;
        state_->status = status;
        state_->value = std::move(value);
        if (status != FutureStatus::cancelled) state_->record.finished_s = now_s;
        waiters.swap(state_->waiters);
    }
    state_->changed.notify_all();
    for (auto& queue : waiters) queue->push(*this);
    return true;
}

void Future::add_waiter(const std::shared_ptr<CompletionQueue>& queue) {
    {
        std::lock_guard lock(state_->mutex);
        if (!is_done(state_->status)) {
            state_->waiters.push_back(queue);
            return;
        }
    }
    queue->push(*this);
}

void CompletionQueue::push(const Future& future) {
    {
        std::lock_guard lock(mutex_);
        done_.push_back(future);
    }
    ready_.notify_one();
}

std::optional<Future> CompletionQueue::try_pop() {
    std::lock_guard lock(mutex_);
    if (done_.empty()) return std::nullopt;
    Future f = done_.front();
    done_.pop_front();
    return f;
}

Future CompletionQueue::pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !done_.empty(); });
    Future f = done_.front();
    done_.pop_front();
    return f;
}

AsCompleted::AsCompleted(const std::vector<Future>& futures) : remaining_(futures.size()) {
    for (auto f : futures) f.add_waiter(queue_);
}

std::optional<Future> AsCompleted::next() {
    if (remaining_ == 0) return std::nullopt;
    --remaining_;
    return queue_->pop();
}

std::optional<Future> AsCompleted::try_next() {
    if (remaining_ == 0) return std::nullopt;
    auto f = queue_->try_pop();
    if (f) --remaining_;
    return f;
}

}  // namespace conclab::exec

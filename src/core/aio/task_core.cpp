// TaskCore: a spawned task's bookkeeping; the loop does the scheduling.
#include "core/aio/task_core.h"

#include "core/aio/errors.h"
#include "core/aio/event_loop.h"

#include <algorithm>

namespace conclab::aio {

const char* to_string(TaskState state) {
    switch (state) {
        case TaskState::ready: return "ready";
        case TaskState::running: return "running";
        case TaskState::waiting: return "waiting";
        case TaskState::finished: return "finished";
        case TaskState::failed: return "failed";
        case TaskState::cancelled: return "cancelled";
    }
    return "?";
}

namespace detail {

TaskCore::TaskCore(EventLoop& owner, std::uint64_t task_id, std::string task_name, coroutine_handle<> frame)
    : loop(&owner), id(task_id), name(std::move(task_name)), root(frame), resume_point(frame) {}

TaskCore::~TaskCore() { destroy_frame(); }

void TaskCore::destroy_frame() {
    resume_point = {};
    if (auto frame = std::exchange(root, {})) frame.destroy();
}

void TaskCore::wait_on(coroutine_handle<> resume_at, const char* what, std::function<void()> detach_fn, bool shield) {
    resume_point = resume_at;
    state = TaskState::waiting;
    waiting_on = what;
    detach = std::move(detach_fn);
    shielded = shield;
}

void TaskCore::wake() {
    if (loop) loop->wake(*this);
}

void TaskCore::yield(coroutine_handle<> resume_at) {
    resume_point = resume_at;
    loop->make_ready(*this);
}

bool TaskCore::request_cancel() {
    if (done() || !loop) return false;
    cancel_requested = true;
    if (state == TaskState::waiting && !shielded) {
        if (auto detach_fn = std::exchange(detach, nullptr)) detach_fn();
        loop->wake(*this);
    }
    return true;
}

void TaskCore::throw_if_cancelled() {
    if (cancel_requested) {
        cancel_requested = false;
        throw CancelledError();
    }
}

std::uint64_t TaskCore::add_done_callback(std::function<void()> callback) {
    const std::uint64_t callback_id = next_callback_id_++;
    done_callbacks_.emplace_back(callback_id, std::move(callback));
    return callback_id;
}

void TaskCore::remove_done_callback(std::uint64_t callback_id) {
    std::erase_if(done_callbacks_, [&](const auto& entry) { return entry.first == callback_id; });
}

}  // namespace detail
}  // namespace conclab::aio

// Sequential, thread-pool and GIL-model executors: the same worker loop over std::threads, with one
// worker for sequential and one shared Gil for the CPython model.
#include "core/exec/executor.h"
#include "core/exec/gil.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace conclab::exec {
namespace {

class ThreadExecutor final : public Executor {
public:
    ThreadExecutor(ExecutorKind kind, int workers, std::chrono::microseconds gil_interval)
        : kind_(kind), workers_(workers) {
        if (auto error = workers_error(workers); !error.empty()) throw std::invalid_argument(error);
        if (kind == ExecutorKind::gil) gil_ = std::make_unique<Gil>(gil_interval);
        stop_flags_ = std::make_unique<std::atomic<bool>[]>(static_cast<std::size_t>(workers));
        threads_.reserve(static_cast<std::size_t>(workers));
        for (int i = 0; i < workers; ++i) threads_.emplace_back([this, i] { work(i + 1); });
    }

    ~ThreadExecutor() override { shutdown(true, true); }

    ExecutorKind kind() const override { return kind_; }
    bool all_workers_started() const override { return started_.load() == workers_; }
    int workers() const override { return workers_; }

    Future submit(Task task) override {
        std::lock_guard lock(mutex_);
        if (closed_) throw std::logic_error("submit after shutdown");
        Future future(make_future_state(submitted_++));
        queue_.push_back({std::move(task), future});
        work_available_.notify_one();
        return future;
    }

    void cancel_all() override {
        std::deque<Pending> dropped;
        {
            // One critical section: every task picked before it is asked to stop, none picked after it is.
            std::lock_guard lock(mutex_);
            dropped.swap(queue_);
            for (int i = 0; i < workers_; ++i) stop_flags_[i].store(true);
        }
        for (auto& p : dropped) p.future.cancel();
    }

    void shutdown(bool wait, bool cancel_futures) override {
        if (cancel_futures) cancel_all();
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        work_available_.notify_all();
        if (!wait) return;
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }

private:
    struct Pending {
        Task task;
        Future future;
    };

    std::vector<TimeSpan> wait_spans(const TaskContext& context) const {
        std::vector<TimeSpan> spans;
        spans.reserve(context.wait_spans().size());
        for (const auto& [from, to] : context.wait_spans()) spans.push_back({to_s(from), to_s(to)});
        return spans;
    }

    std::string worker_name(int number) const {
        if (kind_ == ExecutorKind::sequential) return "main";
        return "thread " + std::to_string(number);
    }

    void work(int number) {
        const std::string name = worker_name(number);
        std::atomic<bool>& stop = stop_flags_[number - 1];
        started_.fetch_add(1);
        for (;;) {
            Pending next;
            {
                std::unique_lock lock(mutex_);
                work_available_.wait(lock, [&] { return closed_ || !queue_.empty(); });
                if (queue_.empty()) return;
                next = std::move(queue_.front());
                queue_.pop_front();
                stop.store(false);   // under the lock, so a cancel_all after this pick reaches the task
            }
            GilHold hold(gil_.get());   // a Python thread holds the GIL whenever it runs bytecode
            if (!next.future.set_running(name, now_s())) continue;
            TaskContext context(&stop, gil_.get());
            try {
                std::string value = run_task(next.task, context);
                next.future.set_waited(context.waited_s(), wait_spans(context));
                next.future.set_result(std::move(value), now_s());
            } catch (const TaskCancelled&) {
                next.future.set_waited(context.waited_s(), wait_spans(context));
                next.future.set_error("cancelled while running", now_s());
            } catch (const std::exception& e) {
                next.future.set_waited(context.waited_s(), wait_spans(context));
                next.future.set_error(e.what(), now_s());
            }
        }
    }

    const ExecutorKind kind_;
    const int workers_;
    std::unique_ptr<Gil> gil_;
    std::mutex mutex_;
    std::condition_variable work_available_;
    std::deque<Pending> queue_;
    std::size_t submitted_ = 0;
    bool closed_ = false;
    std::unique_ptr<std::atomic<bool>[]> stop_flags_;   // one per worker: "stop the task you run"
    std::atomic<int> started_{0};
    std::vector<std::thread> threads_;
};

}  // namespace

std::unique_ptr<Executor> make_sequential_executor() {
    return std::make_unique<ThreadExecutor>(ExecutorKind::sequential, 1, std::chrono::microseconds(0));
}

std::unique_ptr<Executor> make_thread_pool(int workers) {
    return std::make_unique<ThreadExecutor>(ExecutorKind::threads, workers, std::chrono::microseconds(0));
}

std::unique_ptr<Executor> make_gil_thread_pool(int workers, std::chrono::microseconds switch_interval) {
    return std::make_unique<ThreadExecutor>(ExecutorKind::gil, workers, switch_interval);
}

}  // namespace conclab::exec

// An executor for tests whose task on one argument waits at a gate the test opens ("test.after_gate", see
// test_tasks.h): that task finishes when the test says, not when the machine happens to be done with it.
#pragma once

#include "core/exec/executor.h"

#include <memory>
#include <string>
#include <utility>

namespace conclab::test {

class GatedExecutor final : public exec::Executor {
public:
    GatedExecutor(std::unique_ptr<exec::Executor> pool, std::string held_argument, std::string gate)
        : pool_(std::move(pool)), held_(std::move(held_argument)), gate_(std::move(gate)) {}
    exec::ExecutorKind kind() const override { return pool_->kind(); }
    int workers() const override { return pool_->workers(); }
    exec::Future submit(exec::Task task) override {
        if (task.argument == held_) task = {"test.after_gate", gate_ + "|" + task.function + "|" + task.argument};
        return pool_->submit(std::move(task));
    }
    void cancel_all() override { pool_->cancel_all(); }
    void shutdown(bool wait, bool cancel_futures) override { pool_->shutdown(wait, cancel_futures); }

private:
    std::unique_ptr<exec::Executor> pool_;
    std::string held_, gate_;
};

}  // namespace conclab::test

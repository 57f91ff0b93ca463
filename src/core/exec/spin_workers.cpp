// N spinning CPU-bound threads and their counters (spin_workers.h), for the System demo.
#include "core/exec/spin_workers.h"

#include <stdexcept>
#include <string>

namespace conclab::exec {

void SpinWorkers::start(int count) {
    if (count < 0 || count > kMaxSpinWorkers)
        throw std::invalid_argument("spin workers must be 0.." + std::to_string(kMaxSpinWorkers) + ", got " + std::to_string(count));
    stop();
    stopping_.store(false);
    started_.store(0);
    slots_ = std::make_unique<Slot[]>(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        threads_.emplace_back([this, i] {
            Slot& slot = slots_[static_cast<std::size_t>(i)];
            started_.fetch_add(1);
            std::uint64_t local = 0, x = 88172645463325252ull + static_cast<std::uint64_t>(i);
            while (!stopping_.load(std::memory_order_relaxed)) {
                for (int k = 0; k < 4096; ++k) {   // xorshift: real work the compiler cannot remove
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                }
                local += 4096;
                // x is never 0 (xorshift): reading it here keeps the loop from being optimised away.
                slot.value.store(local + (x == 0 ? 1 : 0), std::memory_order_relaxed);
            }
        });
    }
}

void SpinWorkers::stop() {
    stopping_.store(true);
    for (auto& t : threads_) t.join();
    threads_.clear();
}

}  // namespace conclab::exec

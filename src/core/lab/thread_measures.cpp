// The lab's measurements in standard C++ alone (thread_measures.h): thread start-up, ping-pong, round trips, pointer
// chase.
#include "core/lab/thread_measures.h"

#include "core/exec/task.h"
#include "core/primes/least_prime_factor.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <numeric>
#include <random>
#include <stdexcept>
#include <thread>

namespace conclab::lab {
namespace {

double now_s() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

std::vector<char> pattern(std::size_t bytes) {
    std::vector<char> data(bytes);
    for (std::size_t i = 0; i < bytes; ++i) data[i] = static_cast<char>('a' + i % 26);
    return data;
}

/// After a few untimed warm-up trips, `count` samples of `per_sample` trips each; seconds per trip.
template <class Trip>
std::vector<double> time_trips(int count, int per_sample, Trip&& trip) {
    per_sample = std::max(1, per_sample);
    for (int i = 0; i < 3; ++i) trip();
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const double start = now_s();
        for (int t = 0; t < per_sample; ++t) trip();
        samples.push_back((now_s() - start) / per_sample);
    }
    return samples;
}

struct alignas(64) ChaseNode {
    ChaseNode* next;
};

// Each sample's last node is stored here before the clock is read again: a store to a global the clock's
// (opaque) code could read, so the compiler can't sink the chase past the timing.
ChaseNode* volatile g_chase_end = nullptr;

std::string echo_task(std::string_view argument, exec::TaskContext&) { return std::string(argument); }

}  // namespace

std::vector<double> thread_start_samples(int count) {
    std::vector<double> samples;
    for (int i = 0; i < count; ++i) {
        const double start = now_s();
        std::thread t([] {});
        t.join();
        samples.push_back(now_s() - start);
    }
    return samples;
}

std::vector<double> atomics_round_trip_samples(std::size_t bytes, int count, int trips_per_sample) {
    std::vector<char> request = pattern(bytes), reply(bytes), shared_request(bytes), shared_reply(bytes);
    std::atomic<int> turn{0};   // 1: a request waits; 2: a reply waits; -1: stop
    auto await_turn = [&turn](int wanted) {
        for (int spins = 0;; ++spins) {
            const int now = turn.load(std::memory_order_acquire);
            if (now == wanted || now == -1) return now;
            if (spins > 1000) turn.wait(now, std::memory_order_acquire);   // a futex: sleep until it changes
        }
    };
    std::thread echo([&] {
        while (await_turn(1) == 1) {
            std::memcpy(shared_reply.data(), shared_request.data(), bytes);
            turn.store(2, std::memory_order_release);
            turn.notify_one();
        }
    });
    auto samples = time_trips(count, trips_per_sample, [&] {
        std::memcpy(shared_request.data(), request.data(), bytes);
        turn.store(1, std::memory_order_release);
        turn.notify_one();
        await_turn(2);
        std::memcpy(reply.data(), shared_reply.data(), bytes);
    });
    turn.store(-1);
    turn.notify_one();
    echo.join();
    return samples;
}

std::vector<double> queue_round_trip_samples(std::size_t bytes, int count, int trips_per_sample) {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::vector<char>> requests, replies;
    bool stop = false;
    std::thread echo([&] {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return stop || !requests.empty(); });
            if (stop) return;
            replies.push_back(std::move(requests.front()));
            requests.pop_front();
            changed.notify_all();
        }
    });
    const std::vector<char> message = pattern(bytes);
    std::vector<char> received;
    auto samples = time_trips(count, trips_per_sample, [&] {
        std::unique_lock lock(mutex);
        requests.push_back(message);   // a copy into the queue, as a message would be
        changed.notify_all();
        changed.wait(lock, [&] { return !replies.empty(); });
        received = std::move(replies.front());
        replies.pop_front();
    });
    {
        std::lock_guard lock(mutex);
        stop = true;
    }
    changed.notify_all();
    echo.join();
    return samples;
}

std::vector<double> thread_ping_pong_samples(int per_sample, int samples) {
    std::mutex mutex;
    std::condition_variable changed;
    int ball = 0;   // odd: the partner's turn; -1: stop
    std::thread partner([&] {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return ball == -1 || ball % 2 == 1; });
            if (ball == -1) return;
            ++ball;
            changed.notify_one();
        }
    });
    std::vector<double> out;
    for (int s = 0; s < samples; ++s) {
        const double start = now_s();
        for (int i = 0; i < per_sample; ++i) {
            std::unique_lock lock(mutex);
            ++ball;
            changed.notify_one();
            changed.wait(lock, [&] { return ball % 2 == 0; });
        }
        out.push_back((now_s() - start) / per_sample);
    }
    {
        std::lock_guard lock(mutex);
        ball = -1;
    }
    changed.notify_one();
    partner.join();
    return out;
}

std::vector<double> pointer_chase_samples(std::size_t working_set, std::size_t loads, int samples) {
    const std::size_t count = std::max<std::size_t>(2, working_set / sizeof(ChaseNode));
    std::vector<ChaseNode> nodes(count);
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Sattolo's shuffle: one random cycle through every node, so no prefetcher can guess the next line.
    std::mt19937_64 random(20240601);
    for (std::size_t i = count - 1; i > 0; --i) std::swap(order[i], order[std::uniform_int_distribution<std::size_t>(0, i - 1)(random)]);
    for (std::size_t i = 0; i < count; ++i) nodes[order[i]].next = &nodes[order[(i + 1) % count]];
    ChaseNode* p = &nodes[order[0]];
    for (std::size_t i = 0; i < std::min(count, loads); ++i) p = p->next;   // warm caches and TLB
    std::vector<double> out;
    for (int s = 0; s < samples; ++s) {
        const double start = now_s();
        for (std::size_t i = 0; i < loads; ++i) p = p->next;
        g_chase_end = p;
        out.push_back((now_s() - start) * 1e9 / static_cast<double>(loads));
    }
    return out;
}

double workload_wall_seconds(const std::function<std::unique_ptr<exec::Executor>(exec::ExecutorKind, int)>& make,
                             exec::ExecutorKind kind, int workers, const std::vector<std::uint64_t>& numbers) {
    primes::register_tasks();
    auto executor = make(kind, workers);
    // Warm-up: one task of the workload per worker, so that processes have started (and, in a browser, the
    // wasm engine has moved the hot loop to its optimizing tier) before the clock does.
    std::vector<std::string> warm_up(static_cast<std::size_t>(workers),
                                     numbers.empty() ? std::string("1099511627689") : std::to_string(numbers.front()));
    exec::map(*executor, "primes.lpf", warm_up);
    std::vector<std::string> arguments;
    for (auto n : numbers) arguments.push_back(std::to_string(n));
    const double start = now_s();
    const auto results = exec::map(*executor, "primes.lpf", arguments);
    const double wall = now_s() - start;
    executor->shutdown(true, false);
    for (std::size_t i = 0; i < numbers.size(); ++i)
        if (results[i] != arguments[i]) throw std::runtime_error("the workload computed a wrong factor for " + arguments[i]);
    return wall;
}

void register_tasks() { exec::register_task("lab.echo", echo_task); }

}  // namespace conclab::lab

// The lab's coroutine column measured on core/aio's event loop (coroutine_measures.h).
#include "core/lab/coroutine_measures.h"

#include "core/aio/event.h"
#include "core/aio/event_loop.h"
#include "core/aio/task.h"
#include "core/lab/probes.h"

#include <chrono>
#include <string>

namespace conclab::lab {

namespace {

double now_s() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

aio::Task<void> finish_at_once() { co_return; }

aio::Task<void> wait_for(const aio::Event& event) { co_await event.wait(); }

// One side of the ping-pong: wake the partner, wait to be woken, `rounds` times. The server side waits first.
aio::Task<void> volley(aio::Event& mine, aio::Event& partners, int rounds, bool serve) {
    for (int i = 0; i < rounds; ++i) {
        if (serve) partners.set();
        co_await mine.wait();
        mine.clear();
        if (!serve) partners.set();
    }
}

}  // namespace

std::vector<double> coroutine_start_samples(int per_sample, int samples) {
    std::vector<double> out;
    for (int s = 0; s < samples; ++s) {
        aio::EventLoop loop;
        const double start = now_s();
        for (int i = 0; i < per_sample; ++i) loop.spawn(finish_at_once(), "c");
        loop.run();
        out.push_back((now_s() - start) / per_sample);
    }
    return out;
}

std::vector<double> coroutine_ping_pong_samples(int per_sample, int samples) {
    std::vector<double> out;
    for (int s = 0; s < samples; ++s) {
        aio::EventLoop loop;
        aio::Event ping, pong;
        loop.spawn(volley(pong, ping, per_sample, false), "pong");
        const double start = now_s();
        loop.spawn(volley(ping, pong, per_sample, true), "ping");
        loop.run();
        out.push_back((now_s() - start) / per_sample);
    }
    return out;
}

SuspendedCoroutines::SuspendedCoroutines(int count)
    : loop_(std::make_unique<aio::EventLoop>()), release_(std::make_unique<aio::Event>()) {
    for (int i = 0; i < count; ++i) loop_->spawn(wait_for(*release_), "c");
    loop_->run();   // each runs to its wait and parks; then nothing is ready and run() returns
}

SuspendedCoroutines::~SuspendedCoroutines() {
    release_->set();
    loop_->run();
}

int SuspendedCoroutines::parked() const { return static_cast<int>(loop_->unfinished_tasks()); }

std::optional<Samples> Probes::start_coroutines(int per_sample, int samples) {
    return Samples{coroutine_start_samples(per_sample, samples), {MethodId::coroutine_start, {std::to_string(per_sample)}}};
}

std::optional<Samples> Probes::coroutine_ping_pong(int per_sample, int samples) {
    return Samples{coroutine_ping_pong_samples(per_sample, samples), {MethodId::coroutine_pingpong, {std::to_string(per_sample)}}};
}

}  // namespace conclab::lab

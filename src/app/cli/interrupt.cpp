// Ctrl+C and SIGTERM turned into an event a running command polls (interrupt.h), so it can stop, print what finished
// and exit 130.
#include "app/cli/interrupt.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <pthread.h>

namespace conclab::cli {

InterruptWatch::InterruptWatch(bool announce) : announce_(announce) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_mask_);
    watcher_ = std::thread([this] { watch(); });
}

InterruptWatch::~InterruptWatch() { stop(); }

void InterruptWatch::on_interrupt(std::function<void()> action) {
    std::lock_guard lock(mutex_);
    action_ = std::move(action);
}

void InterruptWatch::stop() {
    stopping_ = true;
    if (watcher_.joinable()) {
        watcher_.join();
        pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
    }
}

void InterruptWatch::watch() {
    const timespec tick{0, 50'000'000};   // 50 ms: how soon stop() is noticed
    while (!stopping_) {
        const int signal = sigtimedwait(&signals_, nullptr, &tick);
        if (signal != SIGINT && signal != SIGTERM) continue;
        if (interrupted_.exchange(true)) std::_Exit(kInterrupted);   // the second Ctrl+C: no more waiting
        if (announce_) std::fprintf(stderr, "\ninterrupted: cancelling (Ctrl+C again to quit at once)\n");
        std::function<void()> action;
        {
            std::lock_guard lock(mutex_);
            action = action_;
        }
        if (action) action();
    }
}

}  // namespace conclab::cli

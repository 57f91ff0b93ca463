// Test hooks of the web process pool, for web/tests/process_pool.test.mjs only: they let the browser
// tests drive one pool through Module.ccall — submit, cancel_all, crash, shutdown — and read each
// future's state as JSON. Compiled into the page only with -DCONCLAB_WEB_TEST_HOOKS=ON (the web-test
// preset); the shipped page has none of them.
#include "platform/platform.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace {
std::unique_ptr<conclab::exec::Executor> test_pool;
std::vector<conclab::exec::Future> test_futures;
std::string test_text;

int submit(std::string function, std::string argument) {
    if (!test_pool) return -1;
    try {
        test_futures.push_back(test_pool->submit({std::move(function), std::move(argument)}));
    } catch (const std::exception& e) {
        test_text = e.what();
        return -1;
    }
    return static_cast<int>(test_futures.size()) - 1;
}
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int conclab_test_pool_create(int workers) {
    test_futures.clear();
    test_pool.reset();
    try {
        test_pool = conclab::platform::make_process_pool(workers);
        return 1;
    } catch (const std::exception& e) {
        test_text = e.what();
        return 0;
    }
}

EMSCRIPTEN_KEEPALIVE int conclab_test_pool_submit(const char* function, const char* argument) { return submit(function, argument); }

/// The argument as a JSON string, so that a test can send any bytes (NUL included) through ccall.
EMSCRIPTEN_KEEPALIVE int conclab_test_pool_submit_json(const char* function, const char* argument_json) {
    try {
        return submit(function, nlohmann::json::parse(argument_json).get<std::string>());
    } catch (const nlohmann::json::exception& e) {
        test_text = e.what();
        return -1;
    }
}

EMSCRIPTEN_KEEPALIVE void conclab_test_pool_cancel_all() {
    if (test_pool) test_pool->cancel_all();
}

EMSCRIPTEN_KEEPALIVE void conclab_test_pool_shutdown(int cancel_futures) {
    if (test_pool) test_pool->shutdown(true, cancel_futures != 0);
}

EMSCRIPTEN_KEEPALIVE void conclab_test_pool_destroy() { test_pool.reset(); }

// {"status": "pending|running|finished|failed|cancelled", "value"|"error": …, "worker": …,
//  "worker_startup_s": …}, or the last error. Bytes that are not UTF-8 are replaced in the JSON.
EMSCRIPTEN_KEEPALIVE const char* conclab_test_pool_status(int index) {
    using conclab::exec::FutureStatus;
    if (index < 0 || index >= static_cast<int>(test_futures.size())) return test_text.c_str();
    const auto& f = test_futures[static_cast<std::size_t>(index)];
    static const char* const names[] = {"pending", "running", "finished", "failed", "cancelled"};
    const FutureStatus status = f.status();
    const auto record = f.record();
    nlohmann::json doc{{"status", names[static_cast<int>(status)]}, {"worker", record.worker}};
    if (record.worker_startup_s) doc["worker_startup_s"] = *record.worker_startup_s;
    if (status == FutureStatus::finished) doc["value"] = f.result();
    if (auto error = f.error()) doc["error"] = *error;
    test_text = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return test_text.c_str();
}

}  // extern "C"

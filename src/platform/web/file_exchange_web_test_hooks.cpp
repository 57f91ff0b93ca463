// Test hooks of the web file exchange (file_exchange_web.cpp), for web/tests/lab.test.mjs only: a download
// of given text and the file picker, driven through Module.ccall. The picked file then reaches the app as a
// real pick does (the lab panel takes it on its next update). Compiled into the page only with
// -DCONCLAB_WEB_TEST_HOOKS=ON (the web-test preset).
#include "platform/file_exchange.h"

#include <emscripten.h>

#include <string>

namespace {
std::string test_text;
}

extern "C" {

/// @brief Downloads `contents` as `name`; returns what export_file says (or "error: …").
EMSCRIPTEN_KEEPALIVE const char* conclab_test_export_file(const char* name, const char* contents) {
    try {
        test_text = conclab::platform::export_file(name, "application/json", contents);
    } catch (const std::exception& e) {
        test_text = std::string("error: ") + e.what();
    }
    return test_text.c_str();
}

/// @brief Opens the browser's file picker (the page must have had a user gesture in the last seconds).
EMSCRIPTEN_KEEPALIVE void conclab_test_open_file_picker() { conclab::platform::open_file_picker(".json,application/json"); }

}  // extern "C"

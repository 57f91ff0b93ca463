// The web HTTP client of the wikipics demo, on emscripten_fetch: get() is a synchronous fetch made by the
// calling pthread (a Web Worker) — the blocking call a Python thread makes with requests.get. What
// Emscripten 3.1.6 does and how each is handled here (read in its src/Fetch.js and emscripten_fetch.c,
// seen in Chromium):
//   - timeoutMSecs is ignored for synchronous fetches (Fetch.js sets xhr.timeout only for async ones). A
//     worker may set a timeout on a synchronous XHR (the spec forbids it only in a Window), so each worker
//     wraps XMLHttpRequest once: send() applies the timeout of the request about to start, and records
//     the exception a failed synchronous send() throws ("TimeoutError", "NetworkError").
//   - onsuccess comes only for 2xx; every other status arrives in onerror with its status.
//   - A network failure (refused, reset, a body shorter than its Content-Length, CORS) gives status 0 and
//     no bytes: a browser does not say which. Such an error is "network" with that explanation
//     (natively libcurl tells reset from truncated).
//   - emscripten_fetch_close() does not abort an in-flight XHR (fetchFree only forgets it; its onload would
//     write into freed memory). A synchronous fetch is over when emscripten_fetch returns, so close() here
//     always comes after completion. Nothing can interrupt a synchronous XHR from another thread: cancel
//     stops requests that have not started; one in flight ends at its timeout at the latest.
//   - EMSCRIPTEN_FETCH_STREAM_DATA is broken (it relies on Firefox's removed moz-chunked-arraybuffer): not
//     used; the body arrives whole (LOAD_TO_MEMORY) and the size cap is checked when it is in.
//   - A synchronous XHR fires no progress events, so the first byte's time comes from the worker's
//     Resource Timing entry for the URL (responseStart), where the server allows it (same origin, or
//     Timing-Allow-Origin as upload.wikimedia.org and the mirror send).
// No custom header goes to the image host (it would cost a CORS preflight); the API gets Api-User-Agent,
// Wikimedia's way to name a browser client. start() (an event loop's asynchronous fetch) is not offered on
// the web yet: start_unsupported() says why, and the demo refuses the async executor with that reason.
#include "http.h"

#include <emscripten.h>
#include <emscripten/fetch.h>
#include <emscripten/threading.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <cstring>
#include <stdexcept>
#include <string>

#ifndef CONCLAB_VERSION
#define CONCLAB_VERSION "dev"
#endif

// Wraps this worker's XMLHttpRequest once (see above). Returns nothing; state lives on the worker's global.
EM_JS(void, conclab_fetch_prepare, (double timeout_ms), {
    if (!self.__conclabXhrWrapped) {
        self.__conclabXhrWrapped = true;
        const Base = self.XMLHttpRequest;
        class TimedXMLHttpRequest extends Base {
            open(method, url, async, user, password) {
                this.__conclabSync = async === false;
                return super.open(method, url, async === undefined ? true : async, user, password);
            }
            send(body) {
                if (this.__conclabSync && self.__conclabTimeoutMs > 0) {
                    try { this.timeout = self.__conclabTimeoutMs; } catch (e) { self.__conclabTimeoutRefused = String(e); }
                }
                try {
                    return super.send(body);
                } catch (e) {
                    self.__conclabSendError = (e && e.name ? e.name : 'Error') + ': ' + (e && e.message ? e.message : String(e));
                    throw e;
                }
            }
        }
        self.XMLHttpRequest = TimedXMLHttpRequest;
    }
    self.__conclabTimeoutMs = timeout_ms;
    self.__conclabSendError = "";
    if (typeof performance !== 'undefined' && performance.clearResourceTimings) performance.clearResourceTimings();
});

// The exception the last synchronous send() threw in this worker ("TimeoutError: …"), or "" (malloc'd).
EM_JS(char*, conclab_fetch_send_error, (), {
    const text = self.__conclabSendError || "";
    const size = lengthBytesUTF8(text) + 1;
    const out = _malloc(size);
    stringToUTF8(text, out, size);
    return out;
});

// Seconds from the request's start to its first response byte, from this worker's Resource Timing; -1 if unknown.
EM_JS(double, conclab_fetch_first_byte_s, (const char* url), {
    if (typeof performance === 'undefined' || !performance.getEntriesByType) return -1;
    const wanted = UTF8ToString(url);
    const entries = performance.getEntriesByType('resource').filter((e) => e.name === wanted);
    performance.clearResourceTimings();
    if (!entries.length) return -1;
    const e = entries[entries.length - 1];
    if (!(e.responseStart > 0) || !(e.startTime >= 0)) return -1;   // 0 without Timing-Allow-Origin
    return (e.responseStart - e.startTime) / 1000;
});

// location.origin of the page (a pthread's worker script is on the same origin), malloc'd.
EM_JS(char*, conclab_fetch_origin, (), {
    const text = (self.location && self.location.origin) ? self.location.origin : "";
    const size = lengthBytesUTF8(text) + 1;
    const out = _malloc(size);
    stringToUTF8(text, out, size);
    return out;
});

namespace conclab::platform {

namespace {

using wikipics::HttpDone;
using wikipics::HttpError;
using wikipics::HttpLimits;
using wikipics::HttpResponse;
using wikipics::RequestId;

constexpr const char* kApiUserAgent =
    "ConcurrencyLab/" CONCLAB_VERSION " (https://github.com/ramalho/python-eng; teaching demo in a browser)";

bool is_api_request(const std::string& url) { return url.find("/api.php") != std::string::npos; }

std::optional<double> retry_after(emscripten_fetch_t* fetch) {
    const std::size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0) return std::nullopt;
    std::string headers(length + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, headers.data(), headers.size());
    for (char& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = headers.find("retry-after:");
    if (at == std::string::npos) return std::nullopt;
    const char* value = headers.c_str() + at + std::strlen("retry-after:");
    char* end = nullptr;
    const long seconds = std::strtol(value, &end, 10);
    if (end == value || seconds < 0) return std::nullopt;
    return static_cast<double>(seconds);
}

class FetchHttpClient final : public wikipics::HttpClient {
public:
    HttpResponse get(const std::string& url, const HttpLimits& limits) override {
        HttpResponse response;
        if (limits.cancel && *limits.cancel) {
            response.error = HttpError::cancelled;
            response.error_detail = "cancelled";
            return response;
        }
        if (emscripten_is_main_browser_thread()) {
            // Emscripten returns NULL at once there: a page's main thread may not block.
            response.error = HttpError::network;
            response.error_detail = "a blocking request cannot run on the page's main thread";
            return response;
        }
        const double timeout_ms = std::max(1.0, limits.timeout_s * 1000);
        conclab_fetch_prepare(timeout_ms);

        emscripten_fetch_attr_t attr;
        emscripten_fetch_attr_init(&attr);
        std::strcpy(attr.requestMethod, "GET");
        attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_SYNCHRONOUS | EMSCRIPTEN_FETCH_REPLACE;
        attr.timeoutMSecs = static_cast<unsigned long>(timeout_ms);   // ignored for synchronous fetches (see above)
        const char* api_headers[] = {"Api-User-Agent", kApiUserAgent, nullptr};
        if (is_api_request(url)) attr.requestHeaders = api_headers;

        const double started = emscripten_get_now();
        emscripten_fetch_t* fetch = emscripten_fetch(&attr, url.c_str());
        response.elapsed_s = (emscripten_get_now() - started) / 1000;
        if (!fetch) {
            response.error = HttpError::network;
            response.error_detail = "emscripten_fetch refused the request";
            return response;
        }
        response.status = fetch->status;
        const double first_byte = conclab_fetch_first_byte_s(url.c_str());
        response.first_byte_s = first_byte >= 0 ? std::min(first_byte, response.elapsed_s) : response.elapsed_s;
        const auto received = static_cast<std::size_t>(fetch->numBytes);
        if (received > limits.max_body_bytes) {
            response.body.assign(fetch->data, limits.max_body_bytes);
            response.bytes_received = received;
            response.error = HttpError::too_large;
            response.error_detail = "body over " + std::to_string(limits.max_body_bytes) + " bytes";
        } else {
            if (fetch->data && received) response.body.assign(fetch->data, received);
            response.bytes_received = received;
        }
        if (response.ok()) {
            if (response.status == 0) {
                char* raw = conclab_fetch_send_error();
                const std::string thrown = raw;
                std::free(raw);
                if (thrown.rfind("TimeoutError", 0) == 0) {
                    response.error = HttpError::timeout;
                    response.error_detail = "no complete answer within " + std::to_string(static_cast<long>(timeout_ms)) + " ms";
                } else {
                    response.error = HttpError::network;
                    response.error_detail = "status 0: no HTTP answer (refused, reset, a body cut short, or CORS; "
                                            "a browser does not say which)";
                }
            } else if (response.status == 429) {
                response.error = HttpError::rate_limited;
                response.error_detail = "HTTP 429";
                response.retry_after_s = retry_after(fetch);
            } else if (response.status < 200 || response.status > 299) {
                response.error = HttpError::http_status;
                response.error_detail = "HTTP " + std::to_string(response.status);
            }
        }
        emscripten_fetch_close(fetch);   // after completion: a synchronous fetch has finished when it returns
        if (limits.cancel && *limits.cancel && !response.ok() && response.error != HttpError::http_status &&
            response.error != HttpError::rate_limited)
            response.error = HttpError::cancelled;
        return response;
    }

    RequestId start(const std::string&, const HttpLimits&, HttpDone) override {
        throw std::logic_error("asynchronous requests (the event loop's) are not available on the web yet");
    }

    void cancel(RequestId) override {}

    std::optional<std::string> start_unsupported() const override {
        return std::string("the browser build has no event-loop fetch yet (an asynchronous emscripten_fetch calls back "
                           "only on the thread that started it, once that thread returns to the browser)");
    }
};

}  // namespace

std::unique_ptr<wikipics::HttpClient> make_http_client() { return std::make_unique<FetchHttpClient>(); }

std::optional<std::string> same_origin_api_url() {
    char* raw = conclab_fetch_origin();
    std::string origin = raw;
    std::free(raw);
    if (origin.rfind("http://", 0) != 0 && origin.rfind("https://", 0) != 0) return std::nullopt;
    return origin + "/w/api.php";
}

}  // namespace conclab::platform

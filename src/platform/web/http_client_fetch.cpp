// The web HTTP client of the wikipics demo, on emscripten_fetch, in two forms:
//   - get() is a synchronous fetch made by the calling pthread (a Web Worker) — the blocking call a Python
//     thread makes with requests.get (the sequential and threads executors, and sampling);
//   - start()/cancel() (the event loop's, like asyncio's selector) hand the request to the page's MAIN browser
//     thread (emscripten_async_run_in_main_runtime_thread), which starts an ASYNCHRONOUS fetch there: the
//     browser's own event loop does the I/O, no thread blocks per request, and the fetch's callbacks, on the
//     main thread, call on_done exactly once (the run's loop.call_soon_threadsafe wakes the coordinator's loop).
//     An asynchronous fetch calls back only on the thread that started it, once that thread returns to the
//     browser: the coordinator pthread, which blocks in its loop, could not start them itself.
// What Emscripten 3.1.6 does and how each is handled here (read in its src/Fetch.js and emscripten_fetch.c,
// seen in Chromium):
//   - timeoutMSecs is ignored for synchronous fetches (Fetch.js sets xhr.timeout only for async ones). A
//     worker may set a timeout on a synchronous XHR (the spec forbids it only in a Window), so each worker
//     wraps XMLHttpRequest once: send() applies the timeout of the request about to start, and records
//     the exception a failed synchronous send() throws ("TimeoutError", "NetworkError").
//     For an asynchronous fetch xhr.timeout is set, but its ontimeout reports through onerror with status 0,
//     like a network failure: the handler is wrapped (Fetch.xhrs[id - 1].ontimeout) to tell the two apart.
//   - onsuccess comes only for 2xx; every other status arrives in onerror with its status (429: Retry-After
//     from the response headers, read before the fetch is closed).
//   - A network failure (refused, reset, a body shorter than its Content-Length, CORS) gives status 0 and
//     no bytes: a browser does not say which. Such an error is "network" with that explanation
//     (natively libcurl tells reset from truncated). An asynchronous fetch reports the bytes that had arrived
//     (the last progress event's `loaded`).
//   - emscripten_fetch_close() does not abort an in-flight XHR (fetchFree only forgets it; its onload would
//     write into freed memory), and on a fetch not DONE it calls onerror itself. A synchronous fetch is over
//     when emscripten_fetch returns, so close() there always comes after completion. Nothing can interrupt a
//     synchronous XHR from another thread: cancel stops requests that have not started; one in flight ends at
//     its timeout at the latest. An asynchronous one is cancelled on the main thread: on_done gets
//     "cancelled" at once, then its XHR is aborted (Fetch.xhrs[id - 1].abort(); Fetch.js sets no onabort, so
//     no callback follows) and only then is the fetch closed — or, where the XHR cannot be found, closed
//     after its own completion callback. Cancel of a run is seen by a 50 ms main-thread watchdog reading
//     HttpLimits::cancel (as curl's I/O thread does natively). Closing always happens in a task of its own,
//     never inside Fetch.js's stack (a callback can run before emscripten_fetch() has returned).
//   - EMSCRIPTEN_FETCH_STREAM_DATA is broken (it relies on Firefox's removed moz-chunked-arraybuffer): not
//     used; the body arrives whole (LOAD_TO_MEMORY). A synchronous fetch checks the size cap when the body
//     is in; an asynchronous one sees it early, from onprogress (`loaded` in dataOffset, the announced length
//     in totalBytes) and aborts.
//   - A synchronous XHR fires no progress events, so the first byte's time comes from the worker's
//     Resource Timing entry for the URL (responseStart), where the server allows it (same origin, or
//     Timing-Allow-Origin as upload.wikimedia.org and the mirror send). An asynchronous one takes it from
//     onreadystatechange reaching HEADERS_RECEIVED (or the first progress event), timed on the main thread.
// No custom header goes to the image host (it would cost a CORS preflight); the API gets Api-User-Agent,
// Wikimedia's way to name a browser client.
#include "platform/platform.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/fetch.h>
#include <emscripten/threading.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

// Seconds from the request's start until it went on the wire (requestStart), from this thread's Resource Timing: the
// time it waited in the browser's queue (6 connections per host); -1 if unknown. Read on the main thread at delivery.
EM_JS(double, conclab_fetch_queued_s, (const char* url), {
    if (typeof performance === 'undefined' || !performance.getEntriesByType) return -1;
    const wanted = UTF8ToString(url);
    const entries = performance.getEntriesByType('resource').filter((e) => e.name === wanted);
    if (!entries.length) return -1;
    const e = entries[entries.length - 1];
    if (!(e.requestStart > 0) || !(e.startTime >= 0)) return -1;   // 0 without Timing-Allow-Origin
    if (performance.getEntriesByType('resource').length > 200) performance.clearResourceTimings();   // the buffer holds 250
    return (e.requestStart - e.startTime) / 1000;
});

// location.origin of the page (a pthread's worker script is on the same origin), malloc'd.
EM_JS(char*, conclab_fetch_origin, (), {
    const text = (self.location && self.location.origin) ? self.location.origin : "";
    const size = lengthBytesUTF8(text) + 1;
    const out = _malloc(size);
    stringToUTF8(text, out, size);
    return out;
});

// The event loop's asynchronous fetches (main thread). Fetch.js 3.1.6 keeps each XHR in Fetch.xhrs[id - 1] until
// emscripten_fetch_close; its ontimeout reports through onerror with status 0, like a network failure, so the
// handler is wrapped to remember that the timeout fired.
EM_JS(void, conclab_fetch_watch_timeout, (int id), {
    const xhr = (typeof Fetch !== 'undefined' && Fetch.xhrs) ? Fetch.xhrs[id - 1] : null;
    if (!xhr) return;
    const original = xhr.ontimeout;
    xhr.ontimeout = (e) => {
        xhr.__conclabTimedOut = true;
        if (original) original(e);
    };
});

EM_JS(int, conclab_fetch_timed_out, (int id), {
    const xhr = (typeof Fetch !== 'undefined' && Fetch.xhrs) ? Fetch.xhrs[id - 1] : null;
    return xhr && xhr.__conclabTimedOut ? 1 : 0;
});

// Aborts the fetch's XHR; 1 if it was found (then no onload/onerror/ontimeout follows: Fetch.js sets no onabort).
EM_JS(int, conclab_fetch_abort, (int id), {
    const xhr = (typeof Fetch !== 'undefined' && Fetch.xhrs) ? Fetch.xhrs[id - 1] : null;
    if (!xhr) return 0;
    xhr.abort();
    const counts = Module.conclabAsyncFetches || (Module.conclabAsyncFetches = {open : 0, aborted : 0});
    counts.aborted++;
    return 1;
});

// Milliseconds on a clock shared by the page and its workers (performance.timeOrigin + now()): emscripten_get_now()
// in a pthread is aligned with the main thread's only up to the delay of the message that started the worker.
EM_JS(double, conclab_fetch_shared_now_ms, (), { return performance.timeOrigin + performance.now(); });

// Module.conclabAsyncFetches {open, aborted}: asynchronous fetches not yet closed, XHRs aborted (the tests read it).
EM_JS(void, conclab_fetch_count_open, (int delta), {
    const counts = Module.conclabAsyncFetches || (Module.conclabAsyncFetches = {open : 0, aborted : 0});
    counts.open += delta;
});

namespace conclab::platform {

namespace {

using net::HttpDone;
using net::HttpError;
using net::HttpLimits;
using net::HttpResponse;
using net::RequestId;

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
    std::string_view value(headers.c_str() + at + std::strlen("retry-after:"));   // up to the terminating NUL
    value = value.substr(0, value.find('\n'));
    return net::parse_retry_after(value);
}

// A completed fetch's status as a reason: 0 is a timeout (when the XHR said so) or a network failure the browser
// does not explain, 429 is rate limiting (with Retry-After), any other non-2xx an HTTP error.
void classify_status(HttpResponse& response, emscripten_fetch_t* fetch, bool timed_out, double timeout_ms) {
    if (response.status == 0) {
        if (timed_out) {
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

// [SECTION] The event loop's requests: asynchronous fetches on the page's main thread
//
// Everything below runs on the main browser thread only (no locks): the coordinator's start() and cancel()
// hand their work over with emscripten_async_run_in_main_runtime_thread. A request lives from start() until
// its fetch is closed, which is after the fetch's own completion callback ran (or after its XHR was aborted,
// after which Fetch.js calls nothing more): never while Fetch.js may still write into it.

struct AsyncRequest {
    RequestId id = 0;
    std::string url;
    HttpLimits limits;           // limits.cancel is cleared once on_done ran: the run may be gone after that
    HttpDone on_done;
    emscripten_fetch_t* fetch = nullptr;
    double started_ms = 0;
    double first_byte_ms = -1;   // readyState HEADERS_RECEIVED: the response has started
    std::uint64_t loaded = 0;    // body bytes so far (the last progress event's `loaded`)
    bool delivered = false;      // on_done has run
    bool fetch_over = false;     // the fetch's own completion callback ran, or its XHR was aborted
    bool closing = false;        // emscripten_fetch_close is running (it calls onerror for a fetch not DONE)
    bool close_scheduled = false;
};

std::unordered_map<RequestId, AsyncRequest*>& live_requests() {
    static std::unordered_map<RequestId, AsyncRequest*> requests;
    return requests;
}
std::unordered_set<RequestId>& cancelled_before_start() {   // cancel(id) that came before its start (ids rise)
    static std::unordered_set<RequestId> ids;
    return ids;
}
long watchdog_timer = 0;
RequestId highest_started_id = 0;

double elapsed_s(const AsyncRequest& request) { return (conclab_fetch_shared_now_ms() - request.started_ms) / 1000; }

void deliver(AsyncRequest& request, HttpResponse response) {
    if (request.delivered) return;
    request.delivered = true;
    request.limits.cancel = nullptr;
    response.elapsed_s = std::max(0.0, elapsed_s(request));
    response.first_byte_s = request.first_byte_ms >= 0 ? (request.first_byte_ms - request.started_ms) / 1000 : response.elapsed_s;
    response.first_byte_s = std::clamp(response.first_byte_s, 0.0, response.elapsed_s);
    // The entry exists once the response is complete; a cancelled or failed request has none (-1).
    if (const double queued = conclab_fetch_queued_s(request.url.c_str()); queued >= 0)
        response.queued_s = std::min(queued, response.first_byte_s);
    auto done = std::move(request.on_done);
    request.on_done = nullptr;
    done(std::move(response));   // → loop.call_soon_threadsafe: wakes the coordinator's event loop
}

HttpResponse failure(HttpError error, std::string detail, std::uint64_t received = 0) {
    HttpResponse response;
    response.error = error;
    response.error_detail = std::move(detail);
    response.bytes_received = static_cast<std::size_t>(received);
    return response;
}

void stop_watchdog_if_idle() {
    if (live_requests().empty() && watchdog_timer) {
        emscripten_clear_interval(watchdog_timer);
        watchdog_timer = 0;
    }
}

// Closes the fetch and forgets the request, in a task of its own (never inside Fetch.js's stack: a callback
// may run while emscripten_fetch() itself has not yet returned the pointer).
void close_now(void* raw) {
    auto* request = static_cast<AsyncRequest*>(raw);
    request->closing = true;
    if (request->fetch) {
        emscripten_fetch_close(request->fetch);
        conclab_fetch_count_open(-1);
    }
    live_requests().erase(request->id);
    delete request;
    stop_watchdog_if_idle();
}

void close_later(AsyncRequest& request) {
    if (request.close_scheduled) return;
    request.close_scheduled = true;
    emscripten_set_timeout(close_now, 0, &request);
}

// Ends the XHR of a request already answered (cancelled, too large). Fetch.js 3.1.6 keeps each XHR in
// Fetch.xhrs[id - 1] and sets no onabort: after abort() neither onload, onerror nor ontimeout comes, so the
// fetch can be closed here. Where the XHR is not found, the request finishes on its own and closes then.
void abort_later(void* raw) {
    auto* request = static_cast<AsyncRequest*>(raw);
    if (request->fetch_over || !request->fetch) return;   // its completion came first: close_later is on its way
    if (conclab_fetch_abort(static_cast<int>(request->fetch->id))) {
        request->fetch_over = true;
        close_later(*request);
    }
}

void end_early(AsyncRequest& request, HttpResponse response) {
    deliver(request, std::move(response));
    if (request.fetch && !request.fetch_over) emscripten_set_timeout(abort_later, 0, &request);
}

void watchdog(void*) {
    std::vector<AsyncRequest*> stop;
    for (auto& [id, request] : live_requests())
        if (!request->delivered && request->limits.cancel && *request->limits.cancel) stop.push_back(request);
    for (auto* request : stop)
        end_early(*request, failure(HttpError::cancelled, "cancelled (the request was aborted)", request->loaded));
}

AsyncRequest& request_of(emscripten_fetch_t* fetch) { return *static_cast<AsyncRequest*>(fetch->userData); }

void on_ready_state(emscripten_fetch_t* fetch) {
    auto& request = request_of(fetch);
    if (fetch->readyState >= 2 && request.first_byte_ms < 0) request.first_byte_ms = conclab_fetch_shared_now_ms();
}

// Fetch.js reports `loaded` as dataOffset (no bytes are handed over without STREAM_DATA) and the announced
// length as totalBytes (0 when unknown): a body over the cap ends the request as soon as it shows.
void on_progress(emscripten_fetch_t* fetch) {
    auto& request = request_of(fetch);
    if (request.first_byte_ms < 0) request.first_byte_ms = conclab_fetch_shared_now_ms();
    request.loaded = fetch->dataOffset + fetch->numBytes;
    if (request.delivered) return;
    const std::uint64_t cap = request.limits.max_body_bytes;
    if (request.loaded > cap || fetch->totalBytes > cap)
        end_early(request, failure(HttpError::too_large, "body over " + std::to_string(cap) + " bytes", request.loaded));
}

void on_complete(emscripten_fetch_t* fetch) {
    auto& request = request_of(fetch);
    if (request.closing) return;   // emscripten_fetch_close of a fetch that never reached DONE
    request.fetch_over = true;
    if (!request.fetch) request.fetch = fetch;   // completed inside emscripten_fetch() itself (send() threw)
    if (!request.delivered) {
        HttpResponse response;
        response.status = fetch->status;
        const auto received = static_cast<std::size_t>(fetch->numBytes);
        const std::size_t cap = request.limits.max_body_bytes;
        if (received > cap) {
            response.bytes_received = received;
            response.error = HttpError::too_large;
            response.error_detail = "body over " + std::to_string(cap) + " bytes";
        } else {
            if (fetch->data && received) response.body.assign(fetch->data, received);
            response.bytes_received = received ? received : static_cast<std::size_t>(request.loaded);
        }
        if (response.ok())
            classify_status(response, fetch, conclab_fetch_timed_out(static_cast<int>(fetch->id)),
                            static_cast<double>(fetch->__attributes.timeoutMSecs));
        if (!response.ok()) response.body.clear();
        deliver(request, std::move(response));
    }
    close_later(request);
}

void begin_on_main(AsyncRequest* request) {
    auto& live = live_requests();
    live[request->id] = request;
    highest_started_id = std::max(highest_started_id, request->id);
    if (!watchdog_timer) watchdog_timer = emscripten_set_interval(watchdog, 50, nullptr);
    if (cancelled_before_start().erase(request->id) || (request->limits.cancel && *request->limits.cancel)) {
        deliver(*request, failure(HttpError::cancelled, "cancelled before it started"));
        close_later(*request);
        return;
    }
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;   // asynchronous
    attr.timeoutMSecs = static_cast<unsigned long>(std::max(1.0, request->limits.timeout_s * 1000));   // xhr.timeout
    attr.userData = request;
    attr.onsuccess = on_complete;
    attr.onerror = on_complete;
    attr.onprogress = on_progress;
    attr.onreadystatechange = on_ready_state;
    const char* api_headers[] = {"Api-User-Agent", kApiUserAgent, nullptr};   // copied by emscripten_fetch
    if (is_api_request(request->url)) attr.requestHeaders = api_headers;
    emscripten_fetch_t* fetch = emscripten_fetch(&attr, request->url.c_str());
    if (!fetch) {
        deliver(*request, failure(HttpError::network, "emscripten_fetch refused the request"));
        close_later(*request);
        return;
    }
    request->fetch = fetch;
    conclab_fetch_count_open(1);
    if (!request->fetch_over) conclab_fetch_watch_timeout(static_cast<int>(fetch->id));
}

void begin_on_main_raw(void* raw) { begin_on_main(static_cast<AsyncRequest*>(raw)); }

void cancel_id_on_main(RequestId id) {
    auto& live = live_requests();
    if (auto it = live.find(id); it != live.end()) {
        end_early(*it->second, failure(HttpError::cancelled, "cancelled (the request was aborted)", it->second->loaded));
        return;
    }
    if (id > highest_started_id) cancelled_before_start().insert(id);   // else it has finished already
}

void cancel_id_on_main_raw(void* raw) {
    auto* id = static_cast<RequestId*>(raw);
    cancel_id_on_main(*id);
    delete id;
}

class FetchHttpClient final : public net::HttpClient {
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
            bool timed_out = false;
            if (response.status == 0) {
                char* raw = conclab_fetch_send_error();
                timed_out = std::string(raw).rfind("TimeoutError", 0) == 0;
                std::free(raw);
            }
            classify_status(response, fetch, timed_out, timeout_ms);
        }
        emscripten_fetch_close(fetch);   // after completion: a synchronous fetch has finished when it returns
        if (limits.cancel && *limits.cancel && !response.ok() && response.error != HttpError::http_status &&
            response.error != HttpError::rate_limited)
            response.error = HttpError::cancelled;
        return response;
    }

    // The event loop's requests: handed to the page's main thread, where an asynchronous fetch runs on the
    // browser's own event loop (see "start()" above); on_done is called there, exactly once.
    RequestId start(const std::string& url, const HttpLimits& limits, HttpDone on_done) override {
        auto* request = new AsyncRequest;
        request->id = next_id_.fetch_add(1) + 1;
        request->url = url;
        request->limits = limits;
        request->on_done = std::move(on_done);
        // The clock starts here, on the calling thread: the hand-off to a busy main thread is waiting, as waiting
        // for a connection is natively. (A clock both threads share: see conclab_fetch_shared_now_ms.)
        request->started_ms = conclab_fetch_shared_now_ms();
        const RequestId id = request->id;
        if (emscripten_is_main_browser_thread()) begin_on_main(request);
        else emscripten_async_run_in_main_runtime_thread(EM_FUNC_SIG_VI, begin_on_main_raw, request);
        return id;
    }

    void cancel(RequestId id) override {
        if (emscripten_is_main_browser_thread()) cancel_id_on_main(id);
        else emscripten_async_run_in_main_runtime_thread(EM_FUNC_SIG_VI, cancel_id_on_main_raw, new RequestId(id));
    }

private:
    static inline std::atomic<RequestId> next_id_{0};
};

}  // namespace

std::unique_ptr<net::HttpClient> make_http_client() { return std::make_unique<FetchHttpClient>(); }

std::optional<std::string> same_origin_api_url() {
    char* raw = conclab_fetch_origin();
    std::string origin = raw;
    std::free(raw);
    if (origin.rfind("http://", 0) != 0 && origin.rfind("https://", 0) != 0) return std::nullopt;
    return origin + "/w/api.php";
}

}  // namespace conclab::platform

// The native HTTP client of the wikipics demo, on libcurl: a blocking get() with an easy handle per call
// (what a Python thread's requests.get does), and start()/cancel() on one I/O thread driving curl multi
// (what an event loop's I/O source does). Every failure becomes a per-request HttpError.
//
// [SECTION] Connection limit per host
// [SECTION] One transfer: options, callbacks, outcome
// [SECTION] The client
#include "platform/platform.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#ifndef CONCLAB_VERSION
#define CONCLAB_VERSION "dev"
#endif
#ifndef CONCLAB_CONTACT_URL
#define CONCLAB_CONTACT_URL "https://github.com/ramalho/python-eng"
#endif

namespace conclab::platform {

namespace {

using net::HttpDone;
using net::HttpError;
using net::HttpLimits;
using net::HttpResponse;
using net::RequestId;

constexpr const char* kUserAgent = "ConcurrencyLab/" CONCLAB_VERSION
                                   " (" CONCLAB_CONTACT_URL "; teaching demo of concurrent downloads) libcurl";

double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string host_of(const std::string& url) {
    const auto start = url.find("://");
    if (start == std::string::npos) return {};
    auto end = url.find_first_of("/:?#", start + 3);
    return url.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
}

// [SECTION] Connection limit per host

/// Wikimedia asks non-browser clients for at most 2 concurrent connections to its image host.
class HostConnectionLimit {
public:
    static int limit_for(const std::string& host) { return host == "upload.wikimedia.org" ? 2 : 0; }

    /// Blocks until a connection to `host` is free, or `cancel` is set (then returns false).
    bool acquire(const std::string& host, const std::atomic<bool>* cancel) {
        const int limit = limit_for(host);
        if (limit == 0) return true;
        std::unique_lock lock(mutex_);
        while (in_use_[host] >= limit) {
            if (cancel && *cancel) return false;
            freed_.wait_for(lock, std::chrono::milliseconds(50));
        }
        ++in_use_[host];
        return true;
    }
    bool try_acquire(const std::string& host) {
        const int limit = limit_for(host);
        if (limit == 0) return true;
        std::lock_guard lock(mutex_);
        if (in_use_[host] >= limit) return false;
        ++in_use_[host];
        return true;
    }
    void release(const std::string& host) {
        if (limit_for(host) == 0) return;
        {
            std::lock_guard lock(mutex_);
            --in_use_[host];
        }
        freed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable freed_;
    std::map<std::string, int> in_use_;
};

// [SECTION] One transfer: options, callbacks, outcome

struct Transfer {
    RequestId id = 0;
    std::string url;
    std::string host;
    HttpLimits limits;
    HttpDone on_done;
    CURL* easy = nullptr;
    double started_s = 0;
    bool got_first_byte = false;
    bool too_large = false;
    std::atomic<bool> cancelled_by_id{false};
    char error_text[CURL_ERROR_SIZE] = {};
    HttpResponse response;

    ~Transfer() {
        if (easy) curl_easy_cleanup(easy);
    }

    void mark_first_byte() {
        if (!got_first_byte) {
            got_first_byte = true;
            response.first_byte_s = now_s() - started_s;
        }
    }

    bool should_stop() const { return cancelled_by_id || (limits.cancel && *limits.cancel); }

    static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self_pointer) {
        auto* self = static_cast<Transfer*>(self_pointer);
        self->mark_first_byte();
        const std::string_view line(data, size * count);
        if (line.rfind("HTTP/", 0) == 0) self->response.retry_after_s.reset();   // a new answer (after a redirect)
        constexpr std::string_view kRetryAfter = "retry-after:";
        if (line.size() > kRetryAfter.size()) {
            std::string name(line.substr(0, kRetryAfter.size()));
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (name == kRetryAfter) {
                self->response.retry_after_s = net::parse_retry_after(line.substr(kRetryAfter.size()));
            }
        }
        return size * count;
    }

    static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self_pointer) {
        auto* self = static_cast<Transfer*>(self_pointer);
        const std::size_t n = size * count;
        self->mark_first_byte();
        if (self->response.bytes_received + n > self->limits.max_body_bytes) {
            // Keep what fits, then stop: returning less than n ends the transfer with CURLE_WRITE_ERROR.
            const std::size_t room = self->limits.max_body_bytes - self->response.bytes_received;
            self->response.body.append(data, room);
            self->response.bytes_received += room;
            self->too_large = true;
            return 0;
        }
        if (self->response.body.empty()) {
            // The whole body in one allocation when the server says its length (no copies as the string grows).
            curl_off_t length = -1;
            if (curl_easy_getinfo(self->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK && length > 0)
                self->response.body.reserve(std::min(static_cast<std::size_t>(length), self->limits.max_body_bytes));
        }
        self->response.body.append(data, n);
        self->response.bytes_received += n;
        return n;
    }

    static int on_progress(void* self_pointer, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
        return static_cast<Transfer*>(self_pointer)->should_stop() ? 1 : 0;
    }

    void prepare() {
        easy = curl_easy_init();
        if (!easy) throw std::runtime_error("curl_easy_init failed");
        curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
        curl_easy_setopt(easy, CURLOPT_USERAGENT, kUserAgent);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max(1.0, limits.timeout_s * 1000)));
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_text);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
        curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &Transfer::on_progress);
        curl_easy_setopt(easy, CURLOPT_XFERINFODATA, this);
        curl_easy_setopt(easy, CURLOPT_PRIVATE, this);
        started_s = now_s();
    }

    /// Fills response.error from curl's outcome and the HTTP status.
    void conclude(CURLcode code) {
        long status = 0;
        if (easy) curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        response.status = static_cast<int>(status);
        response.elapsed_s = now_s() - started_s;
        if (!got_first_byte) response.first_byte_s = response.elapsed_s;
        const std::string detail = error_text[0] ? error_text : curl_easy_strerror(code);
        auto fail = [&](HttpError error, std::string text) {
            response.error = error;
            response.error_detail = std::move(text);
        };
        if (too_large) fail(HttpError::too_large, "body over " + std::to_string(limits.max_body_bytes) + " bytes");
        else if (code == CURLE_ABORTED_BY_CALLBACK || (code != CURLE_OK && should_stop())) fail(HttpError::cancelled, "cancelled");
        else if (code == CURLE_OPERATION_TIMEDOUT) fail(HttpError::timeout, detail);
        else if (code == CURLE_PARTIAL_FILE) fail(HttpError::truncated, detail);
        else if (code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING)
            fail(HttpError::connection_reset, detail);
        else if (code != CURLE_OK) fail(HttpError::network, detail);
        else if (status == 429) fail(HttpError::rate_limited, "HTTP 429");
        else if (status < 200 || status > 299) fail(HttpError::http_status, "HTTP " + std::to_string(status));
    }

    void conclude_cancelled() {
        response.elapsed_s = now_s() - started_s;
        if (!got_first_byte) response.first_byte_s = response.elapsed_s;
        response.error = HttpError::cancelled;
        response.error_detail = "cancelled";
    }
};

// [SECTION] The client

class CurlHttpClient final : public net::HttpClient {
public:
    CurlHttpClient() {
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        multi_ = curl_multi_init();
        if (!multi_) throw std::runtime_error("curl_multi_init failed");
        io_thread_ = std::thread([this] { run_io(); });
    }

    ~CurlHttpClient() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        curl_multi_wakeup(multi_);
        io_thread_.join();
        curl_multi_cleanup(multi_);
    }

    HttpResponse get(const std::string& url, const HttpLimits& limits) override {
        Transfer transfer;
        transfer.url = url;
        transfer.host = host_of(url);
        transfer.limits = limits;
        transfer.prepare();   // the clock starts before waiting for a connection: waiting is waiting
        if (!connections_.acquire(transfer.host, limits.cancel)) {
            transfer.conclude_cancelled();
            return std::move(transfer.response);
        }
        const CURLcode code = curl_easy_perform(transfer.easy);
        connections_.release(transfer.host);
        transfer.conclude(code);
        return std::move(transfer.response);
    }

    RequestId start(const std::string& url, const HttpLimits& limits, HttpDone on_done) override {
        auto transfer = std::make_unique<Transfer>();
        transfer->url = url;
        transfer->host = host_of(url);
        transfer->limits = limits;
        transfer->on_done = std::move(on_done);
        transfer->prepare();
        RequestId id;
        bool stopping;
        {
            std::lock_guard lock(mutex_);
            id = transfer->id = ++last_id_;
            stopping = stopping_;
            if (!stopping) waiting_.push_back(std::move(transfer));
        }
        if (stopping) {
            transfer->conclude_cancelled();
            complete(std::move(transfer));
        } else {
            curl_multi_wakeup(multi_);
        }
        return id;
    }

    void cancel(RequestId id) override {
        {
            std::lock_guard lock(mutex_);
            cancel_requests_.insert(id);
        }
        curl_multi_wakeup(multi_);
    }

private:
    void complete(std::unique_ptr<Transfer> transfer) {
        auto done = std::move(transfer->on_done);
        HttpResponse response = std::move(transfer->response);
        transfer.reset();
        if (done) done(std::move(response));
    }

    void remove_active(RequestId id) {
        auto it = active_.find(id);
        curl_multi_remove_handle(multi_, it->second->easy);
        connections_.release(it->second->host);
        auto transfer = std::move(it->second);
        active_.erase(it);
        transfer->conclude_cancelled();
        complete(std::move(transfer));
    }

    // Takes new requests and cancellations; returns false once the client is shutting down.
    bool take_requests() {
        std::deque<std::unique_ptr<Transfer>> cancelled;
        std::set<RequestId> cancel_ids;
        bool stopping;
        {
            std::lock_guard lock(mutex_);
            stopping = stopping_;
            cancel_ids.swap(cancel_requests_);
            for (auto it = waiting_.begin(); it != waiting_.end();) {
                if (stopping || cancel_ids.count((*it)->id) || (*it)->should_stop()) {
                    cancelled.push_back(std::move(*it));
                    it = waiting_.erase(it);
                } else if (connections_.try_acquire((*it)->host)) {
                    curl_multi_add_handle(multi_, (*it)->easy);
                    const RequestId id = (*it)->id;
                    active_.emplace(id, std::move(*it));
                    it = waiting_.erase(it);
                } else {
                    ++it;
                }
            }
        }
        for (auto& transfer : cancelled) {
            transfer->conclude_cancelled();
            complete(std::move(transfer));
        }
        std::vector<RequestId> to_remove;
        for (const auto& [id, transfer] : active_)
            if (stopping || cancel_ids.count(id) || transfer->should_stop()) to_remove.push_back(id);
        for (RequestId id : to_remove) remove_active(id);
        return !stopping;
    }

    void run_io() {
        while (take_requests()) {
            int running = 0;
            curl_multi_perform(multi_, &running);
            int queued = 0;
            while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
                if (message->msg != CURLMSG_DONE) continue;
                Transfer* raw = nullptr;
                curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &raw);
                const CURLcode code = message->data.result;
                curl_multi_remove_handle(multi_, raw->easy);
                connections_.release(raw->host);
                auto it = active_.find(raw->id);
                auto transfer = std::move(it->second);
                active_.erase(it);
                transfer->conclude(code);
                complete(std::move(transfer));
            }
            curl_multi_poll(multi_, nullptr, 0, 100, nullptr);
        }
    }

    CURLM* multi_ = nullptr;
    std::thread io_thread_;
    HostConnectionLimit connections_;
    std::mutex mutex_;
    bool stopping_ = false;
    RequestId last_id_ = 0;
    std::deque<std::unique_ptr<Transfer>> waiting_;
    std::set<RequestId> cancel_requests_;
    std::unordered_map<RequestId, std::unique_ptr<Transfer>> active_;   // only the I/O thread touches it
};

}  // namespace

std::unique_ptr<net::HttpClient> make_http_client() { return std::make_unique<CurlHttpClient>(); }

std::optional<std::string> same_origin_api_url() { return std::nullopt; }

}  // namespace conclab::platform

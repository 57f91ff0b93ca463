// One wikipics run: sample, download on one executor, report, polled by the CLI and the panel (wikipics_run.h).
#include "core/wikipics/wikipics_run.h"

#include "core/wikipics/python_protocol.h"
#include "core/wikipics/sampling.h"

#include "core/base/utf8.h"

#include "core/aio/aio.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace conclab::wikipics {

namespace {

void require_buildable(const WikipicsOptions& options, const net::HttpClient& client) {
    if (options.executor != WikipicsExecutor::async) return;
    if (auto reason = client.start_unsupported())
        throw std::invalid_argument("executor async is not available here: " + *reason);
}

// The event loop's I/O source: requests in flight on the client's I/O thread, whose completions arrive
// through call_soon_threadsafe (which wakes wait()).
class HttpIoSource final : public aio::IoSource {
public:
    bool has_pending() const override { return pending_.load() > 0; }
    void wait(double max_wait_s) override {
        std::unique_lock lock(mutex_);
        signal_.wait_for(lock, std::chrono::duration<double>(std::clamp(max_wait_s, 0.0, 0.25)), [&] { return woken_; });
        woken_ = false;
    }
    void wake() override {
        std::lock_guard lock(mutex_);
        woken_ = true;
        signal_.notify_all();
    }
    void started() { ++pending_; }
    void completed() { --pending_; }

private:
    std::atomic<int> pending_{0};
    std::mutex mutex_;
    std::condition_variable signal_;
    bool woken_ = false;
};

}  // namespace

std::size_t image_body_cap(long long size) {
    return static_cast<std::size_t>(kBodyCapFactor * std::max(0LL, size) + kBodyCapSlack);
}

WikipicsRun::WikipicsRun(WikipicsOptions options, std::shared_ptr<net::HttpClient> client, WikipicsClock clock,
                         std::optional<ScriptRuntime> script)
    : client_(std::move(client)), clock_(std::move(clock)), script_(std::move(script)) {
    if (!script_) require_buildable(options, *client_);   // CPython's asyncio needs nothing of our client
    if (script_) report_.runtime = script_->info;
    report_.options = std::move(options);
    report_.api_url = api_url(report_.options);
    report_.workers = report_.options.executor == WikipicsExecutor::async ? report_.options.max_req
                                                                          : effective_workers(report_.options);
    coordinator_ = std::thread([this] { run(std::nullopt); });
}

WikipicsRun::WikipicsRun(WikipicsOptions options, std::vector<ImageInfo> sample, std::shared_ptr<net::HttpClient> client,
                         WikipicsClock clock, std::optional<ScriptRuntime> script)
    : client_(std::move(client)), clock_(std::move(clock)), script_(std::move(script)) {
    if (!script_) require_buildable(options, *client_);   // CPython's asyncio needs nothing of our client
    if (script_) report_.runtime = script_->info;
    report_.options = std::move(options);
    report_.options.count = static_cast<int>(sample.size());
    report_.api_url = api_url(report_.options);
    report_.workers = report_.options.executor == WikipicsExecutor::async ? report_.options.max_req
                                                                          : effective_workers(report_.options);
    coordinator_ = std::thread([this, s = std::move(sample)]() mutable { run(std::move(s)); });
}

WikipicsRun::~WikipicsRun() {
    cancel();
    if (coordinator_.joinable()) coordinator_.join();
}

void WikipicsRun::run(std::optional<std::vector<ImageInfo>> sample) {
    if (!sample) {
        const double sampling_started = clock_.run.wall_s();
        SampleRequest request;
        request.api_url = report_.api_url;
        request.size = report_.options.size;
        request.count = report_.options.count;
        request.seed = report_.options.seed;
        request.net = net_sent(report_.options);
        request.limits.timeout_s = report_.options.timeout_s;
        request.limits.max_body_bytes = 20'000'000;
        request.limits.cancel = &cancel_;
        auto outcome = sample_images(*client_, request);
        std::lock_guard lock(mutex_);
        report_.sample_s = clock_.run.wall_s() - sampling_started;
        if (auto* error = std::get_if<SampleError>(&outcome)) {
            report_.sample_error = cancel_ ? SampleError{SampleErrorKind::cancelled, {}, std::nullopt} : *error;
            report_.cancelled = cancel_;
            report_.finished = true;
            phase_ = RunPhase::finished;
            changed_.notify_all();
            return;
        }
        auto& made = std::get<Sample>(outcome);
        report_.api_requests = made.requests;
        sample = std::move(made.images);
    }
    {
        std::lock_guard lock(mutex_);
        report_.sample = std::move(*sample);
        report_.options.count = static_cast<int>(report_.sample.size());
        if (report_.options.executor != WikipicsExecutor::async)
            report_.workers = effective_workers(report_.options);
        phase_ = RunPhase::downloading;
        changed_.notify_all();
    }
    download_all();
    finish();
}

void WikipicsRun::download_all() {
    const auto start_cpu = clock_.run.cpu ? clock_.run.cpu() : std::nullopt;
    {
        std::lock_guard lock(mutex_);
        start_wall_ = clock_.run.wall_s();
    }
    if (script_) return download_script();
    switch (report_.options.executor) {
        case WikipicsExecutor::sequential: download_sequential(); break;
        case WikipicsExecutor::threads: download_threads(); break;
        case WikipicsExecutor::async: download_async(); break;
    }
    const auto end_cpu = clock_.run.cpu ? clock_.run.cpu() : std::nullopt;
    std::lock_guard lock(mutex_);
    if (start_cpu && end_cpu) {
        CpuSeconds used = *end_cpu;
        used.user_s -= start_cpu->user_s;
        used.sys_s -= start_cpu->sys_s;
        report_.cpu = used;
    }
}

std::optional<std::size_t> WikipicsRun::take_next_index() {
    std::lock_guard lock(mutex_);
    if (cancel_ || next_index_ >= report_.sample.size()) return std::nullopt;
    return next_index_++;
}

void WikipicsRun::download_sequential() {
    while (auto index = take_next_index()) record(download_one(*index, "sequential"));
}

// The pool's threads start first and the downloads' clock after: in a browser a thread may wait for a Web Worker
// to load (seconds on a busy machine), which is start-up, not downloading (reported apart as startup_s).
void WikipicsRun::download_threads() {
    std::mutex start_mutex;
    std::condition_variable started;
    int ready = 0;
    bool go = false;
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(report_.workers));
    for (int i = 0; i < report_.workers; ++i)
        workers.emplace_back([&, name = "thread " + std::to_string(i + 1)] {
            {
                std::unique_lock lock(start_mutex);
                ++ready;
                started.notify_all();
                started.wait(lock, [&] { return go; });
            }
            while (auto index = take_next_index()) record(download_one(*index, name));
        });
    {
        std::unique_lock lock(start_mutex);
        while (ready < report_.workers && !cancel_) started.wait_for(lock, std::chrono::milliseconds(50));
        go = true;
    }
    {
        std::lock_guard lock(mutex_);
        const double now = clock_.run.wall_s();
        report_.startup_s = now - start_wall_;
        start_wall_ = now;
    }
    started.notify_all();
    for (auto& worker : workers) worker.join();
}

ImageResult WikipicsRun::begin_result(std::size_t index, const std::string& worker) {
    ImageResult result;
    std::lock_guard lock(mutex_);
    const ImageInfo& image = report_.sample[index];
    result.index = index;
    result.url = image.url;
    result.title = image.title;
    result.listed_size = image.size;
    result.worker = worker;
    result.started_s = clock_.run.wall_s() - start_wall_;
    in_flight_.push_back({index, worker, result.started_s});
    return result;
}

net::HttpLimits WikipicsRun::image_limits() {
    net::HttpLimits limits;
    limits.timeout_s = report_.options.timeout_s;
    // A body far beyond the size the user asked for is not the image we wanted. Never from the size the server
    // listed: the same server may list anything (a widened listing let 550 MB bodies through).
    limits.max_body_bytes = image_body_cap(report_.options.size);
    limits.cancel = &cancel_;
    return limits;
}

void WikipicsRun::finish_result(ImageResult& result, net::HttpResponse response) {
    result.status = response.status;
    result.bytes = response.bytes_received;
    result.elapsed_s = response.elapsed_s;
    result.wait_s = std::min(response.first_byte_s, response.elapsed_s);
    if (response.queued_s) result.queued_s = std::clamp(*response.queued_s, 0.0, result.wait_s);
    result.transfer_s = response.elapsed_s - result.wait_s;
    result.retry_after_s = response.retry_after_s;
    if (!response.ok()) {
        result.error = std::string(to_string(response.error));
        result.error_detail = utf8::repair(response.error_detail);   // the platform's words may quote the server
        return;
    }
    const auto cpu_before = clock_.thread_cpu_s ? clock_.thread_cpu_s() : std::nullopt;
    const double wall_before = clock_.run.wall_s();
    auto decoded = make_thumbnail(response.body);
    const auto cpu_after = clock_.thread_cpu_s ? clock_.thread_cpu_s() : std::nullopt;
    result.decode_s = cpu_before && cpu_after ? *cpu_after - *cpu_before : clock_.run.wall_s() - wall_before;
    if (auto* thumb = std::get_if<Thumbnail>(&decoded)) result.thumbnail = std::make_shared<const Thumbnail>(std::move(*thumb));
    else {
        const auto& failure = std::get<DecodeFailure>(decoded);
        result.decode_error = std::string(to_string(failure.kind));
        result.decode_detail = failure.detail;
    }
}

ImageResult WikipicsRun::download_one(std::size_t index, const std::string& worker) {
    ImageResult result = begin_result(index, worker);
    finish_result(result, client_->get(with_net(result.url, net_sent(report_.options)), image_limits()));
    return result;
}

// flags2_asyncio's shape: one thread, one loop, every download a task, at most max_req requests in flight
// (a semaphore); each completion comes back from the client's I/O thread and the image is decoded on the loop.
void WikipicsRun::download_async() {
    aio::SteadyClock clock;
    HttpIoSource io;
    aio::EventLoop loop(clock, &io);
    aio::Semaphore in_flight(std::max(1, report_.options.max_req));
    auto download = [this, &loop, &io, &in_flight](std::size_t index) -> aio::Task<void> {
        auto permit = co_await in_flight.acquire();
        if (cancel_) co_return;   // finish() gives it "cancelled: not started"
        ImageResult result = begin_result(index, "event loop");
        aio::Future<net::HttpResponse> reply;
        io.started();
        client_->start(with_net(result.url, net_sent(report_.options)), image_limits(), [&loop, &io, reply](net::HttpResponse response) mutable {
            loop.call_soon_threadsafe([&io, reply, response = std::move(response)]() mutable {
                io.completed();
                reply.set_result(std::move(response));
            });
        });
        finish_result(result, co_await reply);
        record(std::move(result));
    };
    std::vector<aio::TaskHandle<void>> tasks;
    for (std::size_t i = 0; i < report_.sample.size(); ++i) tasks.push_back(loop.spawn(download(i), "image " + std::to_string(i)));
    loop.run();
}

// The interpreter downloads: each image a task whose argument is its URL, its lines read back here as they come
// (hello: its client, decoder and the moment its downloads began; a result per image; end: its getrusage). What it
// measured is its own; its start-up (spawn, imports) is reported apart as startup_s, as the thread pool's is.
void WikipicsRun::download_script() {
    monotonic_to_run_ = clock_.run.wall_s() -
                        std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    exec::ScriptJob job = python_job(report_.options, report_.workers);
    job.read_line = [this, read = std::move(job.read_line)](std::string_view line) {
        const ScriptLine parsed = parse_script_line(line);
        if (const auto* hello = std::get_if<ScriptHello>(&parsed)) {
            std::lock_guard lock(mutex_);
            report_.script_http = hello->http;
            report_.script_decode = hello->decode;
            const double began = hello->t0 + monotonic_to_run_;
            if (began > start_wall_) {
                report_.startup_s = began - start_wall_;
                start_wall_ = began;
            }
        }
        return read(line);
    };
    const exec::ExecutorKind kind =
        report_.options.executor == WikipicsExecutor::sequential ? exec::ExecutorKind::sequential : exec::ExecutorKind::threads;
    std::unique_ptr<exec::Executor> executor;
    try {
        executor = script_->make_executor(kind, report_.workers, std::move(job));
    } catch (const std::exception& e) {
        for (std::size_t i = 0; i < report_.sample.size(); ++i) {
            ImageResult r = begin_result(i, "");
            r.error = "interpreter";
            r.error_detail = e.what();
            record(std::move(r));
        }
        return;
    }
    std::vector<exec::Future> futures;
    for (const auto& image : report_.sample)
        futures.push_back(executor->submit({"wikipics.fetch", script_argument(with_net(image.url, net_sent(report_.options)))}));
    {
        std::lock_guard lock(script_mutex_);
        script_executor_ = executor.get();
        if (cancel_) executor->cancel_all();
    }
    {
        std::lock_guard lock(mutex_);
        start_wall_ = clock_.run.wall_s();
    }
    exec::AsCompleted completed(futures);   // before it starts: completion order, however fast the first lines come
    executor->end_of_submissions();
    while (auto future = completed.next()) record(script_result(*future));
    executor->shutdown(true);
    const exec::RuntimeFacts facts = executor->runtime_facts();
    {
        std::lock_guard lock(script_mutex_);
        script_executor_ = nullptr;
    }
    std::lock_guard lock(mutex_);
    report_.cpu = facts.cpu;
    report_.runtime.cpu = facts.cpu;
}

ImageResult WikipicsRun::script_result(const exec::Future& future) {
    ImageResult result;
    std::lock_guard lock(mutex_);
    const ImageInfo& image = report_.sample.at(future.index());
    result.index = future.index();
    result.url = image.url;
    result.title = image.title;
    result.listed_size = image.size;
    switch (future.status()) {
        case exec::FutureStatus::finished: break;
        case exec::FutureStatus::cancelled:
            result.error = std::string(to_string(net::HttpError::cancelled));
            result.error_detail = "not started";
            return result;
        default:
            result.error = cancel_ ? std::string(to_string(net::HttpError::cancelled)) : std::string("interpreter");
            result.error_detail = utf8::repair(future.error().value_or("the interpreter failed"));
            return result;
    }
    const ScriptLine line = parse_script_line(future.result());
    const auto* r = std::get_if<ScriptImage>(&line);
    if (!r) {
        result.error = "interpreter";
        result.error_detail = "an unreadable result line";
        return result;
    }
    result.worker = r->worker;
    result.started_s = r->started + monotonic_to_run_ - start_wall_;
    result.elapsed_s = std::max(0.0, r->finished - r->started);
    result.wait_s = std::clamp(r->first_byte - r->started, 0.0, result.elapsed_s);
    result.transfer_s = result.elapsed_s - result.wait_s;
    result.bytes = r->bytes;
    result.status = r->status;
    if (r->error) {
        result.error = utf8::repair(*r->error);
        result.error_detail = utf8::repair(r->detail);
    }
    result.retry_after_s = r->retry_after_s;
    result.decode_s = r->decode_s;
    if (r->decode_error) {
        result.decode_error = utf8::repair(*r->decode_error);
        result.decode_detail = utf8::repair(r->decode_detail);
    }
    return result;
}

void WikipicsRun::record(ImageResult result) {
    std::lock_guard lock(mutex_);
    std::erase_if(in_flight_, [&](const InFlight& f) { return f.index == result.index; });
    last_result_wall_ = clock_.run.wall_s();
    report_.results.push_back(std::move(result));
    changed_.notify_all();
}

void WikipicsRun::finish() {
    std::lock_guard lock(mutex_);
    // What cancel kept from starting still gets a result, so every image is accounted for.
    std::vector<bool> has_result(report_.sample.size(), false);
    for (const auto& r : report_.results) has_result[r.index] = true;
    for (std::size_t i = 0; i < report_.sample.size(); ++i) {
        if (has_result[i]) continue;
        ImageResult r;
        r.index = i;
        r.url = report_.sample[i].url;
        r.title = report_.sample[i].title;
        r.listed_size = report_.sample[i].size;
        r.error = std::string(to_string(net::HttpError::cancelled));
        r.error_detail = "not started";
        report_.results.push_back(std::move(r));
    }
    report_.cancelled = cancel_;
    report_.wall_s = last_result_wall_.value_or(clock_.run.wall_s()) - start_wall_;
    report_.finished = true;
    phase_ = RunPhase::finished;
    changed_.notify_all();
}

std::vector<ImageResult> WikipicsRun::poll() {
    std::lock_guard lock(mutex_);
    std::vector<ImageResult> fresh(report_.results.begin() + static_cast<std::ptrdiff_t>(handed_out_), report_.results.end());
    handed_out_ = report_.results.size();
    return fresh;
}

std::optional<ImageResult> WikipicsRun::wait_next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return handed_out_ < report_.results.size() || phase_ == RunPhase::finished; });
    if (handed_out_ < report_.results.size()) return report_.results[handed_out_++];
    return std::nullopt;
}

void WikipicsRun::cancel() {
    cancel_ = true;
    std::lock_guard lock(script_mutex_);
    if (script_executor_) script_executor_->cancel_all();
}

void WikipicsRun::wait_finished() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return phase_ == RunPhase::finished; });
}

RunPhase WikipicsRun::phase() const {
    std::lock_guard lock(mutex_);
    return phase_;
}

WikipicsReport WikipicsRun::report() const {
    std::lock_guard lock(mutex_);
    return report_;
}

std::vector<InFlight> WikipicsRun::in_flight() const {
    std::lock_guard lock(mutex_);
    return in_flight_;
}

double WikipicsRun::elapsed_s() const {
    std::lock_guard lock(mutex_);
    if (phase_ == RunPhase::finished) return report_.wall_s;
    if (phase_ == RunPhase::sampling) return 0;
    return clock_.run.wall_s() - start_wall_;
}

}  // namespace conclab::wikipics

// One run of the wikipics demo: sample N images of about S bytes, download them on one executor
// (sequential, a thread pool, or one event loop), decode each into a thumbnail on the thread that
// fetched it. Results come in completion order; wall and CPU time cover the downloads, as the
// notebook's %%time did. The CLI waits on it; the GUI polls it once per frame.
#pragma once

#include "core/base/clock.h"
#include "core/exec/executor.h"
#include "core/exec/interpreter.h"
#include "core/net/http_client.h"
#include "core/wikipics/mediawiki_api.h"
#include "core/wikipics/sample_error.h"
#include "core/wikipics/thumbnail.h"
#include "core/wikipics/wikipics_options.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace conclab::wikipics {

/// @brief The clocks a run reads: wall and process CPU (RunClock) and, to time decoding apart,
/// the calling thread's CPU seconds where the platform has them (else decoding is timed on the wall clock).
struct WikipicsClock {
    RunClock run;
    std::function<std::optional<double>()> thread_cpu_s;
};

struct ImageResult {
    std::size_t index = 0;            ///< position in the sample
    std::string url;
    std::string title;
    long long listed_size = 0;        ///< the size the API listed
    std::size_t bytes = 0;            ///< what arrived (with an error: whatever did)
    int status = 0;                   ///< HTTP status, 0 when none came
    std::optional<std::string> error; ///< a reason as net::HttpError spells it ("timeout", "rate_limited", …)
    std::string error_detail;         ///< one line for humans
    std::optional<double> retry_after_s;
    std::string worker;               ///< "thread 3", "sequential", "event loop"
    double started_s = 0;             ///< since the downloads started
    double elapsed_s = 0;             ///< request start to last byte
    double wait_s = 0;                ///< request start to first byte (connecting, server think time)
    std::optional<double> queued_s;   ///< of wait_s, queued in the browser before the request was sent (web, where known)
    double transfer_s = 0;            ///< first byte to last byte
    double decode_s = 0;              ///< decoding and scaling (thread CPU time where known)
    std::optional<std::string> decode_error;   ///< arrived but gave no thumbnail: DecodeError as spelled ("not_jpeg", …)
    std::string decode_detail;                 ///< one line for humans
    std::shared_ptr<const Thumbnail> thumbnail;
};

/// @brief The most bytes one image's body may have: kBodyCapFactor × the --size asked for + kBodyCapSlack (3 × size
/// + 1 MB). The sampler picks the images listed nearest to --size; the sizes the server lists are never trusted
/// for the cap. Peak memory of a run is bounded by workers × (this + one decode).
inline constexpr long long kBodyCapFactor = 3;
inline constexpr long long kBodyCapSlack = 1'000'000;
std::size_t image_body_cap(long long size);

enum class RunPhase { sampling, downloading, finished };

/// @brief An interpreter that downloads instead of this program (CPython running python/wikipics.py): what it is,
/// and how the platform starts it on a script job (platform::make_script_executor).
struct ScriptRuntime {
    exec::RuntimeInfo info;
    std::function<std::unique_ptr<exec::Executor>(exec::ExecutorKind kind, int workers, exec::ScriptJob job)> make_executor;
};

struct WikipicsReport {
    WikipicsOptions options;
    int workers = 1;                       ///< threads, or requests in flight on the event loop
    std::string api_url;
    std::vector<ImageInfo> sample;         ///< what is downloaded, in sample order
    int api_requests = 0;
    std::optional<SampleError> sample_error;   ///< sampling failed: nothing was downloaded (english() words it)
    std::vector<ImageResult> results;      ///< in completion order
    double sample_s = 0;                   ///< time spent sampling (not in wall_s)
    double wall_s = 0;                     ///< first request to last result
    double startup_s = 0;                  ///< starting the pool's threads, before the first request (not in wall_s)
    std::optional<CpuSeconds> cpu; ///< over the downloads, decoding included (an interpreter's own getrusage)
    exec::RuntimeInfo runtime;             ///< who downloaded: C++, or the interpreter (its cpu = `cpu`)
    std::optional<std::string> script_http;     ///< the interpreter's HTTP client ("httpx 0.23.3", "urllib")
    std::optional<std::string> script_decode;   ///< its decoder ("Pillow 9.4.0") or "no decode"
    bool cancelled = false;
    bool finished = false;
};

/// @brief A request as it runs, for the GUI's lanes.
struct InFlight {
    std::size_t index = 0;
    std::string worker;
    double started_s = 0;
};

class WikipicsRun {
public:
    /// @brief Samples with `options` through `client` on a thread of its own, then downloads.
    /// Throws std::invalid_argument for an executor this build lacks.
    /// With `script`, sampling stays this program's and the interpreter downloads.
    WikipicsRun(WikipicsOptions options, std::shared_ptr<net::HttpClient> client, WikipicsClock clock,
                std::optional<ScriptRuntime> script = std::nullopt);
    /// @brief Downloads a sample already made (a rerun on another executor compares like with like).
    WikipicsRun(WikipicsOptions options, std::vector<ImageInfo> sample, std::shared_ptr<net::HttpClient> client,
                WikipicsClock clock, std::optional<ScriptRuntime> script = std::nullopt);
    /// @brief Cancels what still runs and joins every thread it started.
    ~WikipicsRun();
    WikipicsRun(const WikipicsRun&) = delete;
    WikipicsRun& operator=(const WikipicsRun&) = delete;

    /// @brief Results finished since the last poll()/wait_next(); never blocks.
    std::vector<ImageResult> poll();
    /// @brief The next result, blocking; nullopt once every image has one (or sampling failed) and the
    /// report is final.
    std::optional<ImageResult> wait_next();
    /// @brief Ends sampling or in-flight requests soon; images not started get the error "cancelled".
    void cancel();
    /// @brief Blocks until the report is final.
    void wait_finished();

    RunPhase phase() const;
    bool finished() const { return phase() == RunPhase::finished; }
    /// @brief A copy of the report so far; final once finished().
    WikipicsReport report() const;
    std::vector<InFlight> in_flight() const;
    /// @brief Seconds since the downloads started (the final wall time once finished).
    double elapsed_s() const;

private:
    void run(std::optional<std::vector<ImageInfo>> sample);
    void download_all();
    void download_sequential();
    void download_threads();
    void download_async();
    void download_script();
    ImageResult script_result(const exec::Future& future);
    ImageResult begin_result(std::size_t index, const std::string& worker);
    net::HttpLimits image_limits();
    void finish_result(ImageResult& result, net::HttpResponse response);
    ImageResult download_one(std::size_t index, const std::string& worker);
    void record(ImageResult result);
    std::optional<std::size_t> take_next_index();
    void finish();

    std::shared_ptr<net::HttpClient> client_;
    WikipicsClock clock_;
    std::atomic<bool> cancel_{false};

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    WikipicsReport report_;
    RunPhase phase_ = RunPhase::sampling;
    std::size_t handed_out_ = 0;
    std::size_t next_index_ = 0;
    std::vector<InFlight> in_flight_;
    double start_wall_ = 0;
    std::optional<double> last_result_wall_;
    std::optional<ScriptRuntime> script_;
    std::mutex script_mutex_;
    exec::Executor* script_executor_ = nullptr;   ///< while the interpreter runs (cancel() reaches it)
    double monotonic_to_run_ = 0;                 ///< add to CLOCK_MONOTONIC seconds: the run clock's
    std::thread coordinator_;
};

}  // namespace conclab::wikipics

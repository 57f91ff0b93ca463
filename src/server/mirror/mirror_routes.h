// The mirror's HTTP endpoints, installable on any cpp-httplib server: GET /w/api.php (the allimages subset),
// GET|HEAD /images/<a>/<ab>/<name> (generated JPEGs of exactly the listed size, streamed, throttled and
// faulted as the options say), OPTIONS for CORS preflights, and a short text at /.
#pragma once

#include "server/mirror/catalog.h"
#include "server/mirror/jpeg_padding.h"
#include "server/mirror/mirror_options.h"
#include "server/mirror/net_profile.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace httplib {
class Server;
}

namespace conclab::mirror {

/// @brief One request the mirror answered or is answering: the network it played, and when (GET /mirror-log).
struct RequestRecord {
    std::string kind;             ///< "api" or "image"
    std::string name;             ///< the image's name ("" for api.php)
    std::string net;              ///< the profile asked for and known ("talk", "phone"), or "" (the mirror's own)
    double delay_s = 0;           ///< waited before answering
    std::uint64_t bandwidth = 0;  ///< B/s for the body (0: no limit)
    std::size_t chunk = 0;        ///< bytes written at a time
    double started_s = 0;         ///< since the mirror started
    std::optional<double> ended_s;
};

/// @brief The mirror's state — catalog, picture cache, request counts — and its request handlers.
class MirrorRoutes {
public:
    explicit MirrorRoutes(const MirrorOptions& options);

    /// @brief Adds the handlers to `server`; this object must outlive the server's listening.
    void install(httplib::Server& server);

    /// @brief Wakes handlers that are waiting (delays, throttling) so they end at once; for shutdown.
    void stop();

    const Catalog& catalog() const { return catalog_; }
    const MirrorOptions& options() const { return options_; }

    /// @brief The padded JPEG for `entry` (cached; at most kCachedPictures kept).
    std::shared_ptr<const PaddedJpeg> image_for(const CatalogEntry& entry);

    static constexpr std::size_t kCachedPictures = 256;

    /// @brief Image bodies being sent now, and the most there ever were at once.
    int streams_in_flight() const { return streams_in_flight_.load(); }
    int peak_streams() const { return peak_streams_.load(); }
    /// @brief Requests (api.php and images) being answered now, from arrival to the last byte, and the most at once.
    int requests_in_flight() const { return requests_in_flight_.load(); }
    int peak_requests() const { return peak_requests_.load(); }
    /// @brief The last kLoggedRequests requests, oldest first.
    static constexpr std::size_t kLoggedRequests = 1024;
    std::vector<RequestRecord> request_log() const;
    /// @brief What GET /mirror-log answers: the log and the counts above.
    nlohmann::json log_json() const;

    /// @brief Pinned timeouts waiting now (each ends when its client hangs up).
    int timeouts_waiting() const { return timeouts_waiting_.load(); }

    /// @brief --api-faults: the api.php queries whose attempts are remembered (a retry draws its next fault).
    static constexpr std::size_t kRememberedQueries = 4096;
    std::size_t remembered_queries();

private:
    class LoggedRequest;   // ends its record (and counts it out of flight) when the answer is done
    std::shared_ptr<LoggedRequest> log_request(RequestRecord record);
    void end_request(std::uint64_t id);

    /// @brief How many times image `name` was asked for before (0 the first time), counting this one. Only names
    /// in the catalog get here, so this memory is bounded by the catalog.
    std::uint64_t next_attempt(const std::string& name);
    /// @brief The same for an api.php query (any text a client sends): only the kRememberedQueries queries asked
    /// most recently are remembered, by a 64-bit hash; one forgotten starts again at attempt 0.
    std::uint64_t next_query_attempt(const std::string& query);
    /// @brief Sleeps `seconds` unless stop() comes first; false when stopped.
    bool pause(double seconds);
    /// @brief Like pause(), but also ends (false) when the client of socket `fd` hangs up; fd < 0: pause().
    bool pause_while_connected(double seconds, int fd);
    /// @brief --pin-faults: the plan pinned to JPEG `name`, or nullopt (no pins, or one left to the rates).
    std::optional<FaultPlan> pinned_plan(const std::string& name) const;

    MirrorOptions options_;
    Catalog catalog_;

    std::mutex mutex_;
    std::condition_variable stopped_signal_;
    bool stopped_ = false;
    std::map<std::string, std::uint64_t> attempts_;   // images: one entry per catalog name at most
    // api.php: (hash of the query, attempts), most recently asked first — a hash, so that an entry's size does not
    // follow the query's length.
    std::list<std::pair<std::uint64_t, std::uint64_t>> query_attempts_;
    std::unordered_map<std::uint64_t, std::list<std::pair<std::uint64_t, std::uint64_t>>::iterator> query_index_;
    std::map<std::string, std::size_t, std::less<>> jpeg_index_;   // --pin-faults: each JPEG's rank by name
    std::map<std::string, std::shared_ptr<const PaddedJpeg>> pictures_;
    std::deque<std::string> picture_order_;   // oldest first, for eviction
    std::atomic<int> streams_in_flight_{0};
    std::atomic<int> peak_streams_{0};
    std::atomic<int> timeouts_waiting_{0};

    std::chrono::steady_clock::time_point born_ = std::chrono::steady_clock::now();
    mutable std::mutex log_mutex_;
    std::deque<RequestRecord> log_;
    std::uint64_t log_first_id_ = 0;   // the id of log_.front()
    std::atomic<int> requests_in_flight_{0};
    std::atomic<int> peak_requests_{0};
};

}  // namespace conclab::mirror

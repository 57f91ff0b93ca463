// The mirror's HTTP endpoints, installable on any cpp-httplib server: GET /w/api.php (the allimages subset),
// GET|HEAD /images/<a>/<ab>/<name> (generated JPEGs of exactly the listed size, streamed, throttled and
// faulted as the options say), OPTIONS for CORS preflights, and a short text at /.
#pragma once

#include "catalogue.h"
#include "jpeg_padding.h"
#include "mirror_options.h"

#include <atomic>
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

namespace httplib {
class Server;
}

namespace conclab::mirror {

/// @brief The mirror's state — catalogue, picture cache, request counts — and its request handlers.
class MirrorRoutes {
public:
    explicit MirrorRoutes(const MirrorOptions& options);

    /// @brief Adds the handlers to `server`; this object must outlive the server's listening.
    void install(httplib::Server& server);

    /// @brief Wakes handlers that are waiting (delays, throttling) so they end at once; for shutdown.
    void stop();

    const Catalogue& catalogue() const { return catalogue_; }
    const MirrorOptions& options() const { return options_; }

    /// @brief The padded JPEG for `entry` (cached; at most kCachedPictures kept).
    std::shared_ptr<const PaddedJpeg> image_for(const CatalogueEntry& entry);

    static constexpr std::size_t kCachedPictures = 256;

    /// @brief Image bodies being sent now, and the most there ever were at once.
    int streams_in_flight() const { return streams_in_flight_.load(); }
    int peak_streams() const { return peak_streams_.load(); }
    /// @brief Pinned timeouts waiting now (each ends when its client hangs up).
    int timeouts_waiting() const { return timeouts_waiting_.load(); }

    /// @brief --api-faults: the api.php queries whose attempts are remembered (a retry draws its next fault).
    static constexpr std::size_t kRememberedQueries = 4096;
    std::size_t remembered_queries();

private:
    /// @brief How many times image `name` was asked for before (0 the first time), counting this one. Only names
    /// in the catalogue get here, so this memory is bounded by the catalogue.
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
    Catalogue catalogue_;

    std::mutex mutex_;
    std::condition_variable stopped_signal_;
    bool stopped_ = false;
    std::map<std::string, std::uint64_t> attempts_;   // images: one entry per catalogue name at most
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
};

}  // namespace conclab::mirror

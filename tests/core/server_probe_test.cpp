// core/wikipics/server_probe: which server a run uses when nobody chose one, decided over a fake HttpClient whose
// answers are held back by gates, so each state (checking, decided, finished) is seen, never raced.
#include "core/wikipics/server_probe.h"
#include "core/wikipics/wikipics_options.h"
#include "within.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

using namespace conclab::wikipics;
using namespace conclab::net;

namespace {

constexpr const char* kPageApi = "http://127.0.0.1:8000/w/api.php";

// Answers the mirror's probe and Commons' probe as told, each after its gate opens.
class GatedClient final : public HttpClient {
public:
    HttpResponse mirror_answer, live_answer;
    std::vector<std::string> urls;

    void open_mirror() { open(mirror_open_); }
    void open_live() { open(live_open_); }

    HttpResponse get(const std::string& url, const HttpLimits& limits) override {
        const bool live = url.rfind(std::string(kLiveApi), 0) == 0;
        std::unique_lock lock(mutex_);
        urls.push_back(url);
        bool& gate = live ? live_open_ : mirror_open_;
        // The cancel flag is an atomic nobody notifies us of: look at it again every few ms, as the real clients
        // poll it (a plain wait hung in wasm, where the probe's thread reached it before the destructor set it).
        while (!changed_.wait_for(lock, std::chrono::milliseconds(5), [&] { return gate || (limits.cancel && *limits.cancel); })) {
        }
        if (!gate) return {0, "", 0, HttpError::cancelled, "cancelled"};
        return live ? live_answer : mirror_answer;
    }
    RequestId start(const std::string&, const HttpLimits&, HttpDone) override { return 0; }
    void cancel(RequestId) override {}

private:
    void open(bool& gate) {
        {
            std::lock_guard lock(mutex_);
            gate = true;
        }
        changed_.notify_all();
    }
    std::mutex mutex_;
    std::condition_variable changed_;
    bool mirror_open_ = false, live_open_ = false;
};

HttpResponse ok(std::string body) { return {200, std::move(body), 0, HttpError::none, ""}; }
HttpResponse failed(HttpError error, std::string detail) { return {0, "", 0, error, std::move(detail)}; }

const char* kAllImages = R"({"batchcomplete":"","query":{"allimages":[{"name":"A.jpg","size":5,"mime":"image/jpeg",)"
                         R"("url":"http://127.0.0.1:8000/images/a/ab/A.jpg"}]}})";

template <class P>
void wait_for(P done, const char* what) { conclab::test::spin_until(done, what); }

}  // namespace

TEST(ServerProbe, ProbeUrlsAreTheApiBuildersOwn) {
    EXPECT_EQ(mirror_probe_url(kPageApi).rfind(std::string(kPageApi) + "?action=query&list=allimages", 0), 0u);
    EXPECT_NE(mirror_probe_url(kPageApi).find("&ailimit=1&"), std::string::npos);
    EXPECT_EQ(live_probe_url().rfind("https://commons.wikimedia.org/w/api.php?", 0), 0u);
    EXPECT_NE(live_probe_url().find("origin=*"), std::string::npos);
    EXPECT_TRUE(answers_allimages(ok(kAllImages)));
    EXPECT_FALSE(answers_allimages(ok("<!DOCTYPE html><p>a static site</p>")));
    EXPECT_FALSE(answers_allimages(failed(HttpError::http_status, "HTTP 404")));
}

// The page's own mirror decides as soon as it answers, whatever Commons is doing (offline: up to its timeout).
TEST(ServerProbe, ThePagesMirrorDecidesWithoutWaitingForCommons) {
    auto client = std::make_shared<GatedClient>();
    client->mirror_answer = ok(kAllImages);
    client->live_answer = failed(HttpError::network, "status 0: no HTTP answer (… or CORS …)");
    ServerProbe probe(client, kPageApi);
    EXPECT_FALSE(probe.decided()) << "nothing answered yet";
    EXPECT_EQ(probe.snapshot().mirror, ProbeState::checking);
    client->open_mirror();
    wait_for([&] { return probe.decided(); }, "the mirror's answer to decide");
    auto s = probe.snapshot();
    EXPECT_EQ(s.mirror, ProbeState::yes);
    EXPECT_EQ(s.live, ProbeState::checking) << "Commons is still being asked";
    EXPECT_EQ(s.decision->server, kPageApi);
    EXPECT_EQ(s.decision->source, ServerSource::page_mirror);
    client->open_live();
    wait_for([&] { return probe.finished(); }, "Commons' answer");
    s = probe.snapshot();
    EXPECT_EQ(s.live, ProbeState::no);
    EXPECT_EQ(s.live_error, HttpError::network);
    EXPECT_EQ(s.decision->server, kPageApi) << "Commons' failure changes nothing once the mirror answered";
}

// A page served without the mirror (a plain static server answers api.php with 404 or HTML): live Commons.
TEST(ServerProbe, APageWithoutAMirrorGoesLive) {
    for (const HttpResponse& answer : {failed(HttpError::http_status, "HTTP 404"), ok("<!DOCTYPE html>")}) {
        auto client = std::make_shared<GatedClient>();
        client->mirror_answer = answer;
        client->live_answer = ok("{}");
        ServerProbe probe(client, kPageApi);
        client->open_mirror();
        wait_for([&] { return probe.decided(); }, "the mirror's answer to decide");
        EXPECT_EQ(probe.snapshot().mirror, ProbeState::no);
        EXPECT_EQ(probe.snapshot().decision->server, "live");
        client->open_live();
        wait_for([&] { return probe.finished(); }, "Commons' answer");
        EXPECT_EQ(probe.snapshot().live, ProbeState::yes);
    }
}

// No page (the desktop app): Commons decides; unreachable, a mirror the app starts takes its place.
TEST(ServerProbe, WithoutAPageUnreachableCommonsStartsTheBuiltInMirror) {
    auto client = std::make_shared<GatedClient>();
    client->live_answer = failed(HttpError::network, "Could not resolve host: commons.wikimedia.org");
    int started = 0;
    ServerProbe probe(client, std::nullopt, [&]() -> std::optional<std::string> {
        ++started;
        return "http://127.0.0.1:40001/w/api.php";
    });
    EXPECT_EQ(probe.snapshot().mirror, ProbeState::no);
    EXPECT_FALSE(probe.decided()) << "Commons has not answered";
    client->open_live();
    wait_for([&] { return probe.finished(); }, "Commons' answer");
    const auto s = probe.snapshot();
    EXPECT_EQ(started, 1);
    EXPECT_EQ(s.decision->server, "http://127.0.0.1:40001/w/api.php");
    EXPECT_EQ(s.decision->source, ServerSource::builtin_mirror);
    EXPECT_EQ(client->urls.size(), 1u) << "no page mirror to ask";
}

TEST(ServerProbe, WithoutAPageReachableCommonsStaysLiveAndStartsNothing) {
    auto client = std::make_shared<GatedClient>();
    client->live_answer = ok("{}");
    int started = 0;
    ServerProbe probe(client, std::nullopt, [&]() -> std::optional<std::string> {
        ++started;
        return "http://127.0.0.1:40001/w/api.php";
    });
    client->open_live();
    wait_for([&] { return probe.finished(); }, "Commons' answer");
    EXPECT_EQ(started, 0);
    EXPECT_EQ(probe.snapshot().decision->server, "live");
    EXPECT_EQ(probe.snapshot().decision->source, ServerSource::live);
}

TEST(ServerProbe, DestroyingItCancelsTheRequestsInFlight) {
    auto client = std::make_shared<GatedClient>();
    { ServerProbe probe(client, kPageApi); }   // neither gate opens: only the cancel flag can end the wait
    SUCCEED();
}

TEST(WikipicsNet, ParsedOnceSentToMirrorsNotToLiveCommons) {
    conclab::options::FieldErrors errors;
    auto o = parse_wikipics_options({{"net", "phone"}, {"server", kPageApi}}, errors);
    ASSERT_TRUE(errors.empty());
    EXPECT_EQ(o.net, NetProfile::phone);
    EXPECT_EQ(net_label(o), "phone");
    EXPECT_EQ(with_net("http://h/images/a/ab/A.jpg", net_sent(o)), "http://h/images/a/ab/A.jpg?net=phone");
    EXPECT_EQ(with_net("http://h/w/api.php?action=query#x", net_sent(o)), "http://h/w/api.php?action=query&net=phone#x");
    o.server = "live";
    EXPECT_FALSE(net_sent(o));
    EXPECT_EQ(net_label(o), "live");
    EXPECT_EQ(with_net("https://upload.wikimedia.org/a.jpg", net_sent(o)), "https://upload.wikimedia.org/a.jpg");

    const auto defaults = parse_wikipics_options({}, errors);
    EXPECT_EQ(defaults.net, NetProfile::talk);
    EXPECT_EQ(defaults.count, 12) << "two even waves of a browser's six connections per host";
    parse_wikipics_options({{"net", "wifi"}}, errors);
    ASSERT_TRUE(errors.count("net"));
    EXPECT_EQ(conclab::options::english(errors["net"]), "unknown net 'wifi': use instant|talk|phone");
}

// The network profile a request asks for (`net=talk|phone|instant`): what the mirror decides for each request (its
// delay, bandwidth and chunk) and logs — asserted on the decisions, never on elapsed time.
#include "server/mirror/api_query.h"
#include "server/mirror/mirror_server.h"
#include "server/mirror/net_profile.h"
#include "test_support.h"
#include "within.h"

#include <httplib.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <thread>
#include <vector>

using namespace conclab::mirror;

namespace {

struct Running {
    explicit Running(MirrorOptions options) : server([&] {
        options.port = 0;
        options.images = 200;
        options.seed = 11;
        return options;
    }()) {
        const std::string error = server.bind();
        if (!error.empty()) throw std::runtime_error(error);
        server.start();
    }
    MirrorServer server;
    int port() const { return server.port(); }
    const Catalog& catalog() { return server.routes().catalog(); }
};

// The smallest JPEG of the catalog: the profile's wait is what the test pays for.
const CatalogEntry& smallest_jpeg(const Catalog& catalog) {
    const CatalogEntry* best = nullptr;
    for (const auto& e : catalog.entries())
        if (e.is_jpeg() && (!best || e.size < best->size)) best = &e;
    if (!best) throw std::runtime_error("no JPEG");
    return *best;
}

}  // namespace

TEST(NetProfile, TalkWaitsAFifthToOneSecondThenSendsTwoMegabytesASecond) {
    std::set<double> delays;
    for (int i = 0; i < 200; ++i) {
        const auto plan = plan_net("talk", 1, "Image_" + std::to_string(i) + ".jpg");
        ASSERT_TRUE(plan);
        EXPECT_EQ(plan->profile, "talk");
        EXPECT_GE(plan->delay_s, 0.2);
        EXPECT_LE(plan->delay_s, 1.0);
        EXPECT_EQ(plan->bandwidth, 2'000'000u);
        delays.insert(plan->delay_s);
    }
    EXPECT_GT(delays.size(), 150u) << "each request its own latency";
}

TEST(NetProfile, PhoneIsSlowerWithJitterInBoth) {
    std::set<std::uint64_t> bandwidths;
    for (int i = 0; i < 200; ++i) {
        const auto plan = plan_net("phone", 1, "Image_" + std::to_string(i) + ".jpg");
        ASSERT_TRUE(plan);
        EXPECT_GE(plan->delay_s, kPhoneDelayMinS);
        EXPECT_LE(plan->delay_s, kPhoneDelayMaxS);
        EXPECT_GE(plan->bandwidth, kPhoneBandwidthMin);
        EXPECT_LE(plan->bandwidth, kPhoneBandwidthMax);
        EXPECT_LT(plan->bandwidth, kTalkBandwidth);
        bandwidths.insert(plan->bandwidth);
    }
    EXPECT_GT(bandwidths.size(), 150u);
}

TEST(NetProfile, TheSameRequestWaitsTheSameEveryRunAndSeedsDiffer) {
    for (const char* profile : {"talk", "phone"}) {
        const auto a = plan_net(profile, 7, "Hemicycle.jpg"), b = plan_net(profile, 7, "Hemicycle.jpg");
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->delay_s, b->delay_s);
        EXPECT_EQ(a->bandwidth, b->bandwidth);
        EXPECT_NE(plan_net(profile, 8, "Hemicycle.jpg")->delay_s, a->delay_s);
    }
}

TEST(NetProfile, InstantEmptyAndUnknownLeaveTheMirrorsOwnOptions) {
    EXPECT_FALSE(plan_net("instant", 1, "a.jpg"));
    EXPECT_FALSE(plan_net("", 1, "a.jpg"));
    EXPECT_FALSE(plan_net("Talk", 1, "a.jpg"));
    EXPECT_EQ(chunk_for(0), 64u * 1024);
    EXPECT_EQ(chunk_for(400'000), 20'000u);
    EXPECT_EQ(chunk_for(2'000'000), 64u * 1024);
}

// Each image request's decision is logged as the mirror took it, and /mirror-log answers it over HTTP.
TEST(NetProfile, TheMirrorHonoursEachRequestsProfileAndLogsIt) {
    Running mirror{MirrorOptions{}};
    const CatalogEntry& e = smallest_jpeg(mirror.catalog());
    httplib::Client client("127.0.0.1", mirror.port());
    for (const char* net : {"", "?net=instant", "?net=talk", "?net=phone"}) {
        const auto answer = client.Get((image_path(e) + net).c_str());
        ASSERT_TRUE(answer) << net;
        EXPECT_EQ(answer->status, 200);
        EXPECT_EQ(answer->body.size(), e.size);
    }
    // A request ends when the server has let go of its answer, a moment after the client has the last byte.
    conclab::test::spin_until([&] { return mirror.server.routes().requests_in_flight() == 0; }, "the four answers to end");
    const auto log = mirror.server.routes().request_log();
    ASSERT_EQ(log.size(), 4u);
    for (const auto& r : log) {
        EXPECT_EQ(r.kind, "image");
        EXPECT_EQ(r.name, e.name);
        ASSERT_TRUE(r.ended_s);
        EXPECT_GE(*r.ended_s, r.started_s);
    }
    for (std::size_t i : {0u, 1u}) {   // the mirror's own options: none by default
        EXPECT_EQ(log[i].net, "");
        EXPECT_EQ(log[i].delay_s, 0.0);
        EXPECT_EQ(log[i].bandwidth, 0u);
        EXPECT_EQ(log[i].chunk, 64u * 1024);
    }
    const auto talk = plan_net("talk", 11, e.name), phone = plan_net("phone", 11, e.name);
    EXPECT_EQ(log[2].net, "talk");
    EXPECT_EQ(log[2].delay_s, talk->delay_s);
    EXPECT_EQ(log[2].bandwidth, kTalkBandwidth);
    EXPECT_EQ(log[2].chunk, 64u * 1024);
    EXPECT_EQ(log[3].net, "phone");
    EXPECT_EQ(log[3].delay_s, phone->delay_s);
    EXPECT_EQ(log[3].bandwidth, phone->bandwidth);
    EXPECT_EQ(log[3].chunk, phone->bandwidth / 20) << "a twentieth of a second's bytes per write";

    const auto served = client.Get("/mirror-log");
    ASSERT_TRUE(served);
    EXPECT_EQ(served->status, 200);
    const auto doc = nlohmann::json::parse(served->body);
    ASSERT_EQ(doc["requests"].size(), 4u);
    EXPECT_EQ(doc["requests"][2]["net"], "talk");
    EXPECT_EQ(doc["requests"][2]["delay_s"], talk->delay_s);
    EXPECT_EQ(doc["requests_in_flight"], 0);
    EXPECT_GE(doc["peak_requests_in_flight"].get<int>(), 1);
}

// The API's requests wait the profile's latency too, and `net` is no unrecognised parameter to the API.
TEST(NetProfile, TheApiWaitsTheProfilesLatencyWithoutAWarning) {
    Running mirror{MirrorOptions{}};
    httplib::Client client("127.0.0.1", mirror.port());
    const std::string query = "/w/api.php?action=query&list=allimages&ailimit=1&aiprop=size&format=json&net=talk";
    const auto answer = client.Get(query.c_str());
    ASSERT_TRUE(answer);
    EXPECT_EQ(nlohmann::json::parse(answer->body).contains("warnings"), false) << answer->body;
    const auto log = mirror.server.routes().request_log();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].kind, "api");
    EXPECT_EQ(log[0].net, "talk");
    EXPECT_EQ(log[0].delay_s, plan_net("talk", 11, query)->delay_s);
}

// Requests side by side are counted in flight from arrival (their latency included) to their last byte.
TEST(NetProfile, RequestsInFlightAtOnceAreCounted) {
    Running mirror{MirrorOptions{}};
    const CatalogEntry& e = smallest_jpeg(mirror.catalog());
    std::vector<std::thread> clients;
    for (int i = 0; i < 6; ++i)
        clients.emplace_back([&] { mirror_test::raw_request(mirror.port(), image_path(e) + "?net=phone"); });
    // Phone latency is 0.4 s at least: six requests sent at once are all waiting together.
    conclab::test::spin_until([&] { return mirror.server.routes().peak_requests() >= 6; }, "six requests in flight");
    for (auto& t : clients) t.join();
    conclab::test::spin_until([&] { return mirror.server.routes().requests_in_flight() == 0; }, "the answers to end");
    EXPECT_EQ(mirror.server.routes().peak_requests(), 6);
}

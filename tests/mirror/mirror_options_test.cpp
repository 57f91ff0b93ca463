// `conclab mirror`'s options: defaults, accepted forms, and messages that name the bad value.
#include "server/mirror/mirror_options.h"

#include <gtest/gtest.h>

using namespace conclab;
using namespace conclab::mirror;

namespace {

std::string error_for(const options::Params& params) {
    options::FieldErrors errors;
    EXPECT_FALSE(parse_mirror_options(params, errors).has_value());
    return options::first_error(errors, mirror_option_specs());
}

}  // namespace

TEST(MirrorOptions, Defaults) {
    options::FieldErrors errors;
    const auto o = parse_mirror_options({}, errors);
    ASSERT_TRUE(o);
    EXPECT_EQ(o->host, "127.0.0.1");
    EXPECT_EQ(o->port, 8001);
    EXPECT_EQ(o->images, 4600);
    EXPECT_FALSE(o->faults.any());
    EXPECT_FALSE(o->api_faults);
    EXPECT_FALSE(o->faults.pinned);
}

TEST(MirrorOptions, AcceptedForms) {
    options::FieldErrors errors;
    const auto o = parse_mirror_options({{"port", "9_001"}, {"delay", "0.5..5"}, {"bandwidth", "1_200_000"},
                                         {"error-rate", "0.25"}, {"reset-rate", "0.25"}, {"truncate-rate", "0.25"},
                                         {"rate-limit-rate", "0.25"}, {"seed", "12"}, {"images", "50"},
                                         {"api-faults", "1"}, {"host", "0.0.0.0"}},
                                        errors);
    ASSERT_TRUE(o) << options::first_error(errors);
    EXPECT_EQ(o->port, 9001);
    EXPECT_EQ(o->faults.delay_min_s, 0.5);
    EXPECT_EQ(o->faults.delay_max_s, 5.0);
    EXPECT_EQ(o->faults.bandwidth, 1'200'000u);
    EXPECT_EQ(o->faults.error_rate, 0.25);
    EXPECT_EQ(o->seed, 12u);
    EXPECT_EQ(o->images, 50);
    EXPECT_TRUE(o->api_faults);
    EXPECT_EQ(o->host, "0.0.0.0");
    EXPECT_FALSE(o->faults.pinned);
    const auto pinned = parse_mirror_options({{"pin-faults", "1"}}, errors);
    ASSERT_TRUE(pinned) << options::first_error(errors);
    EXPECT_TRUE(pinned->faults.pinned);
    const auto fixed = parse_mirror_options({{"delay", "2"}}, errors);
    ASSERT_TRUE(fixed);
    EXPECT_EQ(fixed->faults.delay_min_s, 2.0);
    EXPECT_EQ(fixed->faults.delay_max_s, 2.0);
}

TEST(MirrorOptions, BadValuesAreNamed) {
    EXPECT_EQ(error_for({{"delay", "5..1"}}), "--delay 5..1: MIN is above MAX");
    EXPECT_EQ(error_for({{"delay", "fast"}}), "--delay fast is not MIN..MAX in seconds (e.g. 0.5..5)");
    EXPECT_EQ(error_for({{"delay", "-1..2"}}), "--delay -1..2 is out of range: use 0 to 600 seconds");
    EXPECT_EQ(error_for({{"error-rate", "1.5"}}), "--error-rate 1.5 is out of range: use 0 to 1");
    EXPECT_EQ(error_for({{"port", "0x1F"}}), "--port '0x1F' is not a whole number");
    EXPECT_EQ(error_for({{"port", "010"}}), "--port '010' is not a whole number");
    EXPECT_EQ(error_for({{"port", "70000"}}), "--port 70000 is out of range: use 1 to 65535");
    EXPECT_EQ(error_for({{"images", "0"}}), "--images 0 is out of range: use 1 to 100000");
    EXPECT_EQ(error_for({{"bandwidth", "-5"}}), "--bandwidth -5 is out of range: use 0 to 1000000000000");
    EXPECT_EQ(error_for({{"host", ""}}), "--host is empty: give an address such as 127.0.0.1");
    EXPECT_EQ(error_for({{"colour", "red"}}), "unknown option 'colour'");
    EXPECT_NE(error_for({{"error-rate", "0.6"}, {"reset-rate", "0.6"}}).find("add up to 1.2"), std::string::npos);
}

// The app shell's pure parts (issue 20): the link of a view (query string and command line), presentation mode's
// scale, and the launch options' defaults and errors. No window: the functions take plain values.
#include "ui/app.h"
#include "core/catalog/demo_catalog.h"
#include "ui/text/text_errors.h"

#include <gtest/gtest.h>

using conclab::options::FieldErrors;
using conclab::options::Params;
namespace ui = conclab::ui;

TEST(ShellLink, NamesOnlyWhatDiffersFromTheDefaults) {
    const Params defaults{{"executor", "threads"}, {"sample", "2**57"}, {"workers", "2"}};
    EXPECT_EQ(ui::view_query("welcome", "en", false, {}, {}), "");
    EXPECT_EQ(ui::view_query("primes", "en", false, defaults, defaults), "demo=primes");
    Params chosen = defaults;
    chosen["executor"] = "processes";
    chosen["sample"] = "2**50";
    EXPECT_EQ(ui::view_query("primes", "pt", true, chosen, defaults), "demo=primes&lang=pt&present=1&executor=processes&sample=2**50");
    chosen["numbers"] = "7 12&x";   // a value with a space and an ampersand stays one value
    EXPECT_EQ(ui::view_query("primes", "en", false, {{"numbers", "7 12&x"}}, defaults), "demo=primes&numbers=7%2012%26x");
}

TEST(ShellLink, TheCommandLineIsTheSameView) {
    const Params defaults{{"executor", "threads"}, {"workers", "2"}};
    EXPECT_EQ(ui::command_line("welcome", "en", false, {}, {}), "conclab");
    EXPECT_EQ(ui::command_line("primes", "pt", true, {{"executor", "gil"}, {"workers", "2"}}, defaults),
              "conclab --demo primes --lang pt --present --executor gil");
    EXPECT_EQ(ui::command_line("primes", "en", false, {{"numbers", "7 it's"}}, defaults),
              "conclab --demo primes --numbers '7 it'\\''s'");
}

TEST(ShellLink, TheLinkParsesBackToTheSameLaunchOptions) {
    const std::string query = ui::view_query("primes", "pt", true, {{"executor", "processes"}, {"workers", "3"}}, {});
    Params params;
    for (std::size_t at = 0; at < query.size();) {
        auto end = query.find('&', at);
        if (end == std::string::npos) end = query.size();
        const auto pair = query.substr(at, end - at);
        params[pair.substr(0, pair.find('='))] = pair.substr(pair.find('=') + 1);
        at = end + 1;
    }
    FieldErrors errors;
    const auto launch = ui::parse_launch_options(params, errors);
    EXPECT_TRUE(errors.empty()) << conclab::options::english(errors.begin()->second);
    EXPECT_EQ(launch.demo, "primes");
    EXPECT_EQ(launch.language, "pt");
    EXPECT_TRUE(launch.present);
    EXPECT_EQ(launch.params.at("executor"), "processes");
}

TEST(ShellPresent, ScaleFollowsTheWindowWithinItsBounds) {
    EXPECT_FLOAT_EQ(ui::presentation_scale(1920, 1080), 2.0f);
    EXPECT_FLOAT_EQ(ui::presentation_scale(1280, 800), 1.5f);       // 1.33 → at least 1.5
    EXPECT_FLOAT_EQ(ui::presentation_scale(3840, 2160), 3.0f);      // 4 → at most 3
    EXPECT_FLOAT_EQ(ui::presentation_scale(1024, 768), 1.5f);       // a projector: 1024 / 1.5 < 720, the narrow layout
    EXPECT_FLOAT_EQ(ui::presentation_scale(412, 915), 1.25f);       // a phone: capped
    EXPECT_FLOAT_EQ(ui::presentation_scale(915, 412), 1.25f);       // held sideways too
}

TEST(ShellLaunch, TheWelcomePageIsTheDefaultAndEveryErrorIsKept) {
    FieldErrors errors;
    const auto plain = ui::parse_launch_options({}, errors);
    EXPECT_EQ(plain.demo, "welcome");
    EXPECT_FALSE(plain.present);
    EXPECT_TRUE(plain.errors.empty());
    const auto ids = ui::welcome_order();
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "welcome"), ids.end()) << "the welcome page lists the demos, not itself";
    for (const auto& demo : conclab::catalog::demos())
        EXPECT_NE(std::find(ids.begin(), ids.end(), demo.id), ids.end()) << demo.id << " has no card";

    FieldErrors bad;
    const auto launch = ui::parse_launch_options({{"demo", "primes"}, {"executor", "fibers"}, {"workers", "0"}, {"autorun", "1"}}, bad);
    EXPECT_EQ(launch.errors.size(), 2u) << "both bad options, not the first only";
    EXPECT_TRUE(launch.errors.count("executor") && launch.errors.count("workers"));
}

// A bad --window and a demo id with no panel are typed like the demos' field errors: the CLI's English names the
// flag (as it always did), the page words the same error in its language beside the field.
TEST(ShellLaunch, WindowAndDemoErrorsAreTyped) {
    FieldErrors errors;
    const auto launch = ui::parse_launch_options({{"window", "big"}}, errors);
    ASSERT_EQ(launch.errors.count("window"), 1u);
    const auto& window = launch.errors.at("window");
    EXPECT_EQ(window, (conclab::options::FieldError{"window", conclab::options::ErrorKind::not_a_size, {"big", "200x200", "7680x4320"}}));
    EXPECT_EQ(conclab::options::english(window), "--window big is not a size: use WxH, 200x200 to 7680x4320");
    EXPECT_EQ(ui::error_text(window, ui::Language::pt), "big não é um tamanho: use LxA, de 200x200 a 7680x4320");
    EXPECT_EQ(conclab::options::to_string(conclab::options::ErrorKind::no_panel), "no_panel");
    const conclab::options::FieldError no_panel{"demo", conclab::options::ErrorKind::no_panel, {"x", "welcome|primes"}};
    EXPECT_EQ(conclab::options::english(no_panel), "--demo 'x' has no panel in this app: use welcome|primes");
    EXPECT_EQ(ui::error_text(no_panel, ui::Language::pt), "'x' não tem painel neste app: use welcome|primes");
}

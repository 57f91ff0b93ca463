// The one set of option rules: decimal only, clear messages, echoed values capped and escaped; each demo's
// parser and the catalog that the CLI and the app build on.
#include "core/base/options.h"
#include "core/catalog/demo_catalog.h"
#include "core/exec/executor.h"
#include "core/exec/task.h"
#include "core/primes/primes_options.h"
#include "core/system/system_options.h"
#include "core/wikipics/wikipics_options.h"

#include <tuple>

#include <gtest/gtest.h>

using namespace conclab;
using options::FieldErrors;
using options::Params;

TEST(Options, DecimalOnly) {
    EXPECT_EQ(options::parse_decimal("8"), 8);
    EXPECT_EQ(options::parse_decimal("0"), 0);
    EXPECT_EQ(options::parse_decimal("-1"), -1);
    EXPECT_EQ(options::parse_decimal("1_000"), 1000);
    for (const char* bad : {"010", "0x1F90", "0X10", "08", "+5", " 5", "5 ", "", "-", "1__0", "_1", "1_", "1e3", "0b1",
                            "99999999999999999999", "٣"})
        EXPECT_FALSE(options::parse_decimal(bad).has_value()) << bad;
}

TEST(Options, RealsTakeADecimalCommaOrPoint) {
    // A PT page's "0,5" and an EN page's "0.5" are the same number, on the page, in a link and on the CLI.
    EXPECT_EQ(options::parse_real("0,5"), 0.5);
    EXPECT_EQ(options::parse_real("0.5"), 0.5);
    EXPECT_EQ(options::parse_real("-2,5e1"), -25.0);
    for (const char* bad : {"1,000.5", "1.000,5", "1,000,000", ",", "0,5s", "+0,5"})
        EXPECT_FALSE(options::parse_real(bad).has_value()) << bad;
    FieldErrors errors;
    double timeout = 1.0;
    EXPECT_TRUE(options::read_real(Params{{"timeout", "2,5"}}, "timeout", 0, 600, timeout, errors, true));
    EXPECT_EQ(timeout, 2.5);
    EXPECT_TRUE(errors.empty());
    const auto wikipics = wikipics::parse_wikipics_options({{"timeout", "7,5"}}, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(wikipics.timeout_s, 7.5);
}

TEST(Options, ReadIntNamesTheValueAndTheRange) {
    FieldErrors errors;
    int workers = 4;
    EXPECT_FALSE(options::read_int(Params{{"workers", "-1"}}, "workers", 1, 64, workers, errors));
    EXPECT_EQ(conclab::options::english(errors["workers"]), "--workers -1 is out of range: use 1 to 64");
    EXPECT_EQ(workers, 4);
    errors.clear();
    EXPECT_FALSE(options::read_int(Params{{"workers", "010"}}, "workers", 1, 64, workers, errors));
    EXPECT_EQ(conclab::options::english(errors["workers"]), "--workers '010' is not a whole number");
    errors.clear();
    EXPECT_TRUE(options::read_int(Params{}, "workers", 1, 64, workers, errors));
    EXPECT_TRUE(errors.empty());
}

// Core hands over what is wrong, not a sentence: {field, kind, args}. Each kind as the parsers produce it, with
// the arguments the UI's tables put in its words, and the CLI's English for it (options::english) unchanged.
TEST(Options, EachErrorKindWithItsArguments) {
    using options::ErrorKind;
    using Args = std::vector<std::string>;
    struct Case {
        Params params;
        std::string field;
        ErrorKind kind;
        Args args;
        std::string english;
    };
    const Case cases[] = {
        {{{"workers", "x"}}, "workers", ErrorKind::not_whole_number, {"x"}, "--workers 'x' is not a whole number"},
        {{{"workers", "0"}}, "workers", ErrorKind::out_of_range, {"0", "1", "64"}, "--workers 0 is out of range: use 1 to 64"},
        {{{"executor", "fibers"}}, "executor", ErrorKind::not_one_of, {"fibers", "sequential|threads|processes|gil"},
         "unknown executor 'fibers': use sequential|threads|processes|gil"},
        {{{"compare", "maybe"}}, "compare", ErrorKind::not_a_flag, {"maybe"}, "--compare 'maybe' is not 1|0|true|false"},
        {{{"numbers", "7"}, {"sample", "fluent"}}, "numbers", ErrorKind::not_both, {"sample"}, "give numbers or --sample, not both"},
        {{{"numbers", std::string(100'001, '7')}}, "numbers", ErrorKind::too_long, {"100001", "100000"},
         "the list of numbers is 100001 characters long: the limit is 100000"},
        {{{"numbers", " , "}}, "numbers", ErrorKind::list_empty, {},
         "the list of numbers is empty: give at least one number from 1 to 2**64-1"},
        {{{"numbers", "3 _5"}}, "numbers", ErrorKind::misplaced_underscore, {"_5"}, "'_5' is not a number: '_' only goes between digits"},
        {{{"numbers", "18446744073709551616"}}, "numbers", ErrorKind::number_too_large, {"18446744073709551616"},
         "'18446744073709551616' is too large: the largest accepted is 18_446_744_073_709_551_615 (2**64-1)"},
        {{{"numbers", "12x"}}, "numbers", ErrorKind::not_positive_number, {"12x"},
         "'12x' is not a positive whole number (digits and '_' only, 1 to 2**64-1)"},
        {{{"numbers", "0"}}, "numbers", ErrorKind::number_zero, {"0"}, "'0' is out of range: numbers go from 1 to 2**64-1"},
        {{{"sample", "2**99"}}, "sample", ErrorKind::unknown_sample, {"2**99", "40", "64", "57"},
         "unknown sample '2**99': use 2**K with K from 40 to 64 (the talk's is 2**57) or fluent"},
        {{{"executor", "thr\xE9" "ads"}}, "executor", ErrorKind::not_utf8, {"0xE9", "3"},
         "--executor: the value is not UTF-8 text (byte 0xE9 at 3)"},
    };
    for (const auto& c : cases) {
        FieldErrors errors;
        primes::parse_primes_options(c.params, 4, errors);
        ASSERT_EQ(errors.count(c.field), 1u) << c.english;
        const auto& e = errors.at(c.field);
        EXPECT_EQ(e.field, c.field) << c.english;
        EXPECT_EQ(e.kind, c.kind) << c.english;
        EXPECT_EQ(e.args, c.args) << c.english;
        EXPECT_EQ(options::english(e), c.english);
    }

    FieldErrors errors;   // the kinds the other readers produce
    auto timeout = 1.0;
    options::read_real(Params{{"timeout", "soon"}}, "timeout", 0, 600, timeout, errors, true);
    EXPECT_EQ(errors.at("timeout"), (options::FieldError{"timeout", ErrorKind::not_a_number, {"soon"}}));
    EXPECT_EQ(options::english(errors.at("timeout")), "--timeout 'soon' is not a number");
    errors.clear();
    options::read_real(Params{{"timeout", "0"}}, "timeout", 0, 600, timeout, errors, true);
    EXPECT_EQ(errors.at("timeout"), (options::FieldError{"timeout", ErrorKind::out_of_range_above, {"0", "0", "600"}}));
    EXPECT_EQ(options::english(errors.at("timeout")), "--timeout 0 is out of range: use more than 0 to 600");
    errors.clear();
    wikipics::parse_wikipics_options({{"server", "ftp://x"}}, errors);
    EXPECT_EQ(errors.at("server"), (options::FieldError{"server", ErrorKind::not_server_url, {"ftp://x"}}));
    EXPECT_EQ(options::english(errors.at("server")),
              "--server 'ftp://x' is not 'live' or an http(s)://HOST/…/api.php URL (e.g. http://127.0.0.1:8001/w/api.php)");
    errors.clear();
    const std::vector<options::OptionSpec> specs{{"workers", "N", ""}};
    options::reject_unknown(Params{{"wrokers", "2"}}, specs, {}, errors);
    EXPECT_EQ(errors.at("wrokers"), (options::FieldError{"wrokers", ErrorKind::unknown_option, {"wrokers"}}));
    // A message worded already (a run's failure) stays as it is.
    errors["run"] = "the run failed: boom";
    EXPECT_EQ(errors.at("run").kind, ErrorKind::text);
    EXPECT_EQ(options::english(errors.at("run")), "the run failed: boom");
    EXPECT_EQ(options::to_string(ErrorKind::out_of_range_above), "out_of_range_above");
}

TEST(Options, EchoCapsAndEscapes) {
    EXPECT_EQ(options::echo("a\nb\x01"), "a\\nb\\x01");
    EXPECT_EQ(options::echo(std::string("a\0b", 3)), "a\\x00b");
    const std::string long_value(500, 'x');
    const std::string shown = options::echo(long_value);
    EXPECT_EQ(shown, std::string(80, 'x') + "\u2026");
    EXPECT_EQ(options::echo("olá"), "olá");   // UTF-8 stays whole
}

TEST(Options, UnknownNamesAreReported) {
    FieldErrors errors;
    const std::vector<options::OptionSpec> specs{{"workers", "N", ""}};
    constexpr std::string_view extra[] = {"demo"};
    options::reject_unknown(Params{{"workers", "2"}, {"demo", "x"}, {"wrokers", "2"}}, specs, extra, errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(conclab::options::english(errors["wrokers"]), "unknown option 'wrokers'");
}

TEST(PrimesOptions, DefaultsFollowTheMachineWithinTheRange) {
    EXPECT_EQ(exec::default_workers(2), 2);
    EXPECT_EQ(exec::default_workers(128), 64);   // a big machine: the default must still be valid
    EXPECT_EQ(exec::default_workers(0), 1);
    FieldErrors errors;
    const auto o = primes::parse_primes_options({}, 128, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(o.workers, 64);
    EXPECT_EQ(o.executor, exec::ExecutorKind::threads);
    EXPECT_EQ(o.sample.name, "2**57");
    EXPECT_EQ(o.sample.numbers.size(), 21u);
}

TEST(PrimesOptions, BadValuesAreRefusedWithTheCliMessages) {
    FieldErrors errors;
    primes::parse_primes_options({{"workers", "-1"}, {"executor", "fibers"}, {"sample", "2**99"}}, 2, errors);
    EXPECT_EQ(conclab::options::english(errors["workers"]), "--workers -1 is out of range: use 1 to 64");
    EXPECT_EQ(conclab::options::english(errors["executor"]), "unknown executor 'fibers': use sequential|threads|processes|gil");
    EXPECT_NE(conclab::options::english(errors["sample"]).find("unknown sample '2**99'"), std::string::npos);
    errors.clear();
    primes::parse_primes_options({{"numbers", "7"}, {"sample", "fluent"}}, 2, errors);
    EXPECT_EQ(errors.count("numbers"), 1u);
}

TEST(PrimesOptions, LongListsAreTakenWholeOrRefusedNeverCut) {
    std::string numbers;
    for (int i = 0; i < 300; ++i) numbers += "1000000, ";
    numbers += "1000000007";   // past the 2048 bytes where the panel's buffer used to cut the list
    FieldErrors errors;
    const auto o = primes::parse_primes_options({{"numbers", numbers}}, 2, errors);
    ASSERT_TRUE(errors.empty()) << options::first_error(errors);
    ASSERT_EQ(o.sample.numbers.size(), 301u);
    EXPECT_EQ(o.sample.numbers.back(), 1000000007u);
    const std::string too_long(primes::kMaxNumbersText + 1, '7');
    primes::parse_primes_options({{"numbers", too_long}}, 2, errors);
    EXPECT_NE(conclab::options::english(errors["numbers"]).find("the limit is 100000"), std::string::npos);
    EXPECT_LT(conclab::options::english(errors["numbers"]).size(), 200u);
}

TEST(PrimesOptions, RuntimeIsCppUnlessPythonIsAsked) {
    FieldErrors errors;
    EXPECT_EQ(primes::parse_primes_options({}, 2, errors).runtime, primes::Runtime::cpp);
    EXPECT_EQ(primes::parse_primes_options({{"runtime", "python"}}, 2, errors).runtime, primes::Runtime::python);
    EXPECT_EQ(primes::parse_primes_options({{"runtime", "cpp"}}, 2, errors).runtime, primes::Runtime::cpp);
    EXPECT_TRUE(errors.empty());
    primes::parse_primes_options({{"runtime", "java"}}, 2, errors);
    EXPECT_EQ(conclab::options::english(errors["runtime"]), "unknown runtime 'java': use cpp|python");
    EXPECT_EQ(primes::to_string(primes::Runtime::python), "python");
}

TEST(PrimesOptions, SequentialRunsOneWorker) {
    FieldErrors errors;
    EXPECT_EQ(primes::parse_primes_options({{"executor", "sequential"}, {"workers", "8"}}, 2, errors).workers, 1);
}

TEST(SystemOptions, SpinRange) {
    FieldErrors errors;
    EXPECT_EQ(system::parse_system_options({{"spin", "3"}}, errors).spin, 3);
    EXPECT_FALSE(system::parse_system_options({}, errors).spin.has_value());
    system::parse_system_options({{"spin", "65"}}, errors);
    EXPECT_EQ(conclab::options::english(errors["spin"]), "--spin 65 is out of range: use 0 to 64");
}

TEST(Catalog, EveryDemoParsesItsOwnOptionsAndRegistersItsTasks) {
    ASSERT_NE(catalog::find_demo("primes"), nullptr);
    EXPECT_EQ(catalog::find_demo("nope"), nullptr);
    EXPECT_EQ(catalog::demo_choices().substr(0, 13), "system|primes");
    catalog::register_all_tasks();
    catalog::register_all_tasks();   // idempotent
    EXPECT_NE(exec::find_task("primes.lpf"), nullptr);
    const auto* primes_demo = catalog::find_demo("primes");
    const Params only = catalog::params_for(*primes_demo, {{"workers", "2"}, {"spin", "3"}});
    EXPECT_EQ(only.size(), 1u);
    FieldErrors errors;
    primes_demo->check_options({{"workers", "0"}}, errors);
    EXPECT_EQ(errors.count("workers"), 1u);
    auto all = catalog::all_demo_option_specs();
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = i + 1; j < all.size(); ++j) EXPECT_NE(all[i].name, all[j].name);
}

// The catalog's side of the agreement between registries (the rest, with the panels, the subcommands and the
// screenshot tour, runs the real binary: tests/cli/demo_agreement_cli_test.cpp): each id once, a plain word usable
// as a subcommand and a query value, found by find_demo and listed by demo_choices in menu order.
TEST(Catalog, EachDemoIdOnceAndFoundByItself) {
    std::string choices;
    for (const auto& d : catalog::demos()) {
        ASSERT_FALSE(d.id.empty());
        for (char c : d.id) EXPECT_TRUE(c >= 'a' && c <= 'z') << d.id;
        EXPECT_EQ(catalog::find_demo(d.id), &d) << d.id << " twice in the catalog";
        EXPECT_NE(d.option_specs, nullptr) << d.id;
        EXPECT_NE(d.check_options, nullptr) << d.id;
        if (!choices.empty()) choices += '|';
        choices += d.id;
    }
    EXPECT_EQ(catalog::demo_choices(), choices);
}

TEST(TaskRegistry, SameNameTwiceWithAnotherFunctionIsRefused) {
    auto a = [](std::string_view, exec::TaskContext&) { return std::string("a"); };
    auto b = [](std::string_view, exec::TaskContext&) { return std::string("b"); };
    exec::register_task("options_test.a", a);
    exec::register_task("options_test.a", a);
    EXPECT_THROW(exec::register_task("options_test.a", b), std::logic_error);
    exec::TaskContext context;
    EXPECT_EQ(exec::run_task({"options_test.a", ""}, context), "a");
    EXPECT_THROW(exec::run_task({"options_test.nope", ""}, context), std::invalid_argument);
}

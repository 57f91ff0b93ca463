// Spinners: the frames, the freeze measurement, and the coroutine spinner that freezes when its slow call
// blocks the loop (a 0.6 s sleep: the test counts frames, it does not time them).
#include "core/spinner/spinner.h"
#include "core/spinner/spinner_demo.h"

#include "core/exec/executor.h"
#include "core/exhibition/exhibition_options.h"
#include "wait_until.h"
#include "within.h"

#include <algorithm>
#include <thread>

#include <gtest/gtest.h>

namespace ex = conclab::spinner;
namespace exh = conclab::exhibition;
namespace test = conclab::test;

TEST(Spinner, FramesCycleThroughTheFourCharacters) {
    EXPECT_EQ(ex::spinner_frame(0), "\r\\ thinking!");
    EXPECT_EQ(ex::spinner_frame(1), "\r| thinking!");
    EXPECT_EQ(ex::spinner_frame(2), "\r/ thinking!");
    EXPECT_EQ(ex::spinner_frame(3), "\r- thinking!");
    EXPECT_EQ(ex::spinner_frame(4), ex::spinner_frame(0));
    EXPECT_EQ(ex::spinner_erase(), "\r           \r");
}

TEST(Spinner, GapsLongerThanHalfASecondAreAFreeze) {
    ex::FrameGaps steady(10.0);
    for (int i = 0; i <= 10; ++i) steady.frame(10.0 + 0.1 * i);
    steady.finish(11.05);
    EXPECT_EQ(steady.frames(), 11u);
    EXPECT_NEAR(steady.longest_gap_s(), 0.1, 1e-9);
    EXPECT_FALSE(steady.froze());

    ex::FrameGaps frozen(0.0);
    frozen.frame(0.0);
    frozen.frame(0.1);
    frozen.frame(2.1);   // two seconds without a frame: 1.9 s frozen
    frozen.finish(2.15);
    EXPECT_TRUE(frozen.froze());
    EXPECT_NEAR(frozen.frozen_s(), 1.9, 1e-9);
    EXPECT_NEAR(frozen.longest_gap_s(), 2.0, 1e-9);

    ex::FrameGaps never_drew(0.0);   // a spinner that never got to run
    never_drew.finish(3.0);
    EXPECT_EQ(never_drew.frames(), 0u);
    EXPECT_NEAR(never_drew.frozen_s(), 2.9, 1e-9);
}

TEST(Spinner, OptionsAndTheirErrors) {
    conclab::options::FieldErrors errors;
    auto o = ex::parse_spinner_options({{"kind", "coroutine"}, {"block", "1"}, {"seconds", "0.5"}, {"number", "91"}}, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(o.kind, ex::SpinnerKind::coroutine);
    EXPECT_TRUE(o.block);
    EXPECT_DOUBLE_EQ(o.seconds, 0.5);
    EXPECT_EQ(o.number, 91u);
    ex::parse_spinner_options({{"kind", "fiber"}, {"seconds", "0"}, {"number", "1"}}, errors);
    EXPECT_EQ(errors.size(), 3u);
    EXPECT_NE(conclab::options::english(errors["kind"]).find("thread|process|coroutine"), std::string::npos) << conclab::options::english(errors["kind"]);
}

TEST(Spinner, TheCoroutineSpinnerFreezesOnlyWhenTheCallBlocks) {
    ex::SpinnerOptions o;
    o.kind = ex::SpinnerKind::coroutine;
    o.seconds = 0.6;
    o.number = 91;   // 7 x 13
    std::string drawn;
    const auto draw = [&](const std::string& text) { drawn += text; };

    ex::FrameGaps awaiting;
    EXPECT_EQ(ex::run_coroutine_spinner(o, draw, awaiting), 7u);
    EXPECT_GE(awaiting.frames(), 1u) << "the spinner turned while the call awaited its sleep";
    EXPECT_NE(drawn.find("\r| thinking!"), std::string::npos);

    o.block = true;
    drawn.clear();
    ex::FrameGaps blocked;
    EXPECT_EQ(ex::run_coroutine_spinner(o, draw, blocked), 7u);
    EXPECT_EQ(blocked.frames(), 0u) << "the loop never got back to the spinner";
    EXPECT_TRUE(blocked.froze());
    EXPECT_EQ(drawn, ex::spinner_erase());
}

TEST(Spinner, ALiveSpinnerRunsOnItsThreadAndReportsItsFreeze) {
    ex::LiveSpinner spinner;
    ex::SpinnerOptions o;
    o.kind = ex::SpinnerKind::process;
    EXPECT_FALSE(spinner.start(o)) << "the process form needs an executor";
    o.kind = ex::SpinnerKind::coroutine;
    o.block = true;
    o.seconds = 0.6;
    o.number = 91;
    ASSERT_TRUE(spinner.start(o));
    EXPECT_FALSE(spinner.start(o)) << "one run at a time";
    ASSERT_TRUE(conclab::test::wait_until([&] { return !spinner.running(); }));
    auto outcome = spinner.outcome();
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->answer, 7u);
    EXPECT_EQ(spinner.frames(), 0u);
    EXPECT_TRUE(outcome->gaps.froze());

    o.kind = ex::SpinnerKind::thread;   // blocking or not, the thread's spinner turns
    ASSERT_TRUE(spinner.start(o));
    ASSERT_TRUE(conclab::test::wait_until([&] { return !spinner.running(); }));
    outcome = spinner.outcome();
    EXPECT_EQ(outcome->answer, 7u);
    EXPECT_GE(spinner.frames(), 1u);
    EXPECT_EQ(outcome->gaps.frames(), spinner.frames());
}

TEST(Spinner, TheProcessFormRunsTheCallAsATaskByNameWhileItsCallerPollsAndSpins) {
    ex::register_tasks();
    // The slow call by name, on any executor (the app gives a process pool; a thread pool here).
    auto pool = conclab::exec::make_thread_pool(1);
    EXPECT_EQ(test::result(pool->submit({std::string(ex::kSlowCallTask), ex::slow_call_argument(0, 91)})), "7");
    EXPECT_THROW(test::result(pool->submit({std::string(ex::kSlowCallTask), "soon 91"})), conclab::exec::TaskError);
    pool->shutdown();

    ex::LiveSpinner spinner;
    ex::SpinnerOptions o;
    o.kind = ex::SpinnerKind::process;
    o.block = true;   // the call blocks its worker, not the spinner
    o.seconds = 0.6;
    o.number = 91;
    ASSERT_TRUE(spinner.start(o, conclab::exec::make_thread_pool(1)));
    EXPECT_FALSE(spinner.start(o, conclab::exec::make_thread_pool(1))) << "one run at a time";
    ASSERT_TRUE(conclab::test::wait_until([&] {
        spinner.poll();   // the UI's loop turn
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return !spinner.running();
    }));
    const auto outcome = spinner.outcome();
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->error, "");
    EXPECT_EQ(outcome->answer, 7u);
    EXPECT_GE(spinner.frames(), 1u) << "the caller's loop drew frames while the call ran elsewhere";
    EXPECT_EQ(outcome->gaps.frames(), spinner.frames());
}

TEST(Spinner, TheAppsLaunchOptionsStartASpinner) {
    conclab::options::FieldErrors errors;
    auto o = exh::parse_exhibition_options({{"spinner", "process"}, {"block", "1"}, {"spinner-seconds", "1.5"}}, errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_TRUE(o.spinner.has_value());
    EXPECT_EQ(o.spinner->kind, ex::SpinnerKind::process);
    EXPECT_TRUE(o.spinner->block);
    EXPECT_DOUBLE_EQ(o.spinner->seconds, 1.5);
    EXPECT_FALSE(exh::parse_exhibition_options({{"block", "1"}}, errors).spinner.has_value()) << "no spinner=, no start";
    exh::parse_exhibition_options({{"spinner", "fiber"}, {"block", "maybe"}, {"spinner-seconds", "0"}}, errors);
    EXPECT_EQ(errors.size(), 3u);
    EXPECT_NE(conclab::options::english(errors["spinner"]).find("thread|process|coroutine"), std::string::npos) << conclab::options::english(errors["spinner"]);
    std::vector<std::string> names;
    for (const auto& spec : exh::exhibition_app_option_specs()) names.push_back(spec.name);
    for (const char* name : {"spinner", "block", "spinner-seconds", "boards"})
        EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
}

TEST(Spinner, FramesInCallCountOnlyWhileTheSlowCallIsInFlight) {
    ex::FrameGaps g(0.0);
    g.frame(0.0);          // before the call
    g.frame(0.1, true);
    g.frame(0.2, true);
    g.frame(0.3);          // after it
    g.finish(0.35);
    EXPECT_EQ(g.frames(), 4u);
    EXPECT_EQ(g.frames_in_call(), 2u);
    EXPECT_EQ(ex::FrameGaps::from_totals(5, 0.1, 0, 3).frames_in_call(), 3u);
}

TEST(Spinner, TheExhibitionsOldQueryFormOpensTheSpinnerDemo) {
    conclab::options::Params p{{"spinner", "coroutine"}, {"block", "1"}, {"spinner-seconds", "1"}};
    ASSERT_TRUE(ex::rewrite_exhibition_alias(p));
    EXPECT_EQ(p, (conclab::options::Params{{"kind", "coroutine"}, {"block", "1"}, {"seconds", "1"}}));
    conclab::options::FieldErrors errors;
    const auto o = ex::parse_spinner_options(p, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(ex::form_of(o), ex::Form::blocked_coroutine);
    conclab::options::Params none{{"boards", "4"}};
    EXPECT_FALSE(ex::rewrite_exhibition_alias(none));
    EXPECT_EQ(none.size(), 1u);
}

// The demo's four forms at once (the process form's call on a thread pool here; a worker process in the app).
// Counted, not timed: frames drawn while each slow call was in flight.
TEST(Spinner, TheDemoRunsTheFourFormsAndOnlyTheBlockedCoroutineDrawsNothingDuringItsCall) {
    ex::register_tasks();
    ex::SpinnerDemo demo([] { return conclab::exec::make_thread_pool(1); });
    EXPECT_FALSE(demo.finished());
    ex::SpinnerOptions o;
    o.seconds = 0.6;
    o.number = 91;
    ASSERT_TRUE(demo.start({ex::kForms.begin(), ex::kForms.end()}, o));
    EXPECT_FALSE(demo.start({ex::Form::thread}, o)) << "one run at a time";
    ASSERT_TRUE(conclab::test::wait_until([&] {
        demo.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return demo.finished();
    }));
    const auto result = demo.result_json();
    EXPECT_EQ(result["demo"], "spinner");
    ASSERT_EQ(result["forms"].size(), 4u);
    for (const auto& form : result["forms"]) {
        EXPECT_EQ(form["answer"], "7") << form;
        EXPECT_FALSE(form.contains("error")) << form;
        if (form["form"] == "blocked_coroutine") {
            EXPECT_EQ(form["frames_in_call"], 0) << form;
            EXPECT_EQ(form["kind"], "coroutine");
            EXPECT_EQ(form["block"], true);
        } else {
            EXPECT_GE(form["frames_in_call"].get<int>(), 1) << form;
            EXPECT_EQ(form["block"], false) << form;
        }
    }
    // A lone form keeps the block it was asked with (the old query's spinner=thread&block=1).
    o.block = true;
    ASSERT_TRUE(demo.start({ex::Form::thread}, o));
    ASSERT_TRUE(conclab::test::wait_until([&] { return demo.finished(); }));
    EXPECT_EQ(demo.result_json()["forms"].size(), 1u);
    EXPECT_EQ(demo.form_json(ex::Form::thread)["block"], true);
    EXPECT_TRUE(demo.ran(ex::Form::thread));
    EXPECT_FALSE(demo.ran(ex::Form::process));
}

TEST(Spinner, AFormThatCannotStartSaysSoAndTheOthersStillFinish) {
    ex::SpinnerDemo demo([] { return std::unique_ptr<conclab::exec::Executor>(); });   // no process pool here
    ex::SpinnerOptions o;
    o.seconds = 0.3;
    o.number = 91;
    ASSERT_TRUE(demo.start({ex::Form::process, ex::Form::coroutine}, o));
    ASSERT_TRUE(conclab::test::wait_until([&] { return demo.finished(); }));
    EXPECT_NE(demo.form_json(ex::Form::process)["error"].get<std::string>().find("could not start"), std::string::npos);
    EXPECT_EQ(demo.form_json(ex::Form::coroutine)["answer"], "7");
}

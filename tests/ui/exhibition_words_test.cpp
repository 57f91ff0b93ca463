// The exhibition's and the spinner demo's words (issue 18 §3-4), in English and Portuguese: the three times named,
// the talk quoted in Portuguese with the English beside it, the captions and the log axis explained.
#include "core/exhibition/exhibition_run.h"
#include "ui/panels/exhibition/clock_status.h"
#include "ui/text/text_exhibition.h"
#include "ui/text/text_spinner.h"

#include <gtest/gtest.h>

#include <string>

using conclab::ui::ExhibitionText;
using conclab::ui::Language;
using conclab::ui::SpinnerText;
using conclab::ui::tr;

namespace {

bool has(const char* text, const char* part) { return std::string(text).find(part) != std::string::npos; }

}  // namespace

// Issue 19 §4: the event loop's queues in PT name the tasks in PT (core names them "board 3 (sequential)").
TEST(ExhibitionWords, TheLoopsTasksAreNamedInThePagesLanguage) {
    using conclab::exhibition::Schedule;
    using conclab::exhibition::task_name;
    EXPECT_EQ(conclab::ui::task_words(task_name({false, 3, Schedule::sequential}), Language::pt), "tabuleiro 3 (sequencial)");
    EXPECT_EQ(conclab::ui::task_words(task_name({true, 0, Schedule::simultaneous}), Language::pt), "Polgár (“simultâneas”)");
    EXPECT_EQ(conclab::ui::task_words(task_name({false, 12, Schedule::simultaneous}), Language::en), "board 12 (simultaneous)");
    EXPECT_EQ(conclab::ui::task_words("a callback", Language::pt), "a callback") << "another name as it is";
}

TEST(ExhibitionWords, TheThreeTimesAreNamedInBothLanguages) {
    for (const Language l : {Language::en, Language::pt}) {
        EXPECT_TRUE(has(tr(ExhibitionText::time_slide, l), "20 min")) << tr(ExhibitionText::time_slide, l);
        EXPECT_TRUE(has(tr(ExhibitionText::time_slide, l), "20 × 5 s")) << "why the slide is wrong";
        EXPECT_TRUE(has(tr(ExhibitionText::time_formula, l), "%s")) << "the formula's time";
        EXPECT_TRUE(has(tr(ExhibitionText::time_formula, l), "%d")) << "the cap on move pairs";
        EXPECT_TRUE(has(tr(ExhibitionText::time_clock, l), "%s")) << "the clock's time";
    }
    EXPECT_TRUE(has(tr(ExhibitionText::time_clock, Language::en), "checkmate"));
    EXPECT_TRUE(has(tr(ExhibitionText::time_clock, Language::pt), "xeque-mate"));
    EXPECT_TRUE(has(tr(ExhibitionText::time_clock_pending, Language::pt), "xeque-mate"));
}

TEST(ExhibitionWords, TheTalkIsQuotedInPortugueseWithTheEnglishBesideIt) {
    // An average in the talk, a cap in the app: both said.
    EXPECT_TRUE(has(tr(ExhibitionText::talk_average, Language::en), "\"Média de 30 jogadas por partida\""));
    EXPECT_TRUE(has(tr(ExhibitionText::talk_average, Language::en), "an average of 30 moves per game"));
    EXPECT_TRUE(has(tr(ExhibitionText::talk_average, Language::en), "cap"));
    EXPECT_TRUE(has(tr(ExhibitionText::talk_average, Language::pt), "\"Média de 30 jogadas por partida\""));
    EXPECT_TRUE(has(tr(ExhibitionText::talk_average, Language::pt), "média"));
    EXPECT_TRUE(has(tr(ExhibitionText::talk_average, Language::pt), "máximo"));
}

TEST(ExhibitionWords, TheCaptionsAndTheAxisAreExplained) {
    for (const Language l : {Language::en, Language::pt}) {
        const char* legend = tr(ExhibitionText::caption_legend, l);
        for (const char* part : {"12 · 25", "1-0", "0-1", "½-½", "*"}) EXPECT_TRUE(has(legend, part)) << part << " in " << legend;
        EXPECT_TRUE(has(tr(ExhibitionText::chart_y_axis, l), "log")) << tr(ExhibitionText::chart_y_axis, l);
        EXPECT_STRNE(tr(ExhibitionText::not_started, l), tr(ExhibitionText::not_simulated, l))
            << "before Start, a schedule the mode includes is not 'not simulated'";
        EXPECT_TRUE(has(tr(ExhibitionText::fast_forward, l), "%.0f"));
    }
    EXPECT_TRUE(has(tr(ExhibitionText::caption_legend, Language::en), "she won"));
    EXPECT_TRUE(has(tr(ExhibitionText::caption_legend, Language::pt), "ela venceu"));
    EXPECT_STREQ(tr(ExhibitionText::chart_x_axis, Language::pt), "tabuleiros");
}

TEST(SpinnerWords, TheFourFormsAndTheirCountsInBothLanguages) {
    for (const Language l : {Language::en, Language::pt}) {
        EXPECT_TRUE(has(tr(SpinnerText::frames_in_call, l), "%llu"));
        EXPECT_TRUE(has(tr(SpinnerText::longest_gap, l), "%.2f"));
    }
    EXPECT_STREQ(tr(SpinnerText::form_blocked, Language::en), "Coroutine, blocking call");
    EXPECT_STREQ(tr(SpinnerText::form_blocked, Language::pt), "Corrotina, chamada bloqueante");
    EXPECT_STREQ(tr(SpinnerText::frames_in_call, Language::pt), "%llu durante a chamada");
    EXPECT_TRUE(has(tr(SpinnerText::lesson, Language::pt), "congela"));
}

TEST(ExhibitionWords, BeforeStartAClockOfTheModeSaysNotStartedNotNotSimulated) {
    using conclab::exhibition::Mode;
    using conclab::ui::clock_status;
    for (const bool sequential : {true, false}) {
        EXPECT_EQ(clock_status(Mode::both, sequential, false), ExhibitionText::not_started) << "mode both: neither clock";
        EXPECT_EQ(clock_status(Mode::both, sequential, true), ExhibitionText::not_simulated);
    }
    EXPECT_EQ(clock_status(Mode::sequential, true, false), ExhibitionText::not_started);
    EXPECT_EQ(clock_status(Mode::sequential, false, false), ExhibitionText::not_simulated) << "the mode leaves it out";
    EXPECT_EQ(clock_status(Mode::simultaneous, false, false), ExhibitionText::not_started);
    EXPECT_EQ(clock_status(Mode::simultaneous, true, false), ExhibitionText::not_simulated);
}

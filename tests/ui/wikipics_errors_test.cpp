// Sampling's typed errors (core/wikipics/sample_error.h) worded by the page (ui/text/text_wikipics_errors): every
// kind in EN and PT with its arguments, EN the same sentence the CLI prints, and no English left in PT.
#include "ui/text/text_wikipics_errors.h"

#include <gtest/gtest.h>

#include <string>

using namespace conclab;
using conclab::ui::Language;
using wikipics::ApiProblem;
using wikipics::ApiProblemKind;
using wikipics::SampleError;
using wikipics::SampleErrorKind;

namespace {

const std::vector<std::string> kArgs{"ARG0", "ARG1", "ARG2", "ARG3", "ARG4"};

void expect_portuguese(const std::string& pt) {
    EXPECT_EQ(pt.find('{'), std::string::npos) << pt;
    for (const char* english : {" is ", " not ", " the ", " has ", " found ", " only ", "sampled", "request", "wanted",
                                "cancelled", "answer"})
        EXPECT_EQ(pt.find(english), std::string::npos) << "English in Portuguese: '" << english << "' in " << pt;
}

}  // namespace

TEST(WikipicsErrorWords, EveryApiProblemInBothLanguagesAsTheCliSaysIt) {
    for (int k = 0; k < static_cast<int>(ApiProblemKind::count_); ++k) {
        const ApiProblem problem{static_cast<ApiProblemKind>(k), kArgs};
        SCOPED_TRACE(std::string(wikipics::to_string(problem.kind)));
        EXPECT_EQ(ui::api_problem_text(problem, Language::en), wikipics::english(problem));
        const std::string pt = ui::api_problem_text(problem, Language::pt);
        EXPECT_NE(pt, wikipics::english(problem));
        expect_portuguese(pt);
    }
}

TEST(WikipicsErrorWords, EverySampleErrorInBothLanguagesWithItsCause) {
    const ApiProblem cause{ApiProblemKind::request_failed, {"network", "DETAIL"}};
    for (int k = 0; k < static_cast<int>(SampleErrorKind::count_); ++k) {
        for (const auto& args : {kArgs, std::vector<std::string>{"5", "1_000_000", "127.0.0.1:8001", "1", "10"}}) {
            const SampleError error{static_cast<SampleErrorKind>(k), args, cause};
            SCOPED_TRACE(std::string(wikipics::to_string(error.kind)));
            EXPECT_EQ(ui::sample_error_text(error, Language::en), wikipics::english(error));
            expect_portuguese(ui::sample_error_text(error, Language::pt));
        }
    }
}

TEST(WikipicsErrorWords, AsAStudentReadsThem) {
    const SampleError none{
        SampleErrorKind::none_found,
        {"nowhere.invalid"},
        ApiProblem{ApiProblemKind::request_failed, {"network", "Could not resolve host: nowhere.invalid"}}};
    EXPECT_EQ(ui::sample_error_text(none, Language::pt),
              "nenhum JPEG sorteado em nowhere.invalid: a requisição à API falhou: rede (Could not resolve host: "
              "nowhere.invalid)");
    const SampleError few{SampleErrorKind::too_few, {"5", "1_000_000", "127.0.0.1:8001", "6", "10"}, std::nullopt};
    EXPECT_EQ(
        ui::sample_error_text(few, Language::pt),
        "só 5 JPEGs de cerca de 1_000_000 bytes encontrados em 127.0.0.1:8001 com 6 requisições à API (10 pedidos)");
    EXPECT_EQ(ui::sample_error_text(few, Language::en),
              "only 5 JPEGs of about 1_000_000 bytes found on 127.0.0.1:8001 in 6 API requests (10 wanted)");
    const ApiProblem no_code{ApiProblemKind::api_error, {"", ""}};
    EXPECT_EQ(ui::api_problem_text(no_code, Language::pt), "a API respondeu com um erro: (sem código)");
}

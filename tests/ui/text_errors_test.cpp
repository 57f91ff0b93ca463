// A bad option's message in the page's language (ui/text/text_errors) from core's typed FieldError: every kind
// worded in English and Portuguese with its arguments in place, and no English left on a Portuguese page.
#include "ui/text/text_errors.h"

#include <gtest/gtest.h>

#include <string>

using conclab::options::ErrorKind;
using conclab::options::FieldError;
using conclab::ui::error_text;
using conclab::ui::Language;

namespace {

// Arguments that show where they land: "{0}" becomes "ARG0".
FieldError with_marked_args(ErrorKind kind) {
    return FieldError{"field", kind, {"ARG0", "ARG1", "ARG2", "ARG3"}};
}

}  // namespace

TEST(ErrorWords, EveryKindInBothLanguagesWithItsArguments) {
    for (int k = 0; k < static_cast<int>(ErrorKind::count_); ++k) {
        const auto kind = static_cast<ErrorKind>(k);
        const std::string en = error_text(with_marked_args(kind), Language::en);
        const std::string pt = error_text(with_marked_args(kind), Language::pt);
        SCOPED_TRACE(std::string(conclab::options::to_string(kind)));
        EXPECT_FALSE(en.empty());
        EXPECT_EQ(en.find('{'), std::string::npos) << en;   // every placeholder filled
        EXPECT_EQ(pt.find('{'), std::string::npos) << pt;
        for (const char* arg : {"ARG0", "ARG1", "ARG2", "ARG3"})   // the same arguments in both
            EXPECT_EQ(en.find(arg) == std::string::npos, pt.find(arg) == std::string::npos) << arg << ": " << en << " / " << pt;
        if (kind == ErrorKind::text) {
            EXPECT_EQ(pt, "ARG0");   // worded already: shown as it came
            continue;
        }
        EXPECT_NE(en, pt);
        for (const char* english : {" is ", " not ", "unknown", "range", " the ", "give", "empty", "large", " only "})
            EXPECT_EQ(pt.find(english), std::string::npos) << "English in Portuguese: '" << english << "' in " << pt;
    }
}

TEST(ErrorWords, AsAStudentReadsThemBesideTheField) {
    EXPECT_EQ(error_text(FieldError{"workers", ErrorKind::out_of_range, {"0", "1", "64"}}, Language::pt),
              "0 está fora do intervalo: use de 1 a 64");
    EXPECT_EQ(error_text(FieldError{"workers", ErrorKind::out_of_range, {"0", "1", "64"}}, Language::en),
              "0 is out of range: use 1 to 64");
    // A range's figures take the language's decimal mark; a value the user typed is quoted as typed.
    EXPECT_EQ(error_text(FieldError{"seconds", ErrorKind::out_of_range, {"0.1", "0.5", "60"}}, Language::pt),
              "0,1 está fora do intervalo: use de 0,5 a 60");
    EXPECT_EQ(error_text(FieldError{"seconds", ErrorKind::out_of_range, {"0.1", "0.5", "60"}}, Language::en),
              "0.1 is out of range: use 0.5 to 60");
    EXPECT_EQ(error_text(FieldError{"executor", ErrorKind::not_one_of, {"fibers", "0.5|1.5"}}, Language::pt),
              "valor desconhecido 'fibers': use 0.5|1.5");
    EXPECT_EQ(error_text(FieldError{"executor", ErrorKind::not_one_of, {"fibers", "sequential|threads"}}, Language::pt),
              "valor desconhecido 'fibers': use sequential|threads");
    // A message a panel worded itself passes through in either language.
    EXPECT_EQ(error_text(FieldError("Falha na execução: boom"), Language::en), "Falha na execução: boom");
}

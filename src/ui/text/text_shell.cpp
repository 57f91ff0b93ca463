// The app shell's words (title: one row per ShellText key, in the enum's order (checked below).
#include "ui/text/text_shell.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<ShellText> kRows[] = {
    {ShellText::app_title, "Concurrency Lab", "Laboratório de Concorrência"},
    {ShellText::demos, "Demos", "Demonstrações"},
    {ShellText::language, "Language", "Idioma"},
    {ShellText::about_line, "Processes, threads and coroutines, measured on your own cores.",
     "Processos, threads e corrotinas, medidos nos núcleos da sua própria máquina."},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every ShellText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows),
              "every ShellText row needs an English and a Portuguese text");

}  // namespace

const char* tr(ShellText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(ShellText key, Language language) { return text_table::text_of(kRows, key, language); }

}  // namespace conclab::ui

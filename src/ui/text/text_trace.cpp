// The "Export trace" words: one row per TraceText key, in the enum's order (checked below).
#include "ui/text/text_trace.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<TraceText> kRows[] = {
    {TraceText::export_trace, "Export trace", "Exportar trace"},
    {TraceText::saved, "Trace saved:", "Trace salvo:"},
    {TraceText::how_to_open,
     "The timeline as a Chrome JSON trace: open it in ui.perfetto.dev or chrome://tracing to zoom in, or hand it out.",
     "A linha do tempo como um trace JSON do Chrome: abra no ui.perfetto.dev ou em chrome://tracing para dar zoom, ou "
     "para compartilhar."},
    {TraceText::nothing_yet, "The trace can be exported once the run has ended.",
     "Dá para exportar o trace quando a execução terminar."},
    {TraceText::export_history, "Export history as trace", "Exportar histórico como trace"},
    {TraceText::history_how_to_open,
     "Every run of the history side by side, C++ and Python alike, one process each: open it in ui.perfetto.dev or "
     "chrome://tracing.",
     "Todas as execuções do histórico lado a lado, C++ e Python, um processo para cada: abra no ui.perfetto.dev ou em "
     "chrome://tracing."},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every TraceText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every TraceText row needs an English and a Portuguese text");

}  // namespace

const char* tr(TraceText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(TraceText key, Language language) { return text_table::text_of(kRows, key, language); }

}  // namespace conclab::ui

// The lab's notes worded from their ids (text_lab_notes.h).
#include "ui/text/text_lab_notes.h"

#include "ui/text/text_lab_methods.h"
#include "ui/text/text_lab_words.h"

namespace conclab::ui {
namespace {

// A number of core's ("8.00") with the decimal comma Portuguese text uses ("8,00"); other text unchanged.
std::string decimal_comma(std::string text, Language language) {
    if (language != Language::pt || text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) return text;
    for (char& c : text)
        if (c == '.') c = ',';
    return text;
}

}  // namespace

std::string clock_words(const std::string& source, Language language) {
    if (source == "nominal") return tr(LabWordText::clock_nominal, language);
    if (source == "current") return tr(LabWordText::clock_current, language);
    if (source == "assumed") return tr(LabWordText::clock_assumed, language);
    if (source == "browser") return tr(LabWordText::clock_browser, language);
    return source;
}

std::string note_words(const lab::Note& n, Language language) {
    const auto arg = [&](std::size_t i) { return decimal_comma(i < n.args.size() ? n.args[i] : std::string(), language); };
    const auto fill = [language](LabWordText key, const std::vector<std::string>& args) { return text_table::fill(tr(key, language), args); };
    switch (n.id) {
    case lab::NoteId::stack: {
        const std::string tail = arg(2) == "browser"    ? std::string(tr(LabWordText::no_ulimit, language))
                                 : arg(2) == "platform" ? fill(LabWordText::ulimit_as_written, {n.args.size() > 3 ? n.args[3] : ""})
                                 : arg(2) == "kib"      ? fill(LabWordText::ulimit_kib, {arg(3)})
                                                        : std::string(tr(LabWordText::ulimit_unlimited, language));
        return arg(1).empty() ? fill(LabWordText::note_4mb, {arg(0), tail}) : fill(LabWordText::note_4mb_resident, {arg(0), arg(1), tail});
    }
    case lab::NoteId::ipc_coroutines: return tr(LabWordText::note_ipc_coroutines, language);
    case lab::NoteId::ideal_speedup: return fill(LabWordText::note_ideal, {arg(0)});
    case lab::NoteId::disk_where:
        return n.args.size() > 1 ? fill(LabWordText::note_disk, {n.args[0], filesystem_words(n.args[1], language)})
                                 : fill(LabWordText::note_disk_as_written, {n.args.empty() ? "" : n.args[0]});
    case lab::NoteId::cycles: return fill(LabWordText::note_cycles, {clock_words(n.args.empty() ? "" : n.args[0], language)});
    case lab::NoteId::network_loopback: return tr(LabWordText::note_loopback, language);
    case lab::NoteId::network_fetch: return tr(LabWordText::note_fetch, language);
    case lab::NoteId::step_failed: return fill(LabWordText::step_failed, {arg(0), n.args.size() > 1 ? n.args[1] : ""});
    case lab::NoteId::live_every: return fill(LabWordText::note_live, {arg(0)});
    case lab::NoteId::live_failed: return fill(LabWordText::note_live_failed, {n.args.empty() ? "" : n.args[0]});
    }
    return lab::english(n);
}

}  // namespace conclab::ui

// The lab's notes worded from their ids (text_lab_notes.h), with the Portuguese of text_lab_words' rows.
#include "ui/text/text_lab_notes.h"

#include "ui/text/text_lab_words.h"

namespace conclab::ui {
namespace {

// `text` with each "{}" or "{t}" replaced, in order, by the next of `args`.
std::string fill(std::string text, std::initializer_list<std::string> args) {
    std::size_t at = 0;
    for (const auto& arg : args) {
        const std::size_t plain = text.find("{}", at), translated = text.find("{t}", at);
        const std::size_t where = std::min(plain, translated);
        if (where == std::string::npos) break;
        text.replace(where, where == translated ? 3 : 2, arg);
        at = where + arg.size();
    }
    return text;
}

// A number of core's ("8.00") with the decimal comma Portuguese text uses ("8,00"); other text unchanged.
std::string decimal_comma(std::string text) {
    if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) return text;
    for (char& c : text)
        if (c == '.') c = ',';
    return text;
}

}  // namespace

std::string note_words(const lab::Note& n, Language language, const std::function<std::string(const std::string&)>& platform_words) {
    if (language == Language::en) return lab::english(n);
    const auto arg = [&n](std::size_t i) { return decimal_comma(i < n.args.size() ? n.args[i] : std::string()); };
    const auto pt = [language](LabWordText key) { return std::string(tr(key, language)); };
    switch (n.id) {
    case lab::NoteId::stack: {
        const std::string tail = arg(2) == "platform" ? platform_words(arg(3) + ".")
                                 : arg(2) == "kib"    ? fill(pt(LabWordText::ulimit_kib), {arg(3)})
                                                      : pt(LabWordText::ulimit_unlimited);
        return arg(1).empty() ? fill(pt(LabWordText::note_4mb), {arg(0), tail})
                              : fill(pt(LabWordText::note_4mb_resident), {arg(0), arg(1), tail});
    }
    case lab::NoteId::ipc_coroutines: return pt(LabWordText::note_ipc_coroutines);
    case lab::NoteId::ideal_speedup: return fill(pt(LabWordText::note_ideal), {arg(0)});
    case lab::NoteId::disk_where: return platform_words(lab::english(n));   // the where is the platform's: "/var/tmp (ext4)"
    case lab::NoteId::cycles: return fill(pt(LabWordText::note_cycles), {platform_words(arg(0))});
    case lab::NoteId::network_loopback: return pt(LabWordText::note_loopback);
    case lab::NoteId::network_fetch: return pt(LabWordText::note_fetch);
    case lab::NoteId::step_failed: return fill(pt(LabWordText::step_failed), {arg(0), platform_words(arg(1))});
    case lab::NoteId::live_every: return fill(pt(LabWordText::note_live), {arg(0)});
    case lab::NoteId::live_failed: return fill(pt(LabWordText::note_live_failed), {platform_words(arg(0))});
    }
    return lab::english(n);
}

}  // namespace conclab::ui

// The app's current language (every area's tr(key) reads it) and its "en" / "pt" spelling.
#include "ui/text/language.h"

namespace conclab::ui {
namespace {

Language current = Language::en;

}  // namespace

void set_language(Language l) { current = l; }
Language language() { return current; }

bool parse_language(std::string_view code, Language& out) {
    if (code == "en") out = Language::en;
    else if (code == "pt") out = Language::pt;
    else return false;
    return true;
}

std::string text_table::fill(const char* text, const std::vector<std::string>& args) {
    std::string out;
    for (const char* p = text; *p != '\0'; ++p) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
            const auto i = static_cast<std::size_t>(p[1] - '0');
            if (i < args.size()) out += args[i];
            p += 2;
        } else {
            out += *p;
        }
    }
    return out;
}

}  // namespace conclab::ui

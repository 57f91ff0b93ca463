// The app's current language (every area's tr(key) reads it) and its "en" / "pt" spelling.
#include "language.h"

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

}  // namespace conclab::ui

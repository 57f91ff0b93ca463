// The lab's English sentences from core matched to their Portuguese templates (lab_words.h).
#include "ui/panels/lab/lab_words.h"
#include "ui/text/text_lab_measures.h"
#include "ui/text/text_lab_words.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace conclab::ui {
namespace {

struct Piece {
    std::string literal;   // text before the placeholder (or the tail, for the last piece)
    bool translate = false;
};

// "a {} b {t} c" → literals "a ", " b ", " c" with the placeholders' kinds.
std::vector<Piece> split(std::string_view tpl) {
    std::vector<Piece> pieces;
    std::string literal;
    for (std::size_t i = 0; i < tpl.size();) {
        if (tpl.compare(i, 2, "{}") == 0 || tpl.compare(i, 3, "{t}") == 0) {
            const bool t = tpl[i + 1] == 't';
            pieces.push_back({literal, t});
            literal.clear();
            i += t ? 3 : 2;
        } else {
            literal += tpl[i++];
        }
    }
    pieces.push_back({literal, false});   // the tail
    return pieces;
}

// The captures of `text` against `pieces` (each non-empty), or nullopt.
std::optional<std::vector<std::string>> match(const std::vector<Piece>& pieces, std::string_view text) {
    const std::string& head = pieces.front().literal;
    const std::string& tail = pieces.back().literal;
    if (pieces.size() == 1) return text == head ? std::optional<std::vector<std::string>>(std::vector<std::string>{}) : std::nullopt;
    if (text.size() < head.size() + tail.size() + (pieces.size() - 1)) return std::nullopt;
    if (text.compare(0, head.size(), head) != 0 || text.compare(text.size() - tail.size(), tail.size(), tail) != 0) return std::nullopt;
    const std::size_t end = text.size() - tail.size();
    std::vector<std::string> captures;
    std::size_t at = head.size();
    for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
        const std::size_t found = text.find(pieces[i].literal, at + 1);
        if (found == std::string_view::npos || found + pieces[i].literal.size() > end) return std::nullopt;
        captures.emplace_back(text.substr(at, found - at));
        at = found + pieces[i].literal.size();
    }
    if (at >= end) return std::nullopt;
    captures.emplace_back(text.substr(at, end - at));
    return captures;
}

struct Template {
    LabWordText key;
    std::vector<Piece> pieces;
};

const std::vector<Template>& templates() {
    static const std::vector<Template> all = [] {
        std::vector<Template> t;
        for (std::size_t k = 0; k < static_cast<std::size_t>(LabWordText::count_); ++k) {
            const auto key = static_cast<LabWordText>(k);
            t.push_back({key, split(tr(key, Language::en))});
        }
        return t;
    }();
    return all;
}

std::optional<std::string> translate(const std::string& english, Language language, int depth) {
    for (const auto& t : templates()) {
        auto captures = match(t.pieces, english);
        if (!captures) continue;
        const auto target = split(tr(t.key, language));
        std::string out;
        for (std::size_t i = 0; i < target.size(); ++i) {
            out += target[i].literal;
            if (i + 1 == target.size() || i >= captures->size()) continue;
            const std::string& c = (*captures)[i];
            if (t.pieces[i].translate && depth < 4) out += translate(c, language, depth + 1).value_or(c);
            else out += c;
        }
        return out;
    }
    return std::nullopt;
}

}  // namespace

std::string lab_words(const std::string& english, Language language) {
    return translate(english, language, 0).value_or(english);
}

std::string lab_words(const std::string& english) {
    static std::unordered_map<std::string, std::string> cache[2];
    auto& c = cache[language() == Language::pt ? 1 : 0];
    if (c.size() > 4096) c.clear();   // live snapshots bring new numbers: keep it bounded
    auto it = c.find(english);
    if (it == c.end()) it = c.emplace(english, lab_words(english, language())).first;
    return it->second;
}

namespace {

void replace_all(std::string& text, std::string_view what, const std::string& with) {
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
        text.replace(at, what.size(), with);
}

}  // namespace

std::string measure_words(const lab::Measure& m, Language language) {
    if (m.key.id == lab::MeasureId::unknown) return lab_words(m.name, language);
    if (language == Language::en) return lab::english_name(m.key);
    std::string text = portuguese_template(m.key.id);
    replace_all(text, "{size}", lab::size_text(m.key.bytes));
    replace_all(text, "{pair}", portuguese_pair(m.key.pair));
    replace_all(text, "{workers}", std::to_string(m.key.workers) + (m.key.workers == 1 ? " worker" : " workers"));
    replace_all(text, "{start_method}", std::string(lab::to_string(m.key.start_method)));
    replace_all(text, "{gil}", m.key.gil ? ", modelo da GIL" : "");
    return text;
}

std::string measure_words(const lab::Measure& m) { return measure_words(m, language()); }

bool lab_words_known(const std::string& english) { return translate(english, Language::en, 0).has_value(); }

}  // namespace conclab::ui

// The app's language, and what every area's text table (text_<area>.cpp) shares: one row per key with its English
// and Portuguese, in the order of the area's enum, both checked at compile time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::ui {

enum class Language { en, pt };

void set_language(Language language);
Language language();
/// @brief "en" / "pt" ↔ Language.
bool parse_language(std::string_view code, Language& out);

namespace text_table {

template <class Key>
struct Row {
    Key key;
    const char* en;
    const char* pt;
};

template <class Key, std::size_t N>
constexpr bool rows_follow_the_keys(const Row<Key> (&rows)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(rows[i].key) != i) return false;
    return N == static_cast<std::size_t>(Key::count_);
}

// A row written {key, "English"} (Portuguese forgotten) leaves pt null; an empty string is as bad.
template <class Key, std::size_t N>
constexpr bool every_row_has_both_languages(const Row<Key> (&rows)[N]) {
    for (const auto& row : rows)
        if (!row.en || !row.pt || row.en[0] == '\0' || row.pt[0] == '\0') return false;
    return true;
}

template <class Key, std::size_t N>
const char* text_of(const Row<Key> (&rows)[N], Key key, Language language) {
    const Row<Key>& row = rows[static_cast<std::size_t>(key)];
    return language == Language::pt ? row.pt : row.en;
}

// Which of {0}..{9} a template uses, as bits: a translation that drops or invents an argument fails to compile.
constexpr unsigned placeholders(const char* text) {
    unsigned used = 0;
    for (const char* p = text; p[0] != '\0'; ++p)
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') used |= 1u << (p[1] - '0');
    return used;
}

template <class Key, std::size_t N>
constexpr bool same_placeholders(const Row<Key> (&rows)[N]) {
    for (const auto& row : rows)
        if (placeholders(row.en) != placeholders(row.pt)) return false;
    return true;
}

/// @brief A template with its {N} replaced by args[N] (a missing one by nothing).
std::string fill(const char* text, const std::vector<std::string>& args);

}  // namespace text_table
}  // namespace conclab::ui

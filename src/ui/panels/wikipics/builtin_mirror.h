// The desktop app's built-in mirror: main_cli hands the UI a way to start `conclab mirror` in-process (as
// `serve --mirror` mounts it), used when Wikimedia Commons does not answer. Unset on the web (the page's mirror is
// its own server's).
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace conclab::ui {

/// @brief Starts the mirror (once; later calls give the same URL) and gives its api.php URL, or nullopt.
using MirrorStarter = std::function<std::optional<std::string>()>;

void set_builtin_mirror(MirrorStarter starter);
/// @brief The starter set, or an empty function.
MirrorStarter builtin_mirror();

}  // namespace conclab::ui

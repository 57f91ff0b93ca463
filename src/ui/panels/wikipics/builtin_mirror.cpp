// The desktop app's hook to start the built-in mirror (builtin_mirror.h), set by main_cli.
#include "ui/panels/wikipics/builtin_mirror.h"

#include <mutex>

namespace conclab::ui {
namespace {

std::mutex g_mutex;
MirrorStarter g_starter;

}  // namespace

void set_builtin_mirror(MirrorStarter starter) {
    std::lock_guard lock(g_mutex);
    g_starter = std::move(starter);
}

MirrorStarter builtin_mirror() {
    std::lock_guard lock(g_mutex);
    return g_starter;
}

}  // namespace conclab::ui

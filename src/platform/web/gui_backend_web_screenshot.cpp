// Web: saving the framebuffer to a file is not offered (no file system the user sees; the browser and
// the e2e tests take screenshots of the canvas instead).
#include "gui_backend.h"

namespace conclab::platform {

bool save_framebuffer_png(const std::string&, int, int, std::string& error) {
    error = "--screenshot is unsupported on the web: take a screenshot of the page instead";
    return false;
}

}  // namespace conclab::platform

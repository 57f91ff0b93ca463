// The GUI half of the platform seam, a Backend in Tracy's sense: it owns the window, the GL context, SDL's
// events, Dear ImGui's platform and renderer back ends and the frame loop, plus the page hooks (query
// string, window.conclab.state(), CONCLAB_RESULT). Native: SDL2 + OpenGL 3.3; web: SDL2 + WebGL2 with
// emscripten_set_main_loop. The app (src/ui) only makes ImGui calls. Only the UI library links this.
#pragma once

#include <functional>
#include <map>
#include <string>

namespace conclab::platform {

struct GuiSettings {
    std::string title = "Concurrency Lab";
    int width = 1280;
    int height = 800;
    std::string screenshot_png;   ///< native: the last frame is saved here before the window closes
};

/// @brief Opens the window and GL context (GL 3.3 core natively, WebGL2 / GLES 3 on the web) and creates the
/// Dear ImGui context with its SDL and OpenGL back ends. False + a reason if impossible ("cannot open a window: …";
/// natively "no display: …" when SDL finds only its offscreen or dummy driver and SDL_VIDEODRIVER did not ask for it).
bool open_gui(const GuiSettings& settings, std::string& error);

/// @brief Drawing-buffer pixels per window unit (a browser's devicePixelRatio with high-DPI, else 1), once
/// the GUI is open: fonts are rasterised at this scale so text stays sharp.
float display_pixel_ratio();

/// @brief True while the pointer is a finger on a touch screen (the last press or move came from one): a drag
/// then scrolls what is under it, as on a phone.
bool pointer_is_touch();

/// @brief What the app needs drawn: nothing new (idle), numbers that tick (a run in progress: a bounded
/// rate is enough), or an animation (spinners, a live simulation: every display frame).
enum class Redraw { idle, ticking, animating };

/// @brief on_demand draws only when something changed — input, a change of what the app needs, ticking at
/// kTickingFps (kSoftwareTickingFps when GL runs on the CPU), animations every display frame — and otherwise
/// waits (an idle window costs ~0% CPU); always draws every display frame (`--fps max`, `?fps=max`: the old
/// behaviour, for frame-rate tests).
enum class DrawMode { on_demand, always };
inline constexpr double kTickingFps = 15;
inline constexpr double kSoftwareTickingFps = 4;

/// @brief What draws the frames, once the GUI is open: the GL renderer's name (WebGL's unmasked one where the
/// browser tells it), whether it rasterises on the CPU, and the rate a run in progress is drawn at.
struct RendererInfo {
    std::string name;
    bool software = false;
    double ticking_fps = kTickingFps;
};
RendererInfo renderer_info();

/// @brief What one loop turn found: what the app needs from now on, and whether something changed that the
/// next frame should show (a result arrived, a figure was refreshed).
struct UpdateResult {
    Redraw need = Redraw::idle;
    bool changed = false;
};

struct FrameCallbacks {
    /// @brief Every loop turn, drawn or not (≥ 4 times a second even when idle): drain workers' results and
    /// say what needs drawing. Never blocks.
    std::function<UpdateResult()> update;
    /// @brief Builds one frame with ImGui calls (the backend has started it); false after the last frame.
    std::function<bool()> frame;
};

/// @brief The frame loop, the only place a main loop lives. SDL's events go to ImGui (closing the window ends
/// the loop); each drawn frame is built by `frame()`, then rendered and presented.
/// Natively returns the exit status when the loop ends (1 if the screenshot could not be written) and
/// closes the GUI. On the web it returns -1 at once: the browser calls back from then on, so everything
/// the callbacks use must stay alive.
int run_gui_loop(FrameCallbacks app, DrawMode mode);

/// @brief Launch parameters: the page's query string on the web; empty natively (the CLI parses flags).
std::map<std::string, std::string> launch_parameters();

/// @brief Makes `provider` answer window.conclab.state() on the web; natively kept for --autorun.
void set_state_provider(std::function<std::string()> provider);

/// @brief Makes window.conclab.autorun() call `run` on the web (what ?autorun=1 does at load, later: a benchmark
/// starts the run once the page has settled, as a student clicks Run); natively unused (--autorun).
void set_autorun_handler(std::function<void()> run);

/// @brief Reports a finished autorun: console line `CONCLAB_RESULT <json>` (web) or stdout (native).
void report_result(const std::string& json);

/// @brief Path of the UI font (DejaVu Sans), or empty if none is available (ImGui's default font is used).
std::string font_path();

/// @brief Hands the web page's loading screen over to the app (hides it); no-op natively.
void app_ready();

/// @brief Keeps the page's address in step with the app: `query` ("demo=primes&lang=pt", already encoded, no '?')
/// replaces the query string with history.replaceState (no reload, no new history entry). Natively nothing.
void set_page_query(const std::string& query);

/// @brief The page's full address (location.href) on the web; empty natively.
std::string page_address();

/// @brief Puts `text` on the system clipboard: web navigator.clipboard (allowed right after a click or a key),
/// natively SDL's clipboard. False when the platform refused at once.
bool copy_to_clipboard(const std::string& text);

/// @brief Fullscreen on or off. Browsers grant it only right after a click or a key (never from ?present=1 at
/// load); natively the desktop's fullscreen window.
void set_fullscreen(bool on);

/// @brief Keys the presenter uses that are no characters.
enum class Key { left, right, escape, f1 };
/// @brief True when `key` went down since the frame before this one. ImGui 1.86's io.KeysDown misses a press
/// and release that both arrive between two frames (a run drawn at a few frames per second); these are counted
/// as SDL delivers them. Letters and digits come as characters (io.InputQueueCharacters), which ImGui keeps.
bool key_went_down(Key key);

/// @brief Runs `build` between two frames, where the font atlas may be rebuilt (a new size), and uploads the new
/// atlas texture. `build` clears and fills ImGui::GetIO().Fonts.
void rebuild_fonts(std::function<void()> build);

/// @brief After the next frame is drawn, saves it as a PNG named conclab-YYYYMMDD-HHMMSS.png: natively in the
/// current folder, on the web as a download. `done` gets the file's path (or name) and whether it was written.
void export_picture(std::function<void(const std::string& file, bool ok)> done);

/// @brief Uploads `width`×`height` RGBA pixels (rows top to bottom) as a GL texture for ImGui::Image (cast the id
/// to ImTextureID); 0 if GL refused. Call on the UI thread, inside the frame loop (the GL context is current).
unsigned upload_texture_rgba(const unsigned char* rgba, int width, int height);

/// @brief Frees a texture made by upload_texture_rgba (0 is ignored). UI thread, while the GUI is open.
void release_texture(unsigned texture);

}  // namespace conclab::platform

// Web side of the GUI seam: SDL2 over WebGL2 (GLES 3) on the canvas of web/shell.html, the one
// emscripten_set_main_loop, and the page hooks — the query string, window.conclab.state(),
// CONCLAB_RESULT console lines and the loading screen. Everything here runs on the browser main thread
// except report_result(), which may be called from any thread.
#include "platform/gui_backend.h"
#include "platform/gui_frame.h"

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/threading.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <unistd.h>

// [SECTION] JavaScript side

// location.search ("?demo=primes&…"), malloc'd; the caller frees it.
EM_JS(char*, conclab_js_query_string, (), {
    const text = (typeof location !== "undefined") ? location.search : "";
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

// window.conclab: state() → the app's current state as a JS object (or the raw text if it is not JSON),
// frames(reset) → frame statistics kept by the frame loop {count, first_ms, last_ms, max_gap_ms, busy_ms} (reset
// restarts max_gap_ms), result → the last CONCLAB_RESULT, ready → the first frames are drawn.
EM_JS(void, conclab_js_install_api, (), {
    const api = window.conclab || (window.conclab = {});
    api.state = () => {
        const text = UTF8ToString(_conclab_state_json());
        try {
            return JSON.parse(text);
        } catch (e) {
            return text;
        }
    };
    api.autorun = () => { _conclab_autorun(); };
    api.frames = (reset_max_gap) => {
        const f = Module.conclabFrames || {count : 0, max_gap_ms : 0};
        const copy = Object.assign({}, f);
        if (reset_max_gap) f.max_gap_ms = 0;
        return copy;
    };
});

// Per frame: count, time of the last one, the longest gap between two (a stall shows here).
EM_JS(void, conclab_js_frame_tick, (), {
    const now = performance.now();
    const f = Module.conclabFrames || (Module.conclabFrames = {count : 0, first_ms : now, last_ms : now, max_gap_ms : 0, busy_ms : 0});
    if (f.count > 0) f.max_gap_ms = Math.max(f.max_gap_ms, now - f.last_ms);
    f.count++;
    f.last_ms = now;
});

// The main thread's time building, rendering and presenting a frame (the GPU's or SwiftShader's own work on
// it happens elsewhere, after this).
EM_JS(void, conclab_js_frame_cost, (double ms), {
    if (Module.conclabFrames) Module.conclabFrames.busy_ms += ms;
});

// A performance mark for make bench's page-ready phases (web/bench/ready.mjs), named conclab-<name>.
EM_JS(void, conclab_js_mark, (const char* name), {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark('conclab-' + UTF8ToString(name));
});

EM_JS(void, conclab_js_report_result, (const char* json), {
    const text = UTF8ToString(json);
    console.log("CONCLAB_RESULT " + text);
    try {
        (window.conclab || (window.conclab = {})).result = JSON.parse(text);
    } catch (e) {
    }
});

// The WebGL renderer's name: the unmasked one (WEBGL_debug_renderer_info) where the browser gives it, else
// RENDERER ("WebKit WebGL"); malloc'd. Call with the context current.
EM_JS(char*, conclab_js_renderer_name, (), {
    let text = "unknown";
    try {
        const ext = GLctx.getExtension("WEBGL_debug_renderer_info");
        text = String(GLctx.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : GLctx.RENDERER));
    } catch (e) {
    }
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

EM_JS(void, conclab_js_frame_threw, (const char* message), {
    console.error("conclab: a frame threw: " + UTF8ToString(message));
});

// Emscripten's pthread pool (PThread, 3.1.6) is filled here, on turns when the page is idle, instead of with the
// page (-sPTHREAD_POOL_SIZE=0: 8 Workers each parsing index.js delayed the first frame by ~0.4 s on 2 cores, and
// loading them during a run takes the cores from it). Two Workers load at a time (~50 ms each) until there are
// 2 × hardwareConcurrency + 4: a run's pool workers, spinners and the app's own threads. A thread created before
// then gets a Worker made for it and waits in its queue until it has loaded: the UI joins only threads that have
// started (Executor::all_workers_started, SpinWorkers::started).
EM_JS(void, conclab_js_fill_thread_pool, (), {
    if (typeof PThread === 'undefined' || !PThread.allocateUnusedWorker) return;
    const pool = Module.conclabThreadPool || (Module.conclabThreadPool = { loading: 0 });
    const wanted = 2 * (navigator.hardwareConcurrency || 2) + 4;
    while (pool.loading < 2 && PThread.unusedWorkers.length + PThread.runningWorkers.length < wanted) {
        PThread.allocateUnusedWorker();
        ++pool.loading;
        PThread.loadWasmModuleToWorker(PThread.unusedWorkers[PThread.unusedWorkers.length - 1], () => { --pool.loading; });
    }
});

EM_JS(void, conclab_js_no_webgl2, (const char* why), {
    if (Module.conclabNoWebgl2) Module.conclabNoWebgl2(UTF8ToString(why));
});

EM_JS(void, conclab_js_app_ready, (), {
    const api = window.conclab || (window.conclab = {});
    api.readyMs = performance.now();   // since navigation started: the page-ready figure of make bench
    api.ready = true;
    if (Module.conclabAppReady) Module.conclabAppReady();
});

// The address bar follows the app: same path, the app's query string, no reload and no history entry.
EM_JS(void, conclab_js_set_query, (const char* query), {
    try {
        const text = UTF8ToString(query);
        const url = location.pathname + (text ? "?" + text : "") + location.hash;
        if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    } catch (e) {
    }
});

EM_JS(char*, conclab_js_page_address, (), {
    const text = (typeof location !== "undefined") ? location.href : "";
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

// navigator.clipboard wants a secure page and a recent click or key; window.conclab.copied keeps the text for tests
// (a headless browser may refuse the clipboard).
EM_JS(int, conclab_js_copy, (const char* text), {
    const value = UTF8ToString(text);
    (window.conclab || (window.conclab = {})).copied = value;
    try {
        if (!navigator.clipboard) return 0;
        navigator.clipboard.writeText(value).catch((e) => console.warn("conclab: the clipboard refused: " + e));
        return 1;
    } catch (e) {
        return 0;
    }
});

// The canvas as drawn, read in the turn that rendered it (before the browser composites and clears it), as a
// download. window.conclab.picture keeps {name, bytes} for tests.
EM_JS(int, conclab_js_download_canvas, (const char* name), {
    try {
        const file = UTF8ToString(name);
        const url = Module.canvas.toDataURL("image/png");
        (window.conclab || (window.conclab = {})).picture = {name : file, bytes : Math.floor((url.length - 22) * 3 / 4)};
        const a = document.createElement("a");
        a.href = url;
        a.download = file;
        document.body.appendChild(a);
        a.click();
        a.remove();
        return 1;
    } catch (e) {
        console.warn("conclab: the picture could not be saved: " + e);
        return 0;
    }
});

EM_JS(void, conclab_js_fullscreen, (int on), {
    try {
        const d = document;
        if (on && !d.fullscreenElement && d.documentElement.requestFullscreen)
            d.documentElement.requestFullscreen().catch(() => {});   // refused without a click or key: stays windowed
        else if (!on && d.fullscreenElement && d.exitFullscreen)
            d.exitFullscreen().catch(() => {});
    } catch (e) {
    }
});

namespace conclab::platform {
namespace {

FrameCallbacks app_callbacks;
FramePacer* pacer = nullptr;
RendererInfo renderer;
SDL_Window* window = nullptr;
SDL_GLContext gl_context = nullptr;
std::function<std::string()> state_provider;
std::function<void()> autorun_handler;
std::string state_text;   // what conclab_state_json() last returned; lives until the next call

void report_result_here(const char* json) { conclab_js_report_result(json); }

// How the browser calls the next turn. requestAnimationFrame makes Chrome's compositor run every display frame
// even when the turn draws nothing (~7% of a core on an idle page, measured); while nothing animates a timer
// wakes the loop instead, at most kLongestTimerTurnMs apart, so input still gets its frame within that.
constexpr int kLongestTimerTurnMs = 50;

void schedule_next_turn(int wait_ms) {
    static int scheduled = 0;   // 0: animation frames; otherwise the timer's interval in ms
    const int next = wait_ms <= 0 ? 0 : std::min(wait_ms, kLongestTimerTurnMs);
    if (next == scheduled) return;
    scheduled = next;
    if (next == 0) emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
    else emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, next);
}

// One turn of the loop. Most turns on an idle page return at once: no GL work, nothing drawn, so the page costs
// ~0% CPU and the workers get the cores.
void frame_tick() {
    UpdateResult update{Redraw::animating, true};
    try {
        update = app_callbacks.update();
    } catch (const std::exception& e) {
        conclab_js_frame_threw(e.what());
    }
    static bool first_turn = true;
    if (!first_turn && update.need == Redraw::idle) conclab_js_fill_thread_pool();
    if (!pacer->should_draw(emscripten_get_now() / 1000.0, gui_frame::events_waiting(), update)) {
        schedule_next_turn(pacer->wait_ms(emscripten_get_now() / 1000.0, update.need));
        return;
    }
    // The first turn builds two frames back to back: ImGui sizes its windows on the first, so the page shows the
    // second at once instead of one display frame later.
    for (int i = first_turn ? 2 : 1; i > 0; --i) {
        const double started_ms = emscripten_get_now();
        pacer->drew(started_ms / 1000.0);
        conclab_js_frame_tick();
        gui_frame::pump_events(window);   // a page cannot be closed from inside: the tab closes it
        gui_frame::begin();
        bool keep_going = false;
        try {
            keep_going = app_callbacks.frame();
        } catch (const std::exception& e) {
            conclab_js_frame_threw(e.what());
            keep_going = true;   // one bad frame should not freeze the page
        }
        int width = 0, height = 0;
        gui_frame::render(width, height);
        if (i == 1) {
            if (auto done = gui_frame::take_picture_request()) {
                const std::string file = gui_frame::picture_file_name();
                done(file, conclab_js_download_canvas(file.c_str()) != 0);
            }
            SDL_GL_SwapWindow(window);
        }
        conclab_js_frame_cost(emscripten_get_now() - started_ms);
        if (first_turn) conclab_js_mark("first-frame");
        first_turn = false;
        if (!keep_going) {
            emscripten_cancel_main_loop();
            return;
        }
    }
    schedule_next_turn(pacer->wait_ms(emscripten_get_now() / 1000.0, update.need));
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// application/x-www-form-urlencoded decoding, as URLSearchParams does it.
std::string url_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

bool open_gui(const GuiSettings& settings, std::string& error) {
    // Keyboard events go to the canvas only, so the page's other elements keep working.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        error = std::string("cannot open a window: SDL could not start: ") + SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);   // ImGui draws no depth: a depth buffer is cleared every frame for nothing
    // The canvas is sized by CSS to the whole window (shell.html); with RESIZABLE, SDL follows its CSS
    // size, and with ALLOW_HIGHDPI the drawing buffer is CSS size × devicePixelRatio.
    window = SDL_CreateWindow(settings.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, settings.width,
                              settings.height, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!window) {
        error = std::string("cannot open a window: no window: ") + SDL_GetError();
        SDL_Quit();
        return false;
    }
    gl_context = SDL_GL_CreateContext(window);
    if (!gl_context) {
        error = std::string("cannot open a window: WebGL2 is not available: ") + SDL_GetError();
        conclab_js_no_webgl2(SDL_GetError());   // the loading screen says so, with what a student can do
        SDL_DestroyWindow(window);
        window = nullptr;
        SDL_Quit();
        return false;
    }
    SDL_GL_MakeCurrent(window, gl_context);
    char* renderer_name = conclab_js_renderer_name();
    renderer.name = renderer_name;
    std::free(renderer_name);
    renderer.software = is_software_renderer(renderer.name);
    renderer.ticking_fps = ticking_fps_for(renderer.software);
    gui_frame::init_imgui(window, gl_context, "#version 300 es");
    conclab_js_mark("gl");
    if (!settings.screenshot_png.empty())   // the browser and the e2e tests take screenshots of the canvas
        std::fprintf(stderr, "error: --screenshot is unsupported on the web: take a screenshot of the page instead\n");
    return true;
}

int run_gui_loop(FrameCallbacks app, DrawMode mode) {
    // The browser owns the loop: frame_tick() runs once per animation frame after this returns, so all
    // the callbacks use must outlive this call. Returns at once (simulate_infinite_loop = 0).
    conclab_js_mark("loop");   // fonts loaded, the app's panels made
    app_callbacks = std::move(app);
    pacer = new FramePacer(mode, renderer.ticking_fps);   // lives as long as the page
    emscripten_set_main_loop(frame_tick, 0, 0);
    return -1;
}

RendererInfo renderer_info() { return renderer; }

std::map<std::string, std::string> launch_parameters() {
    char* raw = conclab_js_query_string();
    std::string query = raw ? raw : "";
    std::free(raw);
    if (!query.empty() && query.front() == '?') query.erase(0, 1);
    std::map<std::string, std::string> parameters;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            std::string key = url_decode(pair.substr(0, eq));
            std::string value = eq == std::string::npos ? std::string() : url_decode(pair.substr(eq + 1));
            parameters[std::move(key)] = std::move(value);   // a repeated name: the last one wins
        }
        start = end + 1;
    }
    return parameters;
}

void set_state_provider(std::function<std::string()> provider) {
    state_provider = std::move(provider);
    conclab_js_install_api();
}

void set_autorun_handler(std::function<void()> run) { autorun_handler = std::move(run); }

void report_result(const std::string& json) {
    // console.log from a pthread would print in its Worker: the line belongs to the page.
    if (emscripten_is_main_browser_thread()) conclab_js_report_result(json.c_str());
    else emscripten_sync_run_in_main_runtime_thread(EM_FUNC_SIG_VI, report_result_here, json.c_str());
}

std::string font_path() {
    static const char* const kFont = "/fonts/DejaVuSans.ttf";   // --preload-file in src/platform/web/CMakeLists.txt
    return access(kFont, R_OK) == 0 ? kFont : "";
}

void app_ready() { conclab_js_app_ready(); }

void set_page_query(const std::string& query) { conclab_js_set_query(query.c_str()); }

std::string page_address() {
    char* raw = conclab_js_page_address();
    std::string text = raw ? raw : "";
    std::free(raw);
    return text;
}

bool copy_to_clipboard(const std::string& text) { return conclab_js_copy(text.c_str()) != 0; }

void set_fullscreen(bool on) { conclab_js_fullscreen(on ? 1 : 0); }

}  // namespace conclab::platform

extern "C" EMSCRIPTEN_KEEPALIVE const char* conclab_state_json() {
    using conclab::platform::state_provider;
    using conclab::platform::state_text;
    try {
        state_text = state_provider ? state_provider() : std::string("{}");
    } catch (const std::exception&) {
        state_text = "{\"error\":\"the state provider failed\"}";
    }
    return state_text.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE void conclab_autorun() {
    if (conclab::platform::autorun_handler) conclab::platform::autorun_handler();
}

// Web side of file_exchange.h: a download through a Blob and an <a download>, and the browser's file picker
// (an <input type=file>). Browser main thread only (the UI calls these).
#include "platform/file_exchange.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <stdexcept>

// slice() copies the bytes out of the (shared) wasm memory: a Blob can't be made from a SharedArrayBuffer view.
EM_JS(int, conclab_js_download, (const char* name, const char* mime, const char* data, int size), {
    if (typeof document === 'undefined') return 0;
    const fileName = UTF8ToString(name);
    const blob = new Blob([HEAPU8.slice(data, data + size)], {type : UTF8ToString(mime)});
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return 1;
});

EM_JS(void, conclab_js_pick_file, (const char* accept), {
    if (typeof document === 'undefined') return;
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.style.display = 'none';
    input.onchange = () => {
        const file = input.files && input.files[0];
        input.remove();
        if (!file) return;
        file.text().then((text) => { Module.conclabPickedFile = {name : file.name, contents : text}; },
                          (error) => { Module.conclabPickedFile = {name : file.name, error : String(error)}; });
    };
    document.body.appendChild(input);
    input.click();
});

// The picked file as a JSON string in malloc'd memory (the caller frees it), or 0 when none is waiting.
EM_JS(char*, conclab_js_take_picked_file, (), {
    const picked = Module.conclabPickedFile;
    if (!picked) return 0;
    delete Module.conclabPickedFile;
    const text = JSON.stringify(picked);
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

namespace conclab::platform {

std::string export_file(const std::string& name, const std::string& mime, const std::string& contents) {
    if (!conclab_js_download(name.c_str(), mime.c_str(), contents.data(), static_cast<int>(contents.size())))
        throw std::runtime_error("this page has no document to download from");
    return name + " (saved by the browser to its downloads)";
}

bool has_file_picker() { return true; }

void open_file_picker(const std::string& accept) { conclab_js_pick_file(accept.c_str()); }

std::optional<PickedFile> take_picked_file() {
    char* raw = conclab_js_take_picked_file();
    if (!raw) return std::nullopt;
    const auto picked = nlohmann::json::parse(raw, nullptr, false);
    std::free(raw);
    if (!picked.is_object()) return std::nullopt;
    if (picked.contains("error"))
        throw std::runtime_error("cannot read " + picked.value("name", std::string("the file")) + ": " + picked.value("error", ""));
    return PickedFile{picked.value("name", ""), picked.value("contents", "")};
}

std::string read_text_file(const std::string&) {
    throw std::runtime_error("a page cannot open paths: use the file picker");
}

}  // namespace conclab::platform

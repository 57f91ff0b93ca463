// Files the user takes away or brings in (the lab's exported results, another machine's saved result).
// Native: a file written into a folder and read from a path the user types. Web: a download the browser saves
// (a Blob and an <a download>) and the browser's file picker, whose answer arrives later (poll it).
#pragma once

#include <optional>
#include <string>

namespace conclab::platform {

/// @brief Hands `contents` to the user as a file named `name` (no folders in it). Native: writes it into the
/// current folder (the temporary folder when that is not writable) and returns its full path. Web: the browser
/// downloads it; returns "name (saved by the browser to its downloads)". Throws std::runtime_error with the
/// reason when it can't.
std::string export_file(const std::string& name, const std::string& mime, const std::string& contents);

/// @brief True where files are chosen in the platform's own picker (web); false where the app asks for a path.
bool has_file_picker();

/// @brief Web: opens the browser's file picker for files matching `accept` (".json"); the chosen file arrives
/// through take_picked_file(). Call it from a click (browsers open pickers only in answer to the user). Native:
/// does nothing.
void open_file_picker(const std::string& accept);

struct PickedFile {
    std::string name;
    std::string contents;
};

/// @brief The file chosen in the picker since the last call, if any (web); nullopt natively.
std::optional<PickedFile> take_picked_file();

/// @brief The contents of the file at `path` (native). Throws std::runtime_error with the reason; on the web
/// always ("a page cannot open paths: use the file picker").
std::string read_text_file(const std::string& path);

}  // namespace conclab::platform

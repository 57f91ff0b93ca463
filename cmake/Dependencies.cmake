# Third-party code, never committed. On Debian, scripts/setup puts the sources from Debian's source
# packages under CONCLAB_DEPS and FetchContent uses them (FETCHCONTENT_SOURCE_DIR_*); elsewhere the same
# versions come from the projects' release archives.
include(FetchContent)

# --- Dear ImGui 1.86 (both builds compile it from source with our flags) ---
if(NOT FETCHCONTENT_SOURCE_DIR_IMGUI AND EXISTS "${CONCLAB_DEPS}/src/imgui/imgui.cpp")
  set(FETCHCONTENT_SOURCE_DIR_IMGUI "${CONCLAB_DEPS}/src/imgui")
endif()
FetchContent_Declare(imgui URL https://github.com/ocornut/imgui/archive/refs/tags/v1.86.tar.gz DOWNLOAD_EXTRACT_TIMESTAMP TRUE)

# --- nlohmann/json (header-only; the wasm build must not see /usr/include, so it gets a folder of its own) ---
if(EXISTS /usr/include/nlohmann/json.hpp)
  set(CONCLAB_JSON_INCLUDE "${CMAKE_BINARY_DIR}/include-json")
  file(MAKE_DIRECTORY "${CONCLAB_JSON_INCLUDE}")
  file(CREATE_LINK /usr/include/nlohmann "${CONCLAB_JSON_INCLUDE}/nlohmann" SYMBOLIC)
  add_library(conclab_json INTERFACE)
  target_include_directories(conclab_json SYSTEM INTERFACE "${CONCLAB_JSON_INCLUDE}")
else()
  FetchContent_Declare(json URL https://github.com/nlohmann/json/releases/download/v3.11.2/json.tar.xz DOWNLOAD_EXTRACT_TIMESTAMP TRUE)
  FetchContent_MakeAvailable(json)
  add_library(conclab_json INTERFACE)
  target_link_libraries(conclab_json INTERFACE nlohmann_json::nlohmann_json)
endif()

# --- stb_image + stb_image_resize (header-only, Debian's libstb-dev): like json, a folder of its own ---
set(CONCLAB_STB_DIR /usr/include/stb CACHE PATH "Folder holding stb_image.h and stb_image_resize.h")
if(NOT EXISTS "${CONCLAB_STB_DIR}/stb_image.h" OR NOT EXISTS "${CONCLAB_STB_DIR}/stb_image_resize.h")
  message(FATAL_ERROR "No stb_image.h/stb_image_resize.h in ${CONCLAB_STB_DIR}: install libstb-dev or set CONCLAB_STB_DIR")
endif()
set(CONCLAB_STB_INCLUDE "${CMAKE_BINARY_DIR}/include-stb")
file(MAKE_DIRECTORY "${CONCLAB_STB_INCLUDE}")
file(CREATE_LINK "${CONCLAB_STB_DIR}" "${CONCLAB_STB_INCLUDE}/stb" SYMBOLIC)
add_library(conclab_stb INTERFACE)
target_include_directories(conclab_stb SYSTEM INTERFACE "${CONCLAB_STB_INCLUDE}")

if(CONCLAB_BUILD_GUI)
  FetchContent_GetProperties(imgui)
  if(NOT imgui_POPULATED)
    FetchContent_Populate(imgui)
  endif()
  add_library(imgui STATIC
    ${imgui_SOURCE_DIR}/imgui.cpp ${imgui_SOURCE_DIR}/imgui_draw.cpp ${imgui_SOURCE_DIR}/imgui_tables.cpp
    ${imgui_SOURCE_DIR}/imgui_widgets.cpp ${imgui_SOURCE_DIR}/imgui_demo.cpp
    ${imgui_SOURCE_DIR}/backends/imgui_impl_sdl.cpp ${imgui_SOURCE_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(imgui SYSTEM PUBLIC ${imgui_SOURCE_DIR} ${imgui_SOURCE_DIR}/backends)
  target_compile_options(imgui PRIVATE -w)   # third-party: its warnings are not ours to fix
  if(CONCLAB_SANITIZE_ADDRESS)
    # imgui_impl_opengl3_loader.h (gl3w) fills a 53-pointer array through a union with more members:
    # UBSan's bounds check stops the app at start-up. ASan still covers imgui.
    target_compile_options(imgui PRIVATE -fno-sanitize=undefined)
  endif()
endif()

if(EMSCRIPTEN)
  # --- SDL2 2.26.5 built for wasm once by scripts/setup ---
  set(CONCLAB_SDL2_WASM "${CONCLAB_DEPS}/sdl2-wasm" CACHE PATH "SDL2 static build for wasm")
  if(CONCLAB_BUILD_GUI)
    if(NOT EXISTS "${CONCLAB_SDL2_WASM}/lib/libSDL2.a")
      message(FATAL_ERROR "No SDL2 for wasm in ${CONCLAB_SDL2_WASM}: run scripts/setup web")
    endif()
    add_library(SDL2::SDL2 STATIC IMPORTED)
    set_target_properties(SDL2::SDL2 PROPERTIES IMPORTED_LOCATION "${CONCLAB_SDL2_WASM}/lib/libSDL2.a"
      INTERFACE_INCLUDE_DIRECTORIES "${CONCLAB_SDL2_WASM}/include/SDL2")
    target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
    target_link_libraries(imgui PUBLIC SDL2::SDL2)
  endif()
  # --- GoogleTest built for wasm by scripts/setup ---
  set(CONCLAB_GTEST_WASM "${CONCLAB_DEPS}/gtest-wasm" CACHE PATH "GoogleTest build for wasm")
  if(CONCLAB_BUILD_TESTS)
    add_library(GTest::gtest STATIC IMPORTED)
    set_target_properties(GTest::gtest PROPERTIES IMPORTED_LOCATION "${CONCLAB_GTEST_WASM}/lib/libgtest.a"
      INTERFACE_INCLUDE_DIRECTORIES "${CONCLAB_GTEST_WASM}/include")
    add_library(GTest::gtest_main STATIC IMPORTED)
    set_target_properties(GTest::gtest_main PROPERTIES IMPORTED_LOCATION "${CONCLAB_GTEST_WASM}/lib/libgtest_main.a"
      INTERFACE_LINK_LIBRARIES GTest::gtest)
  endif()
else()
  find_package(Threads REQUIRED)
  if(CONCLAB_BUILD_GUI)
    find_package(SDL2 REQUIRED)
    find_package(OpenGL REQUIRED)
    target_link_libraries(imgui PUBLIC SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
  endif()
  if(CONCLAB_BUILD_TESTS)
    find_package(GTest REQUIRED)
  endif()
  # CLI11 and cpp-httplib: header-only, from Debian (libcli11-dev, libcpp-httplib-dev) or fetched.
  find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp)
  if(NOT CLI11_INCLUDE_DIR)
    FetchContent_Declare(cli11 URL https://github.com/CLIUtils/CLI11/archive/refs/tags/v2.3.2.tar.gz DOWNLOAD_EXTRACT_TIMESTAMP TRUE)
    FetchContent_MakeAvailable(cli11)
    set(CLI11_INCLUDE_DIR ${cli11_SOURCE_DIR}/include)
  endif()
  # Debian builds cpp-httplib as a shared library with OpenSSL, zlib and Brotli support: its pkg-config file
  # carries the defines that make the header match the library (without them the classes differ: a crash).
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(HTTPLIB IMPORTED_TARGET cpp-httplib)
  endif()
  if(NOT HTTPLIB_FOUND)
    FetchContent_Declare(httplib URL https://github.com/yhirose/cpp-httplib/archive/refs/tags/v0.11.4.tar.gz DOWNLOAD_EXTRACT_TIMESTAMP TRUE)
    FetchContent_MakeAvailable(httplib)
  endif()
  add_library(conclab_cli_deps INTERFACE)
  target_include_directories(conclab_cli_deps SYSTEM INTERFACE ${CLI11_INCLUDE_DIR})
  if(HTTPLIB_FOUND)
    target_link_libraries(conclab_cli_deps INTERFACE PkgConfig::HTTPLIB)
  else()
    target_link_libraries(conclab_cli_deps INTERFACE httplib::httplib)
  endif()
endif()

# A real font with the glyphs our text needs (Portuguese accents, ✓ ✗ ⏳): DejaVu Sans from fonts-dejavu-core.
find_file(CONCLAB_FONT_FILE DejaVuSans.ttf PATHS /usr/share/fonts/truetype/dejavu NO_CMAKE_FIND_ROOT_PATH)

# Every wasm flag in one place. Three kinds of wasm target:
#   app     — the GUI page: pthreads in Web Workers, WebGL2, fetch, rendered on the browser main thread
#   test    — a GoogleTest binary run by node: main proxied to a pthread, exits with the test status
#   worker  — the "process" module: no threads, no shared memory, loaded by each isolated Web Worker
# Emscripten 3.1.6 names: TOTAL_STACK (STACK_SIZE came later), no ports (the cache is frozen).
set(CONCLAB_WASM_THREAD_FLAGS -pthread -fexceptions)

# Debian's emscripten runs its JS tools with the machine's node, which only finds acorn & co. through
# NODE_PATH: give every compile and link step that environment, so that a plain `cmake --build` works.
if(EXISTS /usr/share/nodejs/acorn)
  set_property(GLOBAL PROPERTY RULE_LAUNCH_COMPILE "${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs")
  set_property(GLOBAL PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs")
endif()

# Compile flags that every object linked into a threaded wasm module needs (ours and third-party).
function(conclab_wasm_threads target)
  target_compile_options(${target} PRIVATE ${CONCLAB_WASM_THREAD_FLAGS})
endfunction()

function(conclab_wasm_target target kind)
  set(common -fexceptions -sALLOW_MEMORY_GROWTH=1 -sTOTAL_STACK=1MB)
  if(kind STREQUAL "app")
    target_link_options(${target} PRIVATE ${common} -pthread
      # No Web Worker is pre-started with the page: 8 Workers each parsing index.js cost the first frame ~0.4 s on
      # 2 cores. The app starts its pool once the first frame is up (start_thread_pool in gui_backend_web.cpp).
      -sPTHREAD_POOL_SIZE=0 -sPTHREAD_POOL_SIZE_STRICT=0
      -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sFETCH=1
      -sFETCH_SUPPORT_INDEXEDDB=0   # else main() waits for an IndexedDB to open: 0.2–0.6 s on a first visit
      -sENVIRONMENT=web,worker -sEXIT_RUNTIME=0
      -sMINIFY_HTML=0   # 3.1.6 calls htmlmin with a nested argument list and fails at -O1 and above
      -sEXPORTED_RUNTIME_METHODS=[ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8]
      "-sEXPORTED_FUNCTIONS=[_main,_malloc,_free]")
  elseif(kind STREQUAL "test")
    target_link_options(${target} PRIVATE ${common} -pthread
      -sPROXY_TO_PTHREAD=1 -sEXIT_RUNTIME=1 -sNODERAWFS=1 -sPTHREAD_POOL_SIZE=72 -sENVIRONMENT=node,worker)
  elseif(kind STREQUAL "worker")
    # No -pthread anywhere in this module: its memory is a plain ArrayBuffer that nothing else can see.
    target_compile_options(${target} PRIVATE -fexceptions)
    target_link_options(${target} PRIVATE ${common} -sENVIRONMENT=worker -sMODULARIZE=1
      -sEXPORT_NAME=createConclabWorkerModule -sEXIT_RUNTIME=0 -sFILESYSTEM=0
      -sEXPORTED_RUNTIME_METHODS=[ccall,cwrap,UTF8ToString]
      "-sEXPORTED_FUNCTIONS=[_malloc,_free]")
  else()
    message(FATAL_ERROR "conclab_wasm_target: unknown kind ${kind}")
  endif()
endfunction()

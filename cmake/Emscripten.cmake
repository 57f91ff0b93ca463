# Every wasm flag in one place. Three kinds of wasm target:
#   app     — the GUI page: pthreads in Web Workers, WebGL2, fetch, rendered on the browser main thread
#   test    — a GoogleTest binary run by node: main proxied to a pthread, exits with the test status
#   worker  — the "process" module: no threads, no shared memory, loaded by each isolated Web Worker
set(CONCLAB_WASM_THREAD_FLAGS -pthread -fexceptions)
set(CONCLAB_PTHREAD_POOL_SIZE 8 CACHE STRING "Web Workers pre-spawned for pthreads (more are created on demand)")

# Compile flags that every object linked into a threaded wasm module needs (ours and third-party).
function(conclab_wasm_threads target)
  target_compile_options(${target} PRIVATE ${CONCLAB_WASM_THREAD_FLAGS})
endfunction()

function(conclab_wasm_target target kind)
  set(common -fexceptions -sALLOW_MEMORY_GROWTH=1 -sSTACK_SIZE=1MB)
  if(kind STREQUAL "app")
    target_link_options(${target} PRIVATE ${common} -pthread
      -sPTHREAD_POOL_SIZE=${CONCLAB_PTHREAD_POOL_SIZE} -sPTHREAD_POOL_SIZE_STRICT=0
      -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sFETCH=1
      -sENVIRONMENT=web,worker -sEXIT_RUNTIME=0
      -sEXPORTED_RUNTIME_METHODS=[ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8]
      "-sEXPORTED_FUNCTIONS=[_main,_malloc,_free]")
  elseif(kind STREQUAL "test")
    target_link_options(${target} PRIVATE ${common} -pthread
      -sPROXY_TO_PTHREAD=1 -sEXIT_RUNTIME=1 -sNODERAWFS=1 -sPTHREAD_POOL_SIZE=72 -sENVIRONMENT=node,worker)
  elseif(kind STREQUAL "worker")
    target_link_options(${target} PRIVATE ${common} -sENVIRONMENT=worker -sMODULARIZE=1
      -sEXPORT_NAME=createConclabWorkerModule -sEXIT_RUNTIME=0 -sFILESYSTEM=0
      -sEXPORTED_RUNTIME_METHODS=[ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8]
      "-sEXPORTED_FUNCTIONS=[_malloc,_free]")
  else()
    message(FATAL_ERROR "conclab_wasm_target: unknown kind ${kind}")
  endif()
endfunction()

# Native GUI smoke test: the desktop app opens a real window under Xvfb, draws frames, and the
# screenshot it saves is not blank (many distinct colours: text, panels, graph).
file(REMOVE "${OUT}")
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${CONCLAB} --demo primes --frames 30
                        --screenshot ${OUT}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "conclab GUI exited with ${status}\n${out}\n${err}")
endif()
if(NOT EXISTS "${OUT}")
  message(FATAL_ERROR "no screenshot was written to ${OUT}")
endif()
file(SIZE "${OUT}" size)
# A blank 1280x800 PNG compresses to a few kB; the drawn app is far larger.
if(size LESS 20000)
  message(FATAL_ERROR "the screenshot looks blank (${size} bytes)")
endif()
message(STATUS "GUI drew: ${OUT} (${size} bytes)")

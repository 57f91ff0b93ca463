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
# Distinct colours (ImageMagick's identify, from Debian's imagemagick): a blank or single-colour window has a
# handful; text with anti-aliasing, panels and the selected demo give hundreds.
if(NOT EXISTS /usr/bin/identify)
  message(FATAL_ERROR "/usr/bin/identify is missing (Debian package imagemagick): cannot check the screenshot")
endif()
execute_process(COMMAND /usr/bin/identify -format "%k %w %h" ${OUT} OUTPUT_VARIABLE info RESULT_VARIABLE identify_status)
separate_arguments(info)
list(GET info 0 colours)
list(GET info 1 width)
if(NOT identify_status EQUAL 0 OR colours LESS 100 OR NOT width EQUAL 1280)
  message(FATAL_ERROR "the screenshot looks blank or wrong: ${info} (colours width height)")
endif()
message(STATUS "GUI drew: ${OUT} (${colours} colours)")

# The exhibition panel: its simulation thread runs a small exhibition at max speed to the end while the
# window draws; the autorun prints the same JSON as `conclab exhibition --json`, and the screenshot shows boards.
string(REPLACE ".png" "-exhibition.png" EXHIBITION_OUT "${OUT}")
file(REMOVE "${EXHIBITION_OUT}")
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${CONCLAB} --demo exhibition --boards 4 --moves 6
                        --speed max --autorun --frames 60 --screenshot ${EXHIBITION_OUT}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "conclab GUI (exhibition) exited with ${status}\n${out}\n${err}")
endif()
execute_process(COMMAND ${CONCLAB} exhibition --boards 4 --moves 6 --json OUTPUT_VARIABLE cli_json)
string(STRIP "${cli_json}" cli_json)
string(FIND "${out}" "${cli_json}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the exhibition's autorun did not print the CLI's JSON\nGUI: ${out}\nCLI: ${cli_json}")
endif()
execute_process(COMMAND /usr/bin/identify -format "%k" ${EXHIBITION_OUT} OUTPUT_VARIABLE colours)
if(colours LESS 100)
  message(FATAL_ERROR "the exhibition screenshot looks blank: ${colours} colours")
endif()
message(STATUS "GUI drew the exhibition: ${EXHIBITION_OUT} (${colours} colours)")

# The spinner's process form, started by the exhibition's old launch options (now the spinner demo's alias): the slow call runs in a worker process (the
# process pool's `conclab worker`) while the window's own loop turns the spinner; when the answer is in, the
# app prints CONCLAB_RESULT with it and the frames drawn: at least one while the call ran. Counted, not timed: how
# evenly the window drew (frozen_s, a 0.5 s gap rule) depends on the machine's load and is not asserted.
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${CONCLAB} --demo exhibition --spinner process
                        --spinner-seconds 0.5 --frames 300
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "conclab GUI (spinner) exited with ${status}\n${out}\n${err}")
endif()
string(REGEX MATCH "CONCLAB_RESULT ([^\n]*)" line "${out}")
if(NOT line)
  message(FATAL_ERROR "the process spinner printed no CONCLAB_RESULT in 300 frames\n${out}\n${err}")
endif()
set(result "${CMAKE_MATCH_1}")
string(JSON answer GET "${result}" spinner answer)
string(JSON kind GET "${result}" spinner kind)
string(JSON frames GET "${result}" spinner frames)
string(JSON frozen GET "${result}" spinner frozen_s)   # present; its value is the machine's, not the test's
if(NOT kind STREQUAL "process" OR NOT answer STREQUAL "1099511627689" OR frames LESS 1)
  message(FATAL_ERROR "the process spinner: ${result}")
endif()
message(STATUS "GUI ran the process spinner: ${result}")

# The spinner demo: the four forms at once; CONCLAB_RESULT counts, per form, the frames drawn while its slow call was
# in flight — none for the coroutine whose call blocks its loop, at least one for the others. Counted, not timed.
string(REPLACE ".png" "-spinner.png" SPINNER_OUT "${OUT}")
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${CONCLAB} --demo spinner --seconds 0.5 --autorun
                        --frames 400 --screenshot ${SPINNER_OUT}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "conclab GUI (spinner demo) exited with ${status}\n${out}\n${err}")
endif()
string(REGEX MATCH "CONCLAB_RESULT ([^\n]*)" line "${out}")
if(NOT line)
  message(FATAL_ERROR "the spinner demo printed no CONCLAB_RESULT in 400 frames\n${out}\n${err}")
endif()
set(result "${CMAKE_MATCH_1}")
string(JSON demo GET "${result}" demo)
string(JSON count LENGTH "${result}" forms)
if(NOT demo STREQUAL "spinner" OR NOT count EQUAL 4)
  message(FATAL_ERROR "the spinner demo: ${result}")
endif()
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON form GET "${result}" forms ${i} form)
  string(JSON in_call GET "${result}" forms ${i} frames_in_call)
  string(JSON answer GET "${result}" forms ${i} answer)
  if(NOT answer STREQUAL "1099511627689")
    message(FATAL_ERROR "the spinner demo's ${form}: ${result}")
  endif()
  if(form STREQUAL "blocked_coroutine")
    if(NOT in_call EQUAL 0)
      message(FATAL_ERROR "the blocked coroutine drew ${in_call} frames during its call: ${result}")
    endif()
  elseif(in_call LESS 1)
    message(FATAL_ERROR "the ${form} spinner drew no frame during its call: ${result}")
  endif()
endforeach()
message(STATUS "GUI ran the spinner demo: ${result}")

# The welcome page (the default view) in presentation mode at 1920×1080: the font is rasterised again at ×2
# between frames (platform::rebuild_fonts re-uploads the atlas natively too) and the window still draws.
string(REPLACE ".png" "-present.png" PRESENT_OUT "${OUT}")
file(REMOVE "${PRESENT_OUT}")
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 1920x1080x24" ${CONCLAB} --present --lang pt --window 1920x1080
                        --frames 20 --screenshot ${PRESENT_OUT}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "conclab GUI (welcome, present) exited with ${status}\n${out}\n${err}")
endif()
execute_process(COMMAND /usr/bin/identify -format "%k %w" ${PRESENT_OUT} OUTPUT_VARIABLE info)
separate_arguments(info)
list(GET info 0 colours)
list(GET info 1 width)
if(colours LESS 100 OR NOT width EQUAL 1920)
  message(FATAL_ERROR "the presentation screenshot looks blank or wrong: ${info} (colours width)")
endif()
message(STATUS "GUI presented the welcome page: ${PRESENT_OUT} (${colours} colours)")

# Export picture on the desktop: key E pressed in the window (xdotool) writes conclab-<date>-<time>.png into the current
# folder, a PNG of the whole window as drawn (tests/gui/export_picture.sh prints its name, width, height, colours).
find_program(XDOTOOL xdotool)
if(NOT XDOTOOL)
  message(FATAL_ERROR "xdotool is missing (Debian package xdotool, scripts/setup e2e): cannot press E in the window")
endif()
set(EXPORT_DIR "${OUT}-export")
file(REMOVE_RECURSE "${EXPORT_DIR}")
file(MAKE_DIRECTORY "${EXPORT_DIR}")
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" sh ${CMAKE_CURRENT_LIST_DIR}/export_picture.sh ${CONCLAB}
                WORKING_DIRECTORY "${EXPORT_DIR}" RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
string(STRIP "${out}" out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "Export picture (key E) wrote no PNG: ${status}\n${out}\n${err}")
endif()
separate_arguments(info UNIX_COMMAND "${out}")
list(GET info 0 file)
list(GET info 1 width)
list(GET info 3 colours)
if(NOT file MATCHES "^conclab-[0-9]+-[0-9]+\\.png$" OR NOT width EQUAL 1280 OR colours LESS 100)
  message(FATAL_ERROR "Export picture: ${out} (file width height colours)")
endif()
message(STATUS "GUI exported a picture on key E: ${EXPORT_DIR}/${out}")

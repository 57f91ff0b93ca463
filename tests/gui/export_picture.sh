#!/bin/sh
# Under Xvfb (gui_smoke.cmake): the desktop app's Export picture, as a user asks for it — key E pressed in its window
# (xdotool) — writes conclab-<date>-<time>.png into the current folder. Waits with deadlines, asserts no timing.
conclab=$1
"$conclab" --demo primes --frames 1000000 > app.out 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null' EXIT
# The window, once mapped; then E. --sync waits for each step (60 s deadline, as tests/support/within.h).
if ! timeout 60 xdotool search --sync --onlyvisible --name 'Concurrency Lab' windowfocus --sync key e; then
  echo "no window to press E in"; cat app.out; exit 3
fi
for _ in $(seq 600); do   # up to 60 s for the file
  for f in conclab-*.png; do
    # whole once identify reads it (the app may still be writing it)
    [ -s "$f" ] && info=$(/usr/bin/identify -format '%w %h %k' "$f" 2>/dev/null) && { echo "$f $info"; exit 0; }
  done
  kill -0 $app 2>/dev/null || { echo "the app quit"; cat app.out; exit 1; }
  sleep 0.1
done
echo "[ DEADLINE ] no conclab-*.png after key E"; cat app.out; exit 3

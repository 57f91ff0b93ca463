#!/usr/bin/env python3
"""The talk's spinners on CPython: a `\\|/-` spinner at 10 frames a second while a slow call runs (a sleep, then the
least prime factor of a number, as in the primes demo) — with threading, multiprocessing or asyncio, as in Fluent
Python's spinner_thread.py, spinner_proc.py and spinner_async.py. With --block the asyncio form's slow call sleeps with
time.sleep instead of awaiting asyncio.sleep: the event loop's one thread is busy and the spinner never turns.

As a script (conclab's CPython runtime, or by hand):
    python3 spinner.py --kind thread|process|coroutine [--block] SECONDS NUMBER
    python3 spinner.py --kind thread --stdin        (a line "SECONDS NUMBER", then a line "go")
It draws nothing: it prints one JSON line per event, times on the system's monotonic clock — "hello", "spin" (the
spinner starts), a "frame" per frame drawn, "call" start and end around the slow call, "stop" (the spinner stopped),
a "result" (the lpf, 64-bit integers as strings), then "end" with the %%time figures (getrusage of self and of
children, after the spinner's process was joined). Every line is one os.write, so that the spinner process's lines
and the interpreter's never interleave. With --stdin it stops when its stdin closes, its process group with it."""
import asyncio
import itertools
import os
import sys
import time

from primes import _die_with_parent, _gil_enabled, _pool_worker_dies_with_parent, _rusage, _stop_when_stdin_closes, lpf

PERIOD_S = 0.1
_MANAGED = False


def _emit(record):
    import json
    os.write(1, (json.dumps(record) + "\n").encode())


def _frame(index):
    _emit({"event": "frame", "i": index, "t": time.monotonic()})


def spin_thread(done):
    """spinner_thread: a frame, then wait a period for `done` (a threading.Event)."""
    for index in itertools.count():
        _frame(index)
        if done.wait(PERIOD_S):
            return


def spin_process(done):
    """spinner_proc: the same loop in a process of its own (`done` is a multiprocessing.Event)."""
    if _MANAGED:
        _pool_worker_dies_with_parent()
    spin_thread(done)


async def spin_coroutine():
    """spinner_async: a frame, then await a period; a cancel arrives at the await."""
    for index in itertools.count():
        _frame(index)
        try:
            await asyncio.sleep(PERIOD_S)
        except asyncio.CancelledError:
            return


def _call(phase):
    _emit({"event": "call", "phase": phase, "t": time.monotonic()})


def slow(seconds, number):
    _call("start")
    time.sleep(seconds)   # releases the GIL: the spinner thread runs freely; lpf below holds it
    answer = lpf(number)
    _call("end")
    return answer


async def slow_async(seconds, number, block):
    _call("start")
    if block:
        time.sleep(seconds)   # the loop's thread sleeps: no task runs
    else:
        await asyncio.sleep(seconds)
    answer = lpf(number)   # computing blocks the loop in both cases, as in the C++ coroutine form
    _call("end")
    return answer


def run_thread(seconds, number):
    import threading
    done = threading.Event()
    spinner = threading.Thread(target=spin_thread, args=(done,), name="spinner")
    _emit({"event": "spin", "t": time.monotonic()})
    spinner.start()
    answer = slow(seconds, number)
    done.set()
    spinner.join()
    _emit({"event": "stop", "t": time.monotonic()})
    return answer


def run_process(seconds, number):
    import multiprocessing
    done = multiprocessing.Event()
    spinner = multiprocessing.Process(target=spin_process, args=(done,), name="spinner")
    _emit({"event": "spin", "t": time.monotonic()})
    spinner.start()
    answer = slow(seconds, number)
    done.set()
    spinner.join()   # reaped: its CPU times count in children
    _emit({"event": "stop", "t": time.monotonic()})
    return answer


def run_coroutine(seconds, number, block):
    async def supervisor():
        _emit({"event": "spin", "t": time.monotonic()})
        spinner = asyncio.create_task(spin_coroutine())
        answer = await slow_async(seconds, number, block)
        spinner.cancel()
        try:
            await spinner
        except asyncio.CancelledError:   # cancelled before it ever ran (the blocked form)
            pass
        _emit({"event": "stop", "t": time.monotonic()})
        return answer

    return asyncio.run(supervisor())


def _read_call_from_stdin():
    seconds = number = None
    for line in sys.stdin.buffer:
        words = line.split()
        if words == [b"go"]:
            if seconds is None:
                break
            return seconds, number
        if len(words) == 2:
            seconds, number = float(words[0]), int(words[1])
    raise SystemExit(1)   # stdin closed before "go", or no call to run


def main(argv):
    import argparse
    import multiprocessing
    import platform
    global _MANAGED
    parser = argparse.ArgumentParser(description="The talk's spinners on CPython, one JSON line per event")
    parser.add_argument("--kind", choices=("thread", "process", "coroutine"), default="thread")
    parser.add_argument("--block", action="store_true", help="the coroutine's slow call blocks the loop")
    parser.add_argument("--stdin", action="store_true", help="'SECONDS NUMBER' then 'go' on stdin; stop when it closes")
    parser.add_argument("seconds", nargs="?", type=float, default=3.0)
    parser.add_argument("number", nargs="?", type=int, default=1_099_511_627_689)
    args = parser.parse_args(argv)
    _MANAGED = args.stdin
    if args.stdin:
        _die_with_parent()
        seconds, number = _read_call_from_stdin()
        _stop_when_stdin_closes()
    else:
        seconds, number = args.seconds, args.number
    _emit({"event": "hello", "python": platform.python_version(), "implementation": platform.python_implementation(),
           "gil": _gil_enabled(), "kind": args.kind, "block": args.block, "switch_interval_s": sys.getswitchinterval(),
           "start_method": multiprocessing.get_start_method() if args.kind == "process" else None, "pid": os.getpid()})
    t0 = time.monotonic()
    if args.kind == "thread":
        answer = run_thread(seconds, number)
    elif args.kind == "process":
        answer = run_process(seconds, number)
    else:
        answer = run_coroutine(seconds, number, args.block)
    t1 = time.monotonic()
    _emit({"event": "result", "i": 0, "n": str(number), "lpf": str(answer), "worker": "main", "started": t0,
           "finished": t1})
    _emit({"event": "end", "wall_s": t1 - t0, "rusage": _rusage()})


if __name__ == "__main__":
    main(sys.argv[1:])

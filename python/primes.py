#!/usr/bin/env python3
"""The talk's CPU-bound program: the least prime factor of each number by trial division over 6k±1.
Shared by the native CPython runtime (run as a script) and the page's Pyodide runtime (imported for lpf).

As a script (conclab's CPython runtime, or by hand):
    python3 primes.py --executor sequential|threads|processes [--workers N] N1 N2 …
    python3 primes.py --executor threads --workers 2 --stdin    (numbers one a line, then a line "go")
It prints one JSON line per event: "hello" (interpreter, GIL, start method), one "result" per number as it
completes (64-bit integers as strings, times on the system's monotonic clock), then "end" with the %%time figures
(resource.getrusage of self and of children, taken after the pool has shut down so that its children count).
With --stdin it also stops when its stdin closes (the program that started it is gone or cancelled): it kills
its own process group, pool workers included, when it leads one."""
import math


def lpf(n):
    """Least prime factor, as in the talk: 2, 3, then i and i + 2 for i = 5, 11, 17, … up to isqrt(n)."""
    if n == 1:
        return 1
    for p in (2, 3):
        if n % p == 0:
            return p
    for i in range(5, math.isqrt(n) + 1, 6):
        if n % i == 0:
            return i
        if n % (i + 2) == 0:
            return i + 2
    return n


def _worker_name():
    import os
    import threading
    thread = threading.current_thread()
    if thread is threading.main_thread():
        return "main" if os.getpid() == _MAIN_PID else f"pid {os.getpid()}"
    suffix = thread.name.rsplit("_", 1)[-1]   # ThreadPoolExecutor-0_1
    return f"thread {int(suffix) + 1}" if suffix.isdigit() else thread.name


_MAIN_PID = None
_MANAGED = False   # started by conclab with --stdin: its pool workers die with the interpreter


def timed_lpf(index, n):
    """lpf(n) with where and when it ran, as one result line's fields (called in the pool's worker)."""
    import time
    started = time.monotonic()
    factor = lpf(n)
    return {"event": "result", "i": index, "n": str(n), "lpf": str(factor), "worker": _worker_name(),
            "started": started, "finished": time.monotonic()}


def _emit(record):
    import json
    import sys
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def _rusage():
    import resource
    out = {}
    for who, name in ((resource.RUSAGE_SELF, "self"), (resource.RUSAGE_CHILDREN, "children")):
        r = resource.getrusage(who)
        out[name] = {"user_s": r.ru_utime, "sys_s": r.ru_stime}
    return out


def _gil_enabled():
    import sys
    import sysconfig
    if not sysconfig.get_config_var("Py_GIL_DISABLED"):
        return True
    check = getattr(sys, "_is_gil_enabled", None)
    return bool(check()) if check else False


def _stop_when_stdin_closes():
    """A daemon thread: at EOF on stdin the parent is gone or cancelled; take the whole process group down."""
    import os
    import signal
    import threading

    def watch():
        # os.read, not sys.stdin: a forked pool worker closes sys.stdin, whose lock this thread would hold
        while os.read(0, 4096):
            pass
        if os.getpgrp() == os.getpid():
            os.killpg(os.getpgrp(), signal.SIGKILL)   # our pool's workers are in it
        os._exit(1)

    threading.Thread(target=watch, name="stdin-watch", daemon=True).start()


def _die_with_parent():
    """Linux: SIGKILL this interpreter when its parent dies (belt and braces beside the stdin watch)."""
    import os
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, 9)   # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return
    expected = os.environ.get("CONCLAB_PARENT_PID")
    if expected and expected.isdigit() and os.getppid() != int(expected):
        os._exit(1)   # the parent died before prctl


def _pool_worker_dies_with_parent():
    """A pool worker's initializer: SIGKILL when its parent (the interpreter, or forkserver's server) dies. Without
    it, an interpreter killed by its own death signal before its stdin watch runs leaves the workers computing."""
    import os
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, 9)   # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:
        os._exit(1)   # the parent died before prctl


def _read_tasks_from_stdin(parse):
    """Each task's argument on a line, then "go" (conclab's script executor): the arguments, each through `parse`."""
    import sys
    tasks = []
    for line in sys.stdin.buffer:
        word = line.strip()
        if word == b"go":
            return tasks
        if word:
            tasks.append(parse(word))
    raise SystemExit(1)   # stdin closed before "go": nothing to run for


def run(executor, workers, numbers, start_method=None):
    """The talk's three ways, results emitted as they complete; returns the "end" line's figures."""
    import time
    from concurrent import futures
    t0 = time.monotonic()
    if executor == "sequential":
        for i, n in enumerate(numbers):
            _emit(timed_lpf(i, n))
    else:
        if executor == "threads":
            pool = futures.ThreadPoolExecutor(workers)
        else:
            import multiprocessing
            pool = futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(start_method),
                                               initializer=_pool_worker_dies_with_parent if _MANAGED else None)
        with pool:
            tasks = [pool.submit(timed_lpf, i, n) for i, n in enumerate(numbers)]
            for task in futures.as_completed(tasks):
                _emit(task.result())
    wall = time.monotonic() - t0   # the pool has shut down: its workers are reaped and counted in children
    return {"event": "end", "wall_s": wall, "rusage": _rusage()}


def main(argv):
    import argparse
    import os
    import platform
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    parser = argparse.ArgumentParser(description="The talk's primes on CPython, one JSON line per event")
    parser.add_argument("--executor", choices=("sequential", "threads", "processes"), default="threads")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--start-method", choices=("fork", "forkserver", "spawn"), default=None)
    parser.add_argument("--stdin", action="store_true", help="numbers one a line until 'go'; stop when stdin closes")
    parser.add_argument("numbers", nargs="*", type=int)
    args = parser.parse_args(argv)
    global _MANAGED
    _MANAGED = args.stdin
    if args.stdin:
        _die_with_parent()
        numbers = _read_tasks_from_stdin(int)
        _stop_when_stdin_closes()
    else:
        numbers = args.numbers
    workers = 1 if args.executor == "sequential" else max(1, args.workers)
    start_method = None
    if args.executor == "processes":
        import multiprocessing
        start_method = args.start_method or multiprocessing.get_start_method()
    _emit({"event": "hello", "python": platform.python_version(), "implementation": platform.python_implementation(),
           "gil": _gil_enabled(), "executor": args.executor, "workers": workers, "start_method": start_method,
           "pid": os.getpid(), "checks": len(numbers)})
    _emit(run(args.executor, workers, numbers, start_method))


if __name__ == "__main__":
    import sys
    main(sys.argv[1:])

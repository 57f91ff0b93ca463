#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""The lab's CPython column: what threads, processes and coroutines cost in the machine's own Python.

    python3 lab.py [--repeats N] MEASURE …
    python3 lab.py --repeats 5 --stdin     (measures one a line, then a line "go"; stops when stdin closes)
MEASURE: interpreter_start, pool_first_result:fork|forkserver|spawn, thread_start, task_start, idle_threads,
idle_processes, idle_coroutines, pipe_round_trip, queue_round_trip.
One JSON line per event, as primes.py: "hello", one "result" per measure as it completes (its raw samples, unit and
how it was measured) or "missing" with why, then "end" with getrusage of self and children."""
import os
import sys
import time

from primes import _read_tasks_from_stdin, _stop_when_stdin_closes

_MANAGED = False   # started by conclab with --stdin: pool workers and children die with the interpreter
PAYLOAD = b"x" * 64


def _emit(record):
    import json
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def _die_with_parent():
    """A child's (pool worker's, idle process's) first act when managed: SIGKILL when its parent dies."""
    if not _MANAGED:
        return
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, 9)   # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:
        os._exit(1)


def _managed_flag(flag):
    global _MANAGED
    _MANAGED = flag
    _die_with_parent()


def _noop():
    return 0


def _resident_kib(pid="self"):
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024


def interpreter_start(repeats):
    """python3 -c pass, started the way conclab starts a process (posix_spawn + wait), each timed alone."""
    samples = []
    with open(os.devnull, "rb") as null:
        for _ in range(repeats):
            t0 = time.perf_counter()
            pid = os.posix_spawn(sys.executable, [sys.executable, "-c", "pass"], os.environ,
                                 file_actions=[(os.POSIX_SPAWN_DUP2, null.fileno(), 0)])
            os.waitpid(pid, 0)
            samples.append((time.perf_counter() - t0) * 1e6)
    name = os.path.basename(sys.executable)
    return samples, "µs", f"{name} -c pass: os.posix_spawn + waitpid, timed in the interpreter", ("python_interpreter_start", [name])


def pool_first_result(repeats, method):
    """A fresh ProcessPoolExecutor(1) with `method`: creation + submit to the first result (its worker's start)."""
    import multiprocessing
    from concurrent import futures
    context = multiprocessing.get_context(method)
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        pool = futures.ProcessPoolExecutor(1, mp_context=context, initializer=_managed_flag, initargs=(_MANAGED,))
        pool.submit(_noop).result()
        samples.append((time.perf_counter() - t0) * 1e6)
        pool.shutdown(wait=True)
    return samples, "µs", f"ProcessPoolExecutor(1, {method}): creation + submit to the first result", ("python_pool_first_result", [method])


def thread_start(repeats):
    import threading
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        t = threading.Thread(target=_noop)
        t.start()
        t.join()
        samples.append((time.perf_counter() - t0) * 1e6)
    return samples, "µs", "threading.Thread(target=noop): start + join", ("python_thread_start", [])


def task_start(repeats):
    import asyncio

    async def noop():
        return 0

    async def measure():
        batch = 100
        out = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            for _ in range(batch):
                await asyncio.get_running_loop().create_task(noop())
            out.append((time.perf_counter() - t0) * 1e6 / batch)
        return out

    return asyncio.run(measure()), "µs", "asyncio create_task(noop()) + await, 100 per sample", ("python_task_start", ["100"])


def idle_threads(repeats):
    import threading
    count = 50
    samples = []
    for _ in range(repeats):
        stop = threading.Event()
        before = _resident_kib()
        threads = [threading.Thread(target=stop.wait) for _ in range(count)]
        for t in threads:
            t.start()
        samples.append((_resident_kib() - before) / count)
        stop.set()
        for t in threads:
            t.join()
    return samples, "KiB", f"resident growth of this interpreter with {count} threads blocked on an Event, ÷ {count}", ("python_idle_threads", [str(count)])


def _idle_child(conn, managed):
    _managed_flag(managed)
    conn.send_bytes(b"ready")
    conn.recv_bytes()


def idle_processes(repeats):
    import multiprocessing
    method = multiprocessing.get_start_method()
    count = 4
    samples = []
    for _ in range(repeats):
        pairs = [multiprocessing.Pipe() for _ in range(count)]
        children = [multiprocessing.Process(target=_idle_child, args=(child, _MANAGED)) for _, child in pairs]
        for p in children:
            p.start()
        for parent, _ in pairs:
            parent.recv_bytes()
        samples.append(sum(_resident_kib(p.pid) for p in children) / count)
        for parent, _ in pairs:
            parent.send_bytes(b"stop")
        for p in children:
            p.join()
    return samples, "KiB", f"resident size of {count} idle multiprocessing.Process ({method}) children, ÷ {count}", ("python_idle_processes", [str(count), method])


def idle_coroutines(repeats):
    import asyncio
    count = 2000
    repeats = min(repeats, 20)   # every round's tasks are kept: 20 rounds hold 40 000 of them (tens of MiB)

    async def measure():
        loop = asyncio.get_running_loop()
        out = []
        gate = loop.create_future()
        tasks = []   # kept until the end: freed ones would be reused by the next round, which would grow by nothing
        for _ in range(repeats):
            before = _resident_kib()
            tasks += [loop.create_task(_wait(gate)) for _ in range(count)]
            await asyncio.sleep(0)
            out.append((_resident_kib() - before) / count)
        gate.set_result(None)
        await asyncio.gather(*tasks)
        return out

    async def _wait(gate):
        await gate

    return asyncio.run(measure()), "KiB", f"resident growth with {count} more asyncio tasks awaiting one future, ÷ {count}", ("python_idle_coroutines", [str(count)])


def _echo(conn, managed):
    _managed_flag(managed)
    while True:
        data = conn.recv_bytes()
        if not data:
            return
        conn.send_bytes(data)


def pipe_round_trip(repeats):
    import multiprocessing
    method = multiprocessing.get_start_method()
    parent, child = multiprocessing.Pipe()
    p = multiprocessing.Process(target=_echo, args=(child, _MANAGED))
    p.start()
    parent.send_bytes(PAYLOAD)   # warm up: the child is running
    parent.recv_bytes()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(100):
            parent.send_bytes(PAYLOAD)
            parent.recv_bytes()
        samples.append((time.perf_counter() - t0) * 1e6 / 100)
    parent.send_bytes(b"")
    p.join()
    return samples, "µs", f"64 B there and back through a multiprocessing.Pipe (a socketpair) to a {method} child, 100 per sample", ("python_pipe", ["64", method, "100"])


def queue_round_trip(repeats):
    import queue
    import threading
    there, back = queue.Queue(), queue.Queue()

    def echo():
        while True:
            item = there.get()
            if item is None:
                return
            back.put(item)

    t = threading.Thread(target=echo)
    t.start()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(100):
            there.put(PAYLOAD)
            back.get()
        samples.append((time.perf_counter() - t0) * 1e6 / 100)
    there.put(None)
    t.join()
    return samples, "µs", "64 B there and back through two queue.Queue to a thread, 100 per sample", ("python_queue", ["64", "100"])


MEASURES = {f.__name__: f for f in (interpreter_start, thread_start, task_start, idle_threads, idle_processes,
                                      idle_coroutines, pipe_round_trip, queue_round_trip)}


def run_one(index, name, repeats):
    import multiprocessing
    base, _, method = name.partition(":")
    started = time.monotonic()
    try:
        if base == "pool_first_result":
            if method not in multiprocessing.get_all_start_methods():
                return {"event": "missing", "i": index, "measure": name,
                        "why": f"the start method {method} is not available here",
                        "why_id": "no_start_method", "why_args": [method]}
            samples, unit, how, (method_id, method_args) = pool_first_result(repeats, method)
        elif base in MEASURES and not method:
            samples, unit, how, (method_id, method_args) = MEASURES[base](repeats)
        else:
            return {"event": "missing", "i": index, "measure": name, "why": "lab.py has no such measure"}
    except (OSError, ValueError, RuntimeError) as e:
        return {"event": "missing", "i": index, "measure": name, "why": f"{type(e).__name__}: {e}"}
    return {"event": "result", "i": index, "measure": name, "unit": unit, "samples": samples, "method": how,
            "method_id": method_id, "method_args": method_args,
            "start_method": method or None, "worker": "main", "started": started, "finished": time.monotonic()}


def main(argv):
    import argparse
    import multiprocessing
    import platform
    import resource
    parser = argparse.ArgumentParser(description="The lab's CPython measures, one JSON line per event")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--stdin", action="store_true", help="measures one a line until 'go'; stop when stdin closes")
    parser.add_argument("measures", nargs="*")
    args = parser.parse_args(argv)
    global _MANAGED
    _MANAGED = args.stdin
    if args.stdin:
        _die_with_parent()
        expected = os.environ.get("CONCLAB_PARENT_PID")
        if expected and expected.isdigit() and os.getppid() != int(expected):
            os._exit(1)
        names = _read_tasks_from_stdin(lambda line: line.decode("utf-8", "replace"))
        _stop_when_stdin_closes()
    else:
        names = args.measures
    _emit({"event": "hello", "python": platform.python_version(), "implementation": platform.python_implementation(),
           "gil": bool(getattr(sys, "_is_gil_enabled", lambda: True)()), "pid": os.getpid(),
           "start_method": multiprocessing.get_start_method(), "start_methods": multiprocessing.get_all_start_methods()})
    t0 = time.monotonic()
    for i, name in enumerate(names):
        _emit(run_one(i, name, max(1, args.repeats)))
    rusage = {}
    for who, key in ((resource.RUSAGE_SELF, "self"), (resource.RUSAGE_CHILDREN, "children")):
        r = resource.getrusage(who)
        rusage[key] = {"user_s": r.ru_utime, "sys_s": r.ru_stime}
    _emit({"event": "end", "wall_s": time.monotonic() - t0, "rusage": rusage})


if __name__ == "__main__":
    main(sys.argv[1:])

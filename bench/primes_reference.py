#!/usr/bin/env python3
"""The talk's Python code, as the reference for `make bench`: lpf by 6k±1 trial division on a
ProcessPoolExecutor, results collected with as_completed. Prints one JSON document."""
import json
import math
import os
import sys
import time
from concurrent import futures


def lpf(n):
    """Least prime factor, as in the talk."""
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


def lpf_pair(n):
    return n, lpf(n)


def main():
    numbers = [int(a) for a in sys.argv[1:]]
    workers = int(os.environ.get("WORKERS", os.cpu_count()))
    t0 = time.perf_counter()
    c0 = os.times()
    with futures.ProcessPoolExecutor(workers) as pool:
        tasks = [pool.submit(lpf_pair, n) for n in numbers]
        results = [f.result() for f in futures.as_completed(tasks)]
    wall = time.perf_counter() - t0
    c1 = os.times()
    cpu = (c1.user + c1.children_user - c0.user - c0.children_user) + (
        c1.system + c1.children_system - c0.system - c0.children_system)
    print(json.dumps({"executor": "python ProcessPoolExecutor", "workers": workers, "wall_s": wall, "cpu_s": cpu,
                      "results": [{"n": str(n), "lpf": str(f)} for n, f in results]}))


if __name__ == "__main__":
    main()

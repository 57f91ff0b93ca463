#!/usr/bin/env python3
"""The talk's CPU-bound program: the least prime factor of each number by trial division over 6k±1.
Shared by the native CPython runtime (run as a script) and the page's Pyodide runtime (imported for lpf)."""
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

#!/usr/bin/env python3
"""The talk's wikipics download in Python, as the reference for `make bench`: httpx with a
ThreadPoolExecutor (threads) or a plain loop (sequential) over the image URLs read from stdin (a JSON
list), each image decoded into a thumbnail with Pillow as the notebook's gallery did. Prints one JSON
line: wall_s, cpu_s (this process's user + system time during the downloads), total_bytes, errors."""
import io
import json
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from PIL import Image


def main():
    mode, workers = sys.argv[1], int(sys.argv[2])
    urls = json.load(sys.stdin)
    client = httpx.Client(timeout=120, headers={"User-Agent": "conclab-bench (python reference)"},
                          limits=httpx.Limits(max_connections=workers, max_keepalive_connections=workers))

    def download_one(url):
        response = client.get(url)
        response.raise_for_status()
        data = response.content
        image = Image.open(io.BytesIO(data))
        image.load()   # the whole JPEG decoded, as conclab's stb_image does (thumbnail() alone would let
        image.thumbnail((160, 160))   # libjpeg decode at 1/8 scale: less work than the app does)
        return len(data)

    errors = []

    def guarded(url):
        try:
            return download_one(url)
        except Exception as e:   # noqa: BLE001 - a failed image is a result, as in the demo
            errors.append(f"{url}: {e}")
            return 0

    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    if mode == "sequential":
        sizes = [guarded(u) for u in urls]
    else:
        with ThreadPoolExecutor(max_workers=workers) as executor:
            sizes = list(executor.map(guarded, urls))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(json.dumps({"wall_s": wall, "cpu_s": cpu, "total_bytes": sum(sizes), "errors": errors}))


if __name__ == "__main__":
    main()

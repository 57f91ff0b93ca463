#!/usr/bin/env python3
"""make bench, wikipics: the talk's conditions at the app's defaults (12 images of ~2 MB, the mirror playing the
talk's Wi-Fi per request: `net=talk`, 0.2–1 s of latency then 2 MB/s per connection); sequential vs threads vs the
event loop natively, the same three in headless Chromium (page and mirror on one origin, 6 connections per host), and
the talk's Python (httpx + ThreadPoolExecutor, Pillow thumbnails) downloading the very same URLs with the same
profile. Wall time, MB/s, CPU seconds per MB. Figures, not tests. WIKIPICS_NET=instant|phone, WIKIPICS_BANDWIDTH
(the mirror's own --bandwidth, with WIKIPICS_NET=instant), WIKIPICS_COUNT, WIKIPICS_SIZE change the conditions.
Writes build/bench/wikipics.json."""
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONCLAB = ROOT / "build/native/conclab"
OUT = ROOT / "build/bench"
COUNT = int(os.environ.get("WIKIPICS_COUNT", "12"))
SIZE = int(os.environ.get("WIKIPICS_SIZE", "2000000"))
NET = os.environ.get("WIKIPICS_NET", "talk")
BANDWIDTH = int(os.environ.get("WIKIPICS_BANDWIDTH", "0"))
SEED = os.environ.get("WIKIPICS_SEED", "7")
REPEAT = int(os.environ.get("REPEAT", "3"))
# Debian's python3 has Debian's httpx and Pillow (scripts/setup); a python3 earlier on PATH may not.
PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_mirror():
    port = free_port()
    throttle = ["--bandwidth", str(BANDWIDTH)] if BANDWIDTH else []
    mirror = subprocess.Popen([str(CONCLAB), "mirror", "--port", str(port), "--seed", "1", *throttle],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return mirror, f"http://127.0.0.1:{port}/w/api.php"
        except OSError:
            time.sleep(0.1)
    mirror.kill()
    raise RuntimeError("conclab mirror did not start: " + mirror.stderr.read().decode()[-300:])


def native(api, executor):
    runs = []
    for _ in range(REPEAT):
        out = subprocess.run([str(CONCLAB), "wikipics", "--server", api, "--count", str(COUNT), "--size", str(SIZE),
                              "--seed", SEED, "--executor", executor, "--workers", str(COUNT), "--max-req", str(COUNT), "--net", NET,
                              "--timeout", "120", "--json"], capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(out.stderr.strip()[-300:])
        r = json.loads(out.stdout)
        runs.append({"wall_s": r["wall_s"], "bytes": r["total_bytes"], "cpu_s": r["cpu"]["total_s"],
                     "errors": sum(1 for i in r["images"] if i["error"]), "urls": [i["url"] for i in r["images"]]})
    return runs


def python(urls, mode):
    runs = []
    for _ in range(REPEAT):
        out = subprocess.run([PYTHON, str(ROOT / "bench/wikipics_reference.py"), mode, str(COUNT)],
                             input=json.dumps([f"{url}?net={NET}" for url in urls]), capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(out.stderr.strip()[-300:])
        r = json.loads(out.stdout)
        runs.append({"wall_s": r["wall_s"], "bytes": r["total_bytes"], "cpu_s": r["cpu_s"], "errors": len(r["errors"])})
    return runs


def web(executors):
    out = subprocess.run(["node", str(ROOT / "web/bench/wikipics.mjs"), str(COUNT), str(SIZE), str(BANDWIDTH), SEED,
                          str(REPEAT), *executors], capture_output=True, text=True, cwd=ROOT / "web",
                         env={**os.environ, "WIKIPICS_NET": NET})
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip()[-300:])
    by_executor = {}
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            by_executor.setdefault(r["executor"], []).append(
                {"wall_s": r["wall_s"], "bytes": r["total_bytes"], "cpu_s": None,
                 "errors": sum(1 for i in r["images"] if i["error"])})
    return by_executor


def row(label, runs):
    walls = [r["wall_s"] for r in runs]
    wall = statistics.median(walls)
    mb = statistics.median(r["bytes"] for r in runs) / 1e6
    cpus = [r["cpu_s"] for r in runs if r["cpu_s"] is not None]
    cpu = statistics.median(cpus) if cpus else None
    return {"label": label, "runs": len(runs), "median_wall_s": wall, "min_wall_s": min(walls), "max_wall_s": max(walls),
            "mb": mb, "mb_per_s": mb / wall if wall else None, "cpu_s": cpu, "cpu_s_per_mb": cpu / mb if cpu and mb else None,
            "errors": sum(r["errors"] for r in runs)}


def attempt(rows, label, produce):
    try:
        rows.append(row(label, produce()))
    except (RuntimeError, json.JSONDecodeError, KeyError, statistics.StatisticsError) as e:
        rows.append({"label": label, "runs": 0, "error": f"failed: {e}"})


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    mirror, api = start_mirror()
    rows = []
    try:
        native_runs = {}
        for executor in ("sequential", "threads", "async"):
            try:
                native_runs[executor] = native(api, executor)
                rows.append(row(f"native {executor}", native_runs[executor]))
            except (RuntimeError, json.JSONDecodeError, KeyError) as e:
                rows.append({"label": f"native {executor}", "runs": 0, "error": f"failed: {e}"})
        urls = next((runs[0]["urls"] for runs in native_runs.values() if runs), None)
        if urls:
            attempt(rows, "python sequential (httpx)", lambda: python(urls, "sequential"))
            attempt(rows, f"python ThreadPoolExecutor x{COUNT} (httpx)", lambda: python(urls, "threads"))
    finally:
        mirror.terminate()
        mirror.wait()
    try:
        for executor, runs in web(["sequential", "threads", "async"]).items():
            rows.append(row(f"web {executor}", runs))
    except RuntimeError as e:
        rows.append({"label": "web", "runs": 0, "error": f"failed: {e}"})

    conditions = f"net={NET}" + (f", mirror throttled to {BANDWIDTH:_} B/s per connection" if BANDWIDTH else "")
    print(f"\nwikipics bench — {COUNT} images of ~{SIZE:_} bytes, {conditions}, {REPEAT} runs each (medians)")
    print(f"{'run':40} {'wall':>8} {'spread':>14} {'MB/s':>6} {'CPU':>7} {'CPU s/MB':>9} {'speedup':>8} {'errors':>6}")
    sequential = {label.split()[0]: r["median_wall_s"] for r in rows if (label := r["label"]).split()[1:2] == ["sequential"]
                  and r.get("runs")}
    for r in rows:
        if not r.get("runs"):
            print(f"{r['label']:40} {r['error']}")
            continue
        base = sequential.get(r["label"].split()[0])
        speed = f"{base / r['median_wall_s']:7.2f}x" if base else ""
        cpu = f"{r['cpu_s']:6.2f}s" if r["cpu_s"] is not None else "    n/a"
        per_mb = f"{r['cpu_s_per_mb']:9.4f}" if r["cpu_s_per_mb"] is not None else "      n/a"
        print(f"{r['label']:40} {r['median_wall_s']:7.2f}s {r['min_wall_s']:6.2f}–{r['max_wall_s']:5.2f}s "
              f"{r['mb_per_s']:6.2f} {cpu} {per_mb} {speed:>8} {r['errors']:6d}")
    print("CPU: the process's user+sys time (native: conclab, downloads and decoding; python: the interpreter);\n"
          "a browser does not measure CPU time (n/a).")
    (OUT / "wikipics.json").write_text(json.dumps({"count": COUNT, "size": SIZE, "net": NET, "bandwidth": BANDWIDTH, "rows": rows},
                                                  indent=2))
    print(f"written: {OUT / 'wikipics.json'}")


if __name__ == "__main__":
    main()

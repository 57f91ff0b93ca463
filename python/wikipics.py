#!/usr/bin/env python3
"""The talk's I/O-bound program: download JPEGs one after the other, with a ThreadPoolExecutor, or on one asyncio
event loop, decoding each image as it arrives (httpx and Pillow, as in the talk: the decode is where the threads'
extra CPU came from). Without httpx or Pillow it falls back to the standard library (urllib; asyncio streams) and
decodes nothing, which its hello line says ("decode": "no decode").

As a script (conclab's CPython runtime, or by hand):
    python3 wikipics.py --executor sequential|threads|asyncio [--workers N] [--max-req K] URL1 URL2 …
    python3 wikipics.py --executor threads --workers 4 --stdin   (one JSON {"url": …} a line, then a line "go")
It prints one JSON line per event: "hello" (interpreter, GIL, HTTP client, decoder), one "result" per image as it
completes (bytes, HTTP status, error kind and detail — a network fault is a result, not a crash — the worker, and
started / first_byte / finished on the system's monotonic clock), then "end" with the %%time figures: wall and
resource.getrusage of self and children over the downloads (start-up and imports left out, as in the notebook,
whose imports ran in an earlier cell). With --stdin it also stops when its stdin closes: it kills its own process
group when it leads one."""
import io
import json
import os
import sys
import threading
import time

from primes import _die_with_parent, _gil_enabled, _read_tasks_from_stdin, _stop_when_stdin_closes

try:
    import httpx
except ImportError:
    httpx = None
try:
    from PIL import Image
except ImportError:
    Image = None

THUMBNAIL = (256, 256)


class Fault(Exception):
    """A download that went wrong, with conclab's name for it (timeout, http_status, rate_limited, connection_reset,
    truncated, too_large, network)."""

    def __init__(self, kind, detail, status=0, got=0, retry_after=None):
        super().__init__(detail)
        self.kind, self.detail, self.status, self.got, self.retry_after = kind, detail, status, got, retry_after


def _retry_after(value):
    if value is None or not value.strip().isdigit():
        return None
    return float(min(int(value.strip()), 86_400))


def _status_fault(status, reason, retry_after):
    if status == 429:
        return Fault("rate_limited", f"HTTP 429 {reason}".strip(), status, 0, _retry_after(retry_after))
    return Fault("http_status", f"HTTP {status}", status)


class Download:
    """One image's fields, filled as it goes."""

    def __init__(self, index, url, worker):
        self.record = {"event": "result", "i": index, "url": url, "worker": worker, "bytes": 0, "status": 0,
                       "error": None, "started": time.monotonic(), "first_byte": None, "finished": None,
                       "decode_s": 0.0}

    def first_byte(self):
        if self.record["first_byte"] is None:
            self.record["first_byte"] = time.monotonic()

    def failed(self, fault):
        r = self.record
        r.update(error=fault.kind, detail=str(fault.detail)[:300], status=fault.status or r["status"],
                 bytes=max(r["bytes"], fault.got))
        if fault.retry_after is not None:
            r["retry_after_s"] = fault.retry_after

    def arrived(self, body, status):
        r = self.record
        r["finished"] = time.monotonic()
        r["bytes"], r["status"] = len(body), status
        decode(body, r)

    def done(self):
        r = self.record
        now = time.monotonic()
        if r["finished"] is None:
            r["finished"] = now
        if r["first_byte"] is None:
            r["first_byte"] = r["finished"]
        return r


def decode(body, record):
    """Pillow decodes the whole JPEG (in C, the GIL released) and scales it down, as the talk's fetch did."""
    if Image is None:
        return
    started = time.thread_time()
    try:
        if not body:
            raise ValueError("empty")
        with Image.open(io.BytesIO(body)) as image:
            if image.format != "JPEG":
                record.update(decode_error="not_jpeg", decode_detail=f"{image.format or 'unknown'} data, not a JPEG")
                return
            image.load()
            image.thumbnail(THUMBNAIL)
            record["pixels"] = [image.width, image.height]
    except Image.DecompressionBombError as e:
        record.update(decode_error="too_many_pixels", decode_detail=str(e)[:200])
    except Exception as e:   # noqa: BLE001 - whatever Pillow raises, the image gave no picture
        record.update(decode_error="empty" if not body else "corrupt", decode_detail=str(e)[:200])
    finally:
        record["decode_s"] = time.thread_time() - started


# [SECTION] blocking clients: httpx, else urllib

def _read_capped(chunks, download, max_bytes, deadline):
    parts, got = [], 0
    for chunk in chunks:
        download.first_byte()
        got += len(chunk)
        download.record["bytes"] = got
        if got > max_bytes:
            raise Fault("too_large", f"over {max_bytes} bytes", got=got)
        if time.monotonic() > deadline:
            raise Fault("timeout", "the whole request took too long", got=got)
        parts.append(chunk)
    return b"".join(parts)


def _httpx_fault(e, download):
    """An httpx (or asyncio timeout) exception as the C++ client's error kind, with the bytes that had arrived."""
    import asyncio
    if isinstance(e, (asyncio.TimeoutError, httpx.TimeoutException)):
        kind = "timeout"
    elif isinstance(e, httpx.RemoteProtocolError):
        kind = "truncated"
    elif isinstance(e, (httpx.ReadError, httpx.WriteError)):
        kind = "connection_reset"
    else:
        kind = "network"
    return Fault(kind, f"{type(e).__name__}: {e}", got=download.record["bytes"])


def fetch_httpx(client, download, url, timeout, max_bytes):
    deadline = time.monotonic() + timeout
    try:
        with client.stream("GET", url) as response:
            download.first_byte()
            download.record["status"] = response.status_code
            if response.status_code != 200:
                download.record["bytes"] = len(response.read())   # the error page's, as conclab's C++ counts them
                raise _status_fault(response.status_code, response.reason_phrase, response.headers.get("retry-after"))
            body = _read_capped(response.iter_raw(), download, max_bytes, deadline)
            download.arrived(body, response.status_code)
    except Fault as fault:
        download.failed(fault)
    except httpx.HTTPError as e:
        download.failed(_httpx_fault(e, download))
    return download.done()


def fetch_urllib(download, url, timeout, max_bytes):
    import http.client
    import socket
    import urllib.error
    import urllib.request
    deadline = time.monotonic() + timeout
    try:
        try:
            response = urllib.request.urlopen(url, timeout=timeout)
        except urllib.error.HTTPError as e:
            download.first_byte()
            download.record["bytes"] = len(e.read() or b"")
            raise _status_fault(e.code, e.reason, e.headers.get("Retry-After") if e.headers else None) from None
        with response:
            download.first_byte()
            download.record["status"] = response.status
            body = _read_capped(iter(lambda: response.read1(64 * 1024), b""), download, max_bytes, deadline)
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and len(body) < int(length):
                raise Fault("truncated", f"{len(body)} of {length} bytes", got=len(body))
            download.arrived(body, response.status)
    except Fault as fault:
        download.failed(fault)
    except (socket.timeout, TimeoutError) as e:
        download.failed(Fault("timeout", f"{type(e).__name__}: {e}"))
    except http.client.IncompleteRead as e:
        download.failed(Fault("truncated", f"IncompleteRead: {len(e.partial)} bytes", got=download.record["bytes"]))
    except ConnectionResetError as e:
        download.failed(Fault("connection_reset", f"{type(e).__name__}: {e}", got=download.record["bytes"]))
    except urllib.error.URLError as e:
        kind = "timeout" if isinstance(e.reason, (socket.timeout, TimeoutError)) else "network"
        download.failed(Fault(kind, f"URLError: {e.reason}"))
    except (OSError, http.client.HTTPException, ValueError) as e:
        download.failed(Fault("network", f"{type(e).__name__}: {e}", got=download.record["bytes"]))
    return download.done()


def blocking_fetcher(timeout, max_bytes, workers):
    if httpx is not None:
        limits = httpx.Limits(max_connections=max(1, workers), max_keepalive_connections=max(1, workers))
        client = httpx.Client(timeout=timeout, limits=limits)
        return client, lambda download, url: fetch_httpx(client, download, url, timeout, max_bytes)
    return None, lambda download, url: fetch_urllib(download, url, timeout, max_bytes)


# [SECTION] the event loop's clients: httpx.AsyncClient, else asyncio streams

async def fetch_httpx_async(client, download, url, timeout, max_bytes):
    import asyncio
    try:
        async def get():
            async with client.stream("GET", url) as response:
                download.first_byte()
                download.record["status"] = response.status_code
                if response.status_code != 200:
                    download.record["bytes"] = len(await response.aread())
                    raise _status_fault(response.status_code, response.reason_phrase, response.headers.get("retry-after"))
                parts, got = [], 0
                async for chunk in response.aiter_raw():
                    got += len(chunk)
                    download.record["bytes"] = got
                    if got > max_bytes:
                        raise Fault("too_large", f"over {max_bytes} bytes", got=got)
                    parts.append(chunk)
                return b"".join(parts), response.status_code
        body, status = await asyncio.wait_for(get(), timeout)
        download.arrived(body, status)
    except Fault as fault:
        download.failed(fault)
    except (asyncio.TimeoutError, httpx.HTTPError) as e:
        download.failed(_httpx_fault(e, download))
    return download.done()


async def fetch_streams(download, url, timeout, max_bytes):
    """HTTP/1.1 GET over asyncio.open_connection: the standard library has no asyncio HTTP client."""
    import asyncio
    import ssl
    import urllib.parse
    parts = urllib.parse.urlsplit(url)
    writer = None
    try:
        async def get():
            nonlocal writer
            secure = parts.scheme == "https"
            reader, writer = await asyncio.open_connection(
                parts.hostname, parts.port or (443 if secure else 80), ssl=ssl.create_default_context() if secure else None)
            path = parts.path + ("?" + parts.query if parts.query else "")
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUser-Agent: conclab-wikipics.py\r\n"
                         f"Connection: close\r\n\r\n".encode("latin-1"))
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            download.first_byte()
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
            download.record["status"] = status
            length = int(headers["content-length"]) if headers.get("content-length", "").isdigit() else None
            if status != 200:
                if length is not None and length <= 65536:
                    download.record["bytes"] = len(await reader.read(length))
                raise _status_fault(status, " ".join(lines[0].split()[2:]), headers.get("retry-after"))
            if length is not None and length > max_bytes:
                raise Fault("too_large", f"{length} bytes announced, over {max_bytes}", status)
            body = bytearray()
            while length is None or len(body) < length:
                chunk = await reader.read(64 * 1024)
                if not chunk:
                    break
                body += chunk
                download.record["bytes"] = len(body)
                if len(body) > max_bytes:
                    raise Fault("too_large", f"over {max_bytes} bytes", got=len(body))
            if length is not None and len(body) < length:
                raise Fault("truncated", f"{len(body)} of {length} bytes", status, len(body))
            return bytes(body), status
        body, status = await asyncio.wait_for(get(), timeout)
        download.arrived(body, status)
    except Fault as fault:
        download.failed(fault)
    except asyncio.TimeoutError:
        download.failed(Fault("timeout", f"over {timeout} s", got=download.record["bytes"]))
    except asyncio.IncompleteReadError as e:
        download.failed(Fault("truncated", f"{len(e.partial)} bytes of the head", got=download.record["bytes"]))
    except ConnectionResetError as e:
        download.failed(Fault("connection_reset", f"{type(e).__name__}: {e}", got=download.record["bytes"]))
    except (OSError, ValueError, IndexError) as e:
        download.failed(Fault("network", f"{type(e).__name__}: {e}", got=download.record["bytes"]))
    finally:
        if writer is not None:
            writer.close()
    return download.done()


# [SECTION] the talk's three ways

def _emit(record):
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def _thread_worker_name():
    suffix = threading.current_thread().name.rsplit("_", 1)[-1]   # ThreadPoolExecutor-0_1
    return f"thread {int(suffix) + 1}" if suffix.isdigit() else threading.current_thread().name


def run_sequential(urls, timeout, max_bytes):
    client, fetch = blocking_fetcher(timeout, max_bytes, 1)
    try:
        for i, url in enumerate(urls):
            _emit(fetch(Download(i, url, "sequential"), url))
    finally:
        if client is not None:
            client.close()


def run_threads(urls, timeout, max_bytes, workers):
    from concurrent import futures
    client, fetch = blocking_fetcher(timeout, max_bytes, workers)
    try:
        with futures.ThreadPoolExecutor(workers) as pool:
            tasks = [pool.submit(lambda i, url: fetch(Download(i, url, _thread_worker_name()), url), i, url)
                     for i, url in enumerate(urls)]
            for task in futures.as_completed(tasks):
                _emit(task.result())
    finally:
        if client is not None:
            client.close()


def run_asyncio(urls, timeout, max_bytes, max_req):
    import asyncio

    async def main():
        semaphore = asyncio.Semaphore(max_req)   # flags2_asyncio's -m: at most max_req requests in flight
        client = None
        if httpx is not None:
            client = httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=max_req))

        async def one(i, url):
            async with semaphore:
                download = Download(i, url, "event loop")
                if client is not None:
                    return await fetch_httpx_async(client, download, url, timeout, max_bytes)
                return await fetch_streams(download, url, timeout, max_bytes)

        try:
            for task in asyncio.as_completed([one(i, url) for i, url in enumerate(urls)]):
                _emit(await task)
        finally:
            if client is not None:
                await client.aclose()

    asyncio.run(main())


def _rusage():
    import resource
    return {name: resource.getrusage(who) for who, name in
            ((resource.RUSAGE_SELF, "self"), (resource.RUSAGE_CHILDREN, "children"))}


def _rusage_since(before):
    after = _rusage()
    return {name: {"user_s": after[name].ru_utime - before[name].ru_utime,
                   "sys_s": after[name].ru_stime - before[name].ru_stime} for name in after}


def main(argv):
    import argparse
    import platform
    global httpx, Image
    parser = argparse.ArgumentParser(description="The talk's downloads on CPython, one JSON line per event")
    parser.add_argument("--executor", choices=("sequential", "threads", "asyncio"), default="threads")
    parser.add_argument("--workers", type=int, default=30, help="threads of the pool (flags2's default: 30)")
    parser.add_argument("--max-req", type=int, default=12, help="requests in flight on the event loop")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    parser.add_argument("--max-bytes", type=int, default=400_000_000, help="a longer body fails as too_large")
    parser.add_argument("--stdlib", action="store_true", help="urllib / asyncio streams and no decode, as without httpx")
    parser.add_argument("--stdin", action="store_true", help='{"url": …} one a line until "go"; stop when stdin closes')
    parser.add_argument("urls", nargs="*")
    args = parser.parse_args(argv)
    if args.stdlib:
        httpx = Image = None
    if args.stdin:
        _die_with_parent()
        urls = _read_tasks_from_stdin(lambda line: json.loads(line)["url"])
        _stop_when_stdin_closes()
    else:
        urls = args.urls
    workers = {"sequential": 1, "threads": max(1, min(args.workers, len(urls) or 1)),
               "asyncio": max(1, args.max_req)}[args.executor]
    http = f"httpx {httpx.__version__}" if httpx is not None else "urllib" if args.executor != "asyncio" else "asyncio streams"
    if Image is None:
        decoder = "no decode"
    else:
        import PIL
        decoder = f"Pillow {PIL.__version__}"
    before = _rusage()
    t0 = time.monotonic()
    _emit({"event": "hello", "python": platform.python_version(), "implementation": platform.python_implementation(),
           "gil": _gil_enabled(), "executor": args.executor, "workers": workers, "http": http, "decode": decoder,
           "pid": os.getpid(), "images": len(urls), "t0": t0})
    if args.executor == "sequential":
        run_sequential(urls, args.timeout, args.max_bytes)
    elif args.executor == "threads":
        run_threads(urls, args.timeout, args.max_bytes, workers)
    else:
        run_asyncio(urls, args.timeout, args.max_bytes, workers)
    _emit({"event": "end", "wall_s": time.monotonic() - t0, "rusage": _rusage_since(before)})


if __name__ == "__main__":
    main(sys.argv[1:])

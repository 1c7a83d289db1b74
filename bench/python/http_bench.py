#!/usr/bin/env python3
"""Workload 8's CPython peers: the same tiny HTTP/1.1 endpoint as bench's HttpThroughput (GET /hello ->
200, text/plain, the 13-byte body "Hello, World!", keep-alive), loaded by the same wrk command.

Two servers, each on asyncio's default loop or on uvloop:
  aiohttp  aiohttp.web with one route (what a Python user would deploy; its HTTP parser is in C)
  streams  asyncio.start_server with a small hand-written HTTP/1.1 loop, the shape of the jasyncio
           sample's HttpServer (readline for the head, readexactly for a body, write + drain)

The server runs on this process's loop; wrk runs as a subprocess awaited on the same loop, so the
process's CPU time (time.process_time) over the measured runs is the server's. One warm-up run, then
--rounds measured ones; requests/s, p50 and p99 are the medians. Non-2xx answers or socket errors fail.
Prints one JSON object per line, in the format bench/report.py reads.

Usage: http_bench.py [--server aiohttp|streams] [--loop asyncio|uvloop] [--connections 50,...]
                     [--seconds 5] [--warmup 3] [--rounds 3] [--smoke] [--wrk wrk]
"""
import argparse
import asyncio
import json
import os
import platform
import re
import statistics
import sys
import time

PATH = "/hello"
BODY = b"Hello, World!"
ARGS = None


def impl_name():
    if ARGS.server == "aiohttp":
        import aiohttp
        return "CPython %s %s + aiohttp %s" % (platform.python_version(), ARGS.loop, aiohttp.__version__)
    return "CPython %s %s streams" % (platform.python_version(), ARGS.loop)


# ------------------------------------------------------------------ the servers

async def start_aiohttp():
    from aiohttp import web

    async def hello(request):
        return web.Response(body=BODY, content_type="text/plain")

    app = web.Application()
    app.router.add_get(PATH, hello)
    runner = web.AppRunner(app, access_log=None)   # no access log: none of the other servers logs
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return port, runner.cleanup


async def serve_connection(reader, writer):
    """The sample's loop: request line, headers, optional Content-Length body, one answer, keep-alive rules."""
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            parts = line.decode("latin-1").rstrip("\r\n").split(" ")
            if len(parts) != 3:
                break
            method, target, version = parts
            headers = {}
            while True:
                h = await reader.readline()
                if not h:
                    return
                h = h.decode("latin-1").rstrip("\r\n")
                if not h:
                    break
                name, _, value = h.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if length:
                await reader.readexactly(length)
            connection = headers.get("connection", "").lower()
            keep_alive = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
            found = target.split("?", 1)[0] == PATH and method in ("GET", "HEAD")
            body = BODY if found else b"Not Found\n"
            head = ("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: %s\r\n\r\n" % (
                "200 OK" if found else "404 Not Found", "text/plain" if found else "text/plain; charset=utf-8",
                len(body), "keep-alive" if keep_alive else "close")).encode("ascii")
            writer.write(head + body if method != "HEAD" else head)
            await writer.drain()
            if not keep_alive:
                break
    except (ConnectionError, asyncio.IncompleteReadError):
        pass   # the client went away
    finally:
        writer.close()


async def start_streams():
    server = await asyncio.start_server(serve_connection, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]

    async def stop():
        server.close()
        await server.wait_closed()
    return port, stop


# ------------------------------------------------------------------ the driver

async def check(port):
    """One request by hand before wrk: the answer must be exactly what every server sends."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" % PATH).encode("ascii"))
    reply = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    text = reply.decode("latin-1")
    lower = text.lower()
    if not (text.startswith("HTTP/1.1 200") and "content-length: 13" in lower
            and "content-type: text/plain" in lower and text.endswith("\r\n\r\nHello, World!")):
        raise SystemExit("unexpected answer to GET %s:\n%s" % (PATH, text))


def percentile(output, which):
    m = re.search(r"^\s*%s\s+([0-9.]+)(us|ms|s|m)\s*$" % re.escape(which), output, re.MULTILINE)
    if not m:
        raise SystemExit("no %s latency in wrk's output:\n%s" % (which, output))
    return float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}[m.group(2)]


async def run_wrk(port, connections, seconds):
    cmd = [ARGS.wrk, "-t1", "-c%d" % connections, "-d%ds" % max(1, round(seconds)), "--latency",
           "http://127.0.0.1:%d%s" % (port, PATH)]
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output = (await proc.communicate())[0].decode()
    if proc.returncode != 0:
        raise SystemExit("%s exited with %d:\n%s" % (" ".join(cmd), proc.returncode, output))
    if "Non-2xx or 3xx responses" in output:
        raise SystemExit("non-2xx answers under wrk:\n" + output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if errors and sum(int(g) for g in errors.groups()) > 0:
        raise SystemExit("socket errors under wrk:\n" + output)
    rps = re.search(r"Requests/sec:\s+([0-9.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if not rps or not total or int(total.group(1)) == 0:
        raise SystemExit("no requests completed under wrk:\n" + output)
    return float(rps.group(1)), percentile(output, "50%"), percentile(output, "99%"), int(total.group(1))


async def bench(connections):
    port, stop = await (start_aiohttp() if ARGS.server == "aiohttp" else start_streams())
    try:
        await check(port)
        await run_wrk(port, connections, ARGS.warmup)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        runs = [await run_wrk(port, connections, ARGS.seconds) for _ in range(ARGS.rounds)]
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    finally:
        await stop()
    rps = sorted(r[0] for r in runs)
    requests = sum(r[3] for r in runs)
    row = {"workload": "http_hello", "impl": impl_name(), "server": "python-%s-%s" % (ARGS.server, ARGS.loop),
           "connections": connections, "requests_per_s": statistics.median(rps), "requests_per_s_min": rps[0],
           "requests_per_s_max": rps[-1], "p50_ms": statistics.median(r[1] for r in runs),
           "p99_ms": statistics.median(r[2] for r in runs), "server_cpu": cpu / wall,
           "server_cpu_ns_per_req": cpu * 1e9 / requests, "seconds": ARGS.seconds, "rounds": ARGS.rounds,
           "wrk_threads": 1}
    print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()}), flush=True)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--server", choices=["aiohttp", "streams"], default="aiohttp")
    p.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    p.add_argument("--connections", default="50")
    p.add_argument("--seconds", type=float, default=5)
    p.add_argument("--warmup", type=float, default=3)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--smoke", action="store_true", help="one 1 s warm-up and one 1 s run")
    p.add_argument("--wrk", default=os.environ.get("WRK", "wrk"))
    ARGS = p.parse_args()
    if ARGS.smoke:
        ARGS.seconds, ARGS.warmup, ARGS.rounds = 1, 1, 1
    if ARGS.loop == "uvloop":
        import uvloop
        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
    try:
        for n in (int(c) for c in ARGS.connections.split(",")):
            loop.run_until_complete(bench(n))
    finally:
        loop.close()


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""CPython's asyncio on the same workloads as the Java benchmarks (see BENCHMARKS.md).

Each workload is timed with time.perf_counter_ns over several rounds after warm-up rounds; the
median is printed as one JSON object per line, in the format bench/report.py reads:
    {"workload": ..., "impl": ..., "ns_per_op": ...}   (or "ms_per_op", "bytes_per_op")

Usage: asyncio_bench.py [--smoke] [--loop asyncio|uvloop] [--eager] [--only NAME,...]
--eager runs every task-creating workload with asyncio.eager_task_factory (Python 3.12+).
"""
import argparse
import asyncio
import gc
import json
import platform
import random
import statistics
import sys
import time
import tracemalloc

ARGS = None


def impl_name():
    name = "CPython %s %s" % (platform.python_version(), ARGS.loop)
    return name + " (eager)" if ARGS.eager else name


def emit(workload, **fields):
    row = {"workload": workload, "impl": impl_name()}
    row.update({k: (round(v, 3) if isinstance(v, float) else v) for k, v in fields.items()})
    print(json.dumps(row), flush=True)


def new_loop():
    if ARGS.loop == "uvloop":
        import uvloop
        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
    if ARGS.eager:
        loop.set_task_factory(asyncio.eager_task_factory)
    return loop


def run(coro):
    loop = new_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def timed(make_coro, ops, warmups, rounds):
    """Median ns per op of run(make_coro()) over the rounds."""
    results = []
    for r in range(warmups + rounds):
        loop = new_loop()
        try:
            coro = make_coro()
            t0 = time.perf_counter_ns()
            loop.run_until_complete(coro)
            t1 = time.perf_counter_ns()
        finally:
            loop.close()
        if r >= warmups:
            results.append((t1 - t0) / ops)
    return statistics.median(results)


# ---------------------------------------------------------------- 1. await of a done future

async def await_done(n):
    loop = asyncio.get_running_loop()
    futs = []
    for i in range(1024):
        f = loop.create_future()
        f.set_result(i)
        futs.append(f)
    mask = len(futs) - 1
    t0 = time.perf_counter_ns()
    s = 0
    for i in range(n):
        s += await futs[i & mask]
    return (time.perf_counter_ns() - t0), s


async def identity(i):
    return i


async def await_child(n):
    t0 = time.perf_counter_ns()
    s = 0
    for i in range(n):
        s += await identity(i)
    return (time.perf_counter_ns() - t0), s


def bench_await_done(scale):
    n = int(200_000 * scale) or 1000
    runs = [run(await_done(n))[0] / n for _ in range(5)]
    emit("await_done", ns_per_op=statistics.median(runs[1:]))
    runs = [run(await_child(n))[0] / n for _ in range(5)]
    emit("await_child", ns_per_op=statistics.median(runs[1:]))


# ---------------------------------------------------------------- 2. ping-pong round trip

class PingPong:
    to_ping = None
    to_pong = None


async def ping(p, n):
    loop = asyncio.get_running_loop()
    s = 0
    for i in range(n):
        p.to_ping = loop.create_future()
        p.to_pong.set_result(i)
        s += await p.to_ping
    return s


async def pong(p, n):
    loop = asyncio.get_running_loop()
    for _ in range(n):
        v = await p.to_pong
        p.to_pong = loop.create_future()
        p.to_ping.set_result(v)


async def ping_pong(n):
    p = PingPong()
    p.to_pong = asyncio.get_running_loop().create_future()
    t = asyncio.ensure_future(pong(p, n))
    s = await ping(p, n)
    await t
    return s


def bench_ping_pong(scale):
    n = int(100_000 * scale) or 1000
    emit("pingpong_roundtrip", ns_per_op=timed(lambda: ping_pong(n), n, 1, 5))


# ---------------------------------------------------------------- 3. tasks, gather

async def leaf(i):
    return i


async def create_and_await(n):
    tasks = [asyncio.create_task(leaf(i)) for i in range(n)]
    s = 0
    for t in tasks:
        s += await t
    return s


async def gather_all(n):
    return len(await asyncio.gather(*[leaf(i) for i in range(n)]))


def bench_tasks(scale):
    n = 1000
    emit("task_spawn", ns_per_op=timed(lambda: create_and_await(n), n, 20, 100 if scale >= 1 else 3))
    g = 100_000 if scale >= 1 else 1000
    emit("gather_100k", n=g, ms_per_op=timed(lambda: gather_all(g), 1, 1, 5 if scale >= 1 else 1) / 1e6)


# ---------------------------------------------------------------- 4. pyperformance async_tree

LEVELS, BRANCHES, IO_SLEEP = 6, 6, 0.05


async def recurse(level, io):
    if level == 0:
        if io:
            await asyncio.sleep(IO_SLEEP)
        return
    await asyncio.gather(*[recurse(level - 1, io) for _ in range(BRANCHES)])


def bench_async_tree(scale):
    levels = LEVELS if scale >= 1 else 3
    rounds = 5 if scale >= 1 else 1
    for variant, io in (("none", False), ("io", True)):
        ms = timed(lambda: recurse(levels, io), 1, 1, rounds) / 1e6
        emit("async_tree_" + variant, levels=levels, ms_per_op=ms)


# ---------------------------------------------------------------- 5. memory

async def sleeper():
    await asyncio.sleep(3600)


async def nest(depth, gate):
    if depth == 0:
        return await gate
    below = await nest(depth - 1, gate)
    return below + depth


async def sleeping_tasks(n):
    tasks = [None] * n
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        tasks[i] = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return after - before


async def suspended_chains(tasks, depth):
    gate = asyncio.get_running_loop().create_future()
    all_tasks = [None] * tasks
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(tasks):
        all_tasks[i] = asyncio.create_task(nest(depth, gate))
    await asyncio.sleep(0)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    gate.set_result(0)
    await asyncio.gather(*all_tasks)
    return after - before


def bench_memory(scale):
    n = int(1_000_000 * scale) or 1000
    chain_tasks = int(10_000 * scale) or 100
    depth = 100
    tracemalloc.start()
    try:
        emit("memory_sleeping_task", n=n, bytes_per_op=run(sleeping_tasks(n)) / n)
        shallow = run(suspended_chains(chain_tasks, 0))
        deep = run(suspended_chains(chain_tasks, depth))
        emit("memory_suspended_frame", n=chain_tasks * depth,
             bytes_per_op=(deep - shallow) / (chain_tasks * depth))
    finally:
        tracemalloc.stop()


# ---------------------------------------------------------------- 6. timers

def bench_timers(scale):
    n = int(1_000_000 * scale) or 1000
    rng = random.Random(42)
    delays = [rng.random() * 1e-3 for _ in range(n)]
    fired = [0]

    def callback():
        fired[0] += 1

    per = {"timers_callLater": [], "timers_cancel": [], "timers_fire": []}
    for r in range(3):
        loop = new_loop()
        fired[0] = 0
        t0 = time.perf_counter_ns()
        handles = [loop.call_later(d, callback) for d in delays]
        t1 = time.perf_counter_ns()
        # due no earlier than every timer (uvloop's handles have no when()); long past once cancelling ends
        last = loop.time() + max(delays)
        for h in handles[::2]:
            h.cancel()
        t2 = time.perf_counter_ns()
        loop.call_at(last, loop.stop)
        t2b = time.perf_counter_ns()
        loop.run_forever()
        t3 = time.perf_counter_ns()
        loop.close()
        expected = n - (n + 1) // 2
        assert fired[0] == expected, (fired[0], expected)
        if r >= 1:
            per["timers_callLater"].append((t1 - t0) / n)
            per["timers_cancel"].append((t2 - t1) / ((n + 1) // 2))
            per["timers_fire"].append((t3 - t2b) / expected)
    counts = {"timers_callLater": n, "timers_cancel": (n + 1) // 2, "timers_fire": n - (n + 1) // 2}
    for k, v in per.items():
        emit(k, n=counts[k], ns_per_op=statistics.median(v))


WORKLOADS = {
    "await_done": bench_await_done,
    "pingpong": bench_ping_pong,
    "tasks": bench_tasks,
    "async_tree": bench_async_tree,
    "memory": bench_memory,
    "timers": bench_timers,
}


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--smoke", action="store_true", help="tiny sizes, seconds in all")
    p.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    p.add_argument("--eager", action="store_true", help="asyncio.eager_task_factory (3.12+)")
    p.add_argument("--only", default=",".join(WORKLOADS))
    ARGS = p.parse_args()
    if ARGS.eager and not hasattr(asyncio, "eager_task_factory"):
        sys.exit("--eager needs Python 3.12+ (this is %s)" % platform.python_version())
    scale = 0.01 if ARGS.smoke else 1.0
    for name in ARGS.only.split(","):
        WORKLOADS[name](scale)


if __name__ == "__main__":
    main()

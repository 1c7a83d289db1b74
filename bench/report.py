#!/usr/bin/env python3
"""Turns bench/results/ into summary.csv, summary.md (the table BENCHMARKS.md shows) and one SVG bar
chart per workload. Reads JMH's JSON (jmh-*.json) and the JSON Lines of the scale runs and the Python
peers (*.jsonl). Standard library only: the SVG is written by hand.

Usage: report.py RESULTS_DIR [--update-doc BENCHMARKS.md]
--update-doc rewrites the table between the result markers of that document.
"""
import csv
import glob
import html
import json
import os
import sys

# workload -> (title, unit, target, what the target bounds)
WORKLOADS = {
    "await_done": ("await of a done future", "ns", 5, "≤ 5 ns"),
    "await_child": ("await of a coroutine that returns at once", "ns", None, ""),
    "pingpong_roundtrip": ("ping-pong round trip (2 suspend/resume)", "ns", 100, "≤ 100 ns, ≥ 3× faster than virtual threads"),
    # EA Async / Tascalate only: each of the 2 resumptions runs on the other side's thread (own plot: µs, not ns)
    "pingpong_cross_thread": ("ping-pong round trip, each completion on the other thread", "ns", None, ""),
    "task_spawn": ("task create + run + complete", "ns", 300, "≤ 300 ns"),
    "gather_100k": ("gather of 100,000 coroutines", "ms", None, ""),
    "async_tree_none": ("async_tree, 6×6, no I/O", "ms", None, ""),
    "async_tree_io": ("async_tree, 6×6, sleep(0.05) leaves", "ms", None, ""),
    "memory_sleeping_task": ("retained bytes per sleeping task", "B", 250, "≤ 250 B"),
    "memory_suspended_frame": ("retained bytes per suspended frame, beyond live values", "B", 100, "≤ 100 B"),
    "timers_callLater": ("callLater (1M timers)", "ns", 200, "≤ 200 ns"),
    "timers_cancel": ("timer cancel (500k)", "ns", 20, "≤ 20 ns"),
    "timers_fire": ("timer fired (500k, after 500k cancelled)", "ns", None, ""),
    "echo_10": ("echo, 1 KiB messages, 10 connections", "msg/s", None, ""),
    "echo_100": ("echo, 1 KiB messages, 100 connections", "msg/s", None, ""),
    "http_hello": ("HTTP GET /hello under wrk (13-byte body, keep-alive)", "req/s", None, ""),
    # workload 9 (WeavingSpeed, AgentStartup)
    "weave_all_classes": ("weaving, every class of the corpus (samples' main classes)", "classes/s", None, ""),
    "weave_async_classes": ("weaving, the corpus's classes with @Async methods", "classes/s", None, ""),
    "agent_startup": ("whole JVM run of a two-coroutine program", "ms", None, ""),
}

# throughput workloads: higher is better; the value is messages per second, or the field VALUE_KEY names
HIGHER_IS_BETTER = {"echo_10", "echo_100", "http_hello", "weave_all_classes", "weave_async_classes"}
VALUE_KEY = {"http_hello": "requests_per_s", "weave_all_classes": "classes_per_s", "weave_async_classes": "classes_per_s"}
# the server whose row the others are divided by in × jasyncio (throughput: < 1 is slower)
REFERENCE_SERVER = {"http_hello": "jasyncio"}

# workload 7's targets are ratios to a peer on the same run: (server, peer server, minimum ratio, text)
ECHO_TARGETS = [("protocol", "nio", 0.8, "protocol level ≥ 0.8× bare java.nio"),
                ("streams", "netty", 1.0, "streams ≥ 1.0× Netty NIO single loop"),
                # the "echo ≥ 2× uvloop", like for like
                ("protocol", "uvloop-protocol", 2.0, "protocol level ≥ 2× uvloop Protocol"),
                ("streams", "uvloop-streams", 2.0, "streams ≥ 2× uvloop streams")]

JMH = {
    "AwaitDoneBenchmark.jasyncioAwait": ("await_done", "jasyncio"),
    "AwaitDoneBenchmark.jasyncioAwaitCoroutine": ("await_child", "jasyncio"),
    "AwaitDoneBenchmark.baselineResult": ("await_done", "Future.result() loop (floor)"),
    "AwaitDoneBenchmark.completableFutureJoin": ("await_done", "CompletableFuture.join"),
    "PingPongBenchmark.jasyncio": ("pingpong_roundtrip", "jasyncio"),
    "PingPongBenchmark.virtualThreads": ("pingpong_roundtrip", "virtual threads + SynchronousQueue"),
    "PingPongBenchmark.virtualThreadsOneCarrier": ("pingpong_roundtrip", "virtual threads + SynchronousQueue, 1 carrier"),
    "PingPongBenchmark.completableFuture": ("pingpong_roundtrip", "CompletableFuture async chain"),
    "SpawnBenchmark.jasyncioTask": ("task_spawn", "jasyncio"),
    "SpawnBenchmark.virtualThread": ("task_spawn", "virtual thread start + join"),
    "SpawnBenchmark.completableFuture": ("task_spawn", "CompletableFuture.supplyAsync on one thread"),
    "GatherBenchmark.jasyncioGather": ("gather_100k", "jasyncio"),
    "AsyncTreeBenchmark.jasyncio": ("async_tree_{variant}", "jasyncio"),
    "AsyncTreeBenchmark.virtualThreads": ("async_tree_{variant}", "virtual threads"),
    "AsyncTreeBenchmark.completableFuture": ("async_tree_{variant}", "CompletableFuture on one thread"),
    # peers built and run from bench/peers/ (standalone Maven projects)
    "EaAsyncAwaitDoneBenchmark.await": ("await_done", "EA Async 1.2.3 (offline-woven)"),
    "EaAsyncPingPongBenchmark.queue": ("pingpong_roundtrip", "EA Async 1.2.3 (offline-woven), one-thread FIFO hand-off"),
    "EaAsyncPingPongBenchmark.crossThread": ("pingpong_cross_thread", "EA Async 1.2.3 (offline-woven), 2 threads"),
    "TascalateAwaitDoneBenchmark.await": ("await_done", "Tascalate async-await 1.2.6"),
    "TascalatePingPongBenchmark.queue": ("pingpong_roundtrip", "Tascalate async-await 1.2.6, one-thread FIFO hand-off"),
    "TascalatePingPongBenchmark.crossThread": ("pingpong_cross_thread", "Tascalate async-await 1.2.6, 2 threads"),
}

UNIT_SCALE = {"ns/op": ("ns", 1.0), "us/op": ("ns", 1e3), "ms/op": ("ms", 1.0), "s/op": ("ms", 1e3)}


def jdk_major(version):
    return version.split(".")[0].split("+")[0] if version else "?"


def load(results):
    rows = []
    for path in sorted(glob.glob(os.path.join(results, "jmh-*.json"))):
        with open(path) as f:
            text = f.read().strip()
        if not text:
            continue
        for b in json.loads(text):
            key = ".".join(b["benchmark"].split(".")[-2:])
            if key not in JMH:
                continue
            workload, impl = JMH[key]
            params = b.get("params", {})
            workload = workload.format(**params)
            if params.get("eager") == "true":
                impl += " (eager)"
            unit, scale = UNIT_SCALE[b["primaryMetric"]["scoreUnit"]]
            want = WORKLOADS[workload][1]
            if unit != want:   # ns <-> ms
                scale *= 1e-6 if want == "ms" else 1e6
            err = b["primaryMetric"].get("scoreError")
            alloc = next((m["score"] for k, m in b.get("secondaryMetrics", {}).items()
                          if k.endswith("gc.alloc.rate.norm")), "")
            rows.append({
                "workload": workload,
                "impl": "%s, JDK %s" % (impl, jdk_major(b.get("jdkVersion", ""))),
                "value": b["primaryMetric"]["score"] * scale,
                "error": (err * scale) if isinstance(err, (int, float)) and err == err else "",
                "unit": want,
                "alloc": alloc,
                "source": os.path.basename(path),
            })
    for path in sorted(glob.glob(os.path.join(results, "*.jsonl"))):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                r = json.loads(line)
                w = r["workload"]
                if w not in WORKLOADS:
                    continue
                impl = r["impl"]
                if "jdk" in r and not impl.startswith("CPython"):   # a CPython echo server's jdk is the client's
                    impl = "%s, JDK %s" % (impl, jdk_major(r["jdk"]))
                unit = WORKLOADS[w][1]
                if w in HIGHER_IS_BETTER:
                    rows.append({"workload": w, "impl": impl, "value": r[VALUE_KEY.get(w, "msgs_per_s")], "error": "",
                                 "unit": unit, "source": os.path.basename(path), "server": r.get("server", ""),
                                 "mb_per_s": r.get("mb_per_s", ""), "client_cpu": r.get("client_cpu", ""),
                                 "server_cpu_ns_per_msg": r.get("server_cpu_ns_per_msg", ""),
                                 "connections": r.get("connections", ""), "p50_ms": r.get("p50_ms", ""),
                                 "p99_ms": r.get("p99_ms", ""),
                                 "server_cpu_ns_per_req": r.get("server_cpu_ns_per_req", ""), "raw": r})
                    continue
                if w == "memory_suspended_frame" and "bytes_beyond_live" in r:
                    value = r["bytes_beyond_live"]
                elif "bytes_per_op" in r:
                    value = r["bytes_per_op"]
                elif "median_ms" in r:   # agent_startup
                    value = r["median_ms"]
                elif "ms_per_op" in r:
                    value = r["ms_per_op"] if unit == "ms" else r["ms_per_op"] * 1e6
                else:
                    value = r["ns_per_op"] if unit == "ns" else r["ns_per_op"] / 1e6
                rows.append({"workload": w, "impl": impl, "value": value, "error": "", "unit": unit,
                             "source": os.path.basename(path), "raw": r})
    # workload 8 at several connection counts: tell the rows apart in the plot and the long table
    http = [r for r in rows if r["workload"] == "http_hello"]
    if len({r["connections"] for r in http}) > 1:
        for r in http:
            r["impl"] += ", %s conns" % r["connections"]
    return rows


def is_jasyncio(impl):
    return impl.startswith("jasyncio")


def annotate_echo(rows):
    """Workload 7: × jasyncio is the ratio to jasyncio protocol (< 1 is slower, as throughput); meets is the ratio target."""
    for w in HIGHER_IS_BETTER:
        group = [r for r in rows if r["workload"] == w]
        by = {r["server"]: r for r in group}
        for r in group:
            r["target"], r["meets"] = "", ""
            # per connection count (workload 8 may run several under one name)
            ref = next((x for x in group if x["server"] == REFERENCE_SERVER.get(w, "protocol")
                        and x.get("connections", "") == r.get("connections", "")), None)
            r["x_jasyncio"] = round(r["value"] / ref["value"], 2) if ref else ""
        for server, peer, minimum, text in ECHO_TARGETS:
            if server in by and peer in by:
                ratio = by[server]["value"] / by[peer]["value"]
                r = by[server]   # a server may have several targets: " / " between them
                r["target"] = r["target"] + " / " + text if r["target"] else text
                met = "%s; %.2f×" % ("yes" if ratio >= minimum else "no", ratio)
                r["meets"] = r["meets"] + " / " + met if r["meets"] else met
    return rows


def annotate(rows):
    """Adds target, meets, and the ratio to plain jasyncio on the newest JDK (× jasyncio: > 1 is slower)."""
    annotate_echo(rows)
    for w in WORKLOADS:
        if w in HIGHER_IS_BETTER:
            continue
        group = [r for r in rows if r["workload"] == w]
        # the reference: plain (not eager) jasyncio on the newest JDK measured, where the JVM peers ran
        ref = sorted((r for r in group if is_jasyncio(r["impl"]) and "eager" not in r["impl"]),
                     key=lambda r: -int(r["impl"].rsplit(" ", 1)[-1]) if r["impl"].rsplit(" ", 1)[-1].isdigit() else 0)
        ref_value = ref[0]["value"] if ref else None
        target = WORKLOADS[w][2]
        vt = min((r["value"] for r in group if r["impl"].startswith("virtual threads")), default=None)
        for r in group:
            r["target"] = target if target is not None else ""
            r["meets"] = ("yes" if r["value"] <= target else "no") if target is not None and is_jasyncio(r["impl"]) else ""
            if w == "pingpong_roundtrip" and r["meets"] and vt:
                # the second half of the target: at least 3x faster than the best virtual-thread hand-off
                r["meets"] = "%s; %.1f× faster than VT (%s)" % (r["meets"], vt / r["value"], "yes" if vt / r["value"] >= 3 else "no")
            r["x_jasyncio"] = round(r["value"] / ref_value, 2) if ref_value else ""
    return rows


def fmt(v):
    if v == "" or v is None:
        return ""
    if abs(v) >= 100:
        return "%.0f" % v
    if abs(v) >= 10:
        return "%.1f" % v
    return "%.2f" % v


def write_csv(rows, path):
    cols = ["workload", "impl", "value", "error", "unit", "alloc", "target", "meets", "x_jasyncio", "source",
            "mb_per_s", "client_cpu", "server_cpu_ns_per_msg", "connections", "p50_ms", "p99_ms",
            "server_cpu_ns_per_req"]
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})


# the headline table's columns: (heading, predicate on the implementation's label)
COLUMNS = [
    ("jasyncio JDK 25", lambda i: i == "jasyncio, JDK 25"),
    ("jasyncio JDK 17", lambda i: i == "jasyncio, JDK 17"),
    ("jasyncio eager JDK 25", lambda i: i == "jasyncio (eager), JDK 25"),
    ("virtual threads", lambda i: i.startswith("virtual thread") and "1 carrier" not in i),
    ("CompletableFuture", lambda i: i.startswith("CompletableFuture")),
    ("CPython 3.11", lambda i: i.startswith("CPython 3.11") and "asyncio" in i and "eager" not in i),
    ("CPython 3.12 eager", lambda i: i.startswith("CPython 3.1") and "eager" in i),
    ("uvloop", lambda i: "uvloop" in i),
    ("EA Async", lambda i: i.startswith("EA Async")),
    ("Tascalate", lambda i: i.startswith("Tascalate")),
]


def headline(rows):
    """One row per workload, one column per implementation family, the target and whether jasyncio meets it."""
    out = ["| workload | target | " + " | ".join(c for c, _ in COLUMNS) + " |",
           "|---|---|" + "---:|" * len(COLUMNS)]
    for w, (title, unit, _, target_text) in WORKLOADS.items():
        group = [r for r in rows if r["workload"] == w]
        if not group or w in HIGHER_IS_BETTER or w == "agent_startup":   # those have tables of their own
            continue
        cells = []
        for _, pred in COLUMNS:
            vals = [r for r in group if pred(r["impl"])]
            if not vals:
                cells.append("")
                continue
            r = min(vals, key=lambda r: r["value"])
            mark = {"y": " (met)", "n": " (missed)"}.get(r["meets"][:1], "") if r.get("meets") else ""
            cells.append("%s %s%s" % (fmt(r["value"]), unit, mark))
        out.append("| %s | %s | %s |" % (title, target_text or "—", " | ".join(cells)))
    return out


def echo_table(rows):
    """Workload 7: one row per server, msg/s and MB/s at each connection count, the ratio targets."""
    group = [r for r in rows if r["workload"] in HIGHER_IS_BETTER and r["workload"].startswith("echo_")]
    if not group:
        return []
    conns = sorted({int(r["workload"].split("_")[1]) for r in group})
    out = ["", "Workload 7, echo of 1 KiB messages (higher is better; server CPU µs per message in brackets):", "",
           "| server | " + " | ".join("%d connections" % c for c in conns) + " | target |",
           "|---|" + "---:|" * len(conns) + "---|"]
    servers = []
    for r in group:
        if r["impl"] not in servers:
            servers.append(r["impl"])
    for impl in servers:
        cells, targets = [], []
        for c in conns:
            r = next((r for r in group if r["impl"] == impl and r["workload"] == "echo_%d" % c), None)
            if r is None:
                cells.append("")
                continue
            cpu = r.get("server_cpu_ns_per_msg")
            cells.append("%s msg/s, %s MB/s%s" % (
                "{:,.0f}".format(r["value"]), fmt(r["mb_per_s"]) if r.get("mb_per_s") != "" else "?",
                " [%.2f µs]" % (cpu / 1e3) if isinstance(cpu, (int, float)) else ""))
            if r.get("meets"):
                targets.append("%d: %s" % (c, r["meets"]))
        target = next((r["target"] for r in group if r["impl"] == impl and r.get("target")), "")
        out.append("| %s | %s | %s |" % (impl, " | ".join(cells),
                                        "%s (%s)" % (target, ", ".join(targets)) if target else "—"))
    return out


def http_table(rows):
    """Workload 8: one row per server and connection count: requests/s, latency, server CPU per request."""
    group = sorted((r for r in rows if r["workload"] == "http_hello"),
                   key=lambda r: (r["connections"] if r["connections"] != "" else 0, -r["value"]))
    if not group:
        return []
    out = ["", "Workload 8, HTTP `GET /hello` under `wrk -t1` (higher requests/s is better; wrk and the server share "
           "the 2 cores, so the server's CPU per request is the steadier figure):", "",
           "| server | connections | requests/s | p50 | p99 | server CPU per request | × jasyncio (req/s) |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for r in group:
        cpu = r.get("server_cpu_ns_per_req")
        out.append("| %s | %s | %s | %s ms | %s ms | %s | %s |" % (
            r["impl"], r["connections"], "{:,.0f}".format(r["value"]), fmt(r["p50_ms"]), fmt(r["p99_ms"]),
            "%.1f µs" % (cpu / 1e3) if isinstance(cpu, (int, float)) else "",
            ("%.2f" % r["x_jasyncio"]) if r["x_jasyncio"] != "" else ""))
    return out


def weaving_table(rows):
    """Workload 9: weaving speed (higher is better) and the JVM run with and without the agent (lower is better)."""
    group = [r for r in rows if r["workload"] in ("weave_all_classes", "weave_async_classes", "agent_startup")]
    if not group:
        return []
    jdks = sorted({r["impl"].rsplit("JDK ", 1)[-1] for r in group}, key=lambda v: -int(v) if v.isdigit() else 0)
    out = ["", "Workload 9, weaving and load-time weaving's start-up cost:", "",
           "| measure | " + " | ".join("JDK %s" % v for v in jdks) + " |", "|---|" + "---:|" * len(jdks)]

    def cell(workload, impl_prefix, jdk, text):
        r = next((r for r in group if r["workload"] == workload and r["impl"] == "%s, JDK %s" % (impl_prefix, jdk)), None)
        return text(r, r["raw"]) if r else ""

    def line(title, workload, impl_prefix, text):
        if any(r["workload"] == workload and r["impl"].startswith(impl_prefix) for r in group):
            out.append("| %s | %s |" % (title, " | ".join(cell(workload, impl_prefix, j, text) for j in jdks)))

    some = {r["workload"]: r["raw"] for r in group}
    if "weave_all_classes" in some:
        a = some["weave_all_classes"]
        line("weaving, all %s classes (%s with @Async, %.0f KB), warm; first pass (cold JVM) in brackets"
             % (a["classes"], a["async_classes"], a["corpus_bytes"] / 1e3), "weave_all_classes", "jasyncio weaver",
             lambda r, raw: "{:,.0f} classes/s [{:,.0f}]".format(r["value"], raw["first_pass_classes_per_s"]))
    if "weave_async_classes" in some:
        a = some["weave_async_classes"]
        line("weaving, the %s classes with @Async (%s methods)" % (a["classes"], a["async_methods"]),
             "weave_async_classes", "jasyncio weaver",
             lambda r, raw: "{:,.0f} classes/s, {:,.0f} methods/s".format(r["value"], raw["methods_per_s"]))
    line("JVM run, classes pre-woven by the plugin (median)", "agent_startup", "pre-woven (plugin)",
         lambda r, raw: "%s ms" % fmt(r["value"]))
    line("JVM run, un-woven classes under -javaagent (median; the difference)", "agent_startup", "-javaagent",
         lambda r, raw: "%s ms (+%s ms)" % (fmt(r["value"]), fmt(raw["overhead_ms"])))
    return out


def write_markdown(rows, path):
    out = headline(rows) + echo_table(rows) + http_table(rows) + weaving_table(rows) + ["", "<details><summary>Every measurement</summary>", ""]
    out += ["| workload | implementation | value | ± | alloc B/op | target | met | × jasyncio |",
           "|---|---|---:|---:|---:|---|---|---:|"]
    for w, (title, unit, _, target_text) in WORKLOADS.items():
        group = sorted((r for r in rows if r["workload"] == w), key=lambda r: r["value"],
                       reverse=w in HIGHER_IS_BETTER)
        for r in group:
            out.append("| %s | %s | %s %s | %s | %s | %s | %s | %s |" % (
                title, r["impl"], fmt(r["value"]), unit, fmt(r["error"]), fmt(r.get("alloc", "")),
                target_text if is_jasyncio(r["impl"]) else "", r["meets"],
                ("%.2f" % r["x_jasyncio"]) if r["x_jasyncio"] != "" else ""))
    out += ["", "</details>"]
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def write_svg(w, rows, path):
    title, unit, target, _ = WORKLOADS[w]
    higher = w in HIGHER_IS_BETTER
    group = sorted((r for r in rows if r["workload"] == w), key=lambda r: r["value"], reverse=higher)
    if not group:
        return False
    label_w, bar_w, row_h, top = 400, 380, 24, 44
    width, height = label_w + bar_w + 90, top + row_h * len(group) + 30
    vmax = max([r["value"] for r in group] + ([target] if target else []))
    sx = bar_w / vmax if vmax > 0 else 1
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="22" font-size="14" font-weight="bold">%s (%s, %s is better)</text>' % (
               html.escape(title), unit, "higher" if higher else "lower")]
    for i, r in enumerate(group):
        y = top + i * row_h
        color = "#2b6cb0" if is_jasyncio(r["impl"]) else "#a0aec0"
        svg.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (label_w - 8, y + 15, html.escape(r["impl"])))
        svg.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' % (label_w, y + 3, max(1.0, r["value"] * sx), row_h - 6, color))
        svg.append('<text x="%.1f" y="%d">%s %s</text>' % (label_w + max(1.0, r["value"] * sx) + 5, y + 15, fmt(r["value"]), unit))
    if target:
        x = label_w + target * sx
        svg.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#e53e3e" stroke-dasharray="4 3"/>' % (x, top - 4, x, height - 22))
        svg.append('<text x="%.1f" y="%d" fill="#e53e3e">target %s %s</text>' % (x + 3, height - 8, fmt(target), unit))
    svg.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(svg) + "\n")
    return True


BEGIN, END = "<!-- results:begin (bench/report.py writes this table) -->", "<!-- results:end -->"


def update_doc(doc, table):
    """Replaces the table between the markers in the document (BENCHMARKS.md), if both are there."""
    with open(doc) as f:
        text = f.read()
    a, b = text.find(BEGIN), text.find(END)
    if a < 0 or b < a:
        print("report.py: no result markers in %s; left unchanged" % doc)
        return
    with open(doc, "w") as f:
        f.write(text[:a + len(BEGIN)] + "\n" + table + text[b:])


def main():
    args = sys.argv[1:]
    doc = None
    if "--update-doc" in args:
        i = args.index("--update-doc")
        doc = args[i + 1]
        del args[i:i + 2]
    results = args[0] if args else os.path.join(os.path.dirname(__file__), "results")
    rows = annotate(load(results))
    write_csv(rows, os.path.join(results, "summary.csv"))
    write_markdown(rows, os.path.join(results, "summary.md"))
    if doc:
        with open(os.path.join(results, "summary.md")) as f:
            update_doc(doc, f.read())
    plots = [w for w in WORKLOADS if write_svg(w, rows, os.path.join(results, w + ".svg"))]
    print("%d results; summary.csv, summary.md, %d plots in %s" % (len(rows), len(plots), results))


if __name__ == "__main__":
    main()

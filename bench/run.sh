#!/usr/bin/env bash
# Runs every jasyncio benchmark and its peers, then writes bench/results/summary.{csv,md} and the
# SVG plots that BENCHMARKS.md shows.
#
#   bench/run.sh            the measurement run (a few minutes; run it on a quiet machine)
#   bench/run.sh --smoke    seconds: every benchmark once, tiny sizes, results in bench/results/smoke/;
#                           checks that everything runs, says nothing about speed
#
# Environment: JAVA25 (a JDK 21+ for the virtual-thread peers; default temurin 25 if present, else
# `java`), JAVA17 (a JDK 17 for the jasyncio-only baseline run; default /usr/lib/jvm/java-17-openjdk-amd64,
# skipped if absent and in --smoke), PYTHON (CPython 3.11, default python3), PYTHON312 (3.12+ for eager tasks,
# skipped if absent and in --smoke), PYTHON_UVLOOP (a python3 that can import uvloop, default /usr/bin/python3),
# JMH_ARGS (extra JMH options, e.g. a benchmark regex).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
smoke=false
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=true ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

if $smoke; then
  out="$here/results/smoke"
  jmh_opts=(-f 0 -wi 0 -i 1 -r 100ms -p n=1000)   # -f 0: no forks, all in one JVM
  timer_args=(10000 0 1)
  memory_args=(10000 100 10 1000)
  echo_args=(0.2 0.2 1 10,100)    # seconds per round, warm-up seconds, rounds, connection counts
  py_opts=(--smoke)
else
  out="$here/results"
  jmh_opts=(-f 1 -wi 2 -i 4 -w 1s -r 1s)
  timer_args=(1000000 3 5)
  memory_args=(1000000 10000 100 200000)
  echo_args=(2 2 3 10,100)
  py_opts=()
fi
mkdir -p "$out"

pick_java() {   # first existing java among the arguments
  for j in "$@"; do
    if [ -n "$j" ] && [ -x "$j" ]; then echo "$j"; return; fi
  done
}
java25=$(pick_java "${JAVA25:-}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "$(command -v java || true)")
java17=$(pick_java "${JAVA17:-}" /usr/lib/jvm/java-17-openjdk-amd64/bin/java)
$smoke && java17=   # the smoke run checks that things run: one JDK is enough
python=${PYTHON:-python3}
python312=
for p in "${PYTHON312:-}" python3.12 python3.13 "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3; do
  if [ -n "$p" ] && "$p" -c 'import asyncio; asyncio.eager_task_factory' >/dev/null 2>&1; then
    python312=$(command -v "$p"); break
  fi
done
python_uvloop=${PYTHON_UVLOOP:-/usr/bin/python3}

echo "== building bench (jasyncio modules from the local repository)"
cd "$root"
if ! mvn -q -o -pl bench package >"$out/build.log" 2>&1; then
  # not everything cached locally: build the modules bench depends on too
  mvn -q -pl bench -am package -DskipTests >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
fi
mvn -q -o -pl bench dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" >>"$out/build.log" 2>&1 \
  || mvn -q -pl bench dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" >>"$out/build.log" 2>&1
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"

machine() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "kernel: $(uname -r)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java25: $("$java25" -version 2>&1 | head -1)"
  [ -n "$java17" ] && echo "java17: $("$java17" -version 2>&1 | head -1)"
  echo "python: $("$python" --version 2>&1)"
  [ -n "$python312" ] && echo "python312: $("$python312" --version 2>&1)"
  echo "git: $(git -C "$root" rev-parse --short HEAD 2>/dev/null) $(git -C "$root" status --porcelain 2>/dev/null | wc -l) files changed"
  echo "jasyncio-runtime on the class path: $(tr ':' '\n' <"$here/target/classpath.txt" | grep jasyncio-runtime | xargs -r ls -l --time-style=+%Y-%m-%dT%H:%M:%S | awk '{print $6, $7}')"
}
machine >"$out/machine.txt"
cat "$out/machine.txt"
if awk -v n="$(nproc)" '{ exit !($1 > n) }' /proc/loadavg; then
  echo "WARNING: the load average is above the number of cores: timings will be inflated and noisy" | tee -a "$out/machine.txt"
fi

rm -f "$out"/jmh-*.json "$out"/*.jsonl
# -jvmArgs (not -jvmArgsAppend): the one-carrier virtual-thread benchmark appends its own option.
jvm="-Xms2g -Xmx2g"

echo "== JMH on $("$java25" -version 2>&1 | head -1)"
"$java25" -cp "$cp" org.openjdk.jmh.Main "${jmh_opts[@]}" -prof gc -jvmArgs "$jvm" ${JMH_ARGS:-} \
  -rf json -rff "$out/jmh-jdk25.json" >"$out/jmh-jdk25.log" 2>&1 || { tail -30 "$out/jmh-jdk25.log"; exit 1; }
sed -n '/^Benchmark /,$p' "$out/jmh-jdk25.log"

if [ -n "$java17" ]; then
  echo "== JMH, jasyncio only, on $("$java17" -version 2>&1 | head -1)"
  "$java17" -cp "$cp" org.openjdk.jmh.Main "${jmh_opts[@]}" -jvmArgs "$jvm" ${JMH_ARGS:-} 'Benchmark\.jasyncio' \
    -rf json -rff "$out/jmh-jdk17.json" >"$out/jmh-jdk17.log" 2>&1 || { tail -30 "$out/jmh-jdk17.log"; exit 1; }
  sed -n '/^Benchmark /,$p' "$out/jmh-jdk17.log"
fi

echo "== timers and memory at scale"
for j in "$java25" $java17; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  "$j" -Xms4g -Xmx4g -cp "$cp" io.jasyncio.bench.TimerScale "${timer_args[@]}" | tee "$out/timers-jdk$v.jsonl"
  "$j" -Xms6g -Xmx6g -cp "$cp" io.jasyncio.bench.MemoryFootprint "${memory_args[@]}" 2>"$out/memory-jdk$v.log" \
    | tee "$out/memory-jdk$v.jsonl"
done

echo "== echo throughput, 1 KiB messages (server on its own thread, one NIO client thread, same JVM)"
"$java25" -Xms1g -Xmx1g -cp "$cp" io.jasyncio.bench.EchoThroughput "${echo_args[@]}" 2>"$out/echo.log" \
  | tee "$out/echo-jdk25.jsonl" || { tail -30 "$out/echo.log"; exit 1; }

echo "== CPython asyncio"
"$python" "$here/python/asyncio_bench.py" "${py_opts[@]}" | tee "$out/python-asyncio.jsonl"
if [ -n "$python312" ]; then
  "$python312" "$here/python/asyncio_bench.py" "${py_opts[@]}" --eager --only tasks,async_tree \
    | tee "$out/python312-eager.jsonl"
fi
if "$python_uvloop" -c 'import uvloop' 2>/dev/null; then
  "$python_uvloop" "$here/python/asyncio_bench.py" "${py_opts[@]}" --loop uvloop --only await_done,pingpong,tasks,async_tree,timers \
    | tee "$out/python-uvloop.jsonl"
else
  echo "(uvloop not installed: apt-get install python3-uvloop)"
fi

echo "== report"
if $smoke; then
  python3 "$here/report.py" "$out"
else
  python3 "$here/report.py" "$out" --update-doc "$root/BENCHMARKS.md"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"

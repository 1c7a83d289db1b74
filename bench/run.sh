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
# skipped if absent and in --smoke), PYTHON_UVLOOP (a python3 that can import uvloop, default /usr/bin/python3;
# it also runs the CPython echo servers),
# JMH_ARGS (extra JMH options, e.g. a benchmark regex; not passed to the EA Async and Tascalate peers, whose
# projects in bench/peers/ are built with Maven here; Tascalate runs on JAVA17 even in --smoke, skipped if absent).
# Workload 8 (HTTP under wrk): WRK (default wrk from the PATH; the workload is skipped without it), PYTHON_AIOHTTP
# (a python3 with aiohttp and uvloop, default /usr/bin/python3), HTTP_CONNECTIONS (wrk's -c list, default 50).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
smoke=false
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=true ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;   # the comment block above
    *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

if $smoke; then
  out="$here/results/smoke"
  jmh_opts=(-f 0 -wi 0 -i 1 -r 100ms -p n=1000)   # -f 0: no forks, all in one JVM
  timer_args=(10000 0 1)
  memory_args=(10000 100 10 1000)
  echo_args=(0.2 0.2 1 10,100)    # seconds per round, warm-up seconds, rounds, connection counts
  weave_args=(0.2 0.2 1)          # seconds per round, warm-up seconds, rounds
  startup_runs=3                  # JVM runs each way (pre-woven, -javaagent) per JDK
  py_opts=(--smoke)
else
  out="$here/results"
  jmh_opts=(-f 1 -wi 2 -i 4 -w 1s -r 1s)
  timer_args=(1000000 3 5)
  memory_args=(1000000 10000 100 200000)
  echo_args=(2 2 3 10,100)
  weave_args=(2 3 5)
  startup_runs=21
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

# EA Async and Tascalate async-await: standalone Maven projects (bench/peers/, outside the reactor), each
# built here and run with the same JMH options. -foe: a failed weaving check must stop the run, not
# leave a hole in the table. JMH_ARGS is not passed on: its regexes name the main bench's benchmarks.
peer_jmh() {   # JAVA PROJECT NAME: JMH of bench/peers/PROJECT on JAVA into $out/jmh-NAME.json
  local j=$1 dir="$here/peers/$2" name=$3
  "$j" -cp "$dir/target/classes:$(cat "$dir/target/classpath.txt")" org.openjdk.jmh.Main "${jmh_opts[@]}" -foe true \
    -prof gc -jvmArgs "$jvm" -rf json -rff "$out/jmh-$name.json" >"$out/jmh-$name.log" 2>&1 \
    || { tail -30 "$out/jmh-$name.log"; exit 1; }
  sed -n '/^Benchmark /,$p' "$out/jmh-$name.log"
}
echo "== JMH, EA Async 1.2.3 (Java 11 bytecode woven at build time) on $("$java25" -version 2>&1 | head -1)"
mvn -q -f "$here/peers/ea-async/pom.xml" package >"$out/build-ea-async.log" 2>&1 || { cat "$out/build-ea-async.log"; exit 1; }
peer_jmh "$java25" ea-async ea-async
if [ -n "$java17" ]; then
  echo "== JMH, EA Async 1.2.3 on $("$java17" -version 2>&1 | head -1)"
  peer_jmh "$java17" ea-async ea-async-jdk17
fi
# Tascalate's enhancers cannot read JDK 25's class files: Maven and the benchmarks both run on a JDK 17,
# in --smoke too (where $java17 is cleared).
tascalate_java=$(pick_java "${JAVA17:-}" /usr/lib/jvm/java-17-openjdk-amd64/bin/java)
[ -n "$tascalate_java" ] && [ "$("$tascalate_java" -XshowSettings:properties -version 2>&1 \
  | awk -F'= ' '/java.specification.version/ {print $2}')" != 17 ] && tascalate_java=
if [ -n "$tascalate_java" ]; then
  echo "== JMH, Tascalate async-await 1.2.6 on $("$tascalate_java" -version 2>&1 | head -1)"
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$tascalate_java")")") \
    mvn -q -f "$here/peers/tascalate/pom.xml" package >"$out/build-tascalate.log" 2>&1 \
    || { cat "$out/build-tascalate.log"; exit 1; }
  peer_jmh "$tascalate_java" tascalate tascalate
else
  echo "== Tascalate async-await skipped: it needs a JDK 17 (set JAVA17)"
fi

echo "== timers and memory at scale"
for j in "$java25" $java17; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  "$j" -Xms4g -Xmx4g -cp "$cp" io.jasyncio.bench.TimerScale "${timer_args[@]}" | tee "$out/timers-jdk$v.jsonl"
  "$j" -Xms6g -Xmx6g -cp "$cp" io.jasyncio.bench.MemoryFootprint "${memory_args[@]}" 2>"$out/memory-jdk$v.log" \
    | tee "$out/memory-jdk$v.jsonl"
done

echo "== echo throughput, 1 KiB messages (one NIO client thread; JVM servers on a thread of the same JVM, CPython ones a child process)"
echo_servers=nio,protocol,streams,netty,netty-epoll
if "$python_uvloop" -c 'import asyncio' 2>/dev/null; then
  echo_servers+=,asyncio-protocol,asyncio-streams
  if "$python_uvloop" -c 'import uvloop' 2>/dev/null; then
    echo_servers+=,uvloop-protocol,uvloop-streams
  else
    echo "(uvloop not installed for $python_uvloop: apt-get install python3-uvloop; the uvloop echo servers are skipped)"
  fi
else
  echo "($python_uvloop not found: the CPython echo servers are skipped)"
fi
# --enable-native-access: Netty epoll's JNI library, without JDK 25's warning
"$java25" --enable-native-access=ALL-UNNAMED -Xms1g -Xmx1g -cp "$cp" -Decho.python="$python_uvloop" \
  -Decho.script="$here/python/echo_server.py" io.jasyncio.bench.EchoThroughput "${echo_args[@]}" "$echo_servers" \
  2>"$out/echo.log" | tee "$out/echo-jdk25.jsonl" || { tail -30 "$out/echo.log"; exit 1; }

echo "== weaving: classes per second (samples' main classes, in memory), and -javaagent start-up overhead"
for j in "$java25" $java17; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  "$j" -Xms1g -Xmx1g -cp "$cp" io.jasyncio.bench.WeavingSpeed "${weave_args[@]}" | tee "$out/weaving-jdk$v.jsonl"
done
# each run is a whole JVM: median wall time, pre-woven classes vs un-woven ones under -javaagent
"$java25" -cp "$cp" io.jasyncio.bench.AgentStartup "$startup_runs" "$java25" $java17 | tee "$out/agent-startup.jsonl"

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

echo "== HTTP under wrk: GET /hello, 13-byte body, keep-alive (wrk -t1; server in this JVM or the Python process)"
wrk_bin=${WRK:-wrk}
if command -v "$wrk_bin" >/dev/null 2>&1; then
  http_conns=${HTTP_CONNECTIONS:-50}
  if $smoke; then
    http_args=(1 1 1 "$http_conns"); http_py=(--smoke)   # 1 s warm-up + one 1 s run per server
  else
    http_args=(5 3 3 "$http_conns"); http_py=(--seconds 5 --warmup 3 --rounds 3)
  fi
  WRK="$wrk_bin" "$java25" -Xms1g -Xmx1g -cp "$cp" io.jasyncio.bench.HttpThroughput "${http_args[@]}" 2>"$out/http.log" \
    | tee "$out/http-jdk25.jsonl" || { tail -30 "$out/http.log"; exit 1; }
  python_http=${PYTHON_AIOHTTP:-/usr/bin/python3}   # Debian's python3-aiohttp and python3-uvloop live here
  for loop in asyncio uvloop; do
    if [ $loop = uvloop ] && ! "$python_http" -c 'import uvloop' 2>/dev/null; then
      echo "(uvloop not installed for $python_http: apt-get install python3-uvloop)"; continue
    fi
    for server in streams aiohttp; do
      if [ $server = aiohttp ] && ! "$python_http" -c 'import aiohttp' 2>/dev/null; then
        echo "(aiohttp not installed for $python_http: apt-get install python3-aiohttp)"; continue
      fi
      WRK="$wrk_bin" "$python_http" "$here/python/http_bench.py" "${http_py[@]}" --connections "$http_conns" \
        --server $server --loop $loop | tee -a "$out/http-python.jsonl"
    done
  done
else
  echo "(wrk not installed: apt-get install wrk; the HTTP workload is skipped)"
fi

echo "== report"
if $smoke; then
  python3 "$here/report.py" "$out"
else
  python3 "$here/report.py" "$out" --update-doc "$root/BENCHMARKS.md"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"

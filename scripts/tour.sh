#!/usr/bin/env bash
# Builds jasyncio (no tests) and runs the sample tour: every seed example, in order.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -Dinvoker.skip=true
exec mvn -B -q -pl samples exec:java

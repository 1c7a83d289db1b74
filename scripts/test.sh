#!/usr/bin/env bash
# Runs every test: installs the test peers, then builds all modules with their tests, the woven
# samples, the end-to-end weaving suite and the consumer-project builds. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
exec mvn -B install "$@"

#!/usr/bin/env bash
# One command for the whole benchmark: builds what it needs, runs everything, prints the report
# (markdown) and writes it to build/bench/report.md (raw figures: build/bench/results.json).
#
#   bash bench/run.sh [--quick] [--runs N] [--skip-browser]
#   BENCH_SKIP_BUILD=1 bash bench/run.sh     # reuse build/site and build/bench/native as they are
#   bash bench/run.sh --wasm-names           # also split the .wasm code by origin (one more
#                                            # wasm build with --profiling-funcs, ~1.5 min)
#
# Not part of the test suite (not registered with CTest). About 4 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/bench

# Tools: Emscripten, CMake, a compiler and Debian's Chromium (scripts/setup.sh installs them).
if ! command -v emcc >/dev/null || ! command -v cmake >/dev/null || ! command -v g++ >/dev/null || [[ ! -x /usr/bin/chromium ]]; then
  echo "bench: missing tools, running scripts/setup.sh" >&2
  bash scripts/setup.sh >&2
fi
# npm packages: fuse.js (the baseline) and playwright-core (drives /usr/bin/chromium; no browser download).
if [[ ! -f node_modules/fuse.js/package.json || ! -f node_modules/playwright-core/package.json ]]; then
  echo "bench: npm ci" >&2
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2
fi

run_logged() {  # run_logged LOG CMD... : quiet unless it fails
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then
    echo "bench: failed: $* (log: $log)" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

names=0
args=()
for a in "$@"; do
  if [[ $a == --wasm-names ]]; then names=1; else args+=("$a"); fi
done

if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  echo "bench: building the WebAssembly site (build/site)" >&2
  run_logged build/bench/wasm-configure.log env NODE_PATH=/usr/share/nodejs cmake --preset wasm
  run_logged build/bench/wasm-build.log env NODE_PATH=/usr/share/nodejs cmake --build --preset wasm
  # The native CLI (for `breachcheck validate` of the synthetic datasets), in a tree of its own so
  # that the shared build/native keeps whatever options its owners configured it with.
  echo "bench: building the native CLI (build/bench/native)" >&2
  run_logged build/bench/native-configure.log cmake --preset native -DBREACHCHECK_WEB=OFF -B build/bench/native
  run_logged build/bench/native-build.log cmake --build build/bench/native --target breachcheck -j 2
fi

if ((names)); then
  # Same sources and flags plus function names, into its own tree and site folder.
  echo "bench: building the WebAssembly module with function names (build/bench/wasm-names)" >&2
  run_logged build/bench/names-configure.log env NODE_PATH=/usr/share/nodejs cmake --preset wasm -B build/bench/wasm-names \
    -DBREACHCHECK_SITE_DIR="$PWD/build/bench/site-names" -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
  run_logged build/bench/names-build.log env NODE_PATH=/usr/share/nodejs cmake --build build/bench/wasm-names -j 2
  args+=(--names-wasm build/bench/site-names/breachcheck_core.wasm)
fi

exec node --expose-gc bench/run.mjs --site build/site --cli build/bench/native/cli/breachcheck ${args[@]+"${args[@]}"}

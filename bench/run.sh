#!/usr/bin/env bash
# One command for the whole benchmark: builds what it needs, runs everything, prints the report
# (markdown) and writes it to build/bench/report.md (raw figures: build/bench/results.json).
#
#   bash bench/run.sh [--quick] [--runs N] [--skip-browser] [--skip-lighthouse]
#   bash bench/run.sh --baseline 54c962e     # also build that commit's site (git worktree) and
#                                            # measure it in the same run, side by side
#   BENCH_SKIP_BUILD=1 bash bench/run.sh     # reuse build/site and build/native as they are
#   bash bench/run.sh --wasm-names           # also split the .wasm code by origin (one more
#                                            # wasm build with --profiling-funcs, ~1.5 min)
#
# Lighthouse (pinned npm version, bench/lib/page.mjs) is installed into build/bench/lighthouse on
# first use. Not part of the test suite (not registered with CTest). About 8 minutes on 2 cores,
# plus the baseline's build once.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/bench

# Tools: Emscripten, CMake, a compiler and Debian's Chromium (scripts/setup.sh installs them).
if ! command -v emcc >/dev/null || ! command -v cmake >/dev/null || ! command -v g++ >/dev/null || [[ ! -x /usr/bin/chromium ]]; then
  echo "bench: missing tools, running scripts/setup.sh" >&2
  bash scripts/setup.sh >&2
fi
# npm packages: fuse.js (the search baseline) and playwright-core (drives /usr/bin/chromium; no browser download).
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
baseline=""
args=()
while (($#)); do
  case $1 in
    --wasm-names) names=1 ;;
    --baseline) baseline=$2; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done

if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  # The README's build: the native CLI (it compiles the dataset images), the wasm modules, the site.
  echo "bench: building the site (build/site) and the CLI (build/native)" >&2
  run_logged build/bench/configure.log env NODE_PATH=/usr/share/nodejs cmake --preset native
  run_logged build/bench/build.log env NODE_PATH=/usr/share/nodejs cmake --build --preset native --target site
fi

if ((names)); then
  # Same sources and flags plus function names, into its own tree and site folder.
  echo "bench: building the WebAssembly module with function names (build/bench/wasm-names)" >&2
  run_logged build/bench/names-configure.log env NODE_PATH=/usr/share/nodejs cmake --preset wasm -B build/bench/wasm-names \
    -DBREACHCHECK_SITE_DIR="$PWD/build/bench/site-names" -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs \
    -DBREACHCHECK_CLI="$PWD/build/native/cli/breachcheck"
  run_logged build/bench/names-build.log env NODE_PATH=/usr/share/nodejs cmake --build build/bench/wasm-names --target breachcheck_core_wasm -j 2
  args+=(--names-wasm build/bench/wasm-names/wasm/breachcheck_core.wasm)
fi

if [[ -n $baseline ]]; then
  # Another commit's site, built the way its own README said (a git worktree, its own build tree),
  # measured in the same run as this one.
  src=build/bench/baseline-src
  if [[ ! -d $src ]] || [[ $(git -C "$src" rev-parse HEAD 2>/dev/null) != $(git rev-parse "$baseline^{commit}") ]]; then
    rm -rf "$src"; git worktree prune
    run_logged build/bench/baseline-worktree.log git worktree add --detach "$src" "$baseline"
  fi
  if [[ ! -f $src/build/site/index.html ]]; then
    echo "bench: building the baseline $baseline ($src)" >&2
    if [[ -f $src/scripts/build-site.mjs ]]; then
      run_logged build/bench/baseline-build.log bash -c "cd $src && NODE_PATH=/usr/share/nodejs cmake --preset native && NODE_PATH=/usr/share/nodejs cmake --build --preset native --target site"
    else
      run_logged build/bench/baseline-build.log bash -c "cd $src && NODE_PATH=/usr/share/nodejs cmake --preset wasm && NODE_PATH=/usr/share/nodejs cmake --build --preset wasm"
    fi
  fi
  args+=(--baseline-site "$src/build/site")
fi

exec node --expose-gc bench/run.mjs --site build/site --cli build/native/cli/breachcheck ${args[@]+"${args[@]}"}

#!/usr/bin/env bash
# Builds the WebAssembly modules and the static site, then serves it on http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Emscripten 3.1.6's JS optimizer needs Debian's acorn
cmake --preset native >/dev/null
cmake --build --preset native --target site  # the CLI (it compiles the dataset images), the wasm modules, the site
exec node scripts/serve.mjs build/site --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}"

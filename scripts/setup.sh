#!/usr/bin/env bash
# Installs everything breachcheck needs on Debian bookworm: idempotent and non-interactive.
# Debian packages: build tools, Emscripten, nlohmann/json, doctest, Chromium (browser tests),
# clang (fuzzing); npm packages from package-lock.json (playwright-core drives the system
# Chromium and never downloads a browser).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake make g++ emscripten nlohmann-json3-dev doctest-dev chromium clang libclang-rt-14-dev)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 18)); then
  echo "setup: Node.js >= 18 is needed (found $(node --version))" >&2
  exit 1
fi

# npm ci only when the lockfile changed since the last install.
stamp=node_modules/.breachcheck-lock
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
echo "setup: ready (emcc $(emcc --version 2>/dev/null | head -1 | grep -o '[0-9]*\.[0-9]*\.[0-9]*' | head -1), node $(node --version), chromium at $(command -v chromium))"

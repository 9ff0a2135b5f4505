#!/usr/bin/env bash
# Installs every tool the build and the tests need, and only what is missing.
#
# A second run is fast: each step checks first. Versions come from tools/versions.env
# (and wasm-bindgen's from Cargo.lock, because the CLI must match the crate exactly).
#
# Where the wasm32 target comes from:
#   1. rustup, when it already has the target or can add it within a time limit
#      (an ordinary developer laptop);
#   2. otherwise Debian's rustc-web with std built from source (build-std), which is
#      what machines without access to rustup's servers need.
# The choice is written to .tools/wasm-env.sh, which the Makefile sources before
# every wasm build, so later runs do not ask again.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=versions.env
source tools/versions.env

TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS/bin"
export PATH="$TOOLS/bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    if [ ! -f "$TOOLS/apt-updated" ]; then
        $sudo apt-get update -qq
        touch "$TOOLS/apt-updated"
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

# --- 1. A Rust toolchain that can build for wasm32 -------------------------------
choose_wasm_toolchain() {
    # PF_WASM_TOOLCHAIN=debian forces the fallback (to test it on a machine with rustup's target).
    local forced="${PF_WASM_TOOLCHAIN:-}"
    if [ -f "$TOOLS/wasm-env.sh" ] && [ -z "$forced" ]; then
        return
    fi
    if [ "$forced" != debian ] && {
        rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' ||
            timeout "$RUSTUP_TARGET_TIMEOUT" rustup target add wasm32-unknown-unknown >/dev/null 2>&1
    }; then
        say "wasm32 target: rustup"
        echo '# wasm32 comes from rustup: nothing to change.' >"$TOOLS/wasm-env.sh"
        return
    fi
    say "wasm32 target: rustup cannot provide it here; using Debian's rustc-web with build-std"
    if [ ! -x /usr/bin/rustc ] || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
        apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22 ||
            apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld
    fi
    cat >"$TOOLS/wasm-env.sh" <<'EOF'
# wasm32 comes from Debian's rustc-web: std is built from source for the target.
export PATH="/usr/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
EOF
}

# --- 2. trunk, wasm-bindgen-cli (cargo install into .tools) -----------------------
install_trunk() {
    if "$TOOLS/bin/trunk" --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return; fi
    say "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
    cargo install --quiet --root "$TOOLS" "trunk@$TRUNK_VERSION" --locked
}

wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

install_wasm_bindgen() {
    local want
    want="$(wasm_bindgen_version)"
    if [ -z "$want" ]; then
        say "Cargo.lock has no wasm-bindgen entry"; exit 1
    fi
    if "$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | grep -q " $want\$"; then return; fi
    say "installing wasm-bindgen-cli $want"
    # Not --locked: one of its locked dependencies is not served by every registry mirror.
    cargo install --quiet --root "$TOOLS" "wasm-bindgen-cli@$want"
}

# --- 3. npm tools: wasm-opt (binaryen), playwright-core, axe-core -----------------
install_npm_tools() {
    if [ -f node_modules/.package-lock.json ] &&
        cmp -s package-lock.json "$TOOLS/npm-installed.lock"; then
        return
    fi
    say "installing npm tools"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$TOOLS/npm-installed.lock"
}

# --- 4. Chromium for the browser tests ---------------------------------------------
install_chromium() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
    if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then return; fi
    say "installing Chromium"
    apt_install chromium chromium-driver
}

case "${1:-all}" in
build)
    choose_wasm_toolchain
    install_trunk
    install_wasm_bindgen
    install_npm_tools
    ;;
browser)
    install_npm_tools
    install_chromium
    ;;
all)
    choose_wasm_toolchain
    install_trunk
    install_wasm_bindgen
    install_npm_tools
    install_chromium
    ;;
*)
    echo "usage: tools/setup.sh [build|browser|all]" >&2
    exit 2
    ;;
esac

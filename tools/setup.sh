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
# Both paths build std from source (build-std) with its size-optimised features, panics
# as immediate aborts and Leptos's erased component types: together 42 KB less brotli
# for families than the prebuilt std (measured in BENCHMARKS.md, "Size"). That needs
# std's source (rustup's rust-src, or Debian's rust-web-src) and RUSTC_BOOTSTRAP=1 on the
# stable compiler. A panic is then a WebAssembly trap, which program-finder.js turns into
# a plain message with 2-1-1 (no panic hook runs). `--cfg finder_size` lets the search,
# compiled for size, compile the code that runs at every keystroke for speed
# (`#[optimize(speed)]`, which needs RUSTC_BOOTSTRAP as well; search/src/lib.rs).
SIZE_FLAGS='# Size flags for every wasm32 build (tools/setup.sh explains them).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort --cfg erase_components --cfg finder_size"'
# Bump when SIZE_FLAGS change, so machines set up before rewrite .tools/wasm-env.sh.
WASM_ENV_VERSION=3

rustup_has() { # rustup has (or can add, within the time limit) the wasm32 target and rust-src
    { rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' ||
        timeout "$RUSTUP_TARGET_TIMEOUT" rustup target add wasm32-unknown-unknown >/dev/null 2>&1; } &&
        { rustup component list --installed 2>/dev/null | grep -q '^rust-src' ||
            timeout "$RUSTUP_TARGET_TIMEOUT" rustup component add rust-src >/dev/null 2>&1; }
}

choose_wasm_toolchain() {
    # PF_WASM_TOOLCHAIN=debian forces the fallback (to test it on a machine with rustup's target).
    local forced="${PF_WASM_TOOLCHAIN:-}"
    if [ -z "$forced" ] && grep -qx "# wasm-env $WASM_ENV_VERSION" "$TOOLS/wasm-env.sh" 2>/dev/null; then
        return
    fi
    if [ "$forced" != debian ] && rustup_has; then
        say "wasm32 target: rustup (std built from rust-src)"
        printf '# wasm-env %s\n# wasm32 comes from rustup; std is built from its rust-src.\n%s\n' \
            "$WASM_ENV_VERSION" "$SIZE_FLAGS" >"$TOOLS/wasm-env.sh"
        return
    fi
    say "wasm32 target: rustup cannot provide it here; using Debian's rustc-web with build-std"
    if [ ! -x /usr/bin/rustc ] || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
        apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22 ||
            apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld
    fi
    printf '# wasm-env %s\n# wasm32 comes from Debian'"'"'s rustc-web: std is built from source.\nexport PATH="/usr/bin:$PATH"\n%s\n' \
        "$WASM_ENV_VERSION" "$SIZE_FLAGS" >"$TOOLS/wasm-env.sh"
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

# --- 5. WebKit and Firefox for the engine smoke tests (tests/engines/) --------------
# Playwright's own WebKit and Firefox builds cannot be downloaded here, so the suite drives
# Debian's over WebDriver: webkit2gtk-driver (WebKitWebDriver; MiniBrowser comes with its
# libwebkit2gtk) and firefox-esr. WebKitGTK has no headless mode, hence xvfb. geckodriver
# is not packaged by Debian; it is built from crates.io like trunk.
install_engines() {
    local missing=() have
    command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
    command -v firefox-esr >/dev/null || missing+=(firefox-esr)
    command -v Xvfb >/dev/null || missing+=(xvfb)
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        apt_install "${missing[@]}"
    fi
    # Captured, not piped into grep -q: geckodriver panics when its output pipe closes early.
    have="$("$TOOLS/bin/geckodriver" --version 2>/dev/null || true)"
    if [[ "$have" == "geckodriver $GECKODRIVER_VERSION"* ]]; then return; fi
    say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes on 2 cores)"
    # --locked first (the versions Mozilla tested); without it if a locked dependency is
    # not served by this registry mirror, as for wasm-bindgen.
    cargo install --quiet --root "$TOOLS" "geckodriver@$GECKODRIVER_VERSION" --locked ||
        cargo install --quiet --root "$TOOLS" "geckodriver@$GECKODRIVER_VERSION"
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
    install_engines
    ;;
all)
    choose_wasm_toolchain
    install_trunk
    install_wasm_bindgen
    install_npm_tools
    install_chromium
    install_engines
    ;;
*)
    echo "usage: tools/setup.sh [build|browser|all]" >&2
    exit 2
    ;;
esac

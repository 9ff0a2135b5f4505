# Program Finder: every command a contributor needs.
#
#   make demo    build the widget and serve the demo page at http://127.0.0.1:8080
#   make test    every test: native (cargo test) and browser end-to-end (headless Chromium)
#   make dist    the files a web team hosts, in dist/, with a size report
#   make lint    rustfmt and clippy, warnings as errors
#
# Each target installs what it needs (tools/setup.sh); a second run installs nothing.

SHELL := /bin/bash
TOOLS := $(CURDIR)/.tools
# trunk and wasm-bindgen (cargo install --root .tools), wasm-opt (npm binaryen).
export PATH := $(TOOLS)/bin:$(CURDIR)/node_modules/binaryen/bin:$(HOME)/.cargo/bin:$(PATH)
DEMO_PORT ?= 8080

.PHONY: demo test dist lint native-test e2e setup-build setup-browser clean

demo: dist
	@node tests/e2e/server.mjs --root dist --port $(DEMO_PORT)

test: native-test e2e

native-test:
	cargo test --workspace

e2e: dist setup-browser
	node --test --test-concurrency=1 tests/e2e/

dist: setup-build
	@# Build with the wasm toolchain chosen by setup (rustup, or Debian's with build-std).
	@# Not --offline: build-std fetches std's own dependencies from crates.io. Trunk still
	@# downloads no tools, because setup put the pinned versions on PATH.
	source $(TOOLS)/wasm-env.sh && trunk build --release
	@node tools/size-report.mjs dist

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --all-targets --features web -- -D warnings

setup-build:
	@tools/setup.sh build

setup-browser:
	@tools/setup.sh browser

clean:
	rm -rf dist target

# Program Finder: every command a contributor needs.
#
#   make demo    build the widget and serve the demo page at http://127.0.0.1:8080
#   make test    every test: native (cargo test), browser end-to-end (headless Chromium),
#                a smoke suite in WebKit and Firefox, and the size budget (size-budget.json)
#   make dist    the files a web team hosts, in dist/ (each also as .br and .gz), with a size report
#   make lint    rustfmt and clippy, warnings as errors
#   make fuzz    each fuzz target for 10 minutes (needs a nightly toolchain; not in CI)
#
# Each target installs what it needs (tools/setup.sh); a second run installs nothing.

SHELL := /bin/bash
TOOLS := $(CURDIR)/.tools
# trunk and wasm-bindgen (cargo install --root .tools), wasm-opt (npm binaryen).
export PATH := $(TOOLS)/bin:$(CURDIR)/node_modules/binaryen/bin:$(HOME)/.cargo/bin:$(PATH)
DEMO_PORT ?= 8080

.PHONY: demo test dist lint native-test e2e engines size-check fuzz fuzz-build setup-build setup-browser clean bench

demo: dist
	@node tests/e2e/server.mjs --root dist --port $(DEMO_PORT)

test: native-test fuzz-build e2e engines size-check

native-test:
	cargo test --workspace

e2e: dist setup-browser
	node --test --test-concurrency=1 tests/e2e/

# A smoke suite in WebKit (WebKitGTK on Xvfb) and Firefox over WebDriver: loading, a need,
# details, the keyboard, a hostile catalogue, a stopped module. One engine at a time.
engines: dist setup-browser
	node --test --test-concurrency=1 tests/engines/

# The fuzz targets (fuzz/) compile with the rest of the tests; `make fuzz` runs them.
fuzz-build:
	cargo check --manifest-path fuzz/Cargo.toml --target-dir target/fuzz

# Each fuzz target for FUZZ_SECONDS (10 minutes) with libFuzzer. Not in CI: it needs a
# nightly toolchain (rustup toolchain install nightly) and takes 40 minutes. A crash is
# saved in fuzz/artifacts/<target>/; add it to the target's regression test, then fix.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := catalogue json url_state csv_import hsds_import hours pack
fuzz:
	test -x $(TOOLS)/bin/cargo-fuzz || cargo install cargo-fuzz --locked --root $(TOOLS)
	for target in $(FUZZ_TARGETS); do \
		cargo +nightly fuzz run --fuzz-dir fuzz $$target -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

# Fails when the widget's download grows past size-budget.json.
size-check: dist
	node tools/size-report.mjs dist --budget size-budget.json

dist: setup-build
	@# Build with the wasm toolchain chosen by setup (rustup, or Debian's with build-std).
	@# Not --offline: build-std fetches std's own dependencies from crates.io. Trunk still
	@# downloads no tools, because setup put the pinned versions on PATH.
	source $(TOOLS)/wasm-env.sh && trunk build --release
	@# file.br and file.gz beside each file, for servers that send them as they are.
	@node tools/compress.mjs dist
	@node tools/size-report.mjs dist
	@node tools/embed-snippet.mjs dist

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

# Benchmarks, not tests (see BENCHMARKS.md): the search in wasm against MiniSearch and
# Fuse.js in Node, typing in the real widget with 50,000 programs in Chromium,
# start-up (frame, first cards, first search) on a desktop and a throttled phone, and
# the HSDS import of 5,000 services.
bench: setup-build setup-browser
	@# The search alone, built like the widget (wasm32, release) but for Node.
	source $(TOOLS)/wasm-env.sh && cargo build --release --target wasm32-unknown-unknown -p finder-bench
	wasm-bindgen --target nodejs --out-dir bench/pkg target/wasm32-unknown-unknown/release/finder_bench.wasm
	@# -O3 (speed), with exactly the features the module declares; skipped if it fails.
	features="$$(wasm-opt --print-features bench/pkg/finder_bench_bg.wasm -o /dev/null)" && \
		wasm-opt -O3 $$features bench/pkg/finder_bench_bg.wasm -o bench/pkg/finder_bench_bg.opt.wasm && \
		mv bench/pkg/finder_bench_bg.opt.wasm bench/pkg/finder_bench_bg.wasm || \
		echo "bench: wasm-opt failed; benchmarking the module without it"
	node --expose-gc bench/run.mjs
	@# How well each engine ranks: the relevance set of search/tests/relevance/.
	node bench/relevance.mjs
	@# Typing in the real widget; dist/ is built first only if it is missing.
	@test -f dist/program-finder.js || $(MAKE) dist
	node bench/longtasks.mjs
	@# Start-up on a desktop and a throttled phone, against a Preact + MiniSearch finder.
	node bench/startup.mjs
	@# Importing a 2-1-1-sized HSDS 1.1 package (5,000 services, made in memory).
	cargo run --release -q -p catalogue --example hsds_import_bench 5000
	@# A statewide catalogue: a family's session with the JSON file and with its pack
	@# (10,000, 50,000 and 200,000 programs, phone and desktop, the pack over HTTP/1.1 and
	@# HTTP/2), and the pack's build. The 200,000-program JSON takes 3 minutes on the phone.
	cargo build --release -q -p catalogue
	PACK_SIZES=10000,50000,200000 node bench/pack-session.mjs
	@# Typing in the widget on the 50,000 programs as a pack.
	LONGTASKS_PACK=1 node bench/longtasks.mjs

setup-build:
	@tools/setup.sh build

setup-browser:
	@tools/setup.sh browser

clean:
	rm -rf dist target

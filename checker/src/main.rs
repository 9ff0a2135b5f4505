//! The checker page's entry point (check.html). All the work is in `lib.rs`.

// No panic hook: the wasm is built with panics as immediate aborts (tools/setup.sh), so a
// panic is a WebAssembly trap that check.js reports; a hook would never run.
fn main() {
    program_finder_checker::start();
}

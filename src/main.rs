//! The widget's entry point. Kept thin: the work starts in `embed::mount`, which
//! `program-finder.js` calls for each host element once the module has loaded (a module
//! cannot find out where its classic loader script came from by itself).
//!
//! There is no panic hook: the wasm is built with panics as immediate aborts (see
//! tools/setup.sh), so a panic is a `WebAssembly.RuntimeError` trap, which
//! `program-finder.js` turns into a plain message with 2-1-1 in every widget.

fn main() {
    // Also what links the embed layer (and its exports) into this binary.
    program_finder::embed::module_started();
}

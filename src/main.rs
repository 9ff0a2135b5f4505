//! The widget's entry point. Kept thin: the work starts in `embed::boot`, which
//! `program-finder.js` calls with the script's own URL once the module has loaded
//! (a module cannot find out where its classic loader script came from by itself).

fn main() {
    program_finder::embed::install_panic_hook();
}

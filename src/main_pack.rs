//! The entry point of `program-finder-pack.js`'s module: the widget built with the `pack`
//! feature, which also reads catalogue packs (see `src/main.rs`, which this mirrors).

fn main() {
    program_finder::embed::module_started();
}

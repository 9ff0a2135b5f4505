//! The catalogue's JSON read natively by `finder_core::json` and by serde_json into the
//! same values, to compare the two readers (`cargo run --release -p finder-bench
//! --example json_read -- 50000`); `make bench` times the widget's loading in wasm.

use std::time::Instant;

use finder_bench::generate_catalogue;
use finder_core::json::{self, Json};

fn main() {
    let size: u32 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(50_000);
    let text = generate_catalogue(size, 7);
    let programs = json::parse_list_raw(
        json::parse_object_raw(&text).expect("object").get("programs").expect("programs"),
    )
    .expect("list");
    for round in 0..3 {
        let start = Instant::now();
        let ours: Vec<Json> = programs.iter().map(|p| json::parse(p).expect("json")).collect();
        let ours_ms = start.elapsed().as_secs_f64() * 1e3;
        let start = Instant::now();
        let theirs: Vec<Json> = programs.iter().map(|p| serde_json::from_str(p).expect("json")).collect();
        let theirs_ms = start.elapsed().as_secs_f64() * 1e3;
        let start = Instant::now();
        let raw = json::parse_object_raw(&text).expect("object");
        std::hint::black_box(json::parse_list_raw(raw.get("programs").expect("programs")).expect("list"));
        let skim_ms = start.elapsed().as_secs_f64() * 1e3;
        println!(
            "round {round}: {} programs read by finder_core::json {ours_ms:.1} ms, by serde_json {theirs_ms:.1} ms; the file checked without values {skim_ms:.1} ms",
            ours.len() + theirs.len() - programs.len()
        );
    }
}

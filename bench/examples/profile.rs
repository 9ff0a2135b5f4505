//! Native timings of loading, indexing and querying, for finding hot spots with `perf`
//! (`cargo run --release -p finder-bench --example profile -- 50000`). The figures that
//! count are the wasm ones of `make bench`; this only says where the time goes.

use std::time::Instant;

use finder_bench::{generate_catalogue, generate_queries};
use finder_core::catalogue::load;
use finder_search::{SearchIndex, SearchOptions};

fn main() {
    let size: u32 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let json = generate_catalogue(size, 7);
    println!("{size} programs, {:.1} MB of JSON", json.len() as f64 / 1e6);
    for _ in 0..3 {
        let start = Instant::now();
        let value: serde_json::Value = serde_json::from_str(&json).expect("json");
        let parsed = start.elapsed();
        drop(value);
        println!(
            "Value parse {:.1} ms, drop {:.1} ms",
            parsed.as_secs_f64() * 1e3,
            (start.elapsed() - parsed).as_secs_f64() * 1e3
        );
        let start = Instant::now();
        let loaded = load(&json).expect("loads");
        let loaded_at = start.elapsed();
        let index = SearchIndex::new(&loaded.catalogue);
        println!(
            "load {:.1} ms, index {:.1} ms ({} terms)",
            loaded_at.as_secs_f64() * 1e3,
            (start.elapsed() - loaded_at).as_secs_f64() * 1e3,
            index.term_count()
        );
    }
    if std::env::var("PROFILE_INDEX").is_ok() {
        let loaded = load(&json).expect("loads");
        let start = Instant::now();
        for _ in 0..10 {
            std::hint::black_box(SearchIndex::new(&loaded.catalogue));
        }
        println!("index x10 {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
        return;
    }
    let loaded = load(&json).expect("loads");
    let index = SearchIndex::new(&loaded.catalogue);
    let queries = generate_queries(240, 7);
    let parsed = finder_bench::queries::parse(&queries).expect("queries");
    let limit = std::env::var("LIMIT").ok().and_then(|l| l.parse().ok());
    let options = SearchOptions { counts: true, limit, ..SearchOptions::default() };
    let kinds: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&queries)
        .expect("json")
        .iter()
        .map(|q| q["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    let mut times: Vec<(String, f64)> = Vec::new();
    for i in 0..240 {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            std::hint::black_box(index.search(&parsed[i as usize], &options).total);
            best = best.min(start.elapsed().as_secs_f64() * 1e3);
        }
        times.push((kinds[i as usize].clone(), best));
    }
    for kind in ["choices", "words", "both", ""] {
        let mut t: Vec<f64> =
            times.iter().filter(|(k, _)| kind.is_empty() || k == kind).map(|(_, t)| *t).collect();
        t.sort_by(f64::total_cmp);
        let label = if kind.is_empty() { "all" } else { kind };
        println!("{label:8} median {:.3} ms, p95 {:.3} ms", t[t.len() / 2], t[t.len() * 95 / 100]);
    }
}

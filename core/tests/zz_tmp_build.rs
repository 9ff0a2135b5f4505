use finder_core::search::{synthetic, SearchIndex};
#[test]
#[ignore]
fn perf_build() {
    let catalogue = synthetic::catalogue(50_000, 42);
    for _ in 0..4 {
        let t = std::time::Instant::now();
        let index = SearchIndex::new(&catalogue);
        eprintln!("build {:?} {}", t.elapsed(), index.term_count());
    }
}

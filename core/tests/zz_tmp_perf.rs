use finder_core::search::{synthetic, SearchIndex, SearchOptions};
#[test]
#[ignore]
fn perf_queries() {
    let catalogue = synthetic::catalogue(50_000, 42);
    let t = std::time::Instant::now();
    let index = SearchIndex::new(&catalogue);
    eprintln!("build {:?}", t.elapsed());
    let queries = synthetic::queries(200, 42);
    let options = SearchOptions { counts: true, limit: Some(50), ..SearchOptions::default() };
    let mode = std::env::var("MODE").unwrap_or_default();
    let mut slow = Vec::new();
    for round in 0..20 {
        for q in &queries {
            let t = std::time::Instant::now();
            let r = index.search(q, &options);
            if round == 0 { slow.push((t.elapsed(), q.clone(), r.total)); }
            std::hint::black_box(r);
        }
        if mode == "once" { break; }
    }
    slow.sort_by(|a, b| b.0.cmp(&a.0));
    for (t, q, total) in slow.iter().take(15) { eprintln!("{t:?} total {total} {q:?}"); }
}

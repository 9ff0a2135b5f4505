//! Any text as a catalogue: loading (all at once and in slices), the staff checker, and
//! the search index over whatever loaded must never panic, and must agree.
#![no_main]

use finder_core::catalogue::{load, Loading};
use finder_core::check::{check, CheckOptions};
use finder_search::{Query, SearchIndex, SearchOptions};
use finder_core::Severity;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let whole = load(&text);
    if let Ok(mut loading) = Loading::start(&text) {
        while !loading.step(3) {}
        let stepped = loading.finish();
        assert_eq!(Some(&stepped.catalogue), whole.as_ref().ok().map(|l| &l.catalogue));
    }
    let report = check(&text, &CheckOptions { today: Some((2026, 11, 22)) });
    if let Ok(loaded) = whole {
        // One set of rules: a program the widget skips is something the checker reports.
        if loaded.problems.iter().any(|p| p.severity() == Severity::Error) {
            assert!(!report.diagnostics.is_empty());
        }
        let index = SearchIndex::new(&loaded.catalogue);
        let words = text.chars().take(40).collect::<String>();
        let found =
            index.search(&Query::new(words), &SearchOptions { counts: true, ..SearchOptions::default() });
        assert!(found.total <= loaded.catalogue.programs.len());
    }
});

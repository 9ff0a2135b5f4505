//! Any bytes as a catalogue pack's files: the widget's pack reader refuses what it cannot
//! use with a `PackError` and never panics (a panic aborts the widget), whatever a CDN
//! or an attacker serves in place of the entry, the start file, a fragment or a chunk.
//! Each input is tried as each kind of file, and also spliced into a real pack's file,
//! so that the checks past the id and checksum are reached too.
#![no_main]

use std::sync::OnceLock;

use finder_core::catalogue::Catalogue;
use finder_search::pack::write::{write, Pack};
use finder_search::pack::{checksum, PackEntry};
use finder_search::{Query, SearchOptions};
use libfuzzer_sys::fuzz_target;

const CATALOGUE: &str = r#"{"version": 1, "needs": [{"id": "food", "label": "Food"}],
  "programs": [
    {"id": "a", "name": "Mobile Pantry", "needs": ["food"], "towns": ["Hartford"]},
    {"id": "b", "name": "Food Bank", "needs": ["food"], "statewide": true, "description": "Groceries"},
    {"id": "c", "name": "Meals", "needs": ["food"], "towns": ["New Haven"]}
  ]}"#;

fn pack() -> &'static (Pack, Catalogue, String) {
    static PACK: OnceLock<(Pack, Catalogue, String)> = OnceLock::new();
    PACK.get_or_init(|| {
        let pack = write(CATALOGUE, 2).expect("packs");
        let start = &pack.files.iter().find(|(name, _)| name.ends_with("start.bin")).unwrap().1;
        let (_, facts) = pack.entry.split_start(start).unwrap();
        let own = PackEntry::first_screen(&pack.entry_text).unwrap().own;
        let catalogue = pack.entry.read_facts(facts, &own).unwrap();
        (pack, catalogue, own)
    })
}

fuzz_target!(|data: &[u8]| {
    let (pack, catalogue, own) = pack();
    let entry = &pack.entry;
    let text = String::from_utf8_lossy(data);
    let _ = PackEntry::read(&text);
    let _ = PackEntry::first_screen(&text);
    // The facts as any bytes, past the checksum (which tells versions apart, and is no
    // defence against a file made to pass it).
    if let Ok(facts) = entry.read_facts(data, own) {
        let (terms, _) = entry.split_start(&pack.files[0].1).unwrap();
        if let Ok(index) = entry.read_index(terms, &facts) {
            let _ = index.search(&Query::default(), &SearchOptions { counts: true, ..SearchOptions::default() });
        }
    }
    for chunk in 0..2 {
        let _ = entry.read_chunk(&text, chunk, catalogue);
    }
    // As sent, and spliced after a real file's first `cut` bytes.
    for (name, real) in &pack.files {
        let cut = data.first().map_or(0, |&b| usize::from(b) * real.len() / 256);
        let mut spliced = real[..cut].to_vec();
        spliced.extend_from_slice(data);
        for bytes in [data, &spliced[..]] {
            if name.ends_with("start.bin") {
                if let Ok((terms, facts)) = entry.split_start(bytes) {
                    if let Ok(facts) = entry.read_facts(facts, own) {
                        let _ = entry.read_index(terms, &facts);
                    }
                }
            } else if let Some(n) = ["/postings-", "/spans-"].iter().position(|kind| name.contains(kind)) {
                // A fresh index each time: a fragment is set once. The other file of the
                // fragment is the real one, so that the search reads this one.
                let (terms, _) = entry.split_start(&pack.files[0].1).unwrap();
                let other = entry.fragment_file(1 - n);
                // As sent, and as the content of a file with a good checksum (as the facts
                // above: the checksum tells versions apart, it is no defence), so that
                // the readers of postings and spans see any bytes.
                let mut sealed = real[..5 + entry.id.len()].to_vec();
                sealed.extend_from_slice(bytes);
                sealed.extend_from_slice(&checksum(&sealed).to_le_bytes());
                for file in [bytes, &sealed[..]] {
                    let index = entry.read_index(terms, catalogue).unwrap();
                    if let Some((_, real)) = pack.files.iter().find(|(name, _)| *name == other) {
                        entry.add_fragment(&index, 1 - n, real).unwrap();
                    }
                    if entry.add_fragment(&index, n, file).is_ok() {
                        let query = Query { text: "food pantry meals".into(), ..Query::default() };
                        let _ = index.search(&query, &SearchOptions::default());
                    }
                }
            }
        }
    }
});

//! What the parts of a static catalogue pack would weigh (issue 18), before choosing its
//! format: `cargo run --release -p finder-bench --example pack_sizes -- 10000 50000 200000`
//! writes each part of the synthetic catalogue of that size to `target/pack-sizes/<size>/`,
//! then `node bench/pack-sizes.mjs` prints them raw, gzip and brotli.
//!
//! The parts, each as simply as it could be written:
//! - `catalogue.json`: the whole catalogue, today's format (the baseline);
//! - `text-<k>.json`: programs in catalogue order, 100 to a file (the first 20 files);
//! - `facts-rows.json`: per program, what filtering needs (need and town numbers, ages,
//!   free, languages) as one JSON row each;
//! - `facts-columns.bin`: the same facts as sets of programs per option (each need, town,
//!   age band, language; free), program numbers delta-encoded as LEB128 varints;
//! - `words.txt`: the distinct folded words of the programs' texts, sorted (the term
//!   dictionary, before stems and synonyms);
//! - `postings.bin`: for each word, the programs using it, delta-encoded varints.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use finder_bench::generate_catalogue;
use finder_core::catalogue::load;
use finder_search::text::words;

fn varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A sorted set of program numbers, as the gaps between them.
fn set(out: &mut Vec<u8>, programs: &[u32]) {
    varint(out, programs.len() as u64);
    let mut last = 0;
    for &p in programs {
        varint(out, u64::from(p - last));
        last = p;
    }
}

fn main() {
    let sizes: Vec<u32> = std::env::args().skip(1).filter_map(|s| s.parse().ok()).collect();
    for size in if sizes.is_empty() { vec![10_000] } else { sizes } {
        let dir = Path::new("target/pack-sizes").join(size.to_string());
        fs::create_dir_all(&dir).expect("folder");
        let json = generate_catalogue(size, 7);
        fs::write(dir.join("catalogue.json"), &json).expect("write");
        let catalogue = load(&json).expect("loads").catalogue;
        let raw: serde_json::Value = serde_json::from_str(&json).expect("json");
        let programs = raw["programs"].as_array().expect("programs");
        for (k, chunk) in programs.chunks(100).take(20).enumerate() {
            let text = serde_json::json!({ "programs": chunk }).to_string();
            fs::write(dir.join(format!("text-{k}.json")), text).expect("write");
        }

        let need_ids: Vec<&str> = catalogue.needs.iter().map(|n| n.id.as_str()).collect();
        let mut languages: Vec<&str> =
            catalogue.programs.iter().flat_map(|p| p.languages.iter().map(String::as_str)).collect();
        languages.sort_unstable();
        languages.dedup();
        let mut rows = Vec::new();
        let mut columns: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (n, program) in catalogue.programs.iter().enumerate() {
            let needs: Vec<usize> =
                program.needs.iter().filter_map(|id| need_ids.iter().position(|n| n == id)).collect();
            let towns: Vec<usize> = program.serves.towns().map(|t| t.index()).collect();
            let langs: Vec<usize> =
                program.languages.iter().filter_map(|l| languages.iter().position(|x| x == l)).collect();
            rows.push(serde_json::json!([
                needs,
                if program.statewide { serde_json::json!(1) } else { serde_json::json!(towns) },
                program.ages.start,
                program.ages.end,
                program.cost.is_none(),
                langs
            ]));
            let n = n as u32;
            for need in &needs {
                columns.entry(format!("need {need}")).or_default().push(n);
            }
            if program.statewide {
                columns.entry("statewide".into()).or_default().push(n);
            } else {
                for town in &towns {
                    columns.entry(format!("town {town}")).or_default().push(n);
                }
            }
            for lang in &langs {
                columns.entry(format!("language {lang}")).or_default().push(n);
            }
            let (start, end) = (program.ages.start.unwrap_or(0), program.ages.end.unwrap_or(u32::MAX));
            for (band, (from, to)) in
                [(0, 12), (12, 36), (36, 72), (72, 156), (156, 216), (216, u32::MAX)].iter().enumerate()
            {
                if start < *to && end > *from {
                    columns.entry(format!("band {band}")).or_default().push(n);
                }
            }
        }
        fs::write(dir.join("facts-rows.json"), serde_json::Value::Array(rows).to_string()).expect("write");
        let mut bytes = Vec::new();
        for programs in columns.values() {
            set(&mut bytes, programs);
        }
        fs::write(dir.join("facts-columns.bin"), &bytes).expect("write");

        let mut postings: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (n, program) in catalogue.programs.iter().enumerate() {
            let texts = [
                Some(&program.name),
                program.organization.as_ref(),
                program.description.as_ref(),
                program.eligibility.as_ref(),
            ];
            let mut mine: Vec<String> = texts.into_iter().flatten().flat_map(|t| words(t)).collect();
            mine.sort_unstable();
            mine.dedup();
            for word in mine {
                postings.entry(word).or_default().push(n as u32);
            }
        }
        let dictionary: Vec<&str> = postings.keys().map(String::as_str).collect();
        fs::write(dir.join("words.txt"), dictionary.join("\n")).expect("write");
        let mut bytes = Vec::new();
        let mut count = 0;
        for programs in postings.values() {
            set(&mut bytes, programs);
            count += programs.len();
        }
        fs::write(dir.join("postings.bin"), &bytes).expect("write");
        println!(
            "{size} programs: {} words, {count} postings, {} option sets",
            postings.len(),
            columns.len()
        );
    }
}

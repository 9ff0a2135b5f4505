//! `catalogue pack FILE --output DIR`: a big catalogue as a pack of static files
//! (`finder_search::pack` describes the format). Checks first, as publishing should:
//! a catalogue with errors is refused with the checker's report.

use std::path::Path;
use std::process::ExitCode;

use finder_core::check::{check, CheckOptions};
use finder_search::pack::write::{write, Refused, CHUNK};

use super::{read_text, Failure};

/// The entry's file name in the output folder: the address web teams give the widget.
pub(super) const ENTRY_FILE: &str = "pack.json";

pub(super) fn run(file: &Path, output: &Path) -> Result<ExitCode, Failure> {
    let text = read_text(file)?;
    let name = file.display().to_string();
    let started = std::time::Instant::now();
    // `write` reads the catalogue with the checker's rules and refuses any error; only then
    // is the whole check run, for its report with lines and fixes (it costs as much again).
    let pack = match write(&text, CHUNK) {
        Ok(pack) => pack,
        Err(Refused::Problems(_)) => {
            let report = check(&text, &CheckOptions::default());
            let shown = report.catalogue.as_ref().map_or(0, |c| c.programs.len());
            eprint!("{}", super::check::as_text(&name, &report, shown));
            eprintln!("\nNo pack written: fix the errors above first (a pack is what families see).");
            return Ok(ExitCode::FAILURE);
        }
        Err(why) => return Err(Failure(format!("{name}: {why}"))),
    };
    let folder = output.join(&pack.entry.id);
    let unwritable =
        |path: &Path, e: std::io::Error| Failure(format!("cannot write {}: {e}", path.display()));
    std::fs::create_dir_all(&folder).map_err(|e| unwritable(&folder, e))?;
    let mut total = (0usize, 0usize);
    let (mut first, mut start) = (0usize, 0usize);
    for (path, bytes) in &pack.files {
        let target = output.join(path);
        std::fs::write(&target, bytes).map_err(|e| unwritable(&target, e))?;
        let compressed = brotli_size(bytes);
        total = (total.0 + bytes.len(), total.1 + compressed);
        if pack.first_files.contains(path) {
            first += compressed;
        }
        if *path == pack.entry.start_file() {
            start = compressed;
        }
    }
    // The entry last, and by renaming: a family never reads an entry whose files are not
    // all there yet.
    let entry = output.join(ENTRY_FILE);
    let temporary = output.join(format!(".{ENTRY_FILE}.new"));
    std::fs::write(&temporary, &pack.entry_text).map_err(|e| unwritable(&temporary, e))?;
    std::fs::rename(&temporary, &entry).map_err(|e| unwritable(&entry, e))?;
    first += brotli_size(pack.entry_text.as_bytes());

    let kb = |bytes: usize| format!("{:.1} KB", bytes as f64 / 1000.0);
    println!(
        "{name}: {} programs packed in {:.1} s into {}",
        pack.entry.programs,
        started.elapsed().as_secs_f64(),
        entry.display()
    );
    println!(
        "  {} files in {}/: {} ({} brotli)",
        pack.files.len(),
        folder.display(),
        kb(total.0),
        kb(total.1)
    );
    println!(
        "  before the first card a family downloads {} brotli (the entry with the first screen, the first programs),",
        kb(first)
    );
    println!(
        "  plus the widget; then {} brotli of facts and terms before the first choice, and {} brotli per {} programs shown.",
        kb(start),
        kb(total.1.saturating_sub(first + start) / pack.files.len().max(1)),
        CHUNK
    );
    println!(
        "Publish: upload {}/ first, then {ENTRY_FILE}. Cache {}/ for ever; have {ENTRY_FILE} revalidated.",
        folder.display(),
        pack.entry.id
    );
    let older: Vec<String> = std::fs::read_dir(output)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| e.path().is_dir() && e.file_name() != pack.entry.id.as_str())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.len() == 16 && name.bytes().all(|b| b.is_ascii_hexdigit()))
                .collect()
        })
        .unwrap_or_default();
    if !older.is_empty() {
        println!(
            "Older packs here ({}): keep them a day for families already on the page, then delete them.",
            older.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Bytes after brotli at quality 5, about what a CDN compressing on the fly sends.
fn brotli_size(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 5, ..Default::default() };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => bytes.len(),
    }
}

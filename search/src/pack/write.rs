//! Writing a catalogue pack (the staff tool's `catalogue pack`): the files of
//! [`super`]'s format from a catalogue's JSON text. Native only: families never run it.

use finder_core::catalogue::{load, LoadError};
use finder_core::json::{self, Json};

use super::{checksum, index_bytes, PackEntry, ENTRY_KEY, FORMAT};
use crate::index::SearchIndex;

/// Programs per text chunk: a page of cards (10) and then some, at about 2 KB brotli.
pub const CHUNK: usize = 16;

/// A program's keys the facts file keeps: what filtering, counting, the saved list and
/// "open now" read. Everything else (the text) is in the chunks.
const FACT_KEYS: [&str; 9] =
    ["id", "needs", "towns", "statewide", "fallback", "minimum_age", "maximum_age", "languages", "schedule"];

/// A pack ready to write: the entry's text and every file of the pack's folder.
pub struct Pack {
    pub entry: PackEntry,
    /// The entry file's text.
    pub entry_text: String,
    /// (path under the entry's folder, content), the folder's files.
    pub files: Vec<(String, Vec<u8>)>,
    /// Bytes a family downloads before the first card: the entry, the facts, the index
    /// and the first chunk (uncompressed; the tool reports compressed sizes).
    pub first_files: Vec<String>,
}

/// Why no pack was written.
#[derive(Debug)]
pub enum Refused {
    /// The file is not a catalogue at all.
    Unreadable(LoadError),
    /// The catalogue has problems (`catalogue check` lists them): this many.
    Problems(usize),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Unreadable(why) => write!(f, "{why}"),
            Refused::Problems(n) => write!(f, "the catalogue has {n} problem(s); run `catalogue check` and fix them"),
        }
    }
}

/// Writes the pack of the catalogue `text`, refusing one with any problem: the pack
/// numbers programs, and a skipped program would shift every number after it.
pub fn write(text: &str, chunk: usize) -> Result<Pack, Refused> {
    let loaded = load(text).map_err(Refused::Unreadable)?;
    if !loaded.problems.is_empty() {
        return Err(Refused::Problems(loaded.problems.len()));
    }
    let chunk = chunk.max(1);
    let catalogue = &loaded.catalogue;
    let index = SearchIndex::new(catalogue);
    // `load` read the same text, so these cannot fail.
    let unreadable = |e: json::JsonError| Refused::Unreadable(LoadError::NotJson(e.to_string()));
    let top = json::parse_object_raw(text).map_err(unreadable)?;
    let raw_programs = json::parse_list_raw(top.get("programs").copied().unwrap_or("[]")).map_err(unreadable)?;

    // The facts: the catalogue's own keys, then each program's facts.
    let mut facts = String::new();
    for (key, raw) in top.iter().filter(|(key, _)| *key != "programs" && *key != "pack") {
        facts.push_str(&format!("{}:{},", Json::String(key.clone()), raw.trim()));
    }
    facts.push_str("\"programs\":[");
    for (n, (raw, program)) in raw_programs.iter().zip(&catalogue.programs).enumerate() {
        let Ok(full) = json::parse_object_raw(raw) else { continue };
        let mut kept: Vec<String> = FACT_KEYS
            .iter()
            .filter_map(|&key| full.get(key).map(|value| format!("\"{key}\":{}", value.trim())))
            .collect();
        // The reader needs a name; families never see this one (cards wait for the text).
        kept.push("\"name\":\"-\"".into());
        // Whether it is free is all the facts need of the cost.
        if program.cost.as_deref().is_some_and(finder_core::cost::is_free) {
            kept.push("\"cost\":\"free\"".into());
        }
        if n > 0 {
            facts.push(',');
        }
        facts.push('{');
        facts.push_str(&kept.join(","));
        facts.push('}');
    }
    facts.push_str("]}");

    let chunks: Vec<String> = raw_programs
        .chunks(chunk)
        .enumerate()
        .map(|(k, programs)| {
            let list: Vec<&str> = programs.iter().map(|raw| raw.trim()).collect();
            format!("\"first\":{},\"programs\":[{}]}}", k * chunk, list.join(","))
        })
        .collect();
    let postings = postings_bytes(&index);

    // The id covers every file's content, so any change names a new folder.
    let mut all = checksum(facts.as_bytes()) ^ checksum(&postings).rotate_left(1);
    for (k, text) in chunks.iter().enumerate() {
        all ^= checksum(text.as_bytes()).rotate_left((k % 61) as u32 + 2);
    }
    let id = checksum(&all.to_le_bytes()) ^ checksum(text.as_bytes());
    let entry = PackEntry { id: format!("{id:016x}"), programs: catalogue.programs.len(), chunk };
    let header = entry.header();

    let mut files = vec![
        (entry.facts_file(), format!("{header}{facts}").into_bytes()),
        (entry.index_file(), index_bytes(&index, id)),
    ];
    for (k, text) in chunks.iter().enumerate() {
        files.push((entry.chunk_file(k), format!("{header}{text}").into_bytes()));
    }
    let title = top.get("title").map_or("null", |raw| raw.trim());
    let entry_text = format!(
        "{{\"{ENTRY_KEY}\":{FORMAT},\"id\":\"{}\",\"programs\":{},\"chunk\":{chunk},\"title\":{title}}}\n",
        entry.id, entry.programs
    );
    let mut first_files = vec![entry.facts_file(), entry.index_file()];
    if !chunks.is_empty() {
        first_files.push(entry.chunk_file(0));
    }
    Ok(Pack { entry, entry_text, files, first_files })
}

/// The terms and postings of `index` as `read_postings` reads them.
pub(super) fn postings_bytes(index: &SearchIndex) -> Vec<u8> {
    let mut out = Vec::new();
    let terms = index.term_count();
    number(&mut out, terms as u32);
    let mut previous = "";
    for id in 0..terms as u32 {
        let term = index.term(id);
        let shared = term.bytes().zip(previous.bytes()).take_while(|(a, b)| a == b).count();
        // Whole characters only: the reader slices the previous term at `shared`.
        let shared = (0..=shared).rev().find(|&at| term.is_char_boundary(at)).unwrap_or(0);
        number(&mut out, shared as u32);
        number(&mut out, (term.len() - shared) as u32);
        out.extend_from_slice(&term.as_bytes()[shared..]);
        previous = term;
    }
    for id in 0..terms as u32 {
        number(&mut out, index.postings(id).0.len() as u32);
    }
    for id in 0..terms as u32 {
        let (programs, fields) = index.postings(id);
        let spans = index.spans(id);
        let mut before = None;
        for ((&program, &field), span) in programs.iter().zip(fields).zip(spans) {
            number(&mut out, before.map_or(program, |before: u32| program - before - 1));
            before = Some(program);
            out.push(field);
            number(&mut out, u32::from(span.first));
            number(&mut out, u32::from(span.last));
        }
    }
    out
}

/// A LEB128 varint.
fn number(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

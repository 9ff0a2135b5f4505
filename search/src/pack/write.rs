//! Writing a catalogue pack (the staff tool's `catalogue pack`): the files of
//! [`super`]'s format from a catalogue's JSON text. Native only: families never run it.

use std::collections::HashMap;

use finder_core::catalogue::{load, Catalogue, LoadError};
use finder_core::json::{self, Json};

use super::{
    binary_file, checksum, PackEntry, ENTRY_KEY, FORMAT, FRAGMENT_MAGIC, NEED_SCREEN_CARDS, START_MAGIC,
};
use crate::index::SearchIndex;
use crate::{Query, SearchOptions};

/// Programs per text chunk. The cards of a filtered page are scattered over the catalogue,
/// so a chunk brings mostly programs nobody asked for: 8 is about 1.5 KB brotli, and 30
/// scattered cards fetch at most 30 small files, not 30 big ones (BENCHMARKS.md, "A
/// statewide catalogue": 16 fetched 119 KB for a town's first page at 50,000 programs).
pub const CHUNK: usize = 8;

/// A pack ready to write: the entry's text and every file of the pack's folder.
pub struct Pack {
    pub entry: PackEntry,
    /// The entry file's text.
    pub entry_text: String,
    /// (path under the entry's folder, content), the folder's files.
    pub files: Vec<(String, Vec<u8>)>,
    /// The files a family downloads before the first card, besides the entry: the chunks
    /// of the first page (the start file, the index's terms and the facts, follows).
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
            Refused::Problems(n) => {
                write!(f, "the catalogue has {n} problem(s); run `catalogue check` and fix them")
            }
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
    let raw_programs =
        json::parse_list_raw(top.get("programs").copied().unwrap_or("[]")).map_err(unreadable)?;

    // The catalogue's own keys: the entry's first screen carries them.
    let mut own_keys = String::new();
    for (key, raw) in top.iter().filter(|(key, _)| *key != "programs" && *key != "pack") {
        own_keys.push_str(&format!("{}:{},", Json::String(key.clone()), raw.trim()));
    }
    let facts = facts(catalogue, &raw_programs);

    let chunks: Vec<String> = raw_programs
        .chunks(chunk)
        .enumerate()
        .map(|(k, programs)| {
            let list: Vec<&str> = programs.iter().map(|raw| raw.trim()).collect();
            format!("\"first\":{},\"programs\":[{}]}}", k * chunk, list.join(","))
        })
        .collect();
    let (dictionary, fragments) = index_parts(&index);

    // The id covers every file's content, so any change names a new folder.
    let mut all = checksum(&facts) ^ checksum(&dictionary).rotate_left(1);
    for (k, bytes) in fragments.iter().enumerate() {
        all ^= checksum(bytes).rotate_left((k % 61) as u32 + 2);
    }
    for (k, text) in chunks.iter().enumerate() {
        all ^= checksum(text.as_bytes()).rotate_left((k % 61) as u32 + 2);
    }
    let id = checksum(&all.to_le_bytes()) ^ checksum(text.as_bytes());
    let entry = PackEntry { id: format!("{id:016x}"), programs: catalogue.programs.len(), chunk };
    let header = entry.header();

    // The terms' length, the terms, then the facts (and the checksum of it all).
    let mut start = (dictionary.len() as u32).to_le_bytes().to_vec();
    start.extend_from_slice(&dictionary);
    start.extend_from_slice(&facts);
    let mut files = vec![(entry.start_file(), binary_file(START_MAGIC, &entry.id, &start))];
    for (n, bytes) in fragments.iter().enumerate() {
        files.push((entry.fragment_file(n), binary_file(FRAGMENT_MAGIC, &entry.id, bytes)));
    }
    for (k, text) in chunks.iter().enumerate() {
        files.push((entry.chunk_file(k), format!("{header}{text}").into_bytes()));
    }
    let title = top.get("title").map_or("null", |raw| raw.trim());
    let hours = catalogue.programs.iter().any(|program| program.schedule.is_some());
    let entry_text = format!(
        "{{\"{ENTRY_KEY}\":{FORMAT:.0},\"id\":\"{}\",\"programs\":{},\"chunk\":{chunk},\"title\":{title},\n{},\n\"catalogue\":{{{own_keys}\"programs\":[]}}}}\n",
        entry.id,
        entry.programs,
        first_screens(&index, hours, catalogue),
    );
    // The first cards need the entry and the chunks of the first page (the widget's 30,
    // half the cards a first screen lists); the start file follows.
    let first_page = (NEED_SCREEN_CARDS / 2).min(entry.programs);
    let first_files = (0..first_page.div_ceil(chunk)).map(|k| entry.chunk_file(k)).collect();
    Ok(Pack { entry, entry_text, files, first_files })
}

/// Every program's facts for `start.bin` (`finder_core::catalogue::ProgramFacts`,
/// [`super::PackEntry::read_facts`]): binary, a third of them as JSON (258 KB against
/// 650 KB brotli at 50,000 programs) and read ten times faster on a phone. Numbers are
/// varints; the distinct place names and language codes first, each a length and UTF-8
/// bytes; then per program: its id (bytes shared with the previous id, then the rest),
/// flags (1 statewide, 2 fallback, 4 free, 8 a minimum age, 16 a maximum age, 32 a
/// schedule), its needs (count, then indexes into the catalogue's needs), its places and
/// its languages (count, then indexes into the tables), the ages (f64, little-endian)
/// and the schedule as the catalogue wrote it (JSON text).
fn facts(catalogue: &Catalogue, raw_programs: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    // The distinct place names and language codes, in first-seen order, with each one's
    // position (a search of the list per value made 50,000 programs take seconds).
    let mut tables: [(Vec<&str>, HashMap<&str, u32>); 2] = Default::default();
    for program in &catalogue.programs {
        for ((list, positions), values) in tables.iter_mut().zip([&program.towns, &program.languages]) {
            for value in values {
                positions.entry(value).or_insert_with(|| {
                    list.push(value);
                    list.len() as u32 - 1
                });
            }
        }
    }
    let text = |out: &mut Vec<u8>, text: &str| {
        number(out, text.len() as u32);
        out.extend_from_slice(text.as_bytes());
    };
    for (list, _) in &tables {
        number(&mut out, list.len() as u32);
        for value in list {
            text(&mut out, value);
        }
    }
    let needs: HashMap<&str, u32> =
        catalogue.needs.iter().enumerate().map(|(at, need)| (need.id.as_str(), at as u32)).collect();
    let mut previous = "";
    for (program, raw) in catalogue.programs.iter().zip(raw_programs) {
        let shared = program.id.bytes().zip(previous.bytes()).take_while(|(a, b)| a == b).count();
        let shared = (0..=shared).rev().find(|&at| program.id.is_char_boundary(at)).unwrap_or(0);
        number(&mut out, shared as u32);
        text(&mut out, &program.id[shared..]);
        previous = &program.id;
        let schedule =
            json::parse_object_raw(raw).ok().and_then(|o| o.get("schedule").map(|s| s.trim().to_string()));
        let schedule = schedule.filter(|_| program.schedule.is_some());
        let free = program.cost.as_deref().is_some_and(finder_core::cost::is_free);
        let flags = [
            program.statewide,
            program.fallback,
            free,
            program.minimum_age.is_some(),
            program.maximum_age.is_some(),
            schedule.is_some(),
        ];
        out.push(flags.iter().enumerate().map(|(bit, &on)| u8::from(on) << bit).sum());
        for (values, positions) in
            [(&program.needs, &needs), (&program.towns, &tables[0].1), (&program.languages, &tables[1].1)]
        {
            number(&mut out, values.len() as u32);
            for value in values {
                number(&mut out, positions.get(value.as_str()).copied().unwrap_or(0));
            }
        }
        for age in [program.minimum_age, program.maximum_age].into_iter().flatten() {
            out.extend_from_slice(&age.to_le_bytes());
        }
        if let Some(schedule) = schedule {
            text(&mut out, &schedule);
        }
    }
    out
}

/// The entry's first screens ([`PackEntry::first_screen`] reads them): `hours` (whether
/// any program lists structured hours), `names` (the need ids, counties and language
/// codes the counts are for, in the search's order), and `screens`: the search with
/// nothing chosen, then with each need alone (in the catalogue's order), one list of
/// numbers: for each, the programs found, how many cards follow, the cards (the first
/// NEED_SCREEN_CARDS), then the counts per need, per county, per age band, per language,
/// free, evenings, weekends, and per town of the catalogue's places.
/// Choosing a need is what a family does first: its screen then needs only its cards'
/// text, not the start file.
fn first_screens(index: &SearchIndex, hours: bool, catalogue: &Catalogue) -> String {
    let search = |needs: Vec<String>| {
        let options =
            SearchOptions { counts: true, limit: Some(NEED_SCREEN_CARDS), ..SearchOptions::default() };
        let query = Query { choices: crate::Choices { needs, ..Default::default() }, ..Query::default() };
        index.search(&query, &options)
    };
    let list = |numbers: &mut dyn Iterator<Item = usize>| {
        numbers.map(|n| n.to_string()).collect::<Vec<_>>().join(",")
    };
    let screen = |found: crate::SearchResults| {
        let c = found.counts.unwrap_or_default();
        let mut numbers = vec![found.total, found.hits.len()];
        numbers.extend(found.hits.iter().map(|hit| hit.program as usize));
        numbers.extend(c.needs.iter().chain(&c.counties).map(|(_, n)| *n));
        numbers.extend(&c.ages);
        numbers.extend(c.languages.iter().map(|(_, n)| *n));
        numbers.extend([c.free, c.evenings, c.weekends]);
        numbers.extend(&c.towns);
        list(&mut numbers.into_iter())
    };
    let nothing = search(Vec::new());
    let counts = nothing.counts.clone().unwrap_or_default();
    let names = |pairs: &[(String, usize)]| {
        pairs.iter().map(|(name, _)| Json::String(name.clone()).to_string()).collect::<Vec<_>>().join(",")
    };
    let mut screens = vec![screen(nothing)];
    screens.extend(catalogue.needs.iter().map(|need| screen(search(vec![need.id.clone()]))));
    format!(
        "\"hours\":{hours},\n\"names\":[[{}],[{}],[{}]],\n\"screens\":[{}]",
        names(&counts.needs),
        names(&counts.counties),
        names(&counts.languages),
        screens.join(",\n"),
    )
}

/// Raw bytes of postings and spans per fragment: a few hundred files for 50,000
/// programs, and about 15 KB brotli of postings each.
const FRAGMENT_BYTES: usize = 64 * 1024;

/// The terms of `start.bin`, then the index's files by number (`SearchIndex::missing`):
/// each fragment's postings and then its spans, as `read_dictionary`, `read_fragment`
/// and `read_spans` read them. Fragments are runs of consecutive terms, cut once their
/// postings and spans pass [`FRAGMENT_BYTES`]: a term's postings are never split, and a
/// prefix's terms are neighbours, so typing a word fetches one or two. Each file is
/// column by column (programs, fields; first places, last places), since a column's
/// numbers look alike and brotli packs them far tighter than interleaved.
pub(super) fn index_parts(index: &SearchIndex) -> (Vec<u8>, Vec<Vec<u8>>) {
    let terms = index.term_count() as u32;
    let mut files: Vec<Vec<u8>> = Vec::new();
    let mut starts = Vec::new();
    // The fragment being written: programs, fields, first places, distances to the last.
    let mut columns: [Vec<u8>; 4] = Default::default();
    let cut = |columns: &mut [Vec<u8>; 4], files: &mut Vec<Vec<u8>>| {
        let [programs, fields, firsts, lasts] = std::mem::take(columns);
        for parts in [[programs, fields], [firsts, lasts]] {
            let mut file = Vec::new();
            number(&mut file, files.len() as u32);
            file.extend(parts.concat());
            files.push(file);
        }
    };
    for id in 0..terms {
        if id == 0 || columns.iter().map(Vec::len).sum::<usize>() >= FRAGMENT_BYTES {
            if id > 0 {
                cut(&mut columns, &mut files);
            }
            starts.push(id);
        }
        let (programs, fields) = index.postings(id);
        let spans = index.spans(id);
        let mut before = None;
        for ((&program, &field), span) in programs.iter().zip(fields).zip(spans) {
            number(&mut columns[0], before.map_or(program, |before: u32| program - before - 1));
            before = Some(program);
            columns[1].push(field);
            // Most words appear once in a program: the last place then costs one byte.
            number(&mut columns[2], u32::from(span.first));
            number(&mut columns[3], u32::from(span.last.saturating_sub(span.first)));
        }
    }
    if terms > 0 {
        cut(&mut columns, &mut files);
    }

    let mut dictionary = Vec::new();
    number(&mut dictionary, terms);
    let mut previous = "";
    for id in 0..terms {
        let term = index.term(id);
        let shared = term.bytes().zip(previous.bytes()).take_while(|(a, b)| a == b).count();
        // Whole characters only: the reader slices the previous term at `shared`.
        let shared = (0..=shared).rev().find(|&at| term.is_char_boundary(at)).unwrap_or(0);
        number(&mut dictionary, shared as u32);
        number(&mut dictionary, (term.len() - shared) as u32);
        dictionary.extend_from_slice(&term.as_bytes()[shared..]);
        previous = term;
    }
    for id in 0..terms {
        number(&mut dictionary, index.programs_with(id) as u32);
    }
    number(&mut dictionary, starts.len() as u32);
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(terms);
        number(&mut dictionary, end - start);
    }
    (dictionary, files)
}

/// A LEB128 varint.
fn number(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

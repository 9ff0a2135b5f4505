//! A catalogue pack: a big catalogue as static files that a family's browser fetches
//! piece by piece, so nobody downloads 40,000 programs to see ten (`catalogue pack`
//! writes it, [`write`]; the widget reads it with the functions here).
//!
//! A pack is one small **entry** file, revalidated on every visit, and a folder named by
//! the pack's content hash whose files never change (a CDN may cache them for ever):
//!
//! - `<id>/facts.json`: the catalogue with every program's filtering facts and none of
//!   its text (ids, needs, towns, ages, languages, free, hours; the name a dash). The
//!   widget reads it with the catalogue reader, so filters and counts are the JSON
//!   catalogue's exactly.
//! - `<id>/index.bin`: the search index's terms and postings, built by the staff tool
//!   ([`index_bytes`]); stems and typo tables are derived when it is read.
//! - `<id>/programs-<k>.json`: the full text of programs `k·chunk .. (k+1)·chunk`, as the
//!   catalogue wrote them, fetched when a card, details, the saved list or paper needs it.
//!
//! Names are derived from the entry's id, not listed, so the entry stays a few hundred
//! bytes at any size. Every file starts with the pack's id: a file of another version (a
//! CDN serving a mix during an update) is told apart from a good one, and a truncated
//! file fails to parse (JSON) or its checksum (the index). Publishing a new version is
//! atomic: upload its folder, then replace the entry.

use finder_core::catalogue::{read_programs, Catalogue, Program};

use super::builder::Postings;
use super::facts::Facts;
use super::index::{SearchIndex, Span, Words};
use super::synonyms::Language;

#[cfg(not(target_arch = "wasm32"))]
pub mod write;

/// The key that marks a pack's entry file (a catalogue has `programs` instead).
pub const ENTRY_KEY: &str = "program_finder_pack";
/// The pack format this finder reads.
pub const FORMAT: u64 = 1;
/// First bytes of `index.bin`.
const INDEX_MAGIC: &[u8; 5] = b"PFIX\x01";

/// Why a pack's file could not be used. Staff read these in the console; families see
/// one plain sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum PackError {
    /// The entry says it is a pack but cannot be read as one.
    NotAPack(String),
    /// A file of another version of the pack (its id is not the entry's).
    OtherVersion(String),
    /// A file cut short or changed on the way.
    Damaged(String),
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::NotAPack(why) => write!(f, "the pack's entry file is not usable: {why}"),
            PackError::OtherVersion(file) => write!(f, "{file} belongs to another version of the pack"),
            PackError::Damaged(file) => write!(f, "{file} is damaged or incomplete"),
        }
    }
}

/// What the entry file says: which pack, how many programs, how they are chunked.
#[derive(Clone, Debug, PartialEq)]
pub struct PackEntry {
    /// The content hash naming the pack's folder (16 hex digits).
    pub id: String,
    pub programs: usize,
    /// Programs per text chunk.
    pub chunk: usize,
}

impl PackEntry {
    /// `None` when `text` is not a pack's entry (a catalogue, say); an error when it says
    /// it is one but cannot be used.
    pub fn read(text: &str) -> Option<Result<PackEntry, PackError>> {
        let top = finder_core::json::parse_object_raw(text).ok()?;
        let format = top.get(ENTRY_KEY)?;
        let number = |key: &str| top.get(key).and_then(|raw| raw.parse::<usize>().ok());
        let id = top.get("id").and_then(|raw| raw.strip_prefix('"')?.strip_suffix('"'));
        Some(match (format.parse::<u64>(), id, number("programs"), number("chunk")) {
            (Ok(FORMAT), Some(id), Some(programs), Some(chunk))
                if chunk > 0 && id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                Ok(PackEntry { id: id.to_string(), programs, chunk })
            }
            (Ok(FORMAT), ..) => Err(PackError::NotAPack("it lacks \"id\", \"programs\" or \"chunk\"".into())),
            _ => Err(PackError::NotAPack(format!("format {format} is not one this finder reads"))),
        })
    }

    pub fn facts_file(&self) -> String {
        format!("{}/facts.json", self.id)
    }

    pub fn index_file(&self) -> String {
        format!("{}/index.bin", self.id)
    }

    pub fn chunk_file(&self, chunk: usize) -> String {
        format!("{}/programs-{chunk}.json", self.id)
    }

    /// The chunk holding program `program`.
    pub fn chunk_of(&self, program: usize) -> usize {
        program / self.chunk
    }

    /// What every file of this pack starts with.
    fn header(&self) -> String {
        format!("{{\"pack\":\"{}\",", self.id)
    }

    /// Checks that `text` is this pack's facts file; it is then read as a catalogue.
    pub fn check_facts(&self, text: &str) -> Result<(), PackError> {
        self.check_json(text, &self.facts_file())
    }

    fn check_json(&self, text: &str, file: &str) -> Result<(), PackError> {
        match text.strip_prefix("{\"pack\":\"") {
            Some(rest) if rest.starts_with(&self.id) && text.starts_with(&self.header()) => Ok(()),
            Some(_) => Err(PackError::OtherVersion(file.into())),
            None => Err(PackError::Damaged(file.into())),
        }
    }

    /// Reads chunk `chunk` against the catalogue of the facts file: its programs, in
    /// catalogue order, to put in place of the facts' text-less ones.
    pub fn read_chunk(&self, text: &str, chunk: usize, catalogue: &Catalogue) -> Result<Vec<Program>, PackError> {
        let file = self.chunk_file(chunk);
        self.check_json(text, &file)?;
        let damaged = || PackError::Damaged(file.clone());
        let top = finder_core::json::parse_object_raw(text).map_err(|_| damaged())?;
        let first = chunk * self.chunk;
        let expected = self.chunk.min(self.programs.saturating_sub(first));
        match (top.get("first").map(|raw| raw.parse::<usize>()), top.get("programs")) {
            (Some(Ok(at)), Some(raw)) if at == first => {
                let programs = read_programs(catalogue, raw, first).map_err(|_| damaged())?;
                (programs.len() == expected).then_some(programs).ok_or_else(damaged)
            }
            _ => Err(damaged()),
        }
    }

    /// Reads `index.bin` into a search index over the facts file's catalogue.
    pub fn read_index(&self, bytes: &[u8], catalogue: &Catalogue) -> Result<SearchIndex, PackError> {
        let file = self.index_file();
        let body = bytes.strip_prefix(INDEX_MAGIC).ok_or_else(|| PackError::Damaged(file.clone()))?;
        let id = u64::from_str_radix(&self.id, 16).unwrap_or_default();
        if body.get(..8) != Some(&id.to_le_bytes()[..]) {
            return Err(match body.len() >= 8 {
                true => PackError::OtherVersion(file),
                false => PackError::Damaged(file),
            });
        }
        let (content, sum) = bytes.split_at(bytes.len().saturating_sub(8));
        if sum != checksum(content).to_le_bytes() || catalogue.programs.len() != self.programs {
            return Err(PackError::Damaged(file));
        }
        let postings = read_postings(&content[INDEX_MAGIC.len() + 8..], self.programs as u32)
            .ok_or(PackError::Damaged(file))?;
        Ok(SearchIndex::assemble(postings, Language::shipped(), Facts::new(catalogue)))
    }
}

/// FNV-1a, 64 bits: the pack's id (over every file's content) and `index.bin`'s
/// checksum. Not a defence against tampering (HTTPS is); it tells versions apart and
/// catches files cut short.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for &byte in bytes {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
    }
    hash
}

/// Reads the postings [`index_bytes`] wrote; `None` if anything is out of place.
fn read_postings(bytes: &[u8], program_count: u32) -> Option<Postings> {
    let mut input = Reader { bytes, at: 0 };
    let term_count = input.number()? as usize;
    // Terms, front-coded: bytes shared with the previous term, then the rest.
    let mut words = Vec::with_capacity(term_count.min(bytes.len()));
    let mut previous = String::new();
    for _ in 0..term_count {
        let shared = input.number()? as usize;
        let rest = input.take()?;
        let mut term = previous.get(..shared)?.to_string();
        term.push_str(std::str::from_utf8(rest).ok()?);
        // Sorted and distinct, as the index's binary searches need.
        if !words.is_empty() && term <= previous {
            return None;
        }
        words.push(term.clone());
        previous = term;
    }
    let mut ranges = Vec::with_capacity(words.len());
    let mut total = 0u32;
    for _ in 0..term_count {
        let count = input.number()?;
        ranges.push((total, total.checked_add(count)?));
        total += count;
    }
    let (mut programs, mut fields, mut spans) = (Vec::new(), Vec::new(), Vec::new());
    for &(start, end) in &ranges {
        let mut program = 0u32;
        for n in start..end {
            // Ascending: the first as is, then gaps of at least one.
            program = match n == start {
                true => input.number()?,
                false => program.checked_add(input.number()?.checked_add(1)?)?,
            };
            if program >= program_count {
                return None;
            }
            programs.push(program);
            fields.push(input.byte()?);
            let first = u16::try_from(input.number()?).ok()?;
            let last = u16::try_from(input.number()?).ok()?;
            spans.push(Span { first, last });
        }
    }
    (input.at == bytes.len()).then_some(())?;
    let terms = Words::from_sorted(words.iter().map(String::as_str));
    Some(Postings { terms, ranges, programs, fields, spans })
}

/// Reads what [`write`]'s `Writer` wrote: numbers as LEB128 varints, bytes with their
/// length first.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn number(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn take(&mut self) -> Option<&[u8]> {
        let len = self.number()? as usize;
        let bytes = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(bytes)
    }
}

/// The bytes of `index.bin` for an index, with the pack's id.
#[cfg(not(target_arch = "wasm32"))]
pub fn index_bytes(index: &SearchIndex, id: u64) -> Vec<u8> {
    let mut out = INDEX_MAGIC.to_vec();
    out.extend_from_slice(&id.to_le_bytes());
    out.extend_from_slice(&write::postings_bytes(index));
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

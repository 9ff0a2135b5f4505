//! A catalogue pack: a big catalogue as static files that a family's browser fetches
//! piece by piece, so nobody downloads 40,000 programs to see ten (`catalogue pack`
//! writes it, [`write`]; the widget reads it with the functions here).
//!
//! A pack is one small **entry** file, revalidated on every visit, and a folder named by
//! the pack's content hash whose files never change (a CDN may cache them for ever):
//!
//! - `<id>/start.bin`, what every choice after the first screen needs, in one request
//!   (binary, with a checksum over the whole file):
//!   - the search index's terms, how many programs each is in, and how the postings are
//!     cut into fragments; stems and typo tables are derived;
//!   - every program's filtering facts and none of its text (ids, needs, places, ages,
//!     languages, free, hours), read into programs as the catalogue reader reads them
//!     ([`finder_core::catalogue::Catalogue::program_from_facts`]), so filters and
//!     counts are the JSON catalogue's exactly. Binary rows: 258 KB brotli at 50,000
//!     programs against 650 KB as JSON, and read without parsing JSON.
//! - `<id>/postings-<f>.bin`: the postings of a run of consecutive terms (which programs,
//!   and in which fields), fetched when a search needs one of its terms: a search notes
//!   the files it lacked ([`SearchIndex::missing`]), and runs again once they arrived.
//!   Column by column (the programs, then the fields), which brotli packs tighter.
//! - `<id>/spans-<f>.bin`: where each of those postings' terms appears in its program,
//!   for how far apart a search's words are: fetched only for searches of two words or
//!   more. Apart, since they were three fifths of a fragment's bytes: a typed word
//!   fetches 62 KB instead of 272 KB at 50,000 programs (BENCHMARKS.md).
//! - `<id>/programs-<k>.json`: the full text of programs `k·chunk .. (k+1)·chunk`, as the
//!   catalogue wrote them, fetched when a card, details, the saved list or paper needs it.
//!
//! The entry also carries the **first screens** ([`PackEntry::first_screen`]): the
//! catalogue's own keys (title, needs, places), and the results with nothing chosen and
//! with each need chosen alone (their counts and first cards). So the first cards, and
//! those of the need a family picks first, need the entry and their chunks; the start
//! file arrives behind them.
//!
//! Names are derived from the entry's id, not listed, so the entry stays a few kilobytes
//! at any size. Every file starts with the pack's id: a file of another version (a
//! CDN serving a mix during an update) is told apart from a good one, and a truncated
//! file fails to parse (JSON) or its checksum (binary). Publishing a new version is
//! atomic: upload its folder, then replace the entry.

#[cfg(feature = "pack")]
use finder_core::age::MAX_AGE_YEARS;
use finder_core::catalogue::{read_programs, Catalogue, Loading, Program};
use finder_core::json::{self, Json};
#[cfg(feature = "pack")]
use finder_core::towns::TownSet;

use super::{Counts, AGE_BANDS};

#[cfg(feature = "pack")]
use super::facts::Facts;
#[cfg(feature = "pack")]
use super::index::{Fragment, SearchIndex, Span, Words};
#[cfg(feature = "pack")]
use super::synonyms::Language;
#[cfg(feature = "pack")]
use std::ops::Range;
#[cfg(feature = "pack")]
use std::sync::OnceLock;

#[cfg(not(target_arch = "wasm32"))]
pub mod write;

/// The key that marks a pack's entry file (a catalogue has `programs` instead).
pub const ENTRY_KEY: &str = "program_finder_pack";
/// The pack format this finder reads: 2 since the spans left the postings files (a pack
/// of format 1 is refused at its entry, not at the first word typed).
pub const FORMAT: f64 = 2.0;
/// Cards the entry carries for the screen after each need: two pages of the widget's 30.
pub const NEED_SCREEN_CARDS: usize = 60;
/// First bytes of `start.bin`.
const START_MAGIC: &[u8; 5] = b"PFST\x02";
/// First bytes of each `postings-<k>.bin` and `spans-<k>.bin` (the file's number, next,
/// tells them apart).
#[cfg_attr(not(feature = "pack"), allow(dead_code))]
const FRAGMENT_MAGIC: &[u8; 5] = b"PFPO\x02";

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

/// What a family sees before choosing anything, carried by the entry so that the first
/// cards need neither the facts nor the index.
#[derive(Clone, Debug)]
pub struct FirstScreen {
    /// The catalogue's own keys (title, needs, places, time zone) with no program: what
    /// the filters show. Chunks are read against it too.
    pub catalogue: Catalogue,
    /// The same as the entry wrote it (JSON), for [`PackEntry::read_facts`].
    pub own: String,
    /// The results with nothing chosen: all programs, the first ones in catalogue order
    /// (the ranking without words or town).
    pub first: Screen,
    /// Whether any program lists structured hours ("open now" is counted at the family's
    /// minute: no screen here counts it).
    pub hours: bool,
    /// The results of one need chosen alone, per need in the catalogue's order.
    pub by_need: Vec<Screen>,
}

/// The results of a search the entry carries (nothing chosen, or one need).
#[derive(Clone, Debug, PartialEq)]
pub struct Screen {
    /// How many programs it finds.
    pub total: usize,
    /// The first of them, best first (`write::NEED_SCREEN_CARDS` at most).
    pub cards: Vec<u32>,
    /// The counts beside every choice (`open_now` is 0).
    pub counts: Counts,
}

impl PackEntry {
    /// `None` when `text` is not a pack's entry (a catalogue, say); an error when it says
    /// it is one but cannot be used.
    pub fn read(text: &str) -> Option<Result<PackEntry, PackError>> {
        let Ok(Json::Object(top)) = finder_core::json::parse(text) else { return None };
        let format = top.get(ENTRY_KEY)?.as_f64();
        let number =
            |key: &str| top.get(key).and_then(Json::as_f64).filter(|n| n.fract() == 0.0 && *n >= 0.0);
        let id = top
            .get("id")
            .and_then(Json::as_str)
            .filter(|id| id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()));
        Some(match (format, id, number("programs"), number("chunk")) {
            (Some(FORMAT), Some(id), Some(programs), Some(chunk)) if chunk >= 1.0 => {
                Ok(PackEntry { id: id.to_string(), programs: programs as usize, chunk: chunk as usize })
            }
            (Some(FORMAT), ..) => {
                Err(PackError::NotAPack("it lacks \"id\", \"programs\" or \"chunk\"".into()))
            }
            _ => Err(PackError::NotAPack("its format is not one this finder reads".into())),
        })
    }

    /// The first screen the entry `text` carries; `None` if it has none (or is not an
    /// entry).
    pub fn first_screen(text: &str) -> Option<FirstScreen> {
        let top = json::parse_object_raw(text).ok()?;
        let own = top.get("catalogue")?.to_string();
        let catalogue = Loading::start(&own).ok()?.finish().catalogue;
        let Ok(Json::Array(names)) = json::parse(top.get("names")?) else { return None };
        let strings = |item: &Json| -> Option<Vec<String>> {
            let Json::Array(items) = item else { return None };
            items.iter().map(|s| s.as_str().map(String::from)).collect()
        };
        let [needs, counties, languages] = &names[..] else { return None };
        let (needs, counties, languages) = (strings(needs)?, strings(counties)?, strings(languages)?);
        // The screens: one list of whole numbers (the writer's `first_screens` says in
        // what order), read without a JSON tree: it is most of the entry.
        let numbers: Vec<usize> = top
            .get("screens")?
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().ok())
            .collect::<Option<_>>()?;
        let mut rest = &numbers[..];
        let mut screens = Vec::new();
        while !rest.is_empty() {
            let named = |names: &[String], rest: &mut &[usize]| -> Option<Vec<(String, usize)>> {
                Some(names.iter().cloned().zip(take(rest, names.len())?.iter().copied()).collect())
            };
            let [total, cards] = take(&mut rest, 2)?[..] else { return None };
            let cards = take(&mut rest, cards)?.iter().map(|&n| n as u32).collect();
            let needs = named(&needs, &mut rest)?;
            let counties = named(&counties, &mut rest)?;
            let ages = take(&mut rest, AGE_BANDS.len())?.to_vec();
            let languages = named(&languages, &mut rest)?;
            let [free, evenings, weekends] = take(&mut rest, 3)?[..] else { return None };
            let towns = take(&mut rest, catalogue.places.len())?.to_vec();
            let counts = Counts {
                needs,
                counties,
                towns,
                ages,
                languages,
                free,
                open_now: 0,
                evenings,
                weekends,
                hours_unknown: 0,
            };
            screens.push(Screen { total, cards, counts });
        }
        let mut screens = screens.into_iter();
        Some(FirstScreen {
            first: screens.next()?,
            by_need: screens.collect(),
            hours: top.get("hours").is_some_and(|raw| raw.trim() == "true"),
            catalogue,
            own,
        })
    }

    pub fn start_file(&self) -> String {
        format!("{}/start.bin", self.id)
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

    /// Splits `start.bin` into the index's terms and the programs' facts (given to
    /// [`PackEntry::read_facts`], then to [`PackEntry::read_index`] with the terms), once
    /// its checksum (over the whole file) says it is whole.
    pub fn split_start<'a>(&self, bytes: &'a [u8]) -> Result<(&'a [u8], &'a [u8]), PackError> {
        let damaged = || PackError::Damaged(self.start_file());
        let body = self.binary_body(bytes, START_MAGIC, self.start_file())?;
        let (body, sum) = body.split_last_chunk::<8>().ok_or_else(damaged)?;
        let (length, rest) = body.split_first_chunk::<4>().ok_or_else(damaged)?;
        let length = u32::from_le_bytes(*length) as usize;
        match (rest.get(..length), rest.get(length..)) {
            (Some(terms), Some(facts)) if *sum == checksum(&bytes[..bytes.len() - 8]).to_le_bytes() => {
                Ok((terms, facts))
            }
            _ => Err(damaged()),
        }
    }

    /// Reads the programs' facts (from [`PackEntry::split_start`]) into the catalogue
    /// `own` (the entry's first screen's JSON, [`FirstScreen::own`]: its needs and places,
    /// no program), as the catalogue reader would have read them. The writer's `facts` says the layout.
    #[cfg(feature = "pack")]
    pub fn read_facts(&self, facts: &[u8], own: &str) -> Result<Catalogue, PackError> {
        // Read again from the entry's text rather than cloned: cloning a catalogue costs
        // the widget a kilobyte of code.
        let own = Loading::start(own).map_err(|_| PackError::Damaged(self.start_file()))?.finish().catalogue;
        let programs =
            read_facts(facts, &own, self.programs).ok_or_else(|| PackError::Damaged(self.start_file()))?;
        Ok(Catalogue { programs, ..own })
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
    pub fn read_chunk(
        &self,
        text: &str,
        chunk: usize,
        catalogue: &Catalogue,
    ) -> Result<Vec<Program>, PackError> {
        let file = self.chunk_file(chunk);
        self.check_json(text, &file)?;
        let damaged = || PackError::Damaged(file.clone());
        // The writer's own shape: the header, the first program's number, the list.
        let first = chunk * self.chunk;
        let start = format!("{}\"first\":{first},\"programs\":", self.header());
        let list = text
            .strip_prefix(&start)
            .and_then(|rest| rest.trim_end().strip_suffix('}'))
            .ok_or_else(damaged)?;
        let programs = read_programs(catalogue, list, first).map_err(|_| damaged())?;
        let expected = self.chunk.min(self.programs.saturating_sub(first));
        (programs.len() == expected).then_some(programs).ok_or_else(damaged)
    }

    /// The index's file number `n` ([`SearchIndex::missing`]): the postings of fragment
    /// `n / 2`, or (odd) their spans.
    pub fn fragment_file(&self, n: usize) -> String {
        let kind = ["postings", "spans"][n % 2];
        format!("{}/{kind}-{}.bin", self.id, n / 2)
    }

    /// The content of a binary file of this pack: after its magic and the pack's id. The
    /// id is checked; the caller checks the rest.
    fn binary_body<'a>(&self, bytes: &'a [u8], magic: &[u8], file: String) -> Result<&'a [u8], PackError> {
        let body = bytes.strip_prefix(magic).ok_or_else(|| PackError::Damaged(file.clone()))?;
        match body.strip_prefix(self.id.as_bytes()) {
            Some(content) => Ok(content),
            None if body.len() >= 16 => Err(PackError::OtherVersion(file)),
            None => Err(PackError::Damaged(file)),
        }
    }

    /// Reads the index's terms (from [`PackEntry::split_start`]) into a search index over
    /// the facts' catalogue, with no postings yet: each search says which fragments it
    /// needs ([`SearchIndex::missing`], [`PackEntry::add_fragment`]).
    #[cfg(feature = "pack")]
    pub fn read_index(&self, terms: &[u8], catalogue: &Catalogue) -> Result<SearchIndex, PackError> {
        let damaged = || PackError::Damaged(self.start_file());
        if catalogue.programs.len() != self.programs {
            return Err(damaged());
        }
        let (terms, ranges, starts) = read_dictionary(terms).ok_or_else(damaged)?;
        let fragments = (2..2 * starts.len()).map(|_| OnceLock::new()).collect();
        Ok(SearchIndex::unfilled(
            terms,
            ranges,
            (starts, fragments),
            Language::shipped(),
            Facts::new(catalogue),
        ))
    }

    /// Puts the index's file number `n` (the bytes of [`PackEntry::fragment_file`]) in
    /// `index`: a fragment's postings, or their spans.
    #[cfg(feature = "pack")]
    pub fn add_fragment(&self, index: &SearchIndex, n: usize, bytes: &[u8]) -> Result<(), PackError> {
        let file = self.fragment_file(n);
        let damaged = || PackError::Damaged(file.clone());
        let body = self.binary_body(bytes, FRAGMENT_MAGIC, file.clone())?;
        let (content, sum) = body.split_last_chunk::<8>().ok_or_else(damaged)?;
        if *sum != checksum(&bytes[..bytes.len() - 8]).to_le_bytes() {
            return Err(damaged());
        }
        let fragment = n / 2;
        // (Set already, by a file fetched twice, is no harm: the same pack's bytes.)
        let read = || {
            let mut input = Reader { bytes: content, at: 0 };
            (input.number()? as usize == n).then_some(())?;
            let terms = *index.starts.get(fragment)?..*index.starts.get(fragment + 1)?;
            let count =
                terms.clone().filter_map(|t| index.ranges.get(t as usize)).map(|r| (r.1 - r.0) as usize);
            let count = count.sum();
            let read = match n % 2 {
                0 => read_fragment(index, terms, input, count, self.programs as u32)?,
                _ => Fragment { spans: read_spans(input, count)?, ..Fragment::default() },
            };
            drop(index.fragments.get(n)?.set(read));
            Some(())
        };
        read().ok_or_else(damaged)
    }
}

/// The next `n` numbers of `rest`, taken off it; `None` when fewer are left.
fn take<'a>(rest: &mut &'a [usize], n: usize) -> Option<&'a [usize]> {
    let (head, tail) = rest.split_at_checked(n)?;
    *rest = tail;
    Some(head)
}

/// FNV-1a, 64 bits: the pack's id (over every file's content) and the binary files'
/// checksum. Not a defence against tampering (HTTPS is); it tells versions apart and
/// catches files cut short.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for &byte in bytes {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
    }
    hash
}

/// Reads the index's terms: the sorted terms, each one's postings as a range of the
/// list of all postings, and the first term of each fragment (then the term count).
/// The index's terms, their postings' ranges, and the first term of each fragment.
#[cfg(feature = "pack")]
type Dictionary = (Words, Vec<(u32, u32)>, Vec<u32>);

#[cfg(feature = "pack")]
fn read_dictionary(bytes: &[u8]) -> Option<Dictionary> {
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
    let fragments = input.number()? as usize;
    let mut starts = Vec::with_capacity(fragments.min(term_count) + 1);
    let mut start = 0u32;
    for _ in 0..fragments {
        starts.push(start);
        start = start.checked_add(input.number()?)?;
    }
    starts.push(start);
    let ordered = starts.windows(2).all(|w| w[0] < w[1]) || term_count == 0;
    (ordered && start as usize == term_count && input.at == bytes.len()).then_some(())?;
    Some((Words::from_sorted(words.iter().map(String::as_str)), ranges, starts))
}

/// Reads every program's facts; `None` if anything is out of place.
#[cfg(feature = "pack")]
fn read_facts(bytes: &[u8], own: &Catalogue, count: usize) -> Option<Vec<Program>> {
    let mut input = Reader { bytes, at: 0 };
    let text = |input: &mut Reader| Some(std::str::from_utf8(input.take()?).ok()?.to_string());
    let table =
        |input: &mut Reader| (0..input.number()?).map(|_| text(input)).collect::<Option<Vec<String>>>();
    let (towns, languages) = (table(&mut input)?, table(&mut input)?);
    // Each distinct place resolved once, not once per program that lists it.
    let served: Vec<TownSet> = towns.iter().map(|place| own.towns_served(place)).collect();
    let need_ids: Vec<String> = own.needs.iter().map(|need| need.id.clone()).collect();
    let mut programs = Vec::with_capacity(count.min(bytes.len()));
    let mut id = String::new();
    for index in 0..count {
        let shared = input.number()? as usize;
        id = format!("{}{}", id.get(..shared)?, text(&mut input)?);
        let flags = input.byte()?;
        let mut pick = |names: &[String]| -> Option<Vec<usize>> {
            (0..input.number()?)
                .map(|_| Some(input.number()? as usize).filter(|&at| at < names.len()))
                .collect()
        };
        let names = |names: &[String], picked: &[usize]| picked.iter().map(|&at| names[at].clone()).collect();
        let (needs, places, codes) = (pick(&need_ids)?, pick(&towns)?, pick(&languages)?);
        let mut serves = TownSet::default();
        for &at in &places {
            serves.extend(&served[at]);
        }
        // An age the reader would refuse (not 0 to 120 years, or a maximum below the
        // minimum) means the file is not what was written.
        let mut age = |bit: u8| match flags & bit {
            0 => Some(None),
            _ => {
                let years = f64::from_le_bytes(*input.bytes.get(input.at..)?.first_chunk::<8>()?);
                input.at += 8;
                (0.0..=MAX_AGE_YEARS).contains(&years).then_some(Some(years))
            }
        };
        let (minimum_age, maximum_age) = (age(8)?, age(16)?);
        if maximum_age.is_some() && minimum_age > maximum_age {
            return None;
        }
        let schedule = match flags & 32 {
            0 => None,
            _ => Some(text(&mut input)?),
        };
        let facts = finder_core::catalogue::ProgramFacts {
            id: id.clone(),
            needs: names(&need_ids, &needs),
            towns: names(&towns, &places),
            statewide: flags & 1 != 0,
            fallback: flags & 2 != 0,
            free: flags & 4 != 0,
            minimum_age,
            maximum_age,
            languages: names(&languages, &codes),
            schedule,
            serves,
        };
        programs.push(own.program_from_facts(index, facts));
    }
    (input.at == bytes.len()).then_some(programs)
}

/// Reads a fragment's postings for `terms` (`count` of them), as `write` wrote them:
/// each term's programs (ascending: the first as is, then gaps of at least one), then
/// every posting's fields.
#[cfg(feature = "pack")]
fn read_fragment(
    index: &SearchIndex,
    terms: Range<u32>,
    mut input: Reader,
    count: usize,
    program_count: u32,
) -> Option<Fragment> {
    let mut out = Fragment { programs: Vec::with_capacity(count), ..Fragment::default() };
    for term in terms {
        let (start, end) = *index.ranges.get(term as usize)?;
        let mut program = 0u32;
        for n in start..end {
            program = match n == start {
                true => input.number()?,
                false => program.checked_add(input.number()?.checked_add(1)?)?,
            };
            if program >= program_count {
                return None;
            }
            out.programs.push(program);
        }
    }
    out.fields = input.bytes.get(input.at..)?.to_vec();
    (out.fields.len() == count).then_some(out)
}

/// Reads a fragment's spans (`count` of them): every posting's first place, then every
/// distance from the first place to the last.
#[cfg(feature = "pack")]
fn read_spans(mut input: Reader, count: usize) -> Option<Vec<Span>> {
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        out.push(Span { first: u16::try_from(input.number()?).ok()?, last: 0 });
    }
    for span in &mut out {
        span.last = u16::try_from(u32::from(span.first).checked_add(input.number()?)?).ok()?;
    }
    (input.at == input.bytes.len()).then_some(out)
}

/// Reads what [`write`]'s `Writer` wrote: numbers as LEB128 varints, bytes with their
/// length first.
#[cfg(feature = "pack")]
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

#[cfg(feature = "pack")]
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

/// A binary file of a pack: `magic`, the pack's id, `content`, then the checksum.
#[cfg(not(target_arch = "wasm32"))]
fn binary_file(magic: &[u8], id: &str, content: &[u8]) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(content);
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}
#[cfg(all(test, feature = "pack"))]
mod tests {
    use super::write::{write, Pack};
    use super::*;

    const CATALOGUE: &str = r#"{"version": 1, "title": "Test",
      "needs": [{"id": "food", "label": "Food"}, {"id": "housing", "label": "Housing"}],
      "programs": [
        {"id": "a", "name": "Mobile Pantry", "needs": ["food"], "towns": ["Hartford"], "cost": "Free"},
        {"id": "b", "name": "Rent Help", "needs": ["housing"], "statewide": true, "description": "Help with rent"},
        {"id": "c", "name": "Food Bank", "needs": ["food"], "towns": ["New Haven"], "minimum_age": 3}
      ]}"#;

    fn pack() -> Pack {
        write(CATALOGUE, 2).expect("a clean catalogue packs")
    }

    fn file<'a>(pack: &'a Pack, name: &str) -> &'a [u8] {
        &pack.files.iter().find(|(path, _)| path == name).expect(name).1
    }

    fn facts(pack: &Pack) -> Catalogue {
        let (_, facts) = pack.entry.split_start(file(pack, &pack.entry.start_file())).unwrap();
        let own = PackEntry::first_screen(&pack.entry_text).unwrap().own;
        pack.entry.read_facts(facts, &own).unwrap()
    }

    #[test]
    fn an_entry_is_told_from_a_catalogue_and_from_a_broken_entry() {
        let pack = pack();
        assert_eq!(PackEntry::read(&pack.entry_text), Some(Ok(pack.entry.clone())));
        assert_eq!(pack.entry.programs, 3);
        assert_eq!(PackEntry::read(CATALOGUE), None, "a catalogue is not a pack");
        assert_eq!(PackEntry::read("<html>Not found</html>"), None);
        assert!(matches!(
            PackEntry::read(r#"{"program_finder_pack": 9}"#),
            Some(Err(PackError::NotAPack(_)))
        ));
        let no_id = r#"{"program_finder_pack": 2, "programs": 3, "chunk": 2}"#;
        assert!(matches!(PackEntry::read(no_id), Some(Err(PackError::NotAPack(_)))));
    }

    #[test]
    fn the_entry_carries_the_first_screen() {
        let pack = pack();
        let first = PackEntry::first_screen(&pack.entry_text).expect("a first screen");
        assert_eq!(first.catalogue.title.as_deref(), Some("Test"));
        assert_eq!(first.catalogue.needs.len(), 2);
        assert!(first.catalogue.programs.is_empty(), "no program: the entry stays small");
        assert_eq!(first.first.counts.needs, vec![("food".to_string(), 2), ("housing".to_string(), 1)]);
        assert_eq!(first.first.counts.free, 1);
        assert_eq!(first.first.counts.ages.len(), crate::AGE_BANDS.len());
        let full = crate::SearchIndex::new(&finder_core::catalogue::load(CATALOGUE).unwrap().catalogue);
        let options = crate::SearchOptions { counts: true, ..crate::SearchOptions::default() };
        assert_eq!(Some(first.first.counts), full.search(&crate::Query::default(), &options).counts);
        assert_eq!((first.first.total, first.first.cards.clone()), (3, vec![0, 1, 2]));
        assert!(!first.hours);
        // The screen after each need alone: what the catalogue's own search gives.
        assert_eq!(first.by_need.len(), 2);
        let housing = crate::Query {
            choices: crate::Choices { needs: vec!["housing".into()], ..crate::Choices::default() },
            ..crate::Query::default()
        };
        let expected = full.search(&housing, &options);
        assert_eq!((first.by_need[1].total, first.by_need[1].cards.clone()), (1, vec![1]));
        assert_eq!(Some(&first.by_need[1].counts), expected.counts.as_ref());
        let with_hours = CATALOGUE.replace(
            r#""cost": "Free""#,
            r#""cost": "Free", "schedule": {"weekly": {"mon": ["09:00-17:00"]}}"#,
        );
        let entry = write(&with_hours, 2).unwrap().entry_text;
        assert!(PackEntry::first_screen(&entry).expect("a first screen").hours);
        // An entry without one (or a catalogue) has none.
        assert!(PackEntry::first_screen(CATALOGUE).is_none());
        let bare = r#"{"program_finder_pack": 2, "id": "0123456789abcdef", "programs": 3, "chunk": 2}"#;
        assert!(PackEntry::first_screen(bare).is_none());
    }

    #[test]
    fn chunks_give_back_the_programs_as_written() {
        let pack = pack();
        let catalogue = facts(&pack);
        assert_eq!(catalogue.programs[0].name, "-", "the facts carry no text");
        assert!(catalogue.programs[0].cost.is_some() && catalogue.programs[1].cost.is_none());
        let full = finder_core::catalogue::load(CATALOGUE).unwrap().catalogue;
        let second = std::str::from_utf8(file(&pack, &pack.entry.chunk_file(1))).unwrap();
        assert_eq!(pack.entry.read_chunk(second, 1, &catalogue).unwrap(), full.programs[2..]);
        // Asked for as another chunk, cut short, or from another version: never used.
        assert!(matches!(pack.entry.read_chunk(second, 0, &catalogue), Err(PackError::Damaged(_))));
        let cut = &second[..second.len() - 20];
        assert!(matches!(pack.entry.read_chunk(cut, 1, &catalogue), Err(PackError::Damaged(_))));
        let other = second.replacen(&pack.entry.id, "0123456789abcdef", 1);
        assert!(matches!(pack.entry.read_chunk(&other, 1, &catalogue), Err(PackError::OtherVersion(_))));
    }

    #[test]
    fn index_files_cut_short_or_of_another_version_are_refused() {
        let pack = pack();
        let catalogue = facts(&pack);
        let start = file(&pack, &pack.entry.start_file());
        let (terms, _) = pack.entry.split_start(start).unwrap();
        let index = pack.entry.read_index(terms, &catalogue).unwrap();
        for cut in [0, 3, 12, 30, terms.len() + 20] {
            let refused = pack.entry.split_start(&start[..cut]);
            assert!(matches!(refused, Err(PackError::Damaged(_))), "{cut} bytes");
        }
        let mut other = start.to_vec();
        other[6] ^= 2; // the id
        assert!(matches!(pack.entry.split_start(&other), Err(PackError::OtherVersion(_))));
        let mut flipped = start.to_vec();
        flipped[27] ^= 1; // the terms: the checksum catches it
        assert!(matches!(pack.entry.split_start(&flipped), Err(PackError::Damaged(_))));
        // Facts cut short or changed: the checksum catches them; facts that do not read
        // (whatever the checksum) are refused too.
        assert!(matches!(pack.entry.split_start(&start[..start.len() - 10]), Err(PackError::Damaged(_))));
        let mut changed = start.to_vec();
        let at = changed.len() - 12;
        changed[at] ^= 4;
        assert!(matches!(pack.entry.split_start(&changed), Err(PackError::Damaged(_))));
        let own = PackEntry::first_screen(&pack.entry_text).unwrap().own;
        let (_, facts) = pack.entry.split_start(start).unwrap();
        for cut in [0, 5, facts.len() / 2, facts.len() - 1] {
            assert!(pack.entry.read_facts(&facts[..cut], &own).is_err(), "facts cut at {cut}");
        }
        let full = finder_core::catalogue::load(CATALOGUE).unwrap().catalogue;
        let read = pack.entry.read_facts(facts, &own).unwrap();
        for (got, expected) in read.programs.iter().zip(&full.programs) {
            assert_eq!(
                (&got.id, &got.needs, &got.towns, got.serves.clone()),
                (&expected.id, &expected.needs, &expected.towns, expected.serves.clone())
            );
            assert_eq!(
                (got.ages, got.statewide, &got.languages),
                (expected.ages, expected.statewide, &expected.languages)
            );
        }
        let fragment = file(&pack, &pack.entry.fragment_file(0));
        let cut = &fragment[..fragment.len() - 3];
        assert!(matches!(pack.entry.add_fragment(&index, 0, cut), Err(PackError::Damaged(_))));
        let mut other = fragment.to_vec();
        other[6] ^= 2; // the id
        assert!(matches!(pack.entry.add_fragment(&index, 0, &other), Err(PackError::OtherVersion(_))));
        let mut flipped = fragment.to_vec();
        flipped[25] ^= 1; // the postings: the checksum catches it
        assert!(matches!(pack.entry.add_fragment(&index, 0, &flipped), Err(PackError::Damaged(_))));
        // A file under another's number: postings as spans, spans as postings.
        let spans = file(&pack, &pack.entry.fragment_file(1));
        assert!(pack.entry.add_fragment(&index, 1, fragment).is_err());
        assert!(pack.entry.add_fragment(&index, 0, spans).is_err());
        let mut cut_spans = spans.to_vec();
        cut_spans.truncate(spans.len() - 9);
        assert!(pack.entry.add_fragment(&index, 1, &cut_spans).is_err());

        // The search waits for its postings, then finds what the catalogue's own index
        // finds; one word needs no spans.
        let query = crate::Query { text: "pantry".into(), ..crate::Query::default() };
        let options = crate::SearchOptions::default();
        assert_eq!(index.search(&query, &options).total, 0);
        assert_eq!(index.missing(), vec![0]);
        pack.entry.add_fragment(&index, 0, fragment).unwrap();
        let full = crate::SearchIndex::new(&finder_core::catalogue::load(CATALOGUE).unwrap().catalogue);
        assert_eq!(index.search(&query, &options), full.search(&query, &options));
        assert!(index.search(&query, &options).total > 0);
        assert!(index.missing().is_empty());
        // Two words need where they are (how far apart), asked for with their postings.
        let two = crate::Query { text: "mobile pantry".into(), ..crate::Query::default() };
        index.search(&two, &options);
        assert_eq!(index.missing(), vec![1]);
        pack.entry.add_fragment(&index, 1, spans).unwrap();
        assert_eq!(index.search(&two, &options), full.search(&two, &options));
        assert_eq!(index.search(&two, &options).total, 1);
        assert!(index.missing().is_empty());
    }

    #[test]
    fn the_facts_read_back_as_the_catalogue_reader_reads_them() {
        // The sample catalogue: hours, ages in months, fallbacks, languages, areas.
        let text = include_str!("../../public/sample-catalogue.json");
        let pack = write(text, 8).expect("the sample packs");
        let full = finder_core::catalogue::load(text).unwrap().catalogue;
        let read = facts(&pack);
        assert_eq!(read.programs.len(), full.programs.len());
        assert!(
            full.programs.iter().any(|p| p.schedule.is_some()) && full.programs.iter().any(|p| p.fallback)
        );
        for (got, expected) in read.programs.iter().zip(&full.programs) {
            let free = |p: &Program| p.cost.as_deref().is_some_and(finder_core::cost::is_free);
            let facts = |p: &Program| {
                (
                    p.index,
                    p.id.clone(),
                    p.needs.clone(),
                    p.towns.clone(),
                    p.serves.clone(),
                    p.statewide,
                    p.fallback,
                )
            };
            assert_eq!(facts(got), facts(expected));
            assert_eq!(
                (got.minimum_age, got.maximum_age, got.ages),
                (expected.minimum_age, expected.maximum_age, expected.ages)
            );
            assert_eq!(
                (&got.languages, &got.schedule, free(got)),
                (&expected.languages, &expected.schedule, free(expected))
            );
        }
        // So the index over them is the catalogue's.
        let options = crate::SearchOptions { counts: true, ..crate::SearchOptions::default() };
        let query = crate::Query::default();
        let from_facts = crate::SearchIndex::new(&read).search(&query, &options);
        assert_eq!(from_facts, crate::SearchIndex::new(&full).search(&query, &options));
    }

    #[test]
    fn facts_with_ages_the_reader_would_refuse_are_refused() {
        // Found by the fuzz target: a changed age (1e300, NaN, -1, or a maximum below the
        // minimum) must fail as a damaged file, never become a nonsense age range.
        let pack = pack();
        let own = PackEntry::first_screen(&pack.entry_text).unwrap().own;
        let (_, facts) = pack.entry.split_start(file(&pack, &pack.entry.start_file())).unwrap();
        let three = 3.0f64.to_le_bytes();
        let at = facts.windows(8).position(|w| w == three).expect("program c's minimum age");
        assert!(pack.entry.read_facts(facts, &own).is_ok());
        for age in [1e300, f64::NAN, -1.0, 121.0] {
            let mut changed = facts.to_vec();
            changed[at..at + 8].copy_from_slice(&age.to_le_bytes());
            assert!(pack.entry.read_facts(&changed, &own).is_err(), "{age}");
        }
        let with_both = CATALOGUE.replace(r#""minimum_age": 3"#, r#""minimum_age": 3, "maximum_age": 5"#);
        let both = write(&with_both, 2).unwrap();
        let own = PackEntry::first_screen(&both.entry_text).unwrap().own;
        let (_, facts) = both.entry.split_start(file(&both, &both.entry.start_file())).unwrap();
        let at = facts.windows(8).position(|w| w == three).unwrap();
        let mut swapped = facts.to_vec();
        swapped[at..at + 8].copy_from_slice(&9.0f64.to_le_bytes());
        assert!(both.entry.read_facts(&swapped, &own).is_err(), "a maximum below the minimum");
    }

    #[test]
    fn a_catalogue_with_problems_is_not_packed() {
        let broken = CATALOGUE.replace(r#""needs": ["housing"]"#, r#""needs": ["housin"]"#);
        assert!(matches!(write(&broken, 2), Err(super::write::Refused::Problems(n)) if n > 0));
        assert!(matches!(write("[]", 2), Err(super::write::Refused::Unreadable(_))));
    }
}

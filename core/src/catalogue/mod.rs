//! The catalogue: what staff publish, and how a file becomes one.
//!
//! [`load`] reads catalogue JSON (format version 1). A file that is not JSON, not a
//! catalogue, or of another version is refused with a [`LoadError`] saying why. Inside a
//! good file, one broken program never hides the others: it is skipped and reported as
//! a [`Problem`], and a bad value in an optional field is dropped and reported while the
//! program still shows. Unknown fields are ignored, so the format can grow.
//!
//! ```
//! let json = r#"{ "version": 1,
//!   "needs": [{ "id": "food", "label": "Food & nutrition" }],
//!   "programs": [
//!     { "id": "pantry", "name": "Mobile pantry", "needs": ["food"], "towns": ["Hartford"] },
//!     { "id": "broken", "name": "No place", "needs": ["food"] }
//!   ] }"#;
//! let loaded = finder_core::catalogue::load(json).unwrap();
//! assert_eq!(loaded.catalogue.programs.len(), 1);
//! assert_eq!(loaded.problems[0].path, "programs[1]");
//! ```

mod places;
mod program;

use std::collections::{BTreeMap, HashSet};

use crate::age::AgeRange;
use crate::fields::{Fields, Problem};
use crate::hours::{Schedule, TimeZone};
use crate::json::{self, Json, Object};
use crate::towns::{Places, TownSet};

/// The only catalogue format version this finder reads.
pub const FORMAT_VERSION: u64 = 1;

/// A kind of help a family can look for, such as food or housing.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    /// Stable identifier used in programs and page attributes, e.g. `"food"`.
    pub id: String,
    /// What families read, e.g. "Food & nutrition".
    pub label: String,
    /// The label in other languages, by language code.
    pub labels: BTreeMap<String, String>,
}

impl Need {
    /// The label in `language`, or the English one.
    pub fn label_in(&self, language: &str) -> &str {
        self.labels.get(language).map_or(&self.label, String::as_str)
    }

    /// `Some("en")` when [`Need::label_in`] falls back to the English label, so the page
    /// can mark it and screen readers pronounce it as English.
    pub fn fallback_language(&self, language: &str) -> Option<&'static str> {
        (language != "en" && !self.labels.contains_key(language)).then_some("en")
    }
}

/// One program, checked: every value here passed the rules.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Program {
    /// Where the program is in the file's `programs` list (counting skipped ones).
    pub index: usize,
    pub id: String,
    pub name: String,
    pub organization: Option<String>,
    pub description: Option<String>,
    /// Need ids, all defined in the catalogue's `needs`.
    pub needs: Vec<String>,
    /// Place names as written in the catalogue (towns, counties, villages, declared places
    /// and areas), known ones only.
    pub towns: Vec<String>,
    pub statewide: bool,
    /// Shown to every family whose choices match no program ("No programs match"), so a
    /// search never ends at a dead end: for help lines that serve anyone, such as 2-1-1.
    /// Staff mark a few (`"fallback": true`); the checker warns when one cannot be reached
    /// by phone or website, is not statewide, or when there are more than
    /// [`crate::check::MOST_FALLBACKS`]. Being a fallback changes nothing else: the program
    /// is found, filtered and counted like any other.
    pub fallback: bool,
    /// In years, as in Open Referral HSDS.
    pub minimum_age: Option<f64>,
    pub maximum_age: Option<f64>,
    pub phone: Option<String>,
    /// Always an `http` or `https` address.
    pub website: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    /// Opening hours as free text, shown as written.
    pub hours: Option<String>,
    /// Structured opening hours, in the catalogue's [`Catalogue::time_zone`]; `None` when
    /// the program has none, or when they could not be read (reported as a problem).
    pub schedule: Option<Schedule>,
    pub eligibility: Option<String>,
    /// Language codes such as `"en"`, `"es"`.
    pub languages: Vec<String>,
    pub cost: Option<String>,
    /// When staff last confirmed the details (YYYY-MM-DD).
    pub last_reviewed: Option<String>,
    /// The program's text in other languages, by language code.
    pub translations: BTreeMap<String, ProgramText>,
    /// Every town the program serves, counties, villages and areas resolved.
    pub serves: TownSet,
    /// `minimum_age`..`maximum_age` as months.
    pub ages: AgeRange,
}

/// A program's text in another language; `None` falls back to English.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ProgramText {
    pub name: Option<String>,
    pub description: Option<String>,
    pub eligibility: Option<String>,
    pub hours: Option<String>,
    pub cost: Option<String>,
}

/// A whole catalogue: its needs and its programs, in the order staff wrote them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Catalogue {
    pub title: Option<String>,
    /// A line families should see, e.g. that this is sample data.
    pub notice: Option<String>,
    /// When staff last updated the file, as written (`"2026-11-01"`).
    pub updated: Option<String>,
    /// The zone whose clock every program's `schedule` follows (default New York).
    pub time_zone: TimeZone,
    pub needs: Vec<Need>,
    /// Connecticut's towns, then the places outside Connecticut the catalogue declares
    /// (`places`): what every [`crate::towns::Town`] of this catalogue is an index into.
    /// Everything that names, resolves or suggests a place for this catalogue asks it.
    pub places: Places,
    /// Named groups of towns programs may list, as the catalogue spells them: regions,
    /// which may mix Connecticut's towns with declared places.
    pub areas: Vec<(String, TownSet)>,
    pub programs: Vec<Program>,
}

/// What a catalogue pack's start file keeps of a program (`finder_search::pack`): what
/// filtering, counting, the saved list and "open now" read, as a checked program holds
/// them (known needs and places only, language codes canonical).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgramFacts {
    pub id: String,
    pub needs: Vec<String>,
    pub towns: Vec<String>,
    pub statewide: bool,
    pub fallback: bool,
    pub free: bool,
    /// Years from 0 to [`crate::age::MAX_AGE_YEARS`], the minimum not above the maximum,
    /// as the reader accepts them.
    pub minimum_age: Option<f64>,
    pub maximum_age: Option<f64>,
    pub languages: Vec<String>,
    /// The `schedule` as the catalogue wrote it (JSON text).
    pub schedule: Option<String>,
    /// Every town `towns` serves ([`Catalogue::towns_served`]), worked out by the caller,
    /// who sees the same few hundred names again and again.
    pub serves: TownSet,
}

impl Catalogue {
    /// The towns a place name of a program's `towns` serves (a town, a county, a village,
    /// a declared place or an area), as the reader resolves it; none for an unknown name.
    pub fn towns_served(&self, place: &str) -> TownSet {
        places::towns_of(place, &self.places, &self.areas).unwrap_or_default()
    }

    /// Program `index` from its facts alone, resolved as the reader resolves a program's:
    /// its ages as months, its schedule read (one that cannot be read is left out, as the
    /// reader leaves it). Its name is a dash and its cost "free" or none: its text comes
    /// from elsewhere. Its ages are the caller's to check ([`ProgramFacts`]).
    pub fn program_from_facts(&self, index: usize, facts: ProgramFacts) -> Program {
        let schedule = facts.schedule.and_then(|text| {
            let value = json::parse(&text).ok()?;
            crate::hours::read::read(&value, "schedule", &mut Vec::new())
        });
        Program {
            index,
            id: facts.id,
            name: "-".into(),
            needs: facts.needs,
            towns: facts.towns,
            statewide: facts.statewide,
            fallback: facts.fallback,
            minimum_age: facts.minimum_age,
            maximum_age: facts.maximum_age,
            languages: facts.languages,
            cost: facts.free.then(|| "free".into()),
            schedule,
            serves: facts.serves,
            ages: AgeRange::from_years(facts.minimum_age, facts.maximum_age),
            ..Program::default()
        }
    }

    /// The need with this id.
    pub fn need(&self, id: &str) -> Option<&Need> {
        self.needs.iter().find(|need| need.id == id)
    }

    /// The programs staff marked `"fallback": true`, in catalogue order: what to show a
    /// family whose choices match nothing. All of them, however many (the checker warns
    /// staff above [`crate::check::MOST_FALLBACKS`]), whatever the family chose.
    pub fn fallbacks(&self) -> impl Iterator<Item = &Program> {
        self.programs.iter().filter(|program| program.fallback)
    }
}

/// A catalogue and everything that was wrong inside it.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub catalogue: Catalogue,
    /// Skipped programs and dropped values, in file order.
    pub problems: Vec<Problem>,
}

/// Why a file could not be used as a catalogue at all.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The text is not JSON. Holds the parser's message with line and column.
    NotJson(String),
    /// JSON, but not shaped like a catalogue. Holds what is missing or wrong.
    NotACatalogue(String),
    /// A catalogue of a format version this finder does not read.
    UnsupportedVersion(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotJson(why) => write!(f, "the file is not valid JSON: {why}"),
            LoadError::NotACatalogue(why) => write!(f, "the file is not a program catalogue: {why}"),
            LoadError::UnsupportedVersion(found) => write!(
                f,
                "the catalogue has \"version\": {found}, but this finder reads version {FORMAT_VERSION}"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads a catalogue from JSON text. See the module documentation.
pub fn load(json: &str) -> Result<Loaded, LoadError> {
    let mut loading = Loading::start(json)?;
    while !loading.step(usize::MAX) {}
    Ok(loading.finish())
}

/// A catalogue being read a few programs at a time, so that a page can stay responsive
/// while a big one loads: [`Loading::start`], then [`Loading::step`] until it says it
/// is done, then [`Loading::finish`]. The result is exactly [`load`]'s.
pub struct Loading<'a> {
    header: (Option<String>, Option<String>, Option<String>),
    time_zone: TimeZone,
    needs: Vec<Need>,
    places: Places,
    areas: Vec<(String, TownSet)>,
    raw_programs: Vec<&'a str>,
    next: usize,
    programs: Vec<Program>,
    // A set, not a scan of earlier programs: a scan made 50,000 programs take 17 s to load.
    ids_seen: HashSet<String>,
    problems: Vec<Problem>,
}

impl<'a> Loading<'a> {
    /// Checks the file as a whole (JSON, version, needs, places, areas); reads no program yet.
    pub fn start(json: &'a str) -> Result<Loading<'a>, LoadError> {
        // The top level is read with each value left as text, and each program is read on
        // its own: a tree of the whole file held 320 MB at once for 50,000 programs and
        // spent most of the loading time allocating and freeing it.
        let top = json::parse_object_raw(json).map_err(|e| match e.wrong_kind {
            true => LoadError::NotACatalogue(
                "it should be a JSON object with \"version\", \"needs\" and \"programs\"".into(),
            ),
            false => LoadError::NotJson(e.to_string()),
        })?;
        let mut root = Object::default();
        for (key, raw) in top.iter() {
            if key != "programs" {
                // Checked as JSON with the rest of the file: this cannot fail.
                let value = json::parse(raw).map_err(|e| LoadError::NotJson(e.to_string()))?;
                root.insert(key.clone(), value);
            }
        }
        check_version(&root)?;
        let mut problems = Vec::new();
        let needs = read_needs(&root, &mut problems)?;
        let raw_programs: Vec<&str> = match top.get("programs") {
            Some(raw) => json::parse_list_raw(raw)
                .map_err(|_| LoadError::NotACatalogue("\"programs\" should be a list".into()))?,
            None => return Err(LoadError::NotACatalogue("it has no \"programs\" list".into())),
        };
        let mut header = Fields::new(&root, String::new(), &mut problems);
        let header = (header.text("title"), header.text("notice"), header.date("updated"));
        let time_zone = crate::hours::read::time_zone(root.get("time_zone"), &mut problems);
        let places = places::read_places(&root, &mut problems);
        let areas = places::read_areas(&root, &places, &mut problems);
        Ok(Loading {
            header,
            time_zone,
            needs,
            places,
            areas,
            programs: Vec::with_capacity(raw_programs.len()),
            ids_seen: HashSet::with_capacity(raw_programs.len()),
            raw_programs,
            next: 0,
            problems,
        })
    }

    /// Reads up to `count` more programs; `true` when every program has been read.
    pub fn step(&mut self, count: usize) -> bool {
        let end = self.next.saturating_add(count).min(self.raw_programs.len());
        for index in self.next..end {
            let path = format!("programs[{index}]");
            // Already checked as JSON by `start`, so this cannot fail; `Null` is reported
            // as "not an object" if it somehow did.
            let raw = json::parse(self.raw_programs[index]).unwrap_or(Json::Null);
            match program::read(
                &raw,
                index,
                &path,
                &self.needs,
                (&self.places, &self.areas),
                &mut self.problems,
            ) {
                Some(program) if !self.ids_seen.insert(program.id.clone()) => {
                    self.problems.push(Problem::skipped(
                        path,
                        format!("the id \"{}\" is already used by an earlier program", program.id),
                    ));
                }
                Some(program) => self.programs.push(program),
                None => {}
            }
        }
        self.next = end;
        self.next >= self.raw_programs.len()
    }

    /// How many programs the file lists, and how many have been read.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.raw_programs.len())
    }

    /// The catalogue; programs not read yet by [`Loading::step`] are left out.
    pub fn finish(self) -> Loaded {
        let (title, notice, updated) = self.header;
        let catalogue = Catalogue {
            title,
            notice,
            updated,
            time_zone: self.time_zone,
            needs: self.needs,
            places: self.places,
            areas: self.areas,
            programs: self.programs,
        };
        Loaded { catalogue, problems: self.problems }
    }
}

/// Reads programs written elsewhere than the catalogue's own file (a catalogue pack's
/// text chunks, `finder_search::pack`) against `catalogue`'s needs and places. `raw` is a
/// JSON list of programs; `first` is the position of its first program in the catalogue.
/// Strict: a pack is only written from a catalogue with no problem, so any problem here
/// means the file is not what was written, and nothing of it is used.
pub fn read_programs(catalogue: &Catalogue, raw: &str, first: usize) -> Result<Vec<Program>, String> {
    let list = json::parse_list_raw(raw).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    let mut programs = Vec::with_capacity(list.len());
    for (offset, raw) in list.into_iter().enumerate() {
        let index = first + offset;
        let value = json::parse(raw).map_err(|e| e.to_string())?;
        let path = format!("programs[{index}]");
        let read = program::read(
            &value,
            index,
            &path,
            &catalogue.needs,
            (&catalogue.places, &catalogue.areas),
            &mut problems,
        );
        match (read, problems.first()) {
            (Some(program), None) => programs.push(program),
            (_, problem) => return Err(problem.map_or_else(|| path, ToString::to_string)),
        }
    }
    Ok(programs)
}

fn check_version(root: &Object) -> Result<(), LoadError> {
    match root.get("version") {
        Some(Json::Number(json::Number::Unsigned(n))) if *n == FORMAT_VERSION => Ok(()),
        Some(other) => Err(LoadError::UnsupportedVersion(other.to_string())),
        None => Err(LoadError::NotACatalogue("it has no \"version\" (use \"version\": 1)".into())),
    }
}

fn read_needs(root: &Object, problems: &mut Vec<Problem>) -> Result<Vec<Need>, LoadError> {
    let raw = match root.get("needs") {
        Some(Json::Array(needs)) => needs,
        Some(_) => return Err(LoadError::NotACatalogue("\"needs\" should be a list".into())),
        None => return Err(LoadError::NotACatalogue("it has no \"needs\" list".into())),
    };
    let mut needs: Vec<Need> = Vec::with_capacity(raw.len());
    for (index, need) in raw.iter().enumerate() {
        let path = format!("needs[{index}]");
        let Json::Object(object) = need else {
            problems.push(Problem::ignored(path, "a need should be an object with \"id\" and \"label\""));
            continue;
        };
        let mut fields = Fields::new(object, path.clone(), problems);
        let Some(id) = fields.required_text("id") else {
            continue;
        };
        let label = fields.text("label").unwrap_or_else(|| id.clone());
        let labels = fields.text_map("labels");
        if needs.iter().any(|n| n.id == id) {
            problems.push(Problem::ignored(path, format!("the need \"{id}\" is defined twice")));
            continue;
        }
        needs.push(Need { id, label, labels });
    }
    Ok(needs)
}

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

use serde_json::{Map, Value};

use crate::age::AgeRange;
use crate::fields::{Fields, Problem};
use crate::towns::{resolve_place, TownSet};

/// The only catalogue format version this finder reads.
pub const FORMAT_VERSION: u64 = 1;

/// A kind of help a family can look for, such as food or housing.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    /// Stable identifier used in programs and page attributes, e.g. `"food"`.
    pub id: String,
    /// What families read, e.g. "Food & nutrition".
    pub label: String,
}

/// One program, checked: every value here passed the rules.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Program {
    pub id: String,
    pub name: String,
    pub organization: Option<String>,
    pub description: Option<String>,
    /// Need ids, all defined in the catalogue's `needs`.
    pub needs: Vec<String>,
    /// Place names as written in the catalogue (towns, counties, villages), known ones only.
    pub towns: Vec<String>,
    pub statewide: bool,
    /// In years, as in Open Referral HSDS.
    pub minimum_age: Option<f64>,
    pub maximum_age: Option<f64>,
    pub phone: Option<String>,
    /// Always an `http` or `https` address.
    pub website: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub hours: Option<String>,
    pub eligibility: Option<String>,
    /// Language codes such as `"en"`, `"es"`.
    pub languages: Vec<String>,
    pub cost: Option<String>,
    /// Every town the program serves, counties and villages resolved.
    pub serves: TownSet,
    /// `minimum_age`..`maximum_age` as months.
    pub ages: AgeRange,
}

/// A whole catalogue: its needs and its programs, in the order staff wrote them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Catalogue {
    pub title: Option<String>,
    /// A line families should see, e.g. that this is sample data.
    pub notice: Option<String>,
    /// When staff last updated the file, as written (`"2026-11-01"`).
    pub updated: Option<String>,
    pub needs: Vec<Need>,
    pub programs: Vec<Program>,
}

impl Catalogue {
    /// The need with this id.
    pub fn need(&self, id: &str) -> Option<&Need> {
        self.needs.iter().find(|need| need.id == id)
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
    let value: Value = serde_json::from_str(json).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let Value::Object(root) = value else {
        return Err(LoadError::NotACatalogue(
            "it should be a JSON object with \"version\", \"needs\" and \"programs\"".into(),
        ));
    };
    check_version(&root)?;
    let mut problems = Vec::new();
    let needs = read_needs(&root, &mut problems)?;
    let raw_programs = match root.get("programs") {
        Some(Value::Array(programs)) => programs,
        Some(_) => {
            return Err(LoadError::NotACatalogue(
                "\"programs\" should be a list".into(),
            ))
        }
        None => {
            return Err(LoadError::NotACatalogue(
                "it has no \"programs\" list".into(),
            ))
        }
    };
    let mut header = Fields::new(&root, String::new(), &mut problems);
    let title = header.text("title");
    let notice = header.text("notice");
    let updated = header.text("updated");

    let mut programs: Vec<Program> = Vec::with_capacity(raw_programs.len());
    for (index, raw) in raw_programs.iter().enumerate() {
        let path = format!("programs[{index}]");
        match read_program(raw, &path, &needs, &mut problems) {
            Some(program) if programs.iter().any(|p| p.id == program.id) => {
                problems.push(Problem::skipped(
                    path,
                    format!(
                        "the id \"{}\" is already used by an earlier program",
                        program.id
                    ),
                ));
            }
            Some(program) => programs.push(program),
            None => {}
        }
    }
    let catalogue = Catalogue {
        title,
        notice,
        updated,
        needs,
        programs,
    };
    Ok(Loaded {
        catalogue,
        problems,
    })
}

fn check_version(root: &Map<String, Value>) -> Result<(), LoadError> {
    match root.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => Ok(()),
        Some(other) => Err(LoadError::UnsupportedVersion(other.to_string())),
        None => Err(LoadError::NotACatalogue(
            "it has no \"version\" (use \"version\": 1)".into(),
        )),
    }
}

fn read_needs(
    root: &Map<String, Value>,
    problems: &mut Vec<Problem>,
) -> Result<Vec<Need>, LoadError> {
    let raw = match root.get("needs") {
        Some(Value::Array(needs)) => needs,
        Some(_) => {
            return Err(LoadError::NotACatalogue(
                "\"needs\" should be a list".into(),
            ))
        }
        None => return Err(LoadError::NotACatalogue("it has no \"needs\" list".into())),
    };
    let mut needs: Vec<Need> = Vec::with_capacity(raw.len());
    for (index, need) in raw.iter().enumerate() {
        let path = format!("needs[{index}]");
        let Value::Object(object) = need else {
            problems.push(Problem::ignored(
                path,
                "a need should be an object with \"id\" and \"label\"",
            ));
            continue;
        };
        let mut fields = Fields::new(object, path.clone(), problems);
        let Some(id) = fields.required_text("id") else {
            continue;
        };
        let label = fields.text("label").unwrap_or_else(|| id.clone());
        if needs.iter().any(|n| n.id == id) {
            problems.push(Problem::ignored(
                path,
                format!("the need \"{id}\" is defined twice"),
            ));
            continue;
        }
        needs.push(Need { id, label });
    }
    Ok(needs)
}

/// Checks one program. `None` means it breaks a rule and is skipped (the reason is in
/// `problems`); bad optional values are dropped and reported.
fn read_program(
    raw: &Value,
    path: &str,
    needs: &[Need],
    problems: &mut Vec<Problem>,
) -> Option<Program> {
    let Value::Object(object) = raw else {
        problems.push(Problem::skipped(path, "a program should be a JSON object"));
        return None;
    };
    let mut fields = Fields::new(object, path.to_string(), problems);
    let id = fields.required_text("id");
    let name = fields.required_text("name");
    let mut program = Program {
        organization: fields.text("organization"),
        description: fields.text("description"),
        phone: fields.text("phone"),
        website: fields.web_address("website"),
        email: fields.email("email"),
        address: fields.text("address"),
        hours: fields.text("hours"),
        eligibility: fields.text("eligibility"),
        languages: fields.text_list("languages").unwrap_or_default(),
        cost: fields.text("cost"),
        statewide: fields.flag("statewide").unwrap_or(false),
        minimum_age: fields.age("minimum_age")?,
        maximum_age: fields.age("maximum_age")?,
        ..Program::default()
    };
    let listed_needs = fields.text_list("needs");
    let listed_towns = fields.text_list("towns");

    if let (Some(min), Some(max)) = (program.minimum_age, program.maximum_age) {
        if max < min {
            problems.push(Problem::skipped(
                path,
                format!("\"maximum_age\" ({max}) is below \"minimum_age\" ({min})"),
            ));
            return None;
        }
    }
    program.ages = AgeRange::from_years(program.minimum_age, program.maximum_age);

    let Some(listed_needs) = listed_needs else {
        problems.push(Problem::skipped(path, "it has no \"needs\" list"));
        return None;
    };
    for (index, need) in listed_needs.into_iter().enumerate() {
        if needs.iter().any(|n| n.id == need) {
            program.needs.push(need);
        } else {
            problems.push(Problem::ignored(
                format!("{path}.needs[{index}]"),
                format!("\"{need}\" is not one of the catalogue's needs"),
            ));
        }
    }
    if program.needs.is_empty() {
        problems.push(Problem::skipped(
            path,
            "it has no need from the catalogue's \"needs\"",
        ));
        return None;
    }

    for (index, place) in listed_towns
        .clone()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        match resolve_place(&place) {
            Some(resolved) => {
                resolved
                    .towns()
                    .into_iter()
                    .for_each(|t| program.serves.insert(t));
                program.towns.push(place.trim().to_string());
            }
            None => problems.push(Problem::ignored(
                format!("{path}.towns[{index}]"),
                format!("\"{place}\" is not a Connecticut town, county or village"),
            )),
        }
    }
    if !program.statewide && program.serves.is_empty() {
        let why = if listed_towns.is_some() {
            "none of its \"towns\" is a known Connecticut place, and it is not \"statewide\""
        } else {
            "it has neither \"towns\" nor \"statewide\": true"
        };
        problems.push(Problem::skipped(path, why));
        return None;
    }

    program.id = id?;
    program.name = name?;
    Some(program)
}

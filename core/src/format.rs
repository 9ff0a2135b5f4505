//! The catalogue file format, version 1, as plain Rust types.
//!
//! These types are the format's single definition: importers build them, exporters and
//! `catalogue schema` read them, and the JSON Schema in `public/catalogue.schema.json` is
//! generated from them. (Loading for the widget reads the JSON more forgivingly, value by
//! value, so that one bad value never costs a whole file: see [`crate::catalogue::load`].)
//!
//! Field names follow Open Referral HSDS where HSDS has one (`minimum_age`, `maximum_age`).
//! Unknown fields are ignored by readers, so the format can grow without a new version.
//!
//! ```
//! use finder_core::format::{CatalogueFile, ProgramEntry};
//! let mut file = CatalogueFile::new(finder_core::format::standard_needs());
//! file.programs.push(ProgramEntry {
//!     id: "pantry".into(),
//!     name: "Mobile pantry".into(),
//!     needs: vec!["food".into()],
//!     towns: vec!["Hartford".into()],
//!     ..ProgramEntry::default()
//! });
//! let json = file.to_json();
//! assert!(finder_core::catalogue::load(&json).unwrap().problems.is_empty());
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where the published schema lives, relative to a catalogue next to the widget files.
pub const SCHEMA_FILE: &str = "catalogue.schema.json";

/// A whole catalogue file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Program Finder catalogue",
    description = "Community programs for the Program Finder widget (format version 1)."
)]
pub struct CatalogueFile {
    /// The JSON Schema this file follows; lets editors offer completion and checks.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version. Always 1.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// Shown to staff; not to families.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A line families see under the results, e.g. "Sample data".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// When the catalogue was last updated, as YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub updated: Option<String>,
    /// The time zone of every program's `schedule`: the zone whose clock says "open now".
    /// Default `America/New_York`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("enum" = [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico"
    ]))]
    pub time_zone: Option<String>,
    /// The kinds of help families can choose from.
    pub needs: Vec<NeedEntry>,
    /// Towns and cities outside Connecticut that the catalogue serves; programs and areas
    /// name them with their state: "Springfield, MA" (or "Springfield" alone when no
    /// Connecticut place and no other declared place has that name), and a county of them
    /// as "Hampden County, MA". Connecticut's towns are built in and never declared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceEntry>,
    /// Named groups of places (a health district, a service region) that programs may list
    /// in `towns` like a county: `{"Healthy Windham": ["Windham", "Mansfield"]}`. A region
    /// may cross a state line: `{"Enfield area": ["Enfield", "Longmeadow, MA"]}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub areas: BTreeMap<String, Vec<String>>,
    /// The programs, in the order families see them when nothing is chosen.
    pub programs: Vec<ProgramEntry>,
}

/// A town or city outside Connecticut that the catalogue serves:
/// `{"name": "Springfield", "state": "MA", "county": "Hampden"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PlaceEntry {
    /// The town or city alone, as families know it: "Springfield".
    #[schemars(length(min = 1), regex(pattern = r"^[^,]+$"))]
    pub name: String,
    /// The two-letter U.S. state code: "MA". Not "CT": Connecticut's towns are built in.
    #[schemars(regex(pattern = r"^[A-Za-z]{2}$"))]
    pub state: String,
    /// The county, without the word "County": "Hampden". Programs may then list
    /// "Hampden County, MA" for all of the county's declared places.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
}

/// The rule for need ids, as the JSON Schema states it; [`is_need_id`] is the same rule.
pub const NEED_ID_PATTERN: &str = r"^[a-z0-9][a-z0-9-]*$";

/// Whether `id` can be a need id ([`NEED_ID_PATTERN`]): lower case letters, digits and
/// dashes, not starting with a dash.
pub fn is_need_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A kind of help, such as food or housing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NeedEntry {
    /// Stable identifier used in programs and page attributes: lower case, digits, dashes.
    #[schemars(regex(pattern = NEED_ID_PATTERN))]
    pub id: String,
    /// What families read, in English.
    pub label: String,
    /// The label in other languages, by language code: `{"es": "Comida y nutrición"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

/// One program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgramEntry {
    /// Unique within the catalogue; stays the same when the program is edited.
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Need ids from the catalogue's `needs`.
    #[schemars(length(min = 1))]
    pub needs: Vec<String>,
    /// Connecticut towns, counties ("Windham County"), villages ("Willimantic"), the
    /// catalogue's `places` ("Springfield, MA") and their counties ("Hampden County, MA"),
    /// or the catalogue's `areas`. Required unless `statewide` is true.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub towns: Vec<String>,
    /// Serves every town in Connecticut (not the catalogue's own `places` beyond it: list
    /// those in `towns`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub statewide: bool,
    /// Shown to every family whose choices match no program, so that no search ends at
    /// "No programs match": for help lines that serve anyone, such as 2-1-1. Keep it to 5
    /// programs or fewer, each statewide and with a phone or website.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fallback: bool,
    /// Youngest age served, in years (HSDS `minimum_age`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 120))]
    pub minimum_age: Option<f64>,
    /// Oldest age served, in years, through the whole of that year (HSDS `maximum_age`).
    /// A fraction counts in months: 0.5 serves until seven months old.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 120))]
    pub maximum_age: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// An https:// (or http://) address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^https?://"))]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Opening hours as families read them: "Mon–Fri 9am–5pm".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Opening hours the finder can answer "open now" from; see [`ScheduleEntry`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ScheduleEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<String>,
    /// Languages spoken, as codes: `["en", "es"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// "free", "sliding scale", "insurance"...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    /// When staff last confirmed the details, as YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub last_reviewed: Option<String>,
    /// The program's text in other languages, by language code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, ProgramTranslation>,
}

/// A program's text in one other language. Missing fields fall back to English.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgramTranslation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
}

impl ProgramTranslation {
    /// One field by its name in the catalogue (`"description"`), for readers and writers
    /// that go by column name; `None` for a name that has no translation.
    pub fn field_mut(&mut self, name: &str) -> Option<&mut Option<String>> {
        Some(match name {
            "name" => &mut self.name,
            "description" => &mut self.description,
            "eligibility" => &mut self.eligibility,
            "hours" => &mut self.hours,
            "cost" => &mut self.cost,
            _ => return None,
        })
    }
}

/// The pattern of one opening period: two 24-hour times joined by a dash.
const PERIOD_PATTERN: &str =
    r"^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*[-–]\s*(([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)\s*$";

/// A program's opening hours, for "open now", evenings and weekends:
///
/// ```json
/// "schedule": {
///   "weekly": { "mon": ["09:00-17:00"], "fri": ["09:00-12:00", "13:00-17:00"], "sat": ["22:00-02:00"] },
///   "exceptions": [ { "date": "2026-12-25", "closed": true, "note": "Christmas Day" },
///                   { "date": "2026-12-24", "hours": ["09:00-12:00"] } ]
/// }
/// ```
///
/// Times are the catalogue's `time_zone`'s. A day left out of `weekly` is closed. A period
/// that closes at or before it opens runs past midnight (`"22:00-02:00"`); only periods
/// that open at 12:00 or later may.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    /// Opening periods by day of the week; a day left out is closed.
    #[serde(default, skip_serializing_if = "WeekEntry::is_empty")]
    pub weekly: WeekEntry,
    /// Open every hour of every day, such as a crisis line (then `weekly` stays empty).
    #[serde(default, skip_serializing_if = "is_false")]
    pub open_24_hours: bool,
    /// Families need an appointment; `weekly` then gives the hours appointments are made in.
    #[serde(default, skip_serializing_if = "is_false")]
    pub appointment_only: bool,
    /// Dates with other hours than the week's: a holiday closure, a one-off opening.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<ExceptionEntry>,
}

/// Opening periods for each day of the week, such as `"mon": ["09:00-12:00", "13:00-17:00"]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeekEntry {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = PERIOD_PATTERN)))]
    pub mon: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = PERIOD_PATTERN)))]
    pub tue: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = PERIOD_PATTERN)))]
    pub wed: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = PERIOD_PATTERN)))]
    pub thu: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = PERIOD_PATTERN)))]
    pub fri: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = PERIOD_PATTERN)))]
    pub sat: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = PERIOD_PATTERN)))]
    pub sun: Vec<String>,
}

impl WeekEntry {
    /// Each day's periods, Monday first.
    pub fn days(&self) -> [&Vec<String>; 7] {
        [&self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun]
    }

    pub fn day_mut(&mut self, day: crate::hours::Weekday) -> &mut Vec<String> {
        use crate::hours::Weekday::*;
        match day {
            Mon => &mut self.mon,
            Tue => &mut self.tue,
            Wed => &mut self.wed,
            Thu => &mut self.thu,
            Fri => &mut self.fri,
            Sat => &mut self.sat,
            Sun => &mut self.sun,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.days().iter().all(|day| day.is_empty())
    }
}

/// Other hours on a date (or from `date` through `until`): `"closed": true`, or `hours`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExceptionEntry {
    /// YYYY-MM-DD.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub date: String,
    /// The last day, YYYY-MM-DD, for several days in a row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub until: Option<String>,
    /// Closed all day.
    #[serde(default, skip_serializing_if = "is_false")]
    pub closed: bool,
    /// The opening periods instead of the week's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = PERIOD_PATTERN)))]
    pub hours: Vec<String>,
    /// Why, for staff: "Thanksgiving".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl CatalogueFile {
    /// An empty version-1 catalogue with these needs.
    pub fn new(needs: Vec<NeedEntry>) -> CatalogueFile {
        CatalogueFile { version: 1, needs, ..CatalogueFile::default() }
    }

    /// Pretty JSON, two-space indented, ending in a newline: easy to diff and edit.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("catalogue types always serialize");
        text.push('\n');
        text
    }
}

/// The JSON Schema of the format, pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(CatalogueFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("schemas always serialize");
    text.push('\n');
    text
}

/// The needs most community catalogues use: (id, English label, Spanish label).
/// Importers start from these ([`standard_needs`]), and the search's made-up catalogues
/// use them; staff may rename, add or remove needs in their catalogue.
pub const STANDARD_NEEDS: [(&str, &str, &str); 12] = [
    ("food", "Food & nutrition", "Comida y nutrición"),
    ("housing", "Housing & healthy homes", "Vivienda y hogares saludables"),
    ("early-literacy", "Early literacy", "Lectura temprana"),
    ("safety", "Violence & injury prevention", "Prevención de violencia y lesiones"),
    ("mental-health", "Mental health", "Salud mental"),
    ("family-support", "Family support", "Apoyo familiar"),
    ("child-development", "Child development", "Desarrollo infantil"),
    ("pregnancy", "Pregnancy & new baby", "Embarazo y bebé recién nacido"),
    ("recovery", "Substance use recovery", "Recuperación del uso de sustancias"),
    ("transportation", "Transportation", "Transporte"),
    ("health-care", "Health care & screenings", "Atención médica y chequeos"),
    ("older-adults", "Older adults & caregivers", "Adultos mayores y cuidadores"),
];

/// The [`STANDARD_NEEDS`] as a catalogue's `needs`, with English and Spanish labels.
pub fn standard_needs() -> Vec<NeedEntry> {
    STANDARD_NEEDS
        .iter()
        .map(|(id, english, spanish)| NeedEntry {
            id: id.to_string(),
            label: english.to_string(),
            labels: BTreeMap::from([("es".to_string(), spanish.to_string())]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn need_ids_follow_one_rule_in_code_and_schema() {
        let table = [
            ("food", true),
            ("mental-health", true),
            ("211", true),
            ("Food", false),
            ("-food", false),
            ("food help", false),
            ("comida-y-nutrición", false),
            ("", false),
        ];
        for (id, expected) in table {
            assert_eq!(is_need_id(id), expected, "{id:?}");
        }
        let schema: serde_json::Value = serde_json::from_str(&json_schema()).expect("schema is JSON");
        let pattern = schema.pointer("/$defs/NeedEntry/properties/id/pattern");
        assert_eq!(
            pattern.and_then(|p| p.as_str()),
            Some(NEED_ID_PATTERN),
            "the schema states the same rule"
        );
    }
}

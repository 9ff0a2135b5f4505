//! The import report staff read first: what the new catalogue holds, then the notes grouped
//! by kind, each with its count and three examples.
//!
//! A real export gives thousands of notes, most of them the same few things said about
//! different services. One line per note buries what matters, so [`ImportSummary`] counts
//! programs with a need, a place, an age, hours and an address, and groups the notes by
//! [`ImportNote::kind`]: the kind an importer gave, else the message's fixed wording
//! ([`message_shape`]). Groups come largest first. Notes of the `tidied-…` kinds (text the
//! importer repaired, [`crate::import::clean_text`]) say what was done for information and
//! are listed apart. The full list is for scripts: [`notes_as_json_lines`].
//!
//! ```
//! use finder_core::import::{csv, report::ImportSummary};
//! let text = "id,name,needs,towns\na,Pantry,food,Hartford\nb,Clinic,,Vernon\nc,Shelter,,Hartfird\n";
//! let imported = csv::import(text, finder_core::format::standard_needs()).unwrap();
//! let summary = ImportSummary::of(&imported);
//! assert_eq!((summary.programs, summary.with_need), (3, 1));
//! assert_eq!(summary.groups[0].title, "no needs — families will not see this program until it has one");
//! assert_eq!(summary.groups[0].count, 2);
//! assert_eq!(summary.groups[1].title, "\"…\" is not a Connecticut town, county or village; kept, in case it is one of the catalogue's areas — did you mean \"…\"?");
//! ```

use std::collections::HashMap;
use std::fmt;

use super::{ImportNote, Imported};

/// How many notes of a group the summary shows.
const EXAMPLES: usize = 3;

/// The kinds importers give, with the heading the summary shows for them.
const TITLES: &[(&str, &str)] = &[
    (LEFT_OUT, "left out, each with its reason"),
    ("age-from-text", "ages read from eligibility or description text: check them"),
    (
        "ages-in-text-unclear",
        "ages in the text that do not make one range: set minimum_age and maximum_age by hand",
    ),
];

/// The kind of the notes for services (or spreadsheet rows) an importer could not make into
/// programs: the summary
/// counts them beside the programs written, so nothing is dropped without a number.
pub const LEFT_OUT: &str = "left-out";

/// What an import produced, summed up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    /// Programs written to the catalogue.
    pub programs: usize,
    /// Services or rows left out ([`LEFT_OUT`] notes), each for a reason its note gives.
    pub left_out: usize,
    pub with_need: usize,
    /// Towns, areas or statewide.
    pub with_place: usize,
    /// A minimum or a maximum age.
    pub with_age: usize,
    /// A schedule or free-text hours.
    pub with_hours: usize,
    pub with_address: usize,
    /// Notes about problems (all but the `tidied-…` ones), grouped, largest group first.
    pub groups: Vec<NoteGroup>,
    /// What was tidied in the text, one note per kind of repair.
    pub tidied: Vec<ImportNote>,
}

/// The notes of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteGroup {
    /// [`ImportNote::kind`].
    pub kind: String,
    /// The heading: the kind's own words, or the message's fixed wording.
    pub title: String,
    pub count: usize,
    /// The first few notes, in source order.
    pub examples: Vec<ImportNote>,
}

impl ImportSummary {
    pub fn of(imported: &Imported) -> ImportSummary {
        let programs = &imported.catalogue.programs;
        let count =
            |test: &dyn Fn(&crate::format::ProgramEntry) -> bool| programs.iter().filter(|p| test(p)).count();
        let mut groups: Vec<NoteGroup> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut tidied = Vec::new();
        for note in &imported.notes {
            let kind = note.kind().into_owned();
            if kind.starts_with("tidied-") {
                tidied.push(note.clone());
                continue;
            }
            let at = *index.entry(kind.clone()).or_insert_with(|| {
                groups.push(NoteGroup { title: title(&kind), kind, count: 0, examples: Vec::new() });
                groups.len() - 1
            });
            let group = &mut groups[at];
            group.count += 1;
            if group.examples.len() < EXAMPLES {
                group.examples.push(note.clone());
            }
        }
        // Largest first; a stable sort keeps source order between groups of the same size.
        groups.sort_by_key(|g| std::cmp::Reverse(g.count));
        ImportSummary {
            programs: programs.len(),
            left_out: imported.notes.iter().filter(|note| note.kind() == LEFT_OUT).count(),
            with_need: count(&|p| !p.needs.is_empty()),
            with_place: count(&|p| !p.towns.is_empty() || p.statewide),
            with_age: count(&|p| p.minimum_age.is_some() || p.maximum_age.is_some()),
            with_hours: count(&|p| p.schedule.is_some() || p.hours.is_some()),
            with_address: count(&|p| p.address.is_some()),
            groups,
            tidied,
        }
    }

    /// Notes about problems, all groups together.
    pub fn problems(&self) -> usize {
        self.groups.iter().map(|g| g.count).sum()
    }
}

/// A kind's heading; a note without a kind of its own is grouped by its wording, which is
/// its heading too.
fn title(kind: &str) -> String {
    TITLES.iter().find(|(k, _)| *k == kind).map_or(kind, |(_, title)| title).to_string()
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.programs;
        write!(f, "{n} {} written", if n == 1 { "program" } else { "programs" })?;
        match self.left_out {
            0 => writeln!(f)?,
            1 => writeln!(f, "; 1 left out (the reason is below)")?,
            left => writeln!(f, "; {left} left out (the reasons are below)")?,
        }
        let width = n.to_string().len();
        for (count, what) in [
            (self.with_need, "with a need"),
            (self.with_place, "with a place (towns or statewide)"),
            (self.with_age, "with an age"),
            (self.with_hours, "with hours"),
            (self.with_address, "with an address"),
        ] {
            let percent = (count * 100).checked_div(n).map(|p| format!(" ({p}%)")).unwrap_or_default();
            writeln!(f, "  {count:>width$} {what}{percent}")?;
        }
        if !self.groups.is_empty() {
            let (notes, kinds) = (self.problems(), self.groups.len());
            writeln!(
                f,
                "\n{notes} {} to look at, of {kinds} {}:",
                if notes == 1 { "note" } else { "notes" },
                if kinds == 1 { "kind" } else { "kinds" }
            )?;
            let width = self.groups[0].count.to_string().len();
            for group in &self.groups {
                writeln!(f, "\n  {:>width$}  {}", group.count, group.title)?;
                for note in &group.examples {
                    // The place says which; the message only when it differs from the heading.
                    let line =
                        if note.message == group.title { note.place.clone() } else { note.to_string() };
                    writeln!(f, "  {:width$}    {line}", "")?;
                }
                if group.count > group.examples.len() {
                    writeln!(f, "  {:width$}    … and {} more", "", group.count - group.examples.len())?;
                }
            }
        }
        if !self.tidied.is_empty() {
            writeln!(f, "\nText tidied (nothing to do):")?;
            for note in &self.tidied {
                writeln!(f, "  {}", note.message)?;
            }
        }
        Ok(())
    }
}

/// The fixed wording of a message: quoted values (`"…"`, `“…”`) become `"…"`, a list of
/// them one `"…"`, and numbers `N`. Notes that differ only in those are one kind.
pub fn message_shape(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '“' => {
                let close = if c == '"' { '"' } else { '”' };
                let rest: String = chars.clone().collect();
                match rest.find(close) {
                    Some(end) => {
                        let skip = rest[..end].chars().count() + 1;
                        for _ in 0..skip {
                            chars.next();
                        }
                        out.push_str("\"…\"");
                    }
                    None => out.push(c),
                }
            }
            c if c.is_ascii_digit() => {
                // 1,200.5 and 9:30 are one number; "row 4, column" keeps its comma.
                while let Some(&next) = chars.peek() {
                    let inside = matches!(next, ',' | '.' | ':') && {
                        let mut ahead = chars.clone();
                        ahead.next();
                        ahead.peek().is_some_and(char::is_ascii_digit)
                    };
                    if !next.is_ascii_digit() && !inside {
                        break;
                    }
                    chars.next();
                }
                out.push('N');
            }
            _ => out.push(c),
        }
    }
    while out.contains("\"…\", \"…\"") {
        out = out.replace("\"…\", \"…\"", "\"…\"");
    }
    out
}

/// The notes as JSON lines, one object per note: `{"kind": …, "place": …, "message": …}`.
pub fn notes_as_json_lines(notes: &[ImportNote]) -> String {
    let mut out = String::new();
    for note in notes {
        let line = serde_json::json!({ "kind": note.kind(), "place": note.place, "message": note.message });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{CatalogueFile, ProgramEntry};

    #[test]
    fn messages_group_by_their_fixed_wording() {
        let table = [
            ("\"Hartfrod\" is not a Connecticut town", "\"…\" is not a Connecticut town"),
            ("left out: its status is \"inactive\"", "left out: its status is \"…\""),
            (
                "this column has no name in row 3, so its cells are not used",
                "this column has no name in row N, so its cells are not used",
            ),
            ("so \"food\", \"health\" was guessed", "so \"…\" was guessed"),
            ("a “curly” quote and 1,200.5 people", "a \"…\" quote and N people"),
            ("ages 0.5 to 12.", "ages N to N."),
            ("at 9:30, open", "at N, open"),
            ("an \"unclosed quote", "an \"unclosed quote"),
        ];
        for (message, shape) in table {
            assert_eq!(message_shape(message), shape, "{message}");
        }
    }

    fn program(needs: &[&str], towns: &[&str], age: Option<f64>, address: Option<&str>) -> ProgramEntry {
        ProgramEntry {
            needs: needs.iter().map(|s| s.to_string()).collect(),
            towns: towns.iter().map(|s| s.to_string()).collect(),
            minimum_age: age,
            address: address.map(str::to_string),
            ..ProgramEntry::default()
        }
    }

    fn imported(notes: Vec<ImportNote>) -> Imported {
        let mut catalogue = CatalogueFile::new(Vec::new());
        catalogue.programs = vec![
            program(&["food"], &["Hartford"], Some(5.0), Some("1 Main St")),
            program(&[], &["Hartford"], None, None),
            program(&["food"], &[], None, None),
            program(&[], &[], None, None),
        ];
        Imported { catalogue, notes }
    }

    #[test]
    fn the_summary_counts_what_families_will_see_and_groups_notes() {
        let note = |place: &str, message: &str| ImportNote::new(place, message);
        let notes = vec![
            note("service \"A\" (row 2)", "no need found: add one before publishing"),
            note("service \"B\" (row 3)", "\"Hartfrod\" is not a Connecticut town"),
            note("service \"C\" (row 4)", "no need found: add one before publishing"),
            note("service \"D\" (row 5)", "\"Hartfird\" is not a Connecticut town"),
            note("service \"E\" (row 6)", "no need found: add one before publishing"),
            note("service \"F\" (row 7)", "no need found: add one before publishing"),
            note("all programs", "stray spaces removed: 3 programs, e.g. …").with_kind("tidied-spaces"),
            note("service \"A\" (row 2)", "minimum_age 5 read from \"ages 5+\"").with_kind("age-from-text"),
        ];
        let summary = ImportSummary::of(&imported(notes));
        assert_eq!(
            (summary.programs, summary.with_need, summary.with_place, summary.with_age, summary.with_address),
            (4, 2, 2, 1, 1)
        );
        let groups: Vec<(&str, usize)> = summary.groups.iter().map(|g| (g.title.as_str(), g.count)).collect();
        assert_eq!(
            groups,
            [
                ("no need found: add one before publishing", 4),
                ("\"…\" is not a Connecticut town", 2),
                ("ages read from eligibility or description text: check them", 1),
            ]
        );
        assert_eq!(summary.problems(), 7);
        assert_eq!(summary.tidied.len(), 1);
        let text = summary.to_string();
        let expected = "\
4 programs written
  2 with a need (50%)
  2 with a place (towns or statewide) (50%)
  1 with an age (25%)
  0 with hours (0%)
  1 with an address (25%)

7 notes to look at, of 3 kinds:

  4  no need found: add one before publishing
       service \"A\" (row 2)
       service \"C\" (row 4)
       service \"E\" (row 6)
       … and 1 more

  2  \"…\" is not a Connecticut town
       service \"B\" (row 3): \"Hartfrod\" is not a Connecticut town
       service \"D\" (row 5): \"Hartfird\" is not a Connecticut town

  1  ages read from eligibility or description text: check them
       service \"A\" (row 2): minimum_age 5 read from \"ages 5+\"

Text tidied (nothing to do):
  stray spaces removed: 3 programs, e.g. …
";
        assert_eq!(text, expected);
    }

    #[test]
    fn notes_are_json_lines_for_scripts() {
        let notes = [
            ImportNote::new("row 2", "\"x\" is not yes or no — read as no"),
            ImportNote::new("all programs", "done").with_kind("tidied-html"),
        ];
        let lines = notes_as_json_lines(&notes);
        let parsed: Vec<serde_json::Value> =
            lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(parsed[0]["kind"], "\"…\" is not yes or no — read as no");
        assert_eq!(parsed[0]["place"], "row 2");
        assert_eq!(parsed[1]["kind"], "tidied-html");
        assert_eq!(parsed[1]["message"], "done");
    }
}

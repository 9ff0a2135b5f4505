//! Counting repairs per program, for one summary note per kind of repair.
//!
//! An export of 4,000 services in capitals would otherwise give 4,000 notes that all say
//! the same thing. Staff need to know that it happened, how often, and what it looks like:
//! "names in capitals written in title case, acronyms kept: 412 programs, e.g. "ST. MARY'S
//! FOOD PANTRY" → "St. Mary's Food Pantry"".

use super::{clean_name, clean_text, Repair};
use crate::format::ProgramEntry;
use crate::import::ImportNote;

/// How many examples each summary note quotes.
const EXAMPLES: usize = 3;

/// Cleans an import's texts and counts, per kind of repair, the programs it touched.
///
/// Call [`TextCleaner::text`] and [`TextCleaner::name`] for each text of a program (or
/// [`TextCleaner::program`] for a whole [`ProgramEntry`]), then
/// [`TextCleaner::end_program`]; at the end, [`TextCleaner::notes`] gives the summary.
#[derive(Debug, Default)]
pub struct TextCleaner {
    /// Per repair (in [`Repair::ALL`] order): programs touched and the first examples.
    counts: [usize; 5],
    examples: [Vec<(String, String)>; 5],
    /// The repairs of the program being read, each counted once at its end.
    current: [bool; 5],
    /// Leave a text's spacing alone unless it needs another repair too.
    keep_spacing: bool,
}

impl TextCleaner {
    pub fn new() -> TextCleaner {
        TextCleaner::default()
    }

    /// A cleaner for a spreadsheet, which staff typed themselves: a text whose only fault
    /// is its spacing (two spaces, a tab, a line break in a name) is kept as written, so
    /// that exporting a catalogue and importing it again changes nothing. A text that needs
    /// another repair (HTML, broken characters, capitals) is cleaned whole.
    pub fn for_spreadsheet() -> TextCleaner {
        TextCleaner { keep_spacing: true, ..TextCleaner::default() }
    }

    /// A text that may run over lines, cleaned ([`clean_text`]).
    pub fn text(&mut self, text: &str) -> String {
        let (clean, repairs) = clean_text(text);
        self.keep(text, clean, &repairs)
    }

    /// A name, cleaned ([`clean_name`]).
    pub fn name(&mut self, text: &str) -> String {
        let (clean, repairs) = clean_name(text);
        self.keep(text, clean, &repairs)
    }

    fn keep(&mut self, text: &str, clean: String, repairs: &[Repair]) -> String {
        if self.keep_spacing && repairs.iter().all(|&r| r == Repair::Spaces) {
            return text.to_string();
        }
        self.record(text, &clean, repairs);
        clean
    }

    /// [`TextCleaner::text`] on an optional value; a text that cleans to nothing is absent.
    pub fn optional_text(&mut self, text: Option<&str>) -> Option<String> {
        text.map(|t| self.text(t)).filter(|t| !t.is_empty())
    }

    /// [`TextCleaner::name`] on an optional value; a name that cleans to nothing is absent.
    pub fn optional_name(&mut self, text: Option<&str>) -> Option<String> {
        text.map(|t| self.name(t)).filter(|t| !t.is_empty())
    }

    /// Every text of a program, its translations too, then [`TextCleaner::end_program`].
    /// An empty name stays as it was, so the importer's own rules about it still hold.
    pub fn program(&mut self, program: &mut ProgramEntry) {
        let name = self.name(&program.name);
        if !name.is_empty() {
            program.name = name;
        }
        program.organization = self.optional_name(program.organization.as_deref());
        for field in [
            &mut program.description,
            &mut program.eligibility,
            &mut program.hours,
            &mut program.cost,
            &mut program.address,
        ] {
            *field = self.optional_text(field.as_deref());
        }
        for translation in program.translations.values_mut() {
            translation.name = self.optional_name(translation.name.as_deref());
            for field in [
                &mut translation.description,
                &mut translation.eligibility,
                &mut translation.hours,
                &mut translation.cost,
            ] {
                *field = self.optional_text(field.as_deref());
            }
        }
        self.end_program();
    }

    /// Ends a program: each kind of repair made to its texts counts once.
    pub fn end_program(&mut self) {
        for (i, touched) in self.current.iter_mut().enumerate() {
            if std::mem::take(touched) {
                self.counts[i] += 1;
            }
        }
    }

    /// How many programs a kind of repair touched.
    pub fn count(&self, repair: Repair) -> usize {
        self.counts[index(repair)]
    }

    /// One note per kind of repair made, with its count and examples.
    pub fn notes(&self) -> Vec<ImportNote> {
        Repair::ALL
            .into_iter()
            .filter(|&r| self.count(r) > 0)
            .map(|repair| {
                let i = index(repair);
                let examples: Vec<String> =
                    self.examples[i].iter().map(|(before, after)| format!("{before} → {after}")).collect();
                let count = self.counts[i];
                let programs = if count == 1 { "program" } else { "programs" };
                ImportNote::new(
                    "all programs",
                    format!("{}: {count} {programs}, e.g. {}", repair.description(), examples.join("; ")),
                )
                .with_kind(repair.kind())
            })
            .collect()
    }

    fn record(&mut self, before: &str, after: &str, repairs: &[Repair]) {
        for &repair in repairs {
            let i = index(repair);
            self.current[i] = true;
            if self.examples[i].len() < EXAMPLES {
                let example = difference(before, after);
                if !self.examples[i].contains(&example) {
                    self.examples[i].push(example);
                }
            }
        }
    }
}

fn index(repair: Repair) -> usize {
    Repair::ALL.iter().position(|&r| r == repair).unwrap_or(0)
}

/// The part of two texts where they first differ, quoted: a short name whole, a long text
/// from a little before its first change (`"…donâ€™t…"` → `"…don’t…"`); line breaks as ↵.
fn difference(before: &str, after: &str) -> (String, String) {
    const SPAN: usize = 40;
    // Names are quoted whole: they are what staff search the source for.
    const WHOLE: usize = 80;
    // A line break shows as ↵, so that a `\n` written out stays visibly different from one.
    let shown = |text: &str| text.replace("\r\n", "↵").replace(['\n', '\r'], "↵");
    let (before, after) = (shown(before), shown(after));
    if before.chars().count() <= WHOLE && after.chars().count() <= WHOLE {
        return (format!("\"{before}\""), format!("\"{after}\""));
    }
    let same = before.chars().zip(after.chars()).take_while(|(a, b)| a == b).count();
    let start = same.saturating_sub(10);
    let cut = |text: &str| {
        let part: String = text.chars().skip(start).take(SPAN).collect();
        let open = if start > 0 { "…" } else { "" };
        let close = if text.chars().count() > start + SPAN { "…" } else { "" };
        format!("\"{open}{}{close}\"", part.trim())
    };
    (cut(&before), cut(&after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_are_counted_once_per_program_with_examples() {
        let mut cleaner = TextCleaner::new();
        for name in
            ["ST. MARY'S FOOD PANTRY", "WIC PROGRAM", "Food Bank", "YMCA OF GREATER SPRINGFIELD", "THE ARC"]
        {
            cleaner.name(name);
            cleaner.name("ACME SERVICES");
            cleaner.end_program();
        }
        assert_eq!(cleaner.count(Repair::Capitals), 5);
        let notes = cleaner.notes();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].kind(), "tidied-capitals");
        assert_eq!(
            notes[0].message,
            "names in capitals written in title case, acronyms kept: 5 programs, e.g. \"ST. MARY'S FOOD PANTRY\" → \"St. Mary's Food Pantry\"; \"ACME SERVICES\" → \"Acme Services\"; \"WIC PROGRAM\" → \"WIC Program\""
        );
    }

    #[test]
    fn long_texts_are_quoted_where_they_changed() {
        let before = "Our pantry has served the town since 1998 and we donâ€™t ask for proof of income.";
        let after = "Our pantry has served the town since 1998 and we don’t ask for proof of income.";
        assert_eq!(
            difference(before, after),
            (
                "\"…and we donâ€™t ask for proof of income.\"".to_string(),
                "\"…and we don’t ask for proof of income.\"".to_string()
            )
        );
    }

    #[test]
    fn a_whole_program_is_cleaned() {
        let mut program = ProgramEntry {
            name: "MEALS ON WHEELS".into(),
            organization: Some("COMMUNITY RENEWAL TEAM, INC.".into()),
            description: Some("<p>Hot meals &amp; a visit.</p>".into()),
            eligibility: Some("Adults 60+\\nHomebound".into()),
            cost: Some("   ".into()),
            ..ProgramEntry::default()
        };
        let mut cleaner = TextCleaner::new();
        cleaner.program(&mut program);
        assert_eq!(program.name, "Meals on Wheels");
        assert_eq!(program.organization.as_deref(), Some("Community Renewal Team, Inc."));
        assert_eq!(program.description.as_deref(), Some("Hot meals & a visit."));
        assert_eq!(program.eligibility.as_deref(), Some("Adults 60+\nHomebound"));
        assert_eq!(program.cost, None);
        assert_eq!(cleaner.notes().len(), 3, "{:?}", cleaner.notes());
    }

    #[test]
    fn a_spreadsheet_keeps_its_spacing_unless_something_else_is_wrong() {
        let mut cleaner = TextCleaner::for_spreadsheet();
        assert_eq!(cleaner.text("two  spaces\r\nand a tab\t"), "two  spaces\r\nand a tab\t");
        assert_eq!(cleaner.name("Two\nlines"), "Two\nlines");
        assert_eq!(cleaner.text("Food  &amp; fuel"), "Food & fuel");
        assert_eq!(cleaner.name("FOOD  BANK"), "Food Bank");
        cleaner.end_program();
        let kinds: Vec<String> = cleaner.notes().iter().map(|n| n.kind().into_owned()).collect();
        assert_eq!(kinds, ["tidied-capitals", "tidied-html", "tidied-spaces"]);
    }
}

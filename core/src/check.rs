//! Checking a catalogue file the way staff need: every problem, where it is, how to fix it.
//!
//! [`check`] runs the same rules the widget uses when it loads a catalogue (so a file that
//! checks clean shows every program), adds warnings that only staff care about (no way to
//! reach a program, stale review dates, opening hours that overlap, disagree with the
//! free-text hours or name dates that are over, `fallback` programs a family could not
//! reach, that are not statewide, or too many of them), and gives each problem its line
//! and column.
//! The command-line tool and the checker page both print this report.
//!
//! ```
//! use finder_core::{check::{check, CheckOptions}, Severity};
//! let report = check(r#"{"version": 1, "needs": [{"id": "food", "label": "Food"}],
//!   "programs": [{"id": "a", "name": "A", "needs": ["food", "fod"], "towns": ["Hartford"]}]}"#,
//!   &CheckOptions::default());
//! let error = report.diagnostics.iter().find(|d| d.severity == Severity::Error).unwrap();
//! assert_eq!((error.path.as_str(), error.line), ("programs[0].needs[1]", 2));
//! assert_eq!(error.hint.as_deref(), Some("did you mean \"food\"?"));
//! ```

use serde::Serialize;

use crate::catalogue::{load, Catalogue, LoadError, Program};
use crate::fields::{parse_date, Effect, Problem, Severity};
use crate::hours::Date;
use crate::locate::{position_of, positions};

/// The most `"fallback": true` programs a catalogue should have. A family whose choices
/// match nothing sees every one of them at once, and past a handful that is a list to read
/// through rather than a way forward; more is a warning, never an error (the widget shows
/// them all).
pub const MOST_FALLBACKS: usize = 5;

/// Settings for a check.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Today's date as (year, month, day), for "not reviewed in 12 months" warnings.
    /// `None` skips those warnings (for example in tests that must not depend on the clock).
    pub today: Option<(u32, u32, u32)>,
}

/// One problem, located in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// JSON path: `programs[12].towns[1]`; empty for the file as a whole.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
    /// How to fix it, when we can tell.
    pub hint: Option<String>,
    /// What the widget does about it.
    #[serde(serialize_with = "effect_words")]
    pub effect: Effect,
}

fn effect_words<S: serde::Serializer>(effect: &Effect, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(match effect {
        Effect::Skipped => "left out",
        Effect::Ignored => "value ignored",
        Effect::Kept => "kept",
    })
}

/// Everything a check found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// In file order (by line, then column).
    pub diagnostics: Vec<Diagnostic>,
    /// The catalogue as the widget would show it; `None` if the file cannot be used at all.
    pub catalogue: Option<Catalogue>,
    /// How many programs the file lists, usable or not.
    pub programs_listed: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
}

/// Checks catalogue JSON text. See the module documentation.
pub fn check(text: &str, options: &CheckOptions) -> Report {
    let loaded = match load(text) {
        Ok(loaded) => loaded,
        Err(error) => return unusable(text, error),
    };
    let mut problems = loaded.problems;
    let catalogue = loaded.catalogue;
    let today = options.today.and_then(|(y, m, d)| Date::from_ymd(y as i32, m, d));
    for program in &catalogue.programs {
        warn_about_gaps(program, &mut problems);
        crate::hours::warnings::warn(program, today, &mut problems);
        if let Some(today) = options.today {
            let path = format!("programs[{}].last_reviewed", program.index);
            warn_if_stale(
                program.last_reviewed.as_deref(),
                today,
                &path,
                "this program was last reviewed",
                &mut problems,
            );
        }
    }
    warn_about_fallbacks(&catalogue, &mut problems);
    if let Some(today) = options.today {
        warn_if_stale(
            catalogue.updated.as_deref(),
            today,
            "updated",
            "the catalogue was last updated",
            &mut problems,
        );
    }
    let found = positions(text);
    let mut diagnostics: Vec<Diagnostic> = problems
        .into_iter()
        .map(|problem| {
            let at = position_of(&found, &problem.path);
            Diagnostic {
                severity: problem.severity(),
                line: at.line,
                column: at.column,
                path: problem.path,
                message: problem.message,
                hint: problem.hint,
                effect: problem.effect,
            }
        })
        .collect();
    diagnostics.sort_by_key(|d| (d.line, d.column, d.severity));
    let programs_listed = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("programs").and_then(|p| p.as_array()).map(Vec::len))
        .unwrap_or(0);
    Report { diagnostics, catalogue: Some(catalogue), programs_listed }
}

/// The report for a file the widget cannot use at all: one error, placed as well as we can.
fn unusable(text: &str, error: LoadError) -> Report {
    let (path, line, column, hint) = match &error {
        LoadError::NotJson(_) => {
            let parsed = serde_json::from_str::<serde_json::Value>(text).err();
            let (line, column) = parsed.map_or((1, 1), |e| (e.line().max(1), e.column().max(1)));
            let hint = "look just before this point for a missing comma, quote or bracket";
            (String::new(), line, column, Some(hint.to_string()))
        }
        LoadError::UnsupportedVersion(_) => {
            let at = position_of(&positions(text), "version");
            ("version".to_string(), at.line, at.column, Some("use \"version\": 1".to_string()))
        }
        LoadError::NotACatalogue(_) => (String::new(), 1, 1, None),
    };
    let diagnostic = Diagnostic {
        path,
        line,
        column,
        severity: Severity::Error,
        message: error.to_string(),
        hint,
        effect: Effect::Skipped,
    };
    Report { diagnostics: vec![diagnostic], catalogue: None, programs_listed: 0 }
}

/// Warnings: nothing is lost, but families are less well served.
fn warn_about_gaps(program: &Program, problems: &mut Vec<Problem>) {
    let path = format!("programs[{}]", program.index);
    let contact = [&program.phone, &program.website, &program.email, &program.address];
    if contact.iter().all(|c| c.is_none()) {
        problems.push(
            Problem::warning(&path, "families have no way to reach this program")
                .with_hint(Some("add a \"phone\", \"website\", \"email\" or \"address\"".into())),
        );
    }
    if program.description.is_none() {
        problems.push(Problem::warning(&path, "it has no \"description\"; families only see its name"));
    }
    if program.statewide && !program.towns.is_empty() {
        problems.push(
            Problem::warning(
                format!("{path}.statewide"),
                "it is \"statewide\" and also lists \"towns\"; statewide wins, so the towns do nothing",
            )
            .with_hint(Some("remove \"towns\", or set \"statewide\": false".into())),
        );
    }
}

/// Warnings about the programs shown when nothing matches (`"fallback": true`). Each points
/// at the program's `fallback` value, the one thing staff would change.
fn warn_about_fallbacks(catalogue: &Catalogue, problems: &mut Vec<Problem>) {
    let fallbacks: Vec<&Program> = catalogue.fallbacks().collect();
    for program in &fallbacks {
        let path = format!("programs[{}].fallback", program.index);
        // A family at a dead end needs a way to act now: a call or a page. An email or an
        // address alone is not that (the general "no way to reach" warning covers those).
        if program.phone.is_none() && program.website.is_none() {
            problems.push(
                Problem::warning(
                    &path,
                    "it is a \"fallback\" program, shown when nothing else matches, but has no \"phone\" or \"website\"; a family with nowhere else to turn could not reach it",
                )
                .with_hint(Some("add a \"phone\" or \"website\", or remove \"fallback\"".into())),
            );
        }
        // Fallbacks are shown whatever the family chose, town included.
        if !program.statewide {
            problems.push(
                Problem::warning(
                    &path,
                    "it is a \"fallback\" program but not \"statewide\"; when nothing matches it is shown to families in every town, including towns it does not serve",
                )
                .with_hint(Some(
                    "set \"statewide\": true if it serves all of Connecticut, or remove \"fallback\"".into(),
                )),
            );
        }
    }
    // One warning, at the first program over the limit, naming how many there are.
    if let Some(first_over) = fallbacks.get(MOST_FALLBACKS) {
        let count = fallbacks.len();
        problems.push(
            Problem::warning(
                format!("programs[{}].fallback", first_over.index),
                format!(
                    "{count} programs are marked \"fallback\": true; a family whose choices match nothing would see all {count}, more than {MOST_FALLBACKS} to read through"
                ),
            )
            .with_hint(Some(format!(
                "keep \"fallback\" on the {MOST_FALLBACKS} or fewer that can help any family, such as 2-1-1, and remove it from the rest"
            ))),
        );
    }
}

/// A warning when `date` is more than 12 months before `today`.
fn warn_if_stale(
    date: Option<&str>,
    today: (u32, u32, u32),
    path: &str,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    let Some(date) = date else { return };
    let Some((year, month, day)) = parse_date(date) else {
        return;
    };
    let a_year_ago = (today.0.saturating_sub(1), today.1, today.2);
    if (year, month, day) < a_year_ago {
        problems.push(
            Problem::warning(path, format!("{what} on {date}, more than 12 months ago"))
                .with_hint(Some("confirm the details are still right, then update the date".into())),
        );
    }
}

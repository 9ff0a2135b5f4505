//! Rows below the row of column names become programs, with a note for everything that
//! was not carried over as written.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::cells::{clean_cell, comma_parts, list};
use super::columns::column_letter;
use super::header::{Column, Layout};
use super::needs::NeedList;
use super::rows::{empty_spreadsheet, Row};
use crate::fields::{parse_date, us_date, yes_or_no};
use crate::format::{CatalogueFile, NeedEntry, ProgramEntry, ProgramTranslation, ScheduleEntry};
use crate::hours::{text, Schedule};
use crate::import::clean_text::{web_address, TextCleaner, WebAddress};
use crate::import::report::LEFT_OUT;
use crate::import::{ImportError, ImportNote, Imported};
use crate::towns::{split_state, Places, CONNECTICUT};

/// The catalogue made from the rows, given where the row of column names is.
pub(super) fn read(
    rows: &[Row],
    header_at: usize,
    needs: Vec<NeedEntry>,
    mut notes: Vec<ImportNote>,
) -> Result<Imported, ImportError> {
    let Some(header) = rows.get(header_at) else {
        return Err(empty_spreadsheet());
    };
    for row in rows.iter().take(header_at).filter(|row| !row.is_blank()) {
        notes.push(ImportNote::new(
            row.place(),
            "comes before the row of column names — not used".to_string(),
        ));
    }
    let layout = Layout::read(header, &mut notes)?;
    let mut reader = RowReader {
        layout,
        needs: NeedList::new(needs),
        places: Places::default(),
        programs: Vec::new(),
        rows_by_id: HashMap::new(),
        unnamed_noted: BTreeSet::new(),
        notes,
        cleaner: TextCleaner::for_spreadsheet(),
    };
    for row in rows.iter().skip(header_at + 1) {
        reader.read(row);
    }
    let mut catalogue = CatalogueFile::new(reader.needs.entries);
    catalogue.programs = reader.programs;
    catalogue.places = reader.places.entries();
    let mut notes = reader.notes;
    notes.extend(reader.cleaner.notes());
    Ok(Imported { catalogue, notes })
}

/// Reads the rows below the header into programs, collecting notes.
struct RowReader {
    layout: Layout,
    needs: NeedList,
    /// Places outside Connecticut the rows name ("Providence, RI"), declared as they come:
    /// the catalogue's `places`.
    places: Places,
    programs: Vec<ProgramEntry>,
    /// Which row each id came from, to point at the first when one repeats.
    rows_by_id: HashMap<String, usize>,
    /// Unnamed columns already noted: one note per column is enough.
    unnamed_noted: BTreeSet<usize>,
    notes: Vec<ImportNote>,
    /// Texts made fit to publish (HTML, broken characters, capitals), counted for one note each.
    cleaner: TextCleaner,
}

impl RowReader {
    fn read(&mut self, row: &Row) {
        if row.is_blank() {
            return;
        }
        let id = self.cell(row, "id");
        let name = self.cell(row, "name");
        let missing = match (id.is_empty(), name.is_empty()) {
            (true, true) => Some("no id and no name"),
            (true, false) => Some("no id"),
            (false, true) => Some("no name"),
            (false, false) => None,
        };
        if let Some(missing) = missing {
            let note = ImportNote::new(row.place(), format!("{missing} — row skipped"));
            self.notes.push(note.with_kind(LEFT_OUT));
            return;
        }
        if let Some(first) = self.rows_by_id.get(&id) {
            let message = format!("the id \"{id}\" is already used by row {first} — row skipped");
            self.notes.push(ImportNote::new(row.place(), message).with_kind(LEFT_OUT));
            return;
        }
        self.rows_by_id.insert(id.clone(), row.number);
        self.note_unnamed_cells(row);

        let statewide = self.yes_or_no(row, "statewide");
        let fallback = self.yes_or_no(row, "fallback");
        let minimum_age = self.age(row, "minimum_age");
        let maximum_age = self.age(row, "maximum_age");
        let needs = self.needs(row);
        let towns = self.towns(row);
        let languages = self.languages(row);
        let last_reviewed = self.date(row, "last_reviewed");
        let mut hours = Some(self.cell(row, "hours")).filter(|value| !value.is_empty());
        let schedule = self.schedule(row, &mut hours);
        let website = self.website(row);
        let text = |field: &str| Some(self.cell(row, field)).filter(|value| !value.is_empty());
        let mut program = ProgramEntry {
            organization: text("organization"),
            description: text("description"),
            phone: text("phone"),
            website,
            email: text("email"),
            address: text("address"),
            hours,
            schedule,
            eligibility: text("eligibility"),
            cost: text("cost"),
            translations: self.translations(row),
            id,
            name,
            needs,
            towns,
            statewide,
            fallback,
            minimum_age,
            maximum_age,
            languages,
            last_reviewed,
        };
        self.cleaner.program(&mut program);
        // Kept, because nothing is lost by keeping it, but families will not see it yet.
        if program.needs.is_empty() {
            let message = "no needs — families will not see this program until it has one";
            self.notes.push(ImportNote::new(self.place(row, "needs"), message));
        }
        if program.towns.is_empty() && !program.statewide {
            let message =
                "no towns and not statewide — families will not see this program until it has one or the other";
            self.notes.push(ImportNote::new(row.place(), message));
        }
        self.programs.push(program);
    }

    /// The cell of a field: trimmed, without the `'` that stops formulas; empty if absent.
    fn cell(&self, row: &Row, field: &str) -> String {
        self.layout
            .fields
            .get(field)
            .and_then(|&i| row.cells.get(i))
            .map(|c| clean_cell(c))
            .unwrap_or_default()
    }

    /// `row 4, column "maximum_age"`, with the column named as in the spreadsheet.
    fn place(&self, row: &Row, field: &str) -> String {
        let name = self.layout.fields.get(field).map_or(field, |&i| self.layout.name(i));
        format!("row {}, column \"{name}\"", row.number)
    }

    /// The website; `www.example.org` gets `https://`, noted. Anything else is kept as
    /// written, for the checker to report.
    fn website(&mut self, row: &Row) -> Option<String> {
        let value = self.cell(row, "website");
        if value.is_empty() {
            return None;
        }
        match web_address(&value) {
            WebAddress::HttpsAdded(link) => {
                let message = format!("\"{value}\" had no https://, which was added: check the link opens");
                self.notes.push(ImportNote::new(self.place(row, "website"), message));
                Some(link)
            }
            _ => Some(value),
        }
    }

    /// Cells under no column name (or past the last one) are not read; say so once per column.
    fn note_unnamed_cells(&mut self, row: &Row) {
        for (index, cell) in row.cells.iter().enumerate() {
            let unnamed = matches!(self.layout.columns.get(index), None | Some(Column::Unnamed));
            if unnamed && !cell.trim().is_empty() && self.unnamed_noted.insert(index) {
                let message = format!(
                    "this column has no name in row {}, so its cells are not used",
                    self.layout.header_row
                );
                self.notes.push(ImportNote::new(
                    format!("row {}, column {}", row.number, column_letter(index)),
                    message,
                ));
            }
        }
    }

    /// A yes/no column (`statewide`, `fallback`): see [`yes_or_no`]. Anything else is noted
    /// and read as no, the choice that shows the program to no family it was not meant for;
    /// the row itself is kept.
    fn yes_or_no(&mut self, row: &Row, field: &str) -> bool {
        let value = self.cell(row, field);
        yes_or_no(&value).unwrap_or_else(|| {
            let message = format!("\"{value}\" is not yes or no — read as no");
            self.notes.push(ImportNote::new(self.place(row, field), message));
            false
        })
    }

    fn age(&mut self, row: &Row, field: &str) -> Option<f64> {
        let value = self.cell(row, field);
        if value.is_empty() {
            return None;
        }
        match value.parse::<f64>() {
            Ok(years) if years.is_finite() => Some(years),
            _ => {
                let message = format!(
                    "\"{value}\" is not a number of years (write 1.5 for a year and a half, 0.5 for six months) — left out"
                );
                self.notes.push(ImportNote::new(self.place(row, field), message));
                None
            }
        }
    }

    fn date(&mut self, row: &Row, field: &str) -> Option<String> {
        let value = self.cell(row, field);
        if value.is_empty() || parse_date(&value).is_some() {
            return Some(value).filter(|v| !v.is_empty());
        }
        let message = match us_date(&value) {
            Some(iso) => {
                let message = format!("\"{value}\" read as {iso} (dates are written YYYY-MM-DD)");
                self.notes.push(ImportNote::new(self.place(row, field), message));
                return Some(iso);
            }
            None => format!(
                "\"{value}\" is not a date written YYYY-MM-DD — kept as it is, but the finder ignores it"
            ),
        };
        self.notes.push(ImportNote::new(self.place(row, field), message));
        Some(value)
    }

    /// The `schedule` and `schedule_exceptions` cells. A cell that cannot be read is noted,
    /// and a schedule cell is then kept as the free-text `hours` when those are empty.
    fn schedule(&mut self, row: &Row, hours: &mut Option<String>) -> Option<ScheduleEntry> {
        let (weekly, dates) = (self.cell(row, "schedule"), self.cell(row, "schedule_exceptions"));
        if weekly.is_empty() && dates.is_empty() {
            return None;
        }
        let mut schedule = Schedule::default();
        let mut usable = true;
        if !weekly.is_empty() {
            match text::parse(&weekly) {
                Ok(read) => {
                    if text::days_named(&weekly) == 0 && !read.open_24_hours && !read.has_no_weekly_hours() {
                        let message = format!("\"{weekly}\" names no days, so it was read as every day");
                        self.notes.push(ImportNote::new(self.place(row, "schedule"), message));
                    }
                    schedule = read;
                }
                Err(why) => {
                    let kept = if hours.is_none() {
                        *hours = Some(weekly.clone());
                        "kept as the free-text hours"
                    } else {
                        "not used"
                    };
                    let message = format!(
                        "\"{weekly}\" could not be read as opening hours ({why}) — {kept}; write them like Mon-Fri 9:00-17:00; Sat 10-14"
                    );
                    self.notes.push(ImportNote::new(self.place(row, "schedule"), message));
                    usable = false;
                }
            }
        }
        if !dates.is_empty() {
            match text::parse_exceptions(&dates) {
                Ok(exceptions) => schedule.exceptions = exceptions,
                Err(why) => {
                    let message = format!(
                        "\"{dates}\" could not be read as dated exceptions ({why}) — not used; write them like 2026-12-25 closed; 2026-12-24 9:00-12:00"
                    );
                    self.notes.push(ImportNote::new(self.place(row, "schedule_exceptions"), message));
                    usable = false;
                }
            }
        }
        if !usable {
            return None;
        }
        // The catalogue's own rules (overlapping exceptions, hours on a closed day…).
        let entry = schedule.to_entry();
        let mut problems = Vec::new();
        let value = serde_json::to_value(&entry).unwrap_or_default();
        let value = serde_json::from_value(value).unwrap_or(crate::json::Json::Null);
        if crate::hours::read::read(&value, "schedule", &mut problems).is_none() {
            for problem in problems {
                let message = format!("the schedule is not used: {}", problem.message);
                self.notes.push(ImportNote::new(self.place(row, "schedule"), message));
            }
            return None;
        }
        Some(entry)
    }

    fn needs(&mut self, row: &Row) -> Vec<String> {
        let place = self.place(row, "needs");
        let mut needs = Vec::new();
        for item in list(&self.cell(row, "needs")) {
            needs.extend(self.needs.resolve(&item, &place, &mut self.notes));
        }
        needs
    }

    fn towns(&mut self, row: &Row) -> Vec<String> {
        let place = self.place(row, "towns");
        let mut towns = Vec::new();
        for item in list(&self.cell(row, "towns")) {
            if self.places.resolve(&item).is_some() {
                towns.push(item);
                continue;
            }
            let parts = comma_parts(&item);
            if parts.len() > 1 && parts.iter().all(|part| self.places.resolve(part).is_some()) {
                let message = format!("\"{item}\" read as {} places: separate places with ;", parts.len());
                self.notes.push(ImportNote::new(place.clone(), message));
                towns.extend(parts);
                continue;
            }
            // "Providence, RI": a place outside Connecticut, which the catalogue then
            // declares in its `places` (the spreadsheet has no column for its county).
            if let Some((name, state)) = split_state(&item).filter(|(_, state)| *state != CONNECTICUT) {
                if self.places.declare(name, state, None).is_ok() {
                    let message = format!(
                        "\"{item}\" added to the catalogue's places (outside Connecticut); give its county there if programs list the county"
                    );
                    self.notes.push(ImportNote::new(place.clone(), message));
                    towns.push(item);
                    continue;
                }
            }
            let hint = self
                .places
                .closest_place_name(&item, &[])
                .map(|p| format!(" — did you mean \"{p}\"?"))
                .unwrap_or_default();
            let message = format!(
                "\"{item}\" is not a Connecticut town, county or village; kept, in case it is one of the catalogue's areas{hint}"
            );
            self.notes.push(ImportNote::new(place.clone(), message));
            towns.push(item);
        }
        towns
    }

    fn languages(&mut self, row: &Row) -> Vec<String> {
        let place = self.place(row, "languages");
        let mut languages = Vec::new();
        for item in list(&self.cell(row, "languages")) {
            if crate::languages::is_code(&item) {
                let code = crate::languages::from_code(&item).into_owned();
                if code != item {
                    let message = format!("\"{item}\" read as the language code \"{code}\"");
                    self.notes.push(ImportNote::new(place.clone(), message));
                }
                languages.push(code);
            } else if let Some(code) = crate::languages::code_for(&item) {
                let message = format!("\"{item}\" read as the language code \"{code}\"");
                self.notes.push(ImportNote::new(place.clone(), message));
                languages.push(code.to_string());
            } else {
                let message = format!("\"{item}\" is not a language code such as en or es; kept as it is");
                self.notes.push(ImportNote::new(place.clone(), message));
                languages.push(item);
            }
        }
        languages
    }

    fn translations(&self, row: &Row) -> BTreeMap<String, ProgramTranslation> {
        let mut translations: BTreeMap<String, ProgramTranslation> = BTreeMap::new();
        for (index, column) in self.layout.columns.iter().enumerate() {
            let Column::Translation(field, language) = column else { continue };
            let value = row.cells.get(index).map(|c| clean_cell(c)).unwrap_or_default();
            if value.is_empty() {
                continue;
            }
            let text = translations.entry(language.clone()).or_default();
            if let Some(slot) = text.field_mut(field) {
                *slot = Some(value);
            }
        }
        translations
    }
}

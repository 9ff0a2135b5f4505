//! Spreadsheets: one row per program, in and out.
//!
//! Staff keep programs in a spreadsheet and save it as CSV ("CSV UTF-8" in Excel), starting
//! from `public/catalogue-template.csv`. [`import`] turns such a file into a catalogue and
//! notes everything it could not carry over as written; [`export`] writes a catalogue's
//! programs back out, so staff can edit an existing catalogue in a spreadsheet.
//!
//! # Columns
//!
//! The first row names the columns ([`COLUMNS`]); they may come in any order, and only
//! `id`, `name`, `needs` and one of `towns` or `statewide` are required:
//!
//! | Column | Holds |
//! |---|---|
//! | `id` | a unique id, such as `mobile-pantry`; never invented when missing |
//! | `name` | the program's name |
//! | `organization` | who runs it |
//! | `description` | what it offers |
//! | `needs` | need ids, separated by `;` (`food; housing`) |
//! | `towns` | towns, counties (`Windham County`), villages or areas, separated by `;` |
//! | `statewide` | `yes`, `no`, `true`, `false`, `y`, `n`, `1`, `0`, `x`, or blank (no) |
//! | `minimum_age`, `maximum_age` | years, with a decimal point for parts of a year (`0.5`) |
//! | `phone`, `website`, `email`, `address`, `hours`, `eligibility` | text |
//! | `schedule` | opening hours the finder understands: `Mon-Fri 9:00-17:00; Sat 10-14`, `Mon–Fri 9am–5pm`, `24 hours`, `By appointment; Tue, Thu 10-6` (see [`crate::hours::text`]) |
//! | `schedule_exceptions` | dates with other hours: `2026-12-25 closed (Christmas); 2026-12-24 9:00-12:00; 2026-12-28 to 2026-12-31 closed` |
//! | `languages` | language codes, separated by `;` (`en; es`) |
//! | `cost` | text (`free`, `sliding scale`) |
//! | `last_reviewed` | a date, `YYYY-MM-DD` |
//! | `fallback` | `yes` to show it to every family whose choices match nothing (such as 2-1-1); the same yes/no words as `statewide` |
//! | `name_es`, `description_es`, `eligibility_es`, `hours_es`, `cost_es` | the Spanish text |
//!
//! Other languages work the same way: `name_pt`, `description_ht`, `hours_pt-BR`, … (a code
//! of 2–3 letters, optionally with a region or script). [`export`] always writes the `_es`
//! columns, and columns for any other language the catalogue uses after the fixed ones.
//!
//! # Reading forgivingly
//!
//! - Column names ignore case, surrounding spaces and a trailing `*`; spaces and dashes count
//!   as underscores, so "Minimum Age" is `minimum_age`. A column nobody uses is noted once;
//!   a repeated column is noted and only the first is read. Title rows above the column
//!   names are noted and skipped. A file separated by `;` or tabs instead of commas is read
//!   too (and noted).
//! - Cells are trimmed; a blank cell is absent. Fully blank rows are skipped silently.
//! - `;` separates items only in `needs`, `towns` and `languages`; in every other cell it is
//!   just text. A list item with commas that is not itself a need or place, but whose parts
//!   are, is read as those parts (and noted).
//! - A row without an id or a name is skipped (and noted): an id must stay the same from one
//!   import to the next, so it is never made up. A repeated id skips the later row.
//! - Needs are matched to the catalogue's needs by id; a need written differently
//!   ("Mental Health", "Food & nutrition") is read as the matching id. Any other need is
//!   added to the catalogue with an id made from it, and noted so staff can give it a label.
//! - Places are kept as written; ones that are not Connecticut towns, counties or villages are
//!   noted with the nearest name (they may still be the catalogue's own `areas`).
//! - Language names ("Spanish", "Español") and codes written another way (`spa`, `asl`)
//!   become the codes of [`crate::languages`] (`es`, `ase`), noted.
//! - A `schedule` or `schedule_exceptions` cell that cannot be read as hours is noted and not
//!   used; an unreadable `schedule` becomes the free-text `hours` when that cell is empty.
//! - Ages that are not numbers are noted and left out; a `last_reviewed` date that a
//!   spreadsheet rewrote as `11/1/2026` is read as `2026-11-01`, noted.
//!
//! Every note names the place as staff see it: `row 4, column "maximum_age"`, where row 1 is
//! the row of column names and a cell with line breaks in it is still one row.
//!
//! # Formulas
//!
//! A cell starting with `=`, `+`, `-` or `@` can run as a formula when the file is opened in
//! a spreadsheet program (spreadsheet formula injection). [`export`] therefore writes such a
//! cell (and one already starting with `'`) with a leading `'`, the spreadsheet convention
//! for "this is text", and [`import`] removes one leading `'` from every cell. A phone number
//! written `+1 860-555-0100` is exported as `'+1 860-555-0100` and comes back unchanged.
//!
//! # Round trip
//!
//! `import(export(c))` gives back `c.programs` exactly, given `c.needs`, whenever the values
//! are ones a spreadsheet can hold: text without surrounding spaces, list items that are not
//! blank and hold no `;`, languages written as the codes of [`crate::languages`] (or codes it
//! does not know), translations with at least one text,
//! schedules that load, with periods written `HH:MM-HH:MM` and notes without `;` or `)`,
//! translation language codes written as above, and need ids from `c.needs`.
//!
//! ```
//! use finder_core::import::csv::{export, import};
//! use finder_core::format::standard_needs;
//! let text = "id,name,needs,towns\npantry,Mobile pantry,food,Hartford; Windham County\n";
//! let imported = import(text, standard_needs()).unwrap();
//! assert!(imported.notes.is_empty());
//! assert_eq!(imported.catalogue.programs[0].towns, ["Hartford", "Windham County"]);
//! assert!(export(&imported.catalogue).starts_with("\u{feff}id,name,organization"));
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{ImportError, ImportNote, Imported};
use crate::fields::{parse_date, unaccented, us_date, yes_or_no};
use crate::format::{CatalogueFile, NeedEntry, ProgramEntry, ProgramTranslation, ScheduleEntry};
use crate::hours::{text, Schedule};
use crate::spelling::closest;
use crate::towns::{closest_place_name, resolve_place};

/// The columns, in order, with what each holds (for the documentation and the tool's help).
pub const COLUMNS: &[(&str, &str)] = &[
    ("id", "a unique id for the program, such as mobile-pantry (required)"),
    ("name", "the program's name (required)"),
    ("organization", "who runs it"),
    ("description", "what it offers, in a sentence or three"),
    ("needs", "need ids separated by ; such as food; housing (required)"),
    ("towns", "towns, counties (\"Windham County\") or villages, separated by ;"),
    ("statewide", "yes if it serves all of Connecticut (then towns can be empty)"),
    ("minimum_age", "youngest age served, in years"),
    ("maximum_age", "oldest age served, in years (0.5 means up to six months)"),
    ("phone", "a phone number families can call"),
    ("website", "a web address starting with https://"),
    ("email", "an email address"),
    ("address", "where to go"),
    ("hours", "when it is open, as families should read it"),
    (
        "schedule",
        "opening hours the finder understands: Mon-Fri 9:00-17:00; Sat 10-14, or 24 hours, or By appointment",
    ),
    ("schedule_exceptions", "dates with other hours: 2026-12-25 closed; 2026-12-24 9:00-12:00"),
    ("eligibility", "who can use it"),
    ("languages", "language codes separated by ; such as en; es"),
    ("cost", "free, sliding scale, …"),
    ("last_reviewed", "when staff last checked the row, as YYYY-MM-DD"),
    // After the columns older spreadsheets have, so their first twenty keep their places.
    ("fallback", "yes to show it to families whose choices match nothing, such as 2-1-1"),
    ("name_es", "the name in Spanish"),
    ("description_es", "the description in Spanish"),
    ("eligibility_es", "the eligibility in Spanish"),
    ("hours_es", "the hours in Spanish"),
    ("cost_es", "the cost in Spanish"),
];

/// How many of the columns are the program's own fields; the rest are Spanish text.
const FIELD_COLUMNS: usize = 21;

/// The fields a translation column can hold, in the order their columns are written.
const TRANSLATED: [&str; 5] = ["name", "description", "eligibility", "hours", "cost"];

/// How far down a title row may push the row of column names.
const HEADER_SEARCH_ROWS: usize = 10;

/// The byte-order mark that tells Excel a CSV file is UTF-8 (without it, Excel reads
/// "Despensa móvil" as "Despensa mÃ³vil" and saves it that way).
const BOM: char = '\u{feff}';

/// Reads a spreadsheet saved as CSV: UTF-8, with or without a byte-order mark, one row of
/// column names, one row per program. See the module documentation for the columns and
/// for what is noted.
///
/// `needs` are the catalogue's needs (usually [`crate::format::standard_needs`]); needs in
/// the rows that are not among them are added (labelled as written, so a need id is its own
/// label until staff give it a better one) and noted.
///
/// Fails only when no catalogue can be made: no row of column names, or no `id`, `name`,
/// `needs` column, or neither a `towns` nor a `statewide` column.
pub fn import(text: &str, needs: Vec<NeedEntry>) -> Result<Imported, ImportError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut notes = Vec::new();
    let (rows, header_at) = read_table(text, &mut notes)?;
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
        programs: Vec::new(),
        rows_by_id: HashMap::new(),
        unnamed_noted: BTreeSet::new(),
        notes,
    };
    for row in rows.iter().skip(header_at + 1) {
        reader.read(row);
    }
    let mut catalogue = CatalogueFile::new(reader.needs.entries);
    catalogue.programs = reader.programs;
    Ok(Imported { catalogue, notes: reader.notes })
}

/// Writes the catalogue's programs as CSV: the [`COLUMNS`] header, then translation columns
/// for any language other than Spanish that the programs use, then one row per program.
///
/// The text starts with a byte-order mark, so Excel opens it as UTF-8; [`import`] accepts
/// it either way. Cells that a spreadsheet would run as a formula get a leading `'`.
/// Needs, areas and the catalogue's title are not part of the spreadsheet.
pub fn export(catalogue: &CatalogueFile) -> String {
    let mut languages: BTreeSet<&str> =
        catalogue.programs.iter().flat_map(|p| p.translations.keys().map(String::as_str)).collect();
    languages.remove("es");
    let mut header: Vec<String> = COLUMNS.iter().map(|(column, _)| column.to_string()).collect();
    for language in &languages {
        header.extend(TRANSLATED.iter().map(|field| format!("{field}_{language}")));
    }
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing to memory cannot fail, and a String holds whatever the writer was given, so
    // the results below are safe to ignore.
    let _ = writer.write_record(&header);
    for program in &catalogue.programs {
        let _ = writer.write_record(header.iter().map(|column| protect(export_cell(program, column))));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let mut text = String::from(BOM);
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

// ---------------------------------------------------------------------------------------
// Rows as staff see them.

/// One record of the file, numbered as a spreadsheet shows it.
struct Row {
    number: usize,
    cells: Vec<String>,
}

impl Row {
    fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.trim().is_empty())
    }

    fn place(&self) -> String {
        format!("row {}", self.number)
    }
}

fn empty_spreadsheet() -> ImportError {
    ImportError("the spreadsheet is empty: its first row should name the columns, as in the template".into())
}

/// Reads the file as comma-separated, or, when that finds no row of column names but
/// semicolons or tabs do, as those (spreadsheets set to some regions save with `;`, and
/// copying cells into a text file gives tabs). Returns the rows and where the header is.
fn read_table(text: &str, notes: &mut Vec<ImportNote>) -> Result<(Vec<Row>, usize), ImportError> {
    let commas = read_rows(text, b',')?;
    let Some(header_at) = find_header(&commas) else {
        return Err(empty_spreadsheet());
    };
    if has_required_columns(&commas[header_at]) {
        return Ok((commas, header_at));
    }
    for (delimiter, what) in [(b';', "semicolons"), (b'\t', "tabs")] {
        let rows = read_rows(text, delimiter)?;
        if let Some(at) = find_header(&rows).filter(|&at| has_required_columns(&rows[at])) {
            notes.push(ImportNote::new(
                rows[at].place(),
                format!("the columns are separated by {what}, not commas — read anyway"),
            ));
            return Ok((rows, at));
        }
    }
    // Neither works: read as commas, and let the header say what is missing.
    Ok((commas, header_at))
}

/// The rows, each numbered as a spreadsheet shows it: blank lines count as rows, and a cell
/// holding line breaks is still one row. (The csv crate skips blank lines and its line
/// numbers ignore them, so the numbers are counted here from where each record ends.)
fn read_rows(text: &str, delimiter: u8) -> Result<Vec<Row>, ImportError> {
    let bytes = text.as_bytes();
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let (mut end, mut number) = (0, 0);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(ImportError(format!("the file cannot be read as CSV: {e}"))),
        }
        let start = end;
        end = usize::try_from(reader.position().byte()).unwrap_or(bytes.len()).min(bytes.len());
        // Line breaks since the last record = blank lines skipped + breaks inside this
        // record's cells + the one ending this record (if the file does not end here).
        let breaks = line_breaks(bytes, start, end);
        let inside: usize = record.iter().map(|cell| line_breaks(cell.as_bytes(), 0, cell.len())).sum();
        let ended = end > 0 && matches!(bytes.get(end - 1), Some(b'\n' | b'\r'));
        let blank_lines = breaks.saturating_sub(inside + usize::from(ended));
        number += 1 + blank_lines;
        rows.push(Row { number, cells: record.iter().map(String::from).collect() });
    }
    Ok(rows)
}

/// Line breaks in `bytes[from..to]`: `\r\n`, `\n` and `\r` each count once (a `\n` right
/// after `\r` belongs to it, even when the `\r` comes before `from`).
fn line_breaks(bytes: &[u8], from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| match bytes.get(i) {
            Some(b'\r') => true,
            Some(b'\n') => i == 0 || bytes.get(i - 1) != Some(&b'\r'),
            _ => false,
        })
        .count()
}

/// The row of column names: the first one (among the first few) naming `id` and `name`,
/// so a title row above it does no harm; else the first row that is not blank.
fn find_header(rows: &[Row]) -> Option<usize> {
    let filled = || rows.iter().enumerate().filter(|(_, row)| !row.is_blank());
    filled()
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, row)| {
            let keys: Vec<String> = row.cells.iter().map(|cell| column_key(cell)).collect();
            keys.iter().any(|k| k == "id") && keys.iter().any(|k| k == "name")
        })
        .or_else(|| filled().next())
        .map(|(at, _)| at)
}

fn has_required_columns(header: &Row) -> bool {
    let keys: BTreeSet<String> = header.cells.iter().map(|cell| column_key(cell)).collect();
    ["id", "name", "needs"].iter().all(|k| keys.contains(*k))
        && (keys.contains("towns") || keys.contains("statewide"))
}

/// The column letter a spreadsheet shows: 0 → A, 25 → Z, 26 → AA.
fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

// ---------------------------------------------------------------------------------------
// Column names.

/// What a column of the spreadsheet is read as.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    /// One of the program's own fields, by its [`COLUMNS`] name.
    Field(&'static str),
    /// Text in another language: the field and the language code.
    Translation(&'static str, String),
    /// Named, but not read (unknown, or a repeat); already noted.
    Ignored,
    /// No name in the header row; cells with something in them are noted.
    Unnamed,
}

/// The meaning of each column, from the row of column names.
struct Layout {
    header_row: usize,
    /// The column names as staff wrote them (trimmed), for notes.
    names: Vec<String>,
    columns: Vec<Column>,
    fields: BTreeMap<&'static str, usize>,
}

impl Layout {
    fn read(header: &Row, notes: &mut Vec<ImportNote>) -> Result<Layout, ImportError> {
        let mut layout = Layout {
            header_row: header.number,
            names: header
                .cells
                .iter()
                .map(|name| name.trim().trim_start_matches(BOM).trim().to_string())
                .collect(),
            columns: Vec::new(),
            fields: BTreeMap::new(),
        };
        let mut first_with_key: BTreeMap<String, usize> = BTreeMap::new();
        let mut unknown = Vec::new();
        for (index, name) in layout.names.iter().enumerate() {
            let key = column_key(name);
            let column = if key.is_empty() {
                Column::Unnamed
            } else if let Some(&first) = first_with_key.get(&key) {
                let first = layout.names.get(first).map_or("", String::as_str);
                notes.push(ImportNote::new(
                    header.place(),
                    format!("column \"{name}\" repeats column \"{first}\"; only the first is used"),
                ));
                Column::Ignored
            } else if let Some(field) =
                COLUMNS.iter().take(FIELD_COLUMNS).map(|(c, _)| *c).find(|c| *c == key)
            {
                layout.fields.insert(field, index);
                Column::Field(field)
            } else if let Some((field, language)) = translation_column(&key) {
                Column::Translation(field, language)
            } else {
                let hint =
                    suggest_column(&key).map(|c| format!(" — did you mean \"{c}\"?")).unwrap_or_default();
                notes.push(ImportNote::new(header.place(), format!("column \"{name}\" is not used{hint}")));
                unknown.push((name.clone(), key.clone()));
                Column::Ignored
            };
            if !key.is_empty() {
                first_with_key.entry(key).or_insert(index);
            }
            layout.columns.push(column);
        }
        let missing: Vec<&str> =
            ["id", "name", "needs"].into_iter().filter(|c| !layout.fields.contains_key(c)).collect();
        if !missing.is_empty() {
            let quoted: Vec<String> = missing.iter().map(|c| format!("\"{c}\"")).collect();
            let listed = match quoted.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => String::new(),
            };
            let renames: Vec<String> = unknown
                .iter()
                .filter_map(|(name, key)| {
                    suggest_column(key).filter(|c| missing.contains(c)).map(|c| (name, c))
                })
                .map(|(name, c)| format!("is \"{name}\" meant to be \"{c}\"?"))
                .collect();
            let hint = if renames.is_empty() { String::new() } else { format!(" ({})", renames.join(" ")) };
            return Err(ImportError(format!(
                "the spreadsheet has no {listed} column: the row of column names must have them, as in the template{hint}"
            )));
        }
        if !layout.fields.contains_key("towns") && !layout.fields.contains_key("statewide") {
            return Err(ImportError(
                "the spreadsheet has neither a \"towns\" nor a \"statewide\" column: every program needs one or the other"
                    .into(),
            ));
        }
        Ok(layout)
    }

    /// The column name for notes, as staff wrote it.
    fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
}

/// "Minimum Age " → `minimum_age`; `Name-ES*` → `name_es`.
fn column_key(name: &str) -> String {
    let name = name.trim().trim_start_matches(BOM).trim_end_matches(['*', ':']).trim().to_lowercase();
    let mut key = String::with_capacity(name.len());
    for c in name.chars() {
        let c = if c.is_whitespace() || c == '-' { '_' } else { c };
        // "Minimum  Age" and "minimum - age" are still minimum_age.
        if !(c == '_' && key.ends_with('_')) {
            key.push(c);
        }
    }
    key.trim_matches('_').to_string()
}

/// `description_pt` → ("description", "pt"); `name_pt_br` → ("name", "pt-BR").
fn translation_column(key: &str) -> Option<(&'static str, String)> {
    let (field, language) = key.split_once('_')?;
    let field = TRANSLATED.iter().copied().find(|f| *f == field)?;
    Some((field, language_tag(language)?))
}

/// `pt_br` → `pt-BR`: a 2–3 letter language code and optional subtags, cased the way
/// language tags are usually written, so that an exported `name_pt-BR` comes back as
/// `pt-BR` even though column names are read without case.
fn language_tag(key: &str) -> Option<String> {
    let mut parts = key.split('_');
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary.to_ascii_lowercase();
    for part in parts {
        if !(2..=8).contains(&part.len()) || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let letters = part.chars().all(|c| c.is_ascii_alphabetic());
        tag.push('-');
        match part.len() {
            2 if letters => tag.push_str(&part.to_ascii_uppercase()),
            4 if letters => {
                let (first, rest) = part.split_at(1);
                tag.push_str(&first.to_ascii_uppercase());
                tag.push_str(&rest.to_ascii_lowercase());
            }
            _ => tag.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(tag)
}

/// The known column a misspelled or singular name most likely meant ("Town" → `towns`).
fn suggest_column(key: &str) -> Option<&'static str> {
    closest(key, COLUMNS.iter().map(|(c, _)| *c))
}

// ---------------------------------------------------------------------------------------
// Programs.

/// Reads the rows below the header into programs, collecting notes.
struct RowReader {
    layout: Layout,
    needs: NeedList,
    programs: Vec<ProgramEntry>,
    /// Which row each id came from, to point at the first when one repeats.
    rows_by_id: HashMap<String, usize>,
    /// Unnamed columns already noted: one note per column is enough.
    unnamed_noted: BTreeSet<usize>,
    notes: Vec<ImportNote>,
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
            self.notes.push(ImportNote::new(row.place(), format!("{missing} — row skipped")));
            return;
        }
        if let Some(first) = self.rows_by_id.get(&id) {
            let message = format!("the id \"{id}\" is already used by row {first} — row skipped");
            self.notes.push(ImportNote::new(row.place(), message));
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
        let text = |field: &str| Some(self.cell(row, field)).filter(|value| !value.is_empty());
        let program = ProgramEntry {
            organization: text("organization"),
            description: text("description"),
            phone: text("phone"),
            website: text("website"),
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
            if resolve_place(&item).is_some() {
                towns.push(item);
                continue;
            }
            let parts = comma_parts(&item);
            if parts.len() > 1 && parts.iter().all(|part| resolve_place(part).is_some()) {
                let message = format!("\"{item}\" read as {} places: separate places with ;", parts.len());
                self.notes.push(ImportNote::new(place.clone(), message));
                towns.extend(parts);
                continue;
            }
            let hint = closest_place_name(&item, &[])
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
            let slot = match *field {
                "name" => &mut text.name,
                "description" => &mut text.description,
                "eligibility" => &mut text.eligibility,
                "hours" => &mut text.hours,
                _ => &mut text.cost,
            };
            *slot = Some(value);
        }
        translations
    }
}

/// A cell as staff meant it: trimmed, and without one leading `'` (which [`export`] adds to
/// stop formulas, and which spreadsheet users type for the same reason).
fn clean_cell(cell: &str) -> String {
    let cell = cell.trim();
    cell.strip_prefix('\'').unwrap_or(cell).trim().to_string()
}

/// The items of a list cell: split on `;`, trimmed, blanks dropped.
fn list(cell: &str) -> Vec<String> {
    cell.split(';').map(str::trim).filter(|item| !item.is_empty()).map(String::from).collect()
}

fn comma_parts(item: &str) -> Vec<String> {
    item.split(',').map(str::trim).filter(|part| !part.is_empty()).map(String::from).collect()
}

// ---------------------------------------------------------------------------------------
// Needs.

/// The catalogue's needs, growing as rows name new ones.
struct NeedList {
    entries: Vec<NeedEntry>,
    /// Written forms that were not an id, and the ids they were read as (noted once each).
    read_as: HashMap<String, Vec<String>>,
}

impl NeedList {
    fn new(entries: Vec<NeedEntry>) -> NeedList {
        NeedList { entries, read_as: HashMap::new() }
    }

    fn has(&self, id: &str) -> bool {
        self.entries.iter().any(|need| need.id == id)
    }

    /// The id of the need written some other way: "Mental Health" (the id with spaces and
    /// capitals) or "Food & nutrition" (a label, in any language).
    fn matching(&self, text: &str) -> Option<String> {
        let wanted = need_key(text);
        self.entries
            .iter()
            .find(|need| {
                need_key(&need.id) == wanted
                    || need_key(&need.label) == wanted
                    || need.labels.values().any(|label| need_key(label) == wanted)
            })
            .map(|need| need.id.clone())
    }

    /// The need ids one list item stands for, noting anything that was not an exact id.
    fn resolve(&mut self, item: &str, place: &str, notes: &mut Vec<ImportNote>) -> Vec<String> {
        if self.has(item) {
            return vec![item.to_string()];
        }
        if let Some(ids) = self.read_as.get(item) {
            return ids.clone();
        }
        let (ids, message) = if let Some(id) = self.matching(item) {
            let message = format!("\"{item}\" read as the need \"{id}\"");
            (vec![id], message)
        } else if let Some(ids) = self.split_commas(item) {
            let listed: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
            (ids, format!("\"{item}\" read as the needs {}: separate needs with ;", listed.join(", ")))
        } else {
            let id = need_id(item);
            let hint = closest(item, self.entries.iter().map(|n| n.id.as_str()))
                .map(|known| format!(" Did you mean \"{known}\"?"))
                .unwrap_or_default();
            let message = format!(
                "\"{item}\" is not one of the catalogue's needs; it was added as the need \"{id}\" labelled \"{item}\": give it a proper label (and a Spanish one) in the catalogue.{hint}"
            );
            if !self.has(&id) {
                self.entries.push(NeedEntry {
                    id: id.clone(),
                    label: item.to_string(),
                    ..NeedEntry::default()
                });
            }
            (vec![id], message)
        };
        notes.push(ImportNote::new(place, message));
        self.read_as.insert(item.to_string(), ids.clone());
        ids
    }

    /// "food, housing" when both are needs: staff used a comma for the `;`.
    fn split_commas(&self, item: &str) -> Option<Vec<String>> {
        let parts = comma_parts(item);
        if parts.len() < 2 {
            return None;
        }
        parts
            .iter()
            .map(|part| if self.has(part) { Some(part.clone()) } else { self.matching(part) })
            .collect()
    }
}

/// "Mental Health" and "mental-health" alike: lower case, spaces, dashes and underscores as one.
fn need_key(text: &str) -> String {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// An id for a new need: lower case letters, digits and dashes ("Legal Aid" → `legal-aid`),
/// as catalogue need ids are written. Text with no letters or digits is kept as written.
fn need_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.to_lowercase().chars() {
        let c = match unaccented(c) {
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && (id.is_empty() || id.ends_with('-'))) {
            id.push(c);
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        text.to_string()
    } else {
        id.to_string()
    }
}

// ---------------------------------------------------------------------------------------
// Export.

fn export_cell(program: &ProgramEntry, column: &str) -> String {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    // Rust writes the shortest decimal that reads back as the same number, never an exponent.
    let number = |value: Option<f64>| value.map(|n| n.to_string()).unwrap_or_default();
    match column {
        "id" => program.id.clone(),
        "name" => program.name.clone(),
        "organization" => text(&program.organization),
        "description" => text(&program.description),
        "needs" => program.needs.join("; "),
        "towns" => program.towns.join("; "),
        "statewide" => if program.statewide { "yes" } else { "" }.to_string(),
        "fallback" => if program.fallback { "yes" } else { "" }.to_string(),
        "minimum_age" => number(program.minimum_age),
        "maximum_age" => number(program.maximum_age),
        "phone" => text(&program.phone),
        "website" => text(&program.website),
        "email" => text(&program.email),
        "address" => text(&program.address),
        "hours" => text(&program.hours),
        "schedule" => program.schedule.as_ref().map(text::write).unwrap_or_default(),
        "schedule_exceptions" => {
            program.schedule.as_ref().map(|s| text::write_exceptions(&s.exceptions)).unwrap_or_default()
        }
        "eligibility" => text(&program.eligibility),
        "languages" => program.languages.join("; "),
        "cost" => text(&program.cost),
        "last_reviewed" => text(&program.last_reviewed),
        other => {
            // Translation columns: the header was made from the catalogue's own language
            // code, so look it up as written rather than through the forgiving reading.
            let Some((field, language)) = other.split_once('_') else { return String::new() };
            let Some(translation) = program.translations.get(language) else { return String::new() };
            let value = match field {
                "name" => &translation.name,
                "description" => &translation.description,
                "eligibility" => &translation.eligibility,
                "hours" => &translation.hours,
                "cost" => &translation.cost,
                _ => return String::new(),
            };
            text(value)
        }
    }
}

/// A leading `'` on cells a spreadsheet would run as a formula, and on cells that already
/// start with `'`, so that the import's stripping of one `'` gives them back unchanged.
fn protect(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{cell}")
    } else {
        cell
    }
}

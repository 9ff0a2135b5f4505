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
//! `id`, `name`, `needs` and one of `towns` or `statewide` are required (`columns.rs`,
//! where the column table is written once):
//!
//! | Column | Holds |
//! |---|---|
//! | `id` | a unique id, such as `mobile-pantry`; never invented when missing |
//! | `name` | the program's name |
//! | `organization` | who runs it |
//! | `description` | what it offers |
//! | `needs` | need ids, separated by `;` (`food; housing`) |
//! | `towns` | towns, counties (`Windham County`), villages, areas, or places outside Connecticut with their state (`Providence, RI`), separated by `;` |
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
//! - Places are kept as written. A place outside Connecticut written with its state code
//!   ("Providence, RI") is added to the catalogue's `places` (county unknown) and noted once;
//!   other names that are not Connecticut towns, counties or villages are noted with the
//!   nearest name (they may still be the catalogue's own `areas`).
//! - Language names ("Spanish", "Español") and codes written another way (`spa`, `asl`)
//!   become the codes of [`crate::languages`] (`es`, `ase`), noted.
//! - A `schedule` or `schedule_exceptions` cell that cannot be read as hours is noted and not
//!   used; an unreadable `schedule` becomes the free-text `hours` when that cell is empty.
//! - Text is made fit to publish ([`crate::import::clean_text`]): HTML becomes plain text,
//!   characters broken by a wrong code page are repaired, `\n` written out becomes a line
//!   break, and a name in CAPITALS becomes title case (acronyms kept). A cell whose only
//!   fault is its spacing is kept as typed. Each kind of repair is one note, with a count.
//! - A website written `www.example.org` gets `https://`, noted.
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
//! are ones a spreadsheet can hold: text without surrounding spaces and with nothing to
//! repair (no HTML, no broken characters, no name in capitals only), list items that are not
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

//!
//! # The parts
//!
//! Reading goes file → rows → column meanings → programs: `rows.rs` reads the CSV text into
//! rows numbered as a spreadsheet shows them and finds the row of column names,
//! `columns.rs` holds the column table and how a column name is read, `header.rs` what
//! each column of this file is, `read.rs` turns
//! each row into a program with `cells.rs` (one cell's text, lists, dates) and `needs.rs`
//! (needs written another way, new needs). `write.rs` is [`export`].

mod cells;
mod columns;
mod header;
mod needs;
mod read;
mod rows;
mod write;

use super::{ImportError, Imported};
use crate::format::{CatalogueFile, NeedEntry};

pub use columns::COLUMNS;

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
    let (rows, header_at) = rows::read_table(text, &mut notes)?;
    read::read(&rows, header_at, needs, notes)
}

/// Writes the catalogue's programs as CSV: the [`COLUMNS`] header, then translation columns
/// for any language other than Spanish that the programs use, then one row per program.
///
/// The text starts with a byte-order mark, so Excel opens it as UTF-8; [`import`] accepts
/// it either way. Cells that a spreadsheet would run as a formula get a leading `'`.
/// Needs, areas and the catalogue's title are not part of the spreadsheet.
pub fn export(catalogue: &CatalogueFile) -> String {
    write::write(catalogue)
}

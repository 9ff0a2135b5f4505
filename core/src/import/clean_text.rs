//! Text staff can publish, from the text an export carries.
//!
//! 2-1-1 databases hand over their text as their own tools left it: HTML from a rich-text
//! editor (`<p>`, `&amp;`, `&nbsp;`), characters broken by a wrong code page on the way
//! (`donâ€™t`, `donGÇÖt`), line breaks written out as the two characters `\n`, runs of
//! spaces, and names in CAPITALS. Both importers pass every text through here:
//!
//! - [`clean_text`] for descriptions, eligibility, fees and hours: HTML becomes plain text
//!   (`html.rs`), broken characters are repaired where certain (`mojibake.rs`), `\n`, `\r\n`
//!   and `\t` written out become a line break or a space, and spaces are tidied (runs of
//!   spaces, spaces before punctuation, spaces at the end of lines, more than one blank
//!   line). Paragraphs stay: a blank line between them.
//! - [`clean_name`] for names: the same on one line, then a name in capitals only becomes
//!   title case with its acronyms kept (`capitals.rs`).
//! - [`web_address`]: a `www.` address gets `https://` (the one place for that rule).
//!
//! Each function says which [`Repair`]s it made; a [`TextCleaner`] (`tally.rs`) counts them
//! per program for one summary note each, since a note per program would bury the report.
//!
//! ```
//! use finder_core::import::clean_text::{clean_name, clean_text, Repair};
//! let (text, repairs) = clean_text("<p>Food &amp; clothing.</p><p>We donâ€™t ask for ID.</p>");
//! assert_eq!(text, "Food & clothing.\n\nWe don’t ask for ID.");
//! assert_eq!(repairs, [Repair::Characters, Repair::Html]);
//! assert_eq!(clean_name("ST. MARY'S FOOD PANTRY").0, "St. Mary's Food Pantry");
//! ```

mod capitals;
mod html;
mod mojibake;
mod tally;

pub use capitals::{ABBREVIATIONS, ACRONYMS, SMALL_WORDS};
pub use tally::TextCleaner;

/// One kind of repair, counted per program in the import's notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Repair {
    /// `\n`, `\r\n` or `\t` written out as text became a line break or a space.
    WrittenLineBreaks,
    /// Characters broken by a wrong code page were put back (`â€™` → `’`).
    Characters,
    /// HTML tags became plain text, or entities (`&amp;`) their characters.
    Html,
    /// Runs of spaces, spaces before punctuation or at the end of lines, blank lines.
    Spaces,
    /// A name in capitals only became title case.
    Capitals,
}

impl Repair {
    /// Every repair, in the order the summary lists them.
    pub const ALL: [Repair; 5] =
        [Repair::Capitals, Repair::Html, Repair::Characters, Repair::WrittenLineBreaks, Repair::Spaces];

    /// What was done, as the summary note says it.
    pub fn description(self) -> &'static str {
        match self {
            Repair::WrittenLineBreaks => "\\n written out as text turned into line breaks",
            Repair::Characters => "characters broken by a wrong code page repaired (â€™ or GÇÖ → ’)",
            Repair::Html => "HTML turned into plain text (tags removed, &amp; and the like decoded)",
            Repair::Spaces => "stray spaces removed",
            Repair::Capitals => "names in capitals written in title case, acronyms kept",
        }
    }

    /// The note kind of the summary note ([`crate::import::ImportNote::kind`]).
    pub fn kind(self) -> &'static str {
        match self {
            Repair::WrittenLineBreaks => "tidied-line-breaks",
            Repair::Characters => "tidied-characters",
            Repair::Html => "tidied-html",
            Repair::Spaces => "tidied-spaces",
            Repair::Capitals => "tidied-capitals",
        }
    }
}

/// A text that may run over several lines (description, eligibility, fees, hours), cleaned;
/// with the repairs made, in the order of [`Repair`].
pub fn clean_text(text: &str) -> (String, Vec<Repair>) {
    let mut repairs = Vec::new();
    let text = common(text, &mut repairs);
    let tidy = tidy_spaces(&text);
    if tidy != text.replace("\r\n", "\n").trim() {
        repairs.push(Repair::Spaces);
    }
    (tidy, repairs)
}

/// A name (of a program or an organization), cleaned onto one line, and in title case when
/// it was in capitals only; with the repairs made.
pub fn clean_name(text: &str) -> (String, Vec<Repair>) {
    let mut repairs = Vec::new();
    let text = common(text, &mut repairs);
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let tidy = tidy_spaces(&one_line);
    if tidy != text.trim() {
        repairs.push(Repair::Spaces);
    }
    let titled = capitals::title_case(&tidy);
    if titled != tidy {
        repairs.push(Repair::Capitals);
    }
    (titled, repairs)
}

/// Whether a name is written in capitals only (and so would become title case).
pub fn is_in_capitals(name: &str) -> bool {
    capitals::all_capitals(name)
}

/// Written-out breaks, broken characters, HTML: what names and texts share.
fn common(text: &str, repairs: &mut Vec<Repair>) -> String {
    let unescaped = written_line_breaks(text);
    if unescaped != text {
        repairs.push(Repair::WrittenLineBreaks);
    }
    let (repaired, changed) = mojibake::repair(&unescaped);
    if changed {
        repairs.push(Repair::Characters);
    }
    let plain =
        if html::has_tags(&repaired) { html::to_text(&repaired) } else { html::decode_entities(&repaired) };
    if plain != repaired {
        repairs.push(Repair::Html);
    }
    plain
}

/// `\r\n`, `\n` and `\r` written out as a backslash and a letter become a line break, and a
/// written-out `\t` a space (exports that escaped their line breaks twice).
fn written_line_breaks(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n").replace("\\t", " ")
}

/// Spaces as a careful typist leaves them: one between words, none before `,` `;` `:` `!`
/// `?` `)` or a sentence's `.`, none after `(`, none at the ends of lines, and at most one
/// blank line in a row. Every kind of space (no-break, tab) becomes a plain one.
pub(super) fn tidy_spaces(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let line = tidy_line(line);
        // One blank line between paragraphs, never two, never at the start.
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

fn tidy_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line
        .chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}'))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let next = chars[i + 1..].iter().find(|&&n| n != ' ').copied();
            let after_next = chars[i + 1..].iter().skip_while(|&&n| n == ' ').nth(1).copied();
            let before_punctuation = match next {
                Some(',' | ';' | ':' | '!' | '?' | ')') => true,
                // A sentence's full stop, not ".org" or ".5".
                Some('.') => after_next.is_none_or(|a| a == ' ' || a == '.'),
                _ => false,
            };
            if out.is_empty() || out.ends_with([' ', '(']) || next.is_none() || before_punctuation {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// What to do with a web address as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebAddress {
    /// An `http(s)` address: use it as it is.
    Link(String),
    /// An address without `http(s)://` (`www.example.org`), with `https://` added: use it,
    /// and note that staff should check the link opens.
    HttpsAdded(String),
    /// Not a web address at all.
    NotALink,
}

/// A web address as written in an export or a spreadsheet: `www.example.org` and
/// `example.org/food` get `https://`; an email address or another scheme does not.
pub fn web_address(raw: &str) -> WebAddress {
    let raw = raw.trim();
    if crate::is_web_address(raw) {
        return WebAddress::Link(raw.to_string());
    }
    let guess = format!("https://{raw}");
    if !raw.contains("://") && !raw.contains('@') && crate::is_web_address(&guess) {
        return WebAddress::HttpsAdded(guess);
    }
    WebAddress::NotALink
}

#[cfg(test)]
mod tests {
    use super::*;
    use Repair::*;

    #[test]
    fn texts_are_cleaned_as_staff_would() {
        let table: &[(&str, &str, &[Repair])] = &[
            ("Plain text.", "Plain text.", &[]),
            ("Open Mon-Fri.\\nCall first.", "Open Mon-Fri.\nCall first.", &[WrittenLineBreaks]),
            ("One\\r\\nTwo\\r\\n\\r\\nThree", "One\nTwo\n\nThree", &[WrittenLineBreaks]),
            ("We donGÇÖt charge.", "We don’t charge.", &[Characters]),
            ("Se habla espaÃ±ol", "Se habla español", &[Characters]),
            ("<p>Hot meals.</p><p>Groceries &amp; more.</p>", "Hot meals.\n\nGroceries & more.", &[Html]),
            ("Food &amp; Clothing", "Food & Clothing", &[Html]),
            ("Food ,  clothing  and  shelter .  ", "Food, clothing and shelter.", &[Spaces]),
            ("Line one   \n\n\n\nLine two", "Line one\n\nLine two", &[Spaces]),
            ("( see below )", "(see below)", &[Spaces]),
            ("Visit example .org or pay $ .50", "Visit example .org or pay $ .50", &[]),
            ("Walk-ins\u{a0}welcome", "Walk-ins welcome", &[Spaces]),
            ("Ages 5–18. Call 860-555-0100!", "Ages 5–18. Call 860-555-0100!", &[]),
            ("Windows\r\nline ends", "Windows\nline ends", &[]),
            (
                "<p>Free &ndash; no ID needed</p>\\n<ul><li>Meals</li><li>Rides</li></ul>",
                "Free – no ID needed\n\n• Meals\n• Rides",
                &[WrittenLineBreaks, Html],
            ),
        ];
        for (text, expected, repairs) in table {
            assert_eq!(clean_text(text), (expected.to_string(), repairs.to_vec()), "{text:?}");
        }
    }

    #[test]
    fn names_come_out_on_one_line_in_title_case() {
        let table: &[(&str, &str, &[Repair])] = &[
            ("ST. MARY'S FOOD PANTRY", "St. Mary's Food Pantry", &[Capitals]),
            ("YMCA OF GREATER SPRINGFIELD", "YMCA of Greater Springfield", &[Capitals]),
            ("Food Bank", "Food Bank", &[]),
            ("CHILDRENGÇÖS CLINIC", "Children’s Clinic", &[Characters, Capitals]),
            ("FOOD &AMP; FUEL", "Food & Fuel", &[Html, Capitals]),
            ("Meals  on\\nWheels ", "Meals on Wheels", &[WrittenLineBreaks, Spaces]),
        ];
        for (name, expected, repairs) in table {
            assert_eq!(clean_name(name), (expected.to_string(), repairs.to_vec()), "{name:?}");
        }
    }

    #[test]
    fn web_addresses_get_https_when_they_lack_it() {
        let table = [
            ("https://example.org", WebAddress::Link("https://example.org".into())),
            (" www.example.org ", WebAddress::HttpsAdded("https://www.example.org".into())),
            ("example.org/food", WebAddress::HttpsAdded("https://example.org/food".into())),
            ("help@example.org", WebAddress::NotALink),
            ("ftp://example.org", WebAddress::NotALink),
            ("call us", WebAddress::NotALink),
        ];
        for (raw, expected) in table {
            assert_eq!(web_address(raw), expected, "{raw}");
        }
    }
}

//! Names written in CAPITALS, as families should read them: `ST. MARY'S FOOD PANTRY` →
//! `St. Mary's Food Pantry`, `YMCA OF GREATER SPRINGFIELD` → `YMCA of Greater Springfield`.
//!
//! Only a name with no small letter at all is changed: `SNAP Outreach` or `iCare` were
//! written that way on purpose. Inside such a name, a word stays in capitals when it is an
//! acronym:
//!
//! - it is in [`ACRONYMS`] (WIC, SNAP, YMCA, HIV, LGBTQ, CT…), the names agencies spell
//!   in capitals even when they hold vowels; or
//! - it has no vowel (a, e, i, o, u, y) and two or more letters: `DCF`, `PTSD`, `NFP` cannot
//!   be words, so they are initials. [`ABBREVIATIONS`] are the few common exceptions
//!   (`ST.` is Saint or Street, `DR.` Doctor); or
//!
//! Every other word gets a capital and small letters; the [`SMALL_WORDS`] (of, and, the,
//! for; de, la, y) stay small inside a name, not as its first word. Each part of a hyphenated
//! word is a word (`SELF-HELP` → `Self-Help`), a letter after an apostrophe is small when it
//! ends the word (`MARY'S` → `Mary's`) and large otherwise (`O'BRIEN` → `O'Brien`), and
//! letters after digits are small (`2ND` → `2nd`); initials with dots (`U.S.`, `P.O.`) are
//! single letters, which stay capitals anyway. Names such as "McDonald" are not
//! guessed: they become "Mcdonald", which staff can correct.

/// Names agencies write in capitals although they could be read as words.
pub const ACRONYMS: &[&str] = &[
    "AA", "AAA", "AARP", "ABA", "ADA", "ADHD", "ADRC", "AIDS", "ASL", "CHIP", "CT", "EBT", "EMS", "ER",
    "ESL", "ESOL", "GED", "HCV", "HIV", "HPV", "HUD", "HUSKY", "ICU", "ID", "II", "III", "IV", "IX", "LGBT",
    "LGBTQ", "LGBTQIA", "LIHEAP", "MA", "NA", "NAACP", "NAMI", "NE", "NICU", "NY", "OB", "PO", "PTA", "PTO",
    "RI", "SE", "SNAP", "SSA", "SSDI", "SSI", "TANF", "TEFAP", "UCONN", "USA", "VA", "VI", "VII", "VIII",
    "VNA", "WIC", "XI", "XII", "YMCA", "YWCA",
];

/// Short forms without vowels that are words, not initials.
pub const ABBREVIATIONS: &[&str] = &[
    "ST", "STS", "DR", "MR", "MRS", "JR", "SR", "MT", "FT", "RD", "LN", "CTR", "CTRS", "BLVD", "HWY", "PKWY",
    "BLDG", "DEPT", "SQ", "PL", "APT", "FL",
];

/// Words that stay small inside a name (English and Spanish).
pub const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "for", "in", "on", "at", "to", "by", "with", "from",
    "as", "per", "via", "de", "del", "la", "las", "los", "el", "y", "en", "para", "por", "con",
];

/// Whether the name is written in capitals only (it has letters, and none is small).
pub(super) fn all_capitals(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

/// The name in title case, when it is written in capitals only; otherwise unchanged.
pub(super) fn title_case(name: &str) -> String {
    if !all_capitals(name) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    // Whether the next word starts the name or a part of it (after ":", "(", " - ").
    let mut starts = true;
    for c in name.chars() {
        if is_word_char(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push_str(&title_word(&word, starts));
            starts = false;
        }
        word.clear();
        if matches!(c, ':' | '(' | '/' | '–' | '—' | '|') || (c == '-' && out.ends_with(' ')) {
            starts = true;
        }
        out.push(c);
    }
    if !word.is_empty() {
        out.push_str(&title_word(&word, starts));
    }
    out
}

/// Letters, digits and an apostrophe inside a word (`MARY'S`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// One word (no spaces, no hyphens) in title case.
fn title_word(word: &str, first: bool) -> String {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return word.to_lowercase();
    }
    if is_acronym(&letters) {
        return word.to_string();
    }
    let lower = word.to_lowercase();
    if !first && SMALL_WORDS.contains(&lower.as_str()) {
        return lower;
    }
    let mut out = String::with_capacity(word.len());
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let capital = match previous {
            None => true,
            // O'BRIEN → O'Brien, but MARY'S → Mary's and DON'T → Don't.
            Some('\'' | '’') => chars.len() - i > 2 && i == 2,
            Some(_) => false,
        };
        if capital {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// An acronym by the rules of the module documentation.
fn is_acronym(letters: &str) -> bool {
    if letters.is_empty() {
        return false;
    }
    if ACRONYMS.contains(&letters) {
        return true;
    }
    let vowels = letters.chars().filter(|c| "AEIOUYÁÉÍÓÚÜ".contains(*c)).count();
    letters.chars().count() >= 2 && vowels == 0 && !ABBREVIATIONS.contains(&letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_become_title_case_and_acronyms_stay() {
        let table = [
            ("ST. MARY'S FOOD PANTRY", "St. Mary's Food Pantry"),
            ("YMCA OF GREATER SPRINGFIELD", "YMCA of Greater Springfield"),
            ("WIC PROGRAM", "WIC Program"),
            ("SNAP AND WIC ENROLLMENT", "SNAP and WIC Enrollment"),
            ("HIV/AIDS SERVICES", "HIV/AIDS Services"),
            ("LGBTQ YOUTH CENTER", "LGBTQ Youth Center"),
            ("ESL CLASSES FOR ADULTS", "ESL Classes for Adults"),
            ("THE CONNECTION, INC.", "The Connection, Inc."),
            ("CT DCF CAREER SERVICES", "CT DCF Career Services"),
            ("SELF-HELP GROUP FOR PTSD", "Self-Help Group for PTSD"),
            ("O'BRIEN FAMILY SHELTER", "O'Brien Family Shelter"),
            ("WOMEN'S CENTER", "Women's Center"),
            ("AA MEETINGS - 2ND FLOOR", "AA Meetings - 2nd Floor"),
            ("HOUSING AUTHORITY: SECTION 8", "Housing Authority: Section 8"),
            ("THE ARC OF THE FARMINGTON VALLEY", "The Arc of the Farmington Valley"),
            ("CASA DE LA ESPERANZA", "Casa de la Esperanza"),
            ("NIÑOS Y FAMILIAS", "Niños y Familias"),
            ("U.S. VETERANS OUTREACH", "U.S. Veterans Outreach"),
            ("HUD HOUSING COUNSELING (HARTFORD)", "HUD Housing Counseling (Hartford)"),
            ("OF MICE AND MEN CLUB", "Of Mice and Men Club"),
            ("HEAD START II", "Head Start II"),
            ("GYM", "Gym"),
            ("WIC", "WIC"),
        ];
        for (name, expected) in table {
            assert_eq!(title_case(name), expected, "{name}");
        }
    }

    #[test]
    fn names_with_small_letters_are_kept_as_written() {
        for name in ["SNAP Outreach", "iCare Clinic", "YMCA of Greater Hartford", "Food pantry", "211", ""] {
            assert_eq!(title_case(name), name);
        }
    }
}

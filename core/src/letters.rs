//! Letters without their accents: one table for the whole product.
//!
//! Families on phones often type without accents ("nino" for "niño"), and staff type
//! need names and languages both ways. The search folds catalogue text and queries with
//! [`fold`]; importers compare names and make ids with it too, so "Niñez" is found, and
//! matched, the same way everywhere.
//!
//! ```
//! use finder_core::letters::fold;
//! assert_eq!(fold("Niño CAFÉ Straße"), "nino cafe strasse");
//! ```

/// Lower-cases `text` and strips accents from Latin letters (combining accents too),
/// leaving everything else as it is.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Appends `c` lower-cased and without its accent; a combining accent adds nothing.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if matches!(c, '\u{300}'..='\u{36f}') {
        return;
    }
    for lower in c.to_lowercase() {
        match plain_letters(lower) {
            Some(plain) => out.push_str(plain),
            None => out.push(lower),
        }
    }
}

/// The plain letters for an accented lower-case Latin letter (`é` → "e", `ß` → "ss");
/// `None` for any other character.
pub fn plain_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_capitals_fold_away_and_other_scripts_stay() {
        let table = [
            ("Niñez Ça Été Über", "ninez ca ete uber"),
            ("CAFÉ", "cafe"),
            ("Cafe\u{301}", "cafe"),
            ("Œuvre Æsop", "oeuvre aesop"),
            ("中文 Русский", "中文 русский"),
        ];
        for (text, folded) in table {
            assert_eq!(fold(text), folded, "{text:?}");
        }
    }
}

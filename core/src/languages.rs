//! The one table of languages: ISO 639 codes with their English, Spanish and own names.
//!
//! Every part of the finder that meets a language goes through it:
//!
//! - the catalogue reader: a code staff write for a language that has another code
//!   (`asl`, for American Sign Language, whose ISO 639-3 code is `ase`) becomes the table's
//!   code ([`canonical`]), so a catalogue's `asl` and `ase` are one language and one filter
//!   option;
//! - the spreadsheet and HSDS importers: a language written by name ("Spanish", "Español",
//!   "Portugués") or by another ISO 639 code (`spa`) becomes the table's code ([`code_for`],
//!   [`from_code`]);
//! - the widget: each language it names is shown by its own name ([`own_name`]), so a
//!   family finds its language whatever the interface language.
//!
//! A language's code is its ISO 639-1 code when it has one (`es`), else its ISO 639-3 code
//! (sign languages: `ase`). A code the table does not know is kept as it was written.
//!
//! The table is written once, a row per language, in the `languages!` call below; the macro
//! stores each column as one string, so a program carries only the columns it uses (the
//! widget: the aliases, and the codes and own names of the languages it names) and looking
//! a code up builds nothing. The widget names the languages marked `named` (the ones it
//! named before this table, those of most families in Connecticut); it shows the code of
//! the others as written, as it shows codes the table does not know. Marking another
//! language `named` shows its own name in the widget, for about 20 bytes of download.
//!
//! ```
//! use finder_core::languages::{canonical, code_for, from_code, own_name};
//! assert_eq!(canonical("asl"), Some("ase"));
//! assert_eq!(canonical("hmn"), None);
//! assert_eq!(from_code("spa-MX"), "es-MX");
//! assert_eq!(code_for("Español"), Some("es"));
//! assert_eq!(code_for("American Sign Language"), Some("ase"));
//! assert_eq!(own_name("ase"), Some("American Sign Language"));
//! assert_eq!(own_name("pt"), Some("Português"));
//! ```

use std::borrow::Cow;

/// Writes the table's columns from its rows. Each column is one string with a `|` after
/// each language; a language's ISO 639-2 codes are written one after the other (each has
/// three letters: a test checks), its other names each end with `;`. `NAMED` and `ALIASES`
/// are lookups written `key=value|`: the widget's names, and aliases → codes.
macro_rules! languages {
    ($(
        $code:literal $named:ident [$($iso:literal),*]
        $english:literal, $spanish:literal, $own:literal [$($also:literal),*]
        $(aliases [$($alias:literal),*])?;
    )*) => {
        const CODES: &str = concat!($($code, "|"),*);
        const ISO_639_2: &str = concat!($($($iso,)* "|",)*);
        const ENGLISH: &str = concat!($($english, "|"),*);
        const SPANISH: &str = concat!($($spanish, "|"),*);
        const OWN: &str = concat!($($own, "|"),*);
        const ALSO: &str = concat!($($($also, ";",)* "|",)*);
        const NAMED: &str = concat!($(named!($named $code $own)),*);
        const ALIASES: &str = concat!($($($($alias, "=", $code, "|",)*)?)*);
    };
}

/// One language's entry in `NAMED`: `code=own name|` when the widget names it.
macro_rules! named {
    (named $code:literal $own:literal) => {
        concat!($code, "=", $own, "|")
    };
    (code $code:literal $own:literal) => {
        ""
    };
}

// code, `named` (the widget shows its own name) or `code` (the widget shows the code),
// [ISO 639-2 codes], English name, Spanish name (as written inside a sentence), own name,
// [other names people write for it], and aliases: codes staff write that are not its own.
languages! {
    "en" named ["eng"] "English", "inglés", "English" [];
    "es" named ["spa"] "Spanish", "español", "Español" ["castilian", "castellano"];
    "pt" named ["por"] "Portuguese", "portugués", "Português" ["brazilian portuguese"];
    "pl" named ["pol"] "Polish", "polaco", "Polski" [];
    "ht" named ["hat"] "Haitian Creole", "criollo haitiano", "Kreyòl ayisyen" ["haitian", "creole", "kreyòl"];
    "fr" named ["fra", "fre"] "French", "francés", "Français" [];
    "it" named ["ita"] "Italian", "italiano", "Italiano" [];
    "ar" named ["ara"] "Arabic", "árabe", "العربية" [];
    "zh" named ["zho", "chi"] "Chinese", "chino", "中文" ["mandarin", "cantonese"];
    "vi" named ["vie"] "Vietnamese", "vietnamita", "Tiếng Việt" ["tieng viet"];
    "ru" named ["rus"] "Russian", "ruso", "Русский" [];
    "uk" named ["ukr"] "Ukrainian", "ucraniano", "Українська" [];
    "bn" named ["ben"] "Bengali", "bengalí", "বাংলা" ["bangla"];
    "ur" named ["urd"] "Urdu", "urdu", "اردو" [];
    "ko" code ["kor"] "Korean", "coreano", "한국어" [];
    "sq" code ["sqi", "alb"] "Albanian", "albanés", "Shqip" [];
    "hi" code ["hin"] "Hindi", "hindi", "हिन्दी" [];
    "ne" code ["nep"] "Nepali", "nepalí", "नेपाली" [];
    "fa" code ["fas", "per"] "Persian", "persa", "فارسی" ["farsi", "dari"];
    "ps" code ["pus"] "Pashto", "pastún", "پښتو" [];
    "so" code ["som"] "Somali", "somalí", "Soomaali" [];
    "sw" code ["swa"] "Swahili", "suajili", "Kiswahili" [];
    "tl" code ["tgl"] "Tagalog", "tagalo", "Tagalog" ["filipino"];
    "el" code ["ell", "gre"] "Greek", "griego", "Ελληνικά" [];
    "de" code ["deu", "ger"] "German", "alemán", "Deutsch" [];
    "ja" code ["jpn"] "Japanese", "japonés", "日本語" [];
    "tr" code ["tur"] "Turkish", "turco", "Türkçe" [];
    "gu" code ["guj"] "Gujarati", "guyaratí", "ગુજરાતી" [];
    "pa" code ["pan"] "Punjabi", "panyabí", "ਪੰਜਾਬੀ" [];
    "my" code ["mya", "bur"] "Burmese", "birmano", "မြန်မာ" [];
    "km" code ["khm"] "Khmer", "jemer", "ខ្មែរ" ["cambodian"];
    "sk" code ["slk", "slo"] "Slovak", "eslovaco", "Slovenčina" [];
    "ti" code ["tir"] "Tigrinya", "tigriña", "ትግርኛ" [];
    "am" code ["amh"] "Amharic", "amárico", "አማርኛ" [];
    // Sign languages have no ISO 639-1 code, and no written form of their own: their own
    // name is the one their signers write in the country's language. `asl` is what staff
    // write for American Sign Language (in ISO 639-3 it is another language, Asilulu).
    "ase" named [] "American Sign Language", "lengua de señas americana", "American Sign Language"
        ["sign language"] aliases ["asl"];
    "mfs" code [] "Mexican Sign Language", "lengua de señas mexicana", "Lengua de Señas Mexicana" [];
    "psl" code [] "Puerto Rican Sign Language", "lengua de señas puertorriqueña", "Lengua de Señas Puertorriqueña" [];
}

/// One language of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 when the language has one (`es`), else ISO 639-3 (`ase`).
    pub code: &'static str,
    pub english: &'static str,
    /// As written inside a Spanish sentence (`inglés`, lower case).
    pub spanish: &'static str,
    /// The language's own name (`Español`, `中文`).
    pub own: &'static str,
    iso_639_2: &'static str,
    also: &'static str,
}

impl Language {
    /// Every other code that means this language: its ISO 639-2 codes (`spa`; `fra` and
    /// `fre`) and its aliases (`asl` for `ase`).
    pub fn other_codes(&self) -> impl Iterator<Item = &'static str> {
        let (iso, code) = (self.iso_639_2, self.code);
        let aliases = entries(ALIASES).filter_map(move |(alias, of)| (of == code).then_some(alias));
        (0..iso.len() / 3).filter_map(move |i| iso.get(3 * i..3 * i + 3)).chain(aliases)
    }

    /// Every name it is known by: English, Spanish, its own, and others people write
    /// ("Farsi", "Mandarin").
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        [self.english, self.spanish, self.own].into_iter().chain(self.also.split_terminator(';'))
    }

    /// Whether the widget shows its own name (else its code).
    pub fn named_by_widget(&self) -> bool {
        own_name(self.code).is_some()
    }
}

/// Every language of the table, in its order.
pub fn all() -> impl Iterator<Item = Language> {
    let column = |text: &'static str| text.split_terminator('|');
    column(CODES)
        .zip(column(ENGLISH))
        .zip(column(SPANISH))
        .zip(column(OWN))
        .zip(column(ISO_639_2).zip(column(ALSO)))
        .map(|((((code, english), spanish), own), (iso_639_2, also))| Language {
            code,
            english,
            spanish,
            own,
            iso_639_2,
            also,
        })
}

/// The table's code for an alias staff write for a language (`asl`, in any case, for
/// American Sign Language → `ase`); `None` for every other code, which a catalogue keeps
/// as written. The catalogue reader applies it to every program's `languages`.
pub fn canonical(code: &str) -> Option<&'static str> {
    lookup(ALIASES, code)
}

/// A language code written any way the table knows, as the table writes it, for importers:
/// an ISO 639-2 code (`spa` → `es`, `FRE` → `fr`, `spa-MX` → `es-MX`) or an alias (`asl` →
/// `ase`). Codes the table writes this way already, and codes it does not know, come back
/// as they are.
pub fn from_code(code: &str) -> Cow<'_, str> {
    let (primary, rest) = split_primary(code);
    let found =
        all().find(|language| language.other_codes().any(|other| other.eq_ignore_ascii_case(primary)));
    match found {
        Some(language) => Cow::Owned(language.code.to_string() + rest),
        None => Cow::Borrowed(code),
    }
}

/// The language's own name for one of the languages the widget names (its code in any
/// case): `es` → "Español", `ase` → "American Sign Language". `None` for other codes, and
/// for codes with a region (`es-MX`), which the widget shows as written.
pub fn own_name(code: &str) -> Option<&'static str> {
    lookup(NAMED, code)
}

/// The code of a language written by code or by name, in any case, with or without accents:
/// "Spanish", "español", "Espanol", "spa", "ES" → `es`; "American Sign Language", "ASL" →
/// `ase`. `None` when the table does not know it.
pub fn code_for(text: &str) -> Option<&'static str> {
    let wanted = folded(text);
    all()
        .find(|language| {
            std::iter::once(language.code)
                .chain(language.other_codes())
                .chain(language.names())
                .any(|name| folded(name) == wanted)
        })
        .map(|language| language.code)
}

/// Whether the text has the shape of a language code (a tag, as in BCP 47): 2–3 letters,
/// then optionally a region, script or variant after each `-` (`en`, `pt-BR`, `zh-Hant`).
pub fn is_code(text: &str) -> bool {
    let mut parts = text.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `spa-MX` → (`spa`, `-MX`); `_` separates too.
fn split_primary(code: &str) -> (&str, &str) {
    let end = code.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(code.len());
    (code.get(..end).unwrap_or(code), code.get(end..).unwrap_or_default())
}

/// The value for `key` (in any case) in a lookup written `key=value|key=value|`.
fn lookup(table: &'static str, key: &str) -> Option<&'static str> {
    entries(table).find_map(|(k, value)| k.eq_ignore_ascii_case(key).then_some(value))
}

/// The `(key, value)` entries of a lookup.
fn entries(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.split('|').filter_map(|entry| entry.split_once('='))
}

/// A name as compared: words in lower case without accents, one space between them.
fn folded(name: &str) -> String {
    crate::letters::fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_every_column_and_codes_are_unique() {
        let count = CODES.split_terminator('|').count();
        for column in [ISO_639_2, ENGLISH, SPANISH, OWN, ALSO] {
            assert_eq!(column.split_terminator('|').count(), count, "{column}");
        }
        assert_eq!(all().count(), count);
        let mut codes: Vec<&str> =
            all().flat_map(|l| std::iter::once(l.code).chain(l.other_codes())).collect();
        let written = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), written, "a code means one language");
        for language in all() {
            assert!(is_code(language.code), "{}", language.code);
            assert_eq!(
                language.iso_639_2.len() % 3,
                0,
                "{}: ISO 639-2 codes have three letters",
                language.code
            );
            assert!(language.other_codes().all(is_code), "{}", language.code);
            assert!(![language.english, language.spanish, language.own].contains(&""), "{}", language.code);
        }
        for (alias, code) in entries(ALIASES) {
            assert!(all().any(|l| l.code == code), "{alias} is an alias of a language of the table");
        }
    }

    #[test]
    fn the_widget_names_languages_by_their_own_names() {
        let named: Vec<(&str, &str)> = entries(NAMED).collect();
        let expected: Vec<(&str, &str)> =
            all().filter(Language::named_by_widget).map(|l| (l.code, l.own)).collect();
        assert_eq!(named, expected);
        let codes: Vec<&str> = named.iter().map(|(code, _)| *code).collect();
        // The languages the widget named before the table, `asl` now `ase`.
        let before =
            ["en", "es", "pt", "pl", "ht", "fr", "it", "ar", "zh", "vi", "ru", "uk", "bn", "ur", "ase"];
        assert_eq!(codes, before);
    }

    #[test]
    fn a_name_means_one_language() {
        let mut names: Vec<String> = all().flat_map(|l| l.names().map(folded).collect::<Vec<_>>()).collect();
        // A language may give one name in several columns ("Italiano" in Spanish and its own).
        let mut per_language: Vec<String> = all()
            .flat_map(|l| {
                let mut own: Vec<String> = l.names().map(folded).collect();
                own.sort();
                own.dedup();
                own
            })
            .collect();
        names.sort();
        names.dedup();
        per_language.sort();
        assert_eq!(per_language.len(), names.len(), "a name shared by two languages");
    }

    #[test]
    fn names_and_codes_become_the_tables_code() {
        let table = [
            ("Spanish", Some("es")),
            ("spanish", Some("es")),
            (" SPANISH ", Some("es")),
            ("Español", Some("es")),
            ("español", Some("es")),
            ("Espanol", Some("es")),
            ("spa", Some("es")),
            ("es", Some("es")),
            ("ES", Some("es")),
            ("inglés", Some("en")),
            ("Ingles", Some("en")),
            ("Portugués", Some("pt")),
            ("Brazilian  Portuguese", Some("pt")),
            ("Kreyol ayisyen", Some("ht")),
            ("Haitian Creole", Some("ht")),
            ("Français", Some("fr")),
            ("francais", Some("fr")),
            ("fre", Some("fr")),
            ("Mandarin", Some("zh")),
            ("中文", Some("zh")),
            ("Tiếng Việt", Some("vi")),
            ("Farsi", Some("fa")),
            ("한국어", Some("ko")),
            ("American Sign Language", Some("ase")),
            ("ASL", Some("ase")),
            ("ase", Some("ase")),
            ("sign language", Some("ase")),
            ("lengua de señas mexicana", Some("mfs")),
            ("Lengua de senas puertorriquena", Some("psl")),
            ("Klingon", None),
            ("", None),
            ("tlh", None),
        ];
        for (text, expected) in table {
            assert_eq!(code_for(text), expected, "{text:?}");
        }
    }

    #[test]
    fn aliases_become_the_tables_code() {
        let table = [
            ("asl", Some("ase")),
            ("ASL", Some("ase")),
            ("ase", None),
            // A region, and ISO 639-2 codes, are the importers' business ([`from_code`]).
            ("asl-US", None),
            ("spa", None),
            ("es", None),
            ("hmn", None),
            ("", None),
        ];
        for (code, expected) in table {
            assert_eq!(canonical(code), expected, "{code:?}");
        }
    }

    #[test]
    fn importers_read_every_code_the_table_knows() {
        let table = [
            ("spa", "es"),
            ("Spa", "es"),
            ("spa-MX", "es-MX"),
            ("fre", "fr"),
            ("FRA", "fr"),
            ("kor", "ko"),
            ("asl", "ase"),
            ("es", "es"),
            ("ES", "ES"),
            ("es-419", "es-419"),
            ("hmn", "hmn"),
            ("", ""),
        ];
        for (code, expected) in table {
            assert_eq!(from_code(code), expected, "{code:?}");
        }
    }

    #[test]
    fn codes_have_their_own_names() {
        let table = [
            ("en", Some("English")),
            ("es", Some("Español")),
            ("ES", Some("Español")),
            ("ht", Some("Kreyòl ayisyen")),
            ("zh", Some("中文")),
            ("ase", Some("American Sign Language")),
            ("asl", None),
            ("ko", None),
            ("spa", None),
            ("es-MX", None),
            ("hmn", None),
            ("", None),
        ];
        for (code, expected) in table {
            assert_eq!(own_name(code), expected, "{code:?}");
        }
    }

    #[test]
    fn the_shape_of_a_code() {
        for code in ["en", "ase", "pt-BR", "zh-Hant", "es-419", "EN"] {
            assert!(is_code(code), "{code}");
        }
        for text in ["e", "engl", "Spanish", "pt_BR", "pt-", "en-a", "", "1a"] {
            assert!(!is_code(text), "{text}");
        }
    }
}

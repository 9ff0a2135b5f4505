//! Interface languages. Every word the widget shows lives in `locales/<code>.json`, one
//! file per language; `build.rs` finds the files, so a third language is a new file,
//! not a code change.
//!
//! Values may hold `{name}` placeholders. A key ending in `_one` / `_other` is chosen by
//! a count (English and Spanish need only these two forms). A key missing from a
//! language falls back to English, so a half-translated file never shows a blank.
//!
//! ```
//! use program_finder::i18n::Lang;
//! let spanish = Lang::from_code("es-US").unwrap();
//! assert_eq!(spanish.t("retry"), "Intentar de nuevo");
//! assert_eq!(spanish.count("count_all", 3, &[("total", "3")]), "3 programas");
//! ```

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language every other falls back to.
const FALLBACK: &str = "en";

/// One language's words: (key, text), sorted by key (`build.rs`).
#[derive(Debug)]
pub struct Locale {
    code: &'static str,
    words: &'static [(&'static str, &'static str)],
}

impl Locale {
    fn get(&self, key: &str) -> Option<&'static str> {
        let words = self.words;
        words.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|at| words[at].1)
    }
}

/// A chosen interface language: cheap to copy, shareable between signals.
#[derive(Clone, Copy, Debug)]
pub struct Lang(&'static Locale);

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}

impl Eq for Lang {}

fn locales() -> &'static [Locale] {
    const LOCALES: &[Locale] = &{
        let mut all = [const { Locale { code: "", words: &[] } }; LOCALE_FILES.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = Locale { code: LOCALE_FILES[i].0, words: LOCALE_FILES[i].1 };
            i += 1;
        }
        all
    };
    LOCALES
}

impl Lang {
    /// Every language, in code order.
    pub fn all() -> impl Iterator<Item = Lang> {
        locales().iter().map(Lang)
    }

    pub fn english() -> Lang {
        Lang::from_code(FALLBACK).expect("locales/en.json exists")
    }

    /// The language for a code such as `es`, `es-US` or `EN`; `None` if there is no file.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        locales().iter().find(|l| l.code == primary).map(Lang)
    }

    /// The language code, such as `es`.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The text for `key`, falling back to English, then to the key itself.
    pub fn t(self, key: &str) -> &'static str {
        self.0.get(key).or_else(|| Lang::english().0.get(key)).unwrap_or("")
    }

    /// `t(key)` with each `{name}` replaced by its value.
    pub fn format(self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.t(key).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// A download's size as families read it: "350 KB", "1.2 MB" ("1,2 MB" in Spanish).
    pub fn size(self, bytes: u64) -> String {
        if bytes < 1_000_000 {
            return format!("{} KB", bytes / 1_000);
        }
        let tenths = bytes / 100_000;
        format!("{}{}{} MB", tenths / 10, self.t("decimal_point"), tenths % 10)
    }

    /// The `_one` or `_other` form of `key` for `count`, formatted.
    pub fn count(self, key: &str, count: usize, values: &[(&str, &str)]) -> String {
        let form = if count == 1 { "one" } else { "other" };
        self.format(&format!("{key}_{form}"), values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> =
            text.split('{').skip(1).filter_map(|rest| rest.split('}').next()).collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn sizes_read_as_families_read_them() {
        let spanish = Lang::from_code("es").expect("Spanish");
        let rows = [
            (0, "0 KB", "0 KB"),
            (350_400, "350 KB", "350 KB"),
            (1_260_000, "1.2 MB", "1,2 MB"),
            (64_000_000, "64.0 MB", "64,0 MB"),
        ];
        for (bytes, english, in_spanish) in rows {
            assert_eq!(Lang::english().size(bytes), english);
            assert_eq!(spanish.size(bytes), in_spanish);
        }
    }

    #[test]
    fn every_language_has_every_english_key_with_the_same_placeholders() {
        let english = Lang::english();
        assert!(Lang::all().count() >= 2, "English and Spanish at least");
        for lang in Lang::all() {
            assert!(lang.0.words.windows(2).all(|w| w[0].0 < w[1].0), "{}: sorted by key", lang.code());
            for (key, text) in english.0.words {
                let translated =
                    lang.0.get(key).unwrap_or_else(|| panic!("{}.json has no \"{key}\"", lang.code()));
                assert!(!translated.trim().is_empty(), "{}: {key} is blank", lang.code());
                assert_eq!(placeholders(translated), placeholders(text), "{}: {key}", lang.code());
            }
            for (key, _) in lang.0.words {
                assert!(
                    english.0.get(key).is_some(),
                    "{}.json has \"{key}\", which English lacks",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn codes_resolve_to_their_language_or_none() {
        assert_eq!(Lang::from_code("es").map(Lang::code), Some("es"));
        assert_eq!(Lang::from_code("es-MX").map(Lang::code), Some("es"));
        assert_eq!(Lang::from_code(" EN_us ").map(Lang::code), Some("en"));
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn counts_choose_the_right_form() {
        let english = Lang::english();
        assert_eq!(english.count("count_all", 1, &[("total", "1")]), "1 program");
        assert_eq!(
            english.count("count_some", 0, &[("shown", "0"), ("total", "7")]),
            "Showing 0 of 7 programs"
        );
        assert_eq!(english.t("no-such-key"), "");
    }
}

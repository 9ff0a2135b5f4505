//! Everything a host page can set on one widget, read from plain name/value pairs.
//!
//! The three ways in give the same names: `data-need` on a `<div data-program-finder>`
//! is `need` on `<program-finder>` and `need` (or `lockNeed` for `lock-need`) in
//! `ProgramFinder.mount(element, { … })`. `program-finder.js` turns each into pairs
//! (`["need", "food", "lock-town", "Hartford"]`), so this one reader decides what every
//! value means. A value that makes no sense is dropped with a line for the console,
//! never an error in front of a family. See EMBEDDING.md for the table of options.

use finder_core::towns::{family_town, Town};

use crate::i18n::Lang;
use crate::presets::Presets;

/// The most programs a page of results may show at once (a page asking for more gets this).
pub const MAX_PAGE_SIZE: usize = 200;

/// One widget's options, as the host page gave them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostOptions {
    /// The catalogue's URL as written (relative to the page); `None`: the bundled sample.
    pub catalogue: Option<String>,
    /// Starting choices: `need`, `town`, `age`, `q`.
    pub presets: Presets,
    /// `lang`: an interface language code, if given.
    pub lang: Option<String>,
    /// `lock-need`: needs always applied, their control hidden.
    pub lock_needs: Option<Vec<String>>,
    /// `lock-town`: a town always applied, its box hidden.
    pub lock_town: Option<Town>,
    /// `hide`: controls not shown (`search`, `needs`, `town`, `age`, `more`, `languages`).
    pub hide: Vec<String>,
    /// `page-size`: cards per page of results.
    pub page_size: Option<usize>,
    /// `towns`: only programs serving one of these towns (or statewide).
    pub towns: Vec<Town>,
    /// `url-state`: `Some(true)` "on", `Some(false)` "off", `None` the default.
    pub url_state: Option<bool>,
    /// `debug`: show staff a banner with the catalogue's problems.
    pub debug: bool,
    /// `timeout`: seconds to wait for the catalogue before trying again.
    pub timeout: Option<u32>,
    /// What could not be used, for the console.
    pub rejected: Vec<String>,
}

/// The controls `hide` may name.
pub const HIDEABLE: [&str; 6] = ["search", "needs", "town", "age", "more", "languages"];

impl HostOptions {
    /// Reads `[name, value, name, value, …]`. Names are the attribute names without
    /// `data-`; camelCase names from the JS API are accepted too (`lockNeed`).
    pub fn from_pairs(pairs: &[String]) -> HostOptions {
        let mut options = HostOptions::default();
        let (mut need, mut town, mut age, mut query) = (None, None, None, None);
        for pair in pairs.chunks(2) {
            let [name, value] = pair else { continue };
            let name = kebab(name.trim());
            let value = value.as_str();
            match name.as_str() {
                "catalogue" | "catalog" => {
                    options.catalogue = Some(value.trim().to_string()).filter(|url| !url.is_empty())
                }
                "need" | "needs" => need = Some(value),
                "town" => town = Some(value),
                "age" => age = Some(value),
                "q" | "query" => query = Some(value),
                "lang" => match value.trim() {
                    "" => {}
                    code if Lang::from_code(code).is_some() => options.lang = Some(code.to_string()),
                    code => {
                        let known: Vec<&str> = Lang::all().map(Lang::code).collect();
                        options.rejected.push(format!(
                            "lang=\"{code}\" is not a language of the widget ({}); the page's language is used",
                            known.join(", ")
                        ))
                    }
                },
                "lock-need" | "lock-needs" => {
                    let needs = list(value).into_iter().map(|id| id.to_lowercase()).collect::<Vec<_>>();
                    options.lock_needs = Some(needs).filter(|needs| !needs.is_empty());
                }
                "lock-town" => match family_town(value) {
                    Some(found) => options.lock_town = Some(found),
                    None if value.trim().is_empty() => {}
                    None => options.rejected.push(format!("lock-town=\"{value}\" is not a Connecticut town")),
                },
                "hide" => {
                    for control in list(value) {
                        let control = control.to_lowercase();
                        if HIDEABLE.contains(&control.as_str()) {
                            options.hide.push(control);
                        } else {
                            options.rejected.push(format!(
                                "hide=\"{control}\" is not a control; use {}",
                                HIDEABLE.join(", ")
                            ));
                        }
                    }
                }
                "page-size" => match value.trim().parse::<usize>() {
                    Ok(size) if size > MAX_PAGE_SIZE => {
                        options.page_size = Some(MAX_PAGE_SIZE);
                        options.rejected.push(format!(
                            "page-size=\"{value}\" is more than {MAX_PAGE_SIZE}; {MAX_PAGE_SIZE} used"
                        ));
                    }
                    Ok(size) if size >= 1 => options.page_size = Some(size),
                    _ => options.rejected.push(format!("page-size=\"{value}\" is not a number of programs")),
                },
                "towns" => {
                    for place in list(value) {
                        match family_town(&place) {
                            Some(found) => options.towns.push(found),
                            None => {
                                options.rejected.push(format!("towns: \"{place}\" is not a Connecticut town"))
                            }
                        }
                    }
                }
                "url-state" => match value.trim() {
                    "on" | "true" | "" => options.url_state = Some(true),
                    "off" | "false" => options.url_state = Some(false),
                    other => {
                        options.rejected.push(format!("url-state=\"{other}\" should be \"on\" or \"off\""))
                    }
                },
                "debug" => options.debug = !matches!(value.trim(), "false" | "off"),
                "timeout" => match value.trim().parse::<u32>() {
                    Ok(seconds) if (1..=120).contains(&seconds) => options.timeout = Some(seconds),
                    _ => options.rejected.push(format!("timeout=\"{value}\" should be seconds, 1 to 120")),
                },
                // The marker attribute of `<div data-program-finder>` itself.
                "program-finder" => {}
                other => options.rejected.push(format!("\"{other}\" is not an option of the program finder")),
            }
        }
        let presets = Presets::from_attributes(need, town, age).with_query(query);
        options.rejected.extend(presets.rejected.iter().cloned());
        options.presets = Presets { rejected: Vec::new(), ..presets };
        // A town outside Connecticut ("Springfield, MA") waits for the catalogue's places.
        let town = &options.presets.town;
        if !town.is_empty() && family_town(town).is_none() && !finder_core::towns::may_be_declared(town) {
            let town = std::mem::take(&mut options.presets.town);
            options
                .rejected
                .push(format!("town=\"{town}\" is not a Connecticut town; the town box starts empty"));
        }
        options
    }

    /// Whether a change from `self` to `other` needs the widget rebuilt, rather than
    /// its choices or language changed in place.
    pub fn needs_remount(&self, other: &HostOptions) -> bool {
        fn shape(o: &HostOptions) -> impl PartialEq + '_ {
            let shape = (&o.catalogue, &o.lock_needs, o.lock_town, &o.hide, o.page_size, &o.towns);
            (shape, o.url_state, o.debug, o.timeout)
        }
        shape(self) != shape(other)
    }
}

/// `lockNeed` → `lock-need`; kebab-case names pass unchanged.
fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A comma-separated list, trimmed, empty items left out.
fn list(value: &str) -> Vec<String> {
    value.split(',').map(str::trim).filter(|item| !item.is_empty()).map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[&str]) -> HostOptions {
        HostOptions::from_pairs(&pairs.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn every_option_is_read() {
        let options = read(&[
            "catalogue",
            " /programs.json ",
            "need",
            "food, housing",
            "town",
            "Hartford",
            "age",
            "6m",
            "q",
            "pantry",
            "lang",
            "es",
            "lock-need",
            "Mental-Health",
            "lock-town",
            "new britain",
            "hide",
            "search, more",
            "page-size",
            "10",
            "towns",
            "Hartford, Willimantic",
            "url-state",
            "off",
            "debug",
            "",
            "timeout",
            "20",
        ]);
        assert_eq!(options.catalogue.as_deref(), Some("/programs.json"));
        assert_eq!(options.presets.needs, ["food", "housing"]);
        assert_eq!((options.presets.town.as_str(), options.presets.age_text.as_str()), ("Hartford", "6"));
        assert_eq!(options.presets.query, "pantry");
        assert_eq!(options.lang.as_deref(), Some("es"));
        assert_eq!(options.lock_needs, Some(vec!["mental-health".to_string()]));
        assert_eq!(options.lock_town.map(Town::name), Some("New Britain"));
        assert_eq!(options.hide, ["search", "more"]);
        assert_eq!(options.page_size, Some(10));
        // A village counts as its town.
        assert_eq!(options.towns.iter().map(|t| t.name()).collect::<Vec<_>>(), ["Hartford", "Windham"]);
        assert_eq!((options.url_state, options.debug, options.timeout), (Some(false), true, Some(20)));
        assert!(options.rejected.is_empty(), "{:?}", options.rejected);
    }

    #[test]
    fn camel_case_names_from_the_js_api() {
        let options = read(&["lockNeed", "food", "pageSize", "5", "urlState", "on", "lockTown", "Hartford"]);
        assert_eq!(options.lock_needs, Some(vec!["food".to_string()]));
        assert_eq!((options.page_size, options.url_state), (Some(5), Some(true)));
        assert_eq!(options.lock_town.map(Town::name), Some("Hartford"));
    }

    #[test]
    fn nonsense_is_dropped_and_said() {
        let options = read(&[
            "page-size",
            "lots",
            "hide",
            "everything",
            "town",
            "Springfield",
            "towns",
            "Boston, Hartford",
            "lock-town",
            "Narnia",
            "age",
            "toddler",
            "colour",
            "red",
            "url-state",
            "maybe",
            "page-size",
            "0",
        ]);
        assert_eq!(options.page_size, None);
        assert!(options.hide.is_empty());
        assert_eq!(options.presets.town, "");
        assert_eq!(options.towns.len(), 1);
        assert_eq!(options.lock_town, None);
        assert_eq!(options.url_state, None);
        let said = options.rejected.join("\n");
        for expected in
            ["lots", "everything", "Springfield", "Boston", "Narnia", "toddler", "colour", "maybe", "\"0\""]
        {
            assert!(said.contains(expected), "{expected} not reported in:\n{said}");
        }
        let huge = read(&["page-size", "100000"]);
        assert_eq!(huge.page_size, Some(MAX_PAGE_SIZE));
        assert_eq!(
            huge.rejected,
            [format!("page-size=\"100000\" is more than {MAX_PAGE_SIZE}; {MAX_PAGE_SIZE} used")]
        );
        let klingon = read(&["lang", "tlh"]);
        assert_eq!(klingon.lang, None);
        assert_eq!(
            klingon.rejected,
            ["lang=\"tlh\" is not a language of the widget (en, es); the page's language is used"]
        );
        assert_eq!(read(&["lang", "es-MX"]).lang.as_deref(), Some("es-MX"));
        assert_eq!(read(&["program-finder", ""]).rejected.len(), 0, "the marker attribute is not an option");
    }

    #[test]
    fn what_needs_a_rebuild() {
        let before = read(&["need", "food", "lang", "en", "catalogue", "a.json"]);
        assert!(!before.needs_remount(&read(&["need", "housing", "lang", "es", "catalogue", "a.json"])));
        assert!(before.needs_remount(&read(&["need", "food", "catalogue", "b.json"])));
        assert!(before.needs_remount(&read(&["need", "food", "catalogue", "a.json", "hide", "search"])));
    }
}

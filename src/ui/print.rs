//! What a printed list carries besides its cards: the choices it was made for and the day
//! it was printed, so a family (or the nurse who printed it for them) knows later what
//! the paper answers and how old it is. Each card's full details (address, hours,
//! website) are built for paper too: see `Printing` in `details`.

use finder_core::age::ChildAge;
use finder_core::catalogue::Catalogue;
use leptos::prelude::*;

use super::dates::{long_date, Zone};
use super::{Choices, Saved, Showing};
use crate::i18n::Lang;
use crate::text::{age_words, language_name};

/// Set when the family prints (the button, or the browser's own Print): every card then
/// builds the details it usually builds only when opened, and the summary below shows.
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// "For: Food, Early literacy · Willimantic · 4 years. Printed December 2, 2026." Only on paper.
pub fn summary(catalogue: &Catalogue, lang: Lang) -> String {
    let choices = expect_context::<Choices>();
    let saved = expect_context::<Saved>();
    let what = match saved.showing.get() {
        Showing::Saved => lang.t("saved_heading").to_string(),
        Showing::Shared(_) => lang.t("shared_heading").to_string(),
        Showing::Search => {
            let chosen = chosen(&choices, catalogue, lang);
            if chosen.is_empty() {
                lang.t("print_all").to_string()
            } else {
                lang.format("print_for", &[("choices", &chosen.join(" · "))])
            }
        }
    };
    let today = long_date(&js_sys::Date::new_0(), lang, Zone::Local);
    format!("{what} {}", lang.format("printed_on", &[("date", &today)]))
}

/// Each choice in the family's words, in the order of the controls.
fn chosen(choices: &Choices, catalogue: &Catalogue, lang: Lang) -> Vec<String> {
    let query = choices.search_query();
    let choices_made = &query.choices;
    let mut said = Vec::new();
    let words = query.text.trim();
    if !words.is_empty() {
        said.push(format!("“{words}”"));
    }
    let needs: Vec<&str> = choices_made
        .needs
        .iter()
        .filter_map(|id| catalogue.need(id))
        .map(|need| need.label_in(lang.code()))
        .collect();
    if !needs.is_empty() {
        said.push(needs.join(", "));
    }
    if let Some(town) = choices_made.town {
        said.push(town.name().to_string());
    }
    match choices_made.age {
        Some(ChildAge::Years(years)) => said.push(age_words(lang, f64::from(years))),
        Some(ChildAge::Months(months)) => said.push(age_words(lang, f64::from(months) / 12.0)),
        None => {}
    }
    said.extend(choices_made.languages.iter().map(|code| language_name(code)));
    for (chosen, key) in [
        (choices_made.free_only, "cost_free"),
        (choices_made.open_now, "open_now"),
        (choices_made.evenings, "evenings"),
        (choices_made.weekends, "weekends"),
    ] {
        if chosen {
            said.push(lang.t(key).to_string());
        }
    }
    said
}

//! What a printed list carries besides its cards: the choices it was made for and the day
//! it was printed, so a family (or the nurse who printed it for them) knows later what
//! the paper answers and how old it is. Each card's full details (address, hours,
//! website) are built for paper too: see `Printing` in `details`.

use finder_core::catalogue::Catalogue;
use leptos::prelude::*;

use super::dates::{long_date, Zone};
use super::{ChoiceSignals, Saved, Showing};
use crate::i18n::Lang;

/// Set when the family prints (the button, or the browser's own Print): every card then
/// builds the details it usually builds only when opened, and the summary below shows.
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// "For: Food, Early literacy · Willimantic · 4 years. Printed December 2, 2026." Only on paper.
pub fn summary(catalogue: &Catalogue, lang: Lang) -> String {
    let choices = expect_context::<ChoiceSignals>();
    let saved = expect_context::<Saved>();
    let what = match saved.showing.get() {
        Showing::Saved => lang.t("saved_heading").to_string(),
        Showing::Shared(_) => lang.t("shared_heading").to_string(),
        Showing::Search => {
            let chosen = choices.snapshot().described(&choices.locks(), catalogue, lang);
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

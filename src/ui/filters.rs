//! The search box, need choices with counts, the age entry, language and cost, clear-all.

use finder_core::catalogue::{Catalogue, Need};
use std::sync::Arc;

use finder_search::{SearchIndex, SearchResults};
use leptos::prelude::*;

use super::combobox::Combobox;
use super::pack::PackState;
use super::{use_lang, words, ChoiceSignals};
use crate::presets::{age_from_entry, AgeProblem, AgeUnit};
use crate::text::language_name;

/// At most this many suggestions under the search box: enough to help, few enough to
/// leave the results in sight on a phone.
const MAX_SUGGESTIONS: usize = 6;

/// Words to search for; results follow as the family types.
#[component]
pub fn SearchBox(index: Arc<SearchIndex>, catalogue: Arc<Catalogue>, pack: PackState) -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let lang = use_lang();
    // Need labels, program names and frequent words that complete what is typed, in the
    // family's language first (`SearchIndex::suggest`).
    let suggestions = Memo::new(move |_| {
        let text = choices.query.get();
        let found = pack.index(&index).suggest(&catalogue, &text, lang.get().code(), MAX_SUGGESTIONS);
        found.into_iter().map(|suggestion| (suggestion.text, None)).collect()
    });
    view! {
        <div class="field search">
            <label class="label" for="pf-q">{words("search_label")}</label>
            <Combobox id="pf-q" value=choices.query suggestions list_label="search_suggestions" kind="search"
                focused=RwSignal::new(false) input=NodeRef::new() placeholder="search_placeholder" />
        </div>
    }
}

/// One checkbox per need; several may be chosen.
#[component]
pub fn NeedChoices(needs: Vec<Need>, results: Memo<SearchResults>) -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let lang = use_lang();
    let chips = needs
        .into_iter()
        .map(|need| {
            let id = need.id.clone();
            let checked_id = need.id.clone();
            let is_checked = move || choices.needs.with(|chosen| chosen.contains(&checked_id));
            let toggle = move |on: bool| {
                choices.needs.update(|chosen| {
                    chosen.retain(|n| n != &id);
                    if on {
                        chosen.push(id.clone());
                    }
                })
            };
            let chosen_class = is_checked.clone();
            let label_need = need.clone();
            let count_id = need.id.clone();
            // How many programs choosing this need would give, with everything else as it is.
            let count = move || {
                results.with(|r| {
                    r.counts
                        .as_ref()
                        .and_then(|c| c.needs.iter().find(|(id, _)| *id == count_id).map(|(_, n)| *n))
                })
            };
            let count_shown = count.clone();
            let empty = move || count() == Some(0);
            view! {
                <label class="chip" class:chosen=chosen_class class:no-results=empty>
                    <input type="checkbox" value=need.id.clone()
                        prop:checked=is_checked
                        on:change:target=move |ev| toggle(ev.target().checked()) />
                    <span lang=move || label_need.fallback_language(lang.get().code())>
                        {move || need.label_in(lang.get().code()).to_string()}
                    </span>
                    <span class="chip-count">{move || count_shown().map(|n| format!("({n})"))}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="needs" part="needs">
            <legend class="label">{words("needs_legend")}</legend>
            <div class="chips">{chips}</div>
        </fieldset>
    }
}

/// The child's age, in years or (for babies) months, as a family writes it: "4", "4.5",
/// "4,5", "3 1/2". Nothing is refused while typing (no length limit that cuts "3 1/2",
/// a decimal keypad on phones); what cannot be read is explained under the box.
#[component]
pub fn AgeEntry() -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let lang = use_lang();
    let problem = move || age_from_entry(&choices.age.get(), choices.age_unit.get()).err();
    let invalid = move || problem().is_some();
    view! {
        <div class="field age">
            <label class="label" for="pf-age">{words("age_label")}</label>
            <div class="age-inputs">
                <input id="pf-age" class="input" type="text" inputmode="decimal" autocomplete="off"
                    maxlength="20" aria-describedby="pf-age-hint"
                    aria-invalid=move || invalid().then_some("true")
                    prop:value=move || choices.age.get()
                    on:input:target=move |ev| choices.typed(choices.age, ev.target().value()) />
                <select class="input unit" aria-label=words("age_unit_label")
                    prop:value=move || choices.age_unit.get().value()
                    on:change:target=move |ev| choices.age_unit.set(AgeUnit::from_value(&ev.target().value()))>
                    <option value="years">{words("years")}</option>
                    <option value="months">{words("months")}</option>
                </select>
            </div>
            <p id="pf-age-hint" class="hint" class:problem=invalid>
                {move || match problem() {
                    Some(AgeProblem::TooOld) => lang.get().t("age_too_old"),
                    Some(AgeProblem::NotAnAge) => lang.get().t("age_invalid"),
                    None => lang.get().t("age_hint"),
                }}
            </p>
        </div>
    }
}

/// Language spoken and free-only, with how many programs each gives.
#[component]
pub fn MoreChoices(results: Memo<SearchResults>) -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let language_options = move || {
        let chosen = choices.language.get();
        let mut options =
            results.with(|r| r.counts.as_ref().map(|c| c.languages.clone()).unwrap_or_default());
        // Keep the chosen language listed even when the other choices leave it no programs.
        if !chosen.is_empty() && !options.iter().any(|(code, _)| *code == chosen) {
            options.push((chosen.clone(), 0));
        }
        options
            .into_iter()
            .map(|(code, count)| {
                let label = format!("{} ({count})", language_name(&code));
                view! { <option value=code.clone() selected=code == chosen>{label}</option> }
            })
            .collect_view()
    };
    let free_count = move || results.with(|r| r.counts.as_ref().map(|c| c.free));
    view! {
        <div class="row more">
            <div class="field">
                <label class="label" for="pf-language">{words("languages_label")}</label>
                <select id="pf-language" class="input"
                    prop:value=move || choices.language.get()
                    on:change:target=move |ev| choices.language.set(ev.target().value())>
                    <option value="">{words("any_language")}</option>
                    {language_options}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || choices.free_only.get()
                    on:change:target=move |ev| choices.free_only.set(ev.target().checked()) />
                <span>{words("free_only")}</span>
                <span class="chip-count">{move || free_count().map(|n| format!("({n})"))}</span>
            </label>
        </div>
    }
}

/// Clears every choice; only shown when something is chosen.
#[component]
pub fn ClearAll() -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    view! {
        <Show when=move || choices.anything_chosen()>
            <button type="button" class="clear" part="clear" on:click=move |_| choices.clear()>
                {words("clear_all")}
            </button>
        </Show>
    }
}

/// On a phone the choices come before the list and fill more than a screen: after the
/// three main ones (need, town, age) this button says how many programs they give and
/// takes the family (and the focus, for screen readers) past the rest to the list. Not
/// sticky: a button fixed over the choices would cover some of them. Hidden by the
/// stylesheet when choices and results sit side by side.
#[component]
pub fn SeeResults(results: Memo<SearchResults>, count_ref: NodeRef<leptos::html::P>) -> impl IntoView {
    let lang = use_lang();
    let go = move |_| {
        if let Some(count) = count_ref.get_untracked() {
            let _ = count.focus();
            count.scroll_into_view();
        }
    };
    view! {
        <button type="button" class="button see-results" part="see-results" on:click=go>
            {move || {
                let total = results.with(|r| r.total);
                lang.get().count("see_results", total, &[("count", &total.to_string())])
            }}
        </button>
    }
}

//! Need choices, the age entry and the clear-all button.

use finder_core::catalogue::Need;
use finder_core::filter::Filter;
use leptos::prelude::*;

use super::{use_lang, Choices};
use crate::presets::{age_from_entry, AgeUnit};

/// One checkbox per need; several may be chosen.
#[component]
pub fn NeedChoices(needs: Vec<Need>) -> impl IntoView {
    let choices = expect_context::<Choices>();
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
            view! {
                <label class="chip" class:chosen=chosen_class>
                    <input type="checkbox" value=need.id.clone()
                        prop:checked=is_checked
                        on:change:target=move |ev| toggle(ev.target().checked()) />
                    <span>{move || need.label_in(lang.get().code()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="needs" part="needs">
            <legend class="label">{move || lang.get().t("needs_legend")}</legend>
            <div class="chips">{chips}</div>
        </fieldset>
    }
}

/// The child's age: a whole number, in years or (for babies) months.
#[component]
pub fn AgeEntry() -> impl IntoView {
    let choices = expect_context::<Choices>();
    let lang = use_lang();
    let invalid = move || age_from_entry(&choices.age.get(), choices.age_unit.get()).is_err();
    view! {
        <div class="field age">
            <label class="label" for="pf-age">{move || lang.get().t("age_label")}</label>
            <div class="age-inputs">
                <input id="pf-age" class="input" type="text" inputmode="numeric" autocomplete="off"
                    maxlength="3" aria-describedby="pf-age-hint"
                    aria-invalid=move || invalid().then_some("true")
                    prop:value=move || choices.age.get()
                    on:input:target=move |ev| choices.age.set(ev.target().value()) />
                <select class="input unit" aria-label=move || lang.get().t("age_unit_label")
                    prop:value=move || choices.age_unit.get().value()
                    on:change:target=move |ev| choices.age_unit.set(AgeUnit::from_value(&ev.target().value()))>
                    <option value="years">{move || lang.get().t("years")}</option>
                    <option value="months">{move || lang.get().t("months")}</option>
                </select>
            </div>
            <p id="pf-age-hint" class="hint" class:problem=invalid>
                {move || if invalid() { lang.get().t("age_invalid") } else { lang.get().t("age_hint") }}
            </p>
        </div>
    }
}

/// Clears every choice; only shown when something is chosen.
#[component]
pub fn ClearAll(filter: Memo<Filter>) -> impl IntoView {
    let choices = expect_context::<Choices>();
    let lang = use_lang();
    let anything_chosen = move || {
        !filter.get().is_empty()
            || !choices.town.with(|t| t.trim().is_empty())
            || !choices.age.with(|a| a.trim().is_empty())
    };
    view! {
        <Show when=anything_chosen>
            <button type="button" class="clear" part="clear" on:click=move |_| choices.clear()>
                {move || lang.get().t("clear_all")}
            </button>
        </Show>
    }
}

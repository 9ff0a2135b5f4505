//! The result count, one card per program, and the empty state.

use std::sync::Arc;

use finder_core::catalogue::{Catalogue, Program};
use finder_core::search::SearchResults;
use leptos::prelude::*;

use super::details::details;
use super::{use_lang, Choices};
use crate::i18n::Lang;
use crate::text::{ages_served, phone_link, places_served, result_count, short_text};

/// Longest description shown on a card, in characters.
const SHORT_DESCRIPTION: usize = 220;
/// Places listed on a card before "and N more".
const PLACES_ON_CARD: usize = 4;

/// Cards shown at first, and added by each "Show more": enough to scan on a phone, few
/// enough that a keystroke never waits for thousands of cards to render.
const PAGE: usize = 30;

#[component]
pub fn Results(catalogue: Arc<Catalogue>, results: Memo<SearchResults>) -> impl IntoView {
    let lang = use_lang();
    let choices = expect_context::<Choices>();
    let total = catalogue.programs.len();
    let shown = RwSignal::new(PAGE);
    // A new search starts again at the first page.
    Effect::new(move |_| {
        choices.search_query();
        shown.set(PAGE);
    });
    let count = move || results.with(|r| r.total);
    let visible = move || {
        results.with(|r| r.hits.iter().take(shown.get()).map(|hit| hit.program as usize).collect::<Vec<usize>>())
    };

    view! {
        <div class="results-area">
            // A polite live region: screen readers announce the new count after each change.
            <p class="count" part="count" role="status" aria-live="polite">
                {move || result_count(lang.get(), count(), total)}
            </p>
            <Show when=move || count() == 0>
                <EmptyState />
            </Show>
            <ul class="results" part="results" hidden=move || count() == 0>
                <For each=visible key=|index| *index let:index>
                    <ProgramCard program=catalogue.programs[index].clone() catalogue=catalogue.clone() />
                </For>
            </ul>
            <Show when=move || { count() > shown.get() }>
                <button type="button" class="button more-results" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || lang.get().t("show_more")}
                </button>
            </Show>
        </div>
    }
}

#[component]
fn ProgramCard(program: Program, catalogue: Arc<Catalogue>) -> impl IntoView {
    let lang = use_lang();
    let id = program.id.clone();
    // Outside the card body, so an open card stays open when the language changes.
    let open = RwSignal::new(false);
    // The card is rebuilt when the family switches language (rare); simpler than a signal per field.
    view! {
        <li class="card" part="card" data-program-id=id>
            {move || card_body(&program, &catalogue, lang.get(), open)}
        </li>
    }
}

/// Text in the family's language when the catalogue has it, else English marked as English
/// (so a screen reader pronounces it right and the family knows why).
fn in_language(translated: Option<&String>, english: &str, lang: Lang) -> (String, Option<&'static str>) {
    match translated {
        Some(text) => (text.clone(), None),
        None if lang.code() == "en" => (english.to_string(), None),
        None => (english.to_string(), Some("en")),
    }
}

fn card_body(program: &Program, catalogue: &Catalogue, lang: Lang, open: RwSignal<bool>) -> impl IntoView {
    let translation = program.translations.get(lang.code());
    let (name, name_lang) = in_language(translation.and_then(|t| t.name.as_ref()), &program.name, lang);
    let description = program.description.as_deref().map(|english| {
        let (text, text_lang) = in_language(translation.and_then(|t| t.description.as_ref()), english, lang);
        let note = text_lang.map(|_| view! { <span class="note">" "{lang.t("in_english_only")}</span> });
        view! { <p class="description"><span lang=text_lang>{short_text(&text, SHORT_DESCRIPTION)}</span>{note}</p> }
    });
    let cost = program.cost.as_deref().map(|english| {
        let (text, text_lang) = in_language(translation.and_then(|t| t.cost.as_ref()), english, lang);
        view! { <div><dt>{lang.t("cost")}</dt><dd lang=text_lang>{text}</dd></div> }
    });
    let need_labels = program
        .needs
        .iter()
        .filter_map(|id| catalogue.need(id))
        .map(|need| view! { <li class="tag">{need.label_in(lang.code()).to_string()}</li> })
        .collect_view();
    let call = program.phone.as_deref().and_then(|phone| {
        phone_link(phone).map(|href| {
            view! { <a class="action call" part="call" href=href>{lang.t("call")}" "{phone.to_string()}</a> }
        })
    });
    let website = program.website.clone().map(|href| {
        view! {
            <a class="action website" part="website" href=href target="_blank" rel="noopener noreferrer">
                {lang.t("website")}<span class="visually-hidden">" "{lang.t("new_tab")}</span>
            </a>
        }
    });
    let heading_id = format!("pf-program-{}", program.id);
    let labelled_by = heading_id.clone();
    view! {
        <article aria-labelledby=labelled_by>
            <h3 class="name" id=heading_id lang=name_lang>{name}</h3>
            {program.organization.clone().map(|org| view! { <p class="organization">{org}</p> })}
            {description}
            <ul class="tags" aria-label=lang.t("kinds_of_help")>{need_labels}</ul>
            <dl class="facts">
                <div><dt>{lang.t("ages")}</dt><dd>{ages_served(program, lang)}</dd></div>
                <div><dt>{lang.t("serves")}</dt><dd>{places_served(program, PLACES_ON_CARD, lang)}</dd></div>
                {cost}
            </dl>
            <div class="actions">{call}{website}{details(program, lang, open)}</div>
        </article>
    }
}

/// Says what to change, based on what is chosen, and offers to clear everything.
#[component]
fn EmptyState() -> impl IntoView {
    let choices = expect_context::<Choices>();
    let lang = use_lang();
    let tips = move || {
        let query = choices.search_query();
        let lang = lang.get();
        let mut tips = Vec::new();
        if !query.text.trim().is_empty() {
            tips.push(lang.t("empty_other_words"));
        }
        if query.choices.age.is_some() {
            tips.push(lang.t("empty_remove_age"));
        }
        if !query.choices.needs.is_empty() {
            tips.push(lang.t("empty_more_needs"));
        }
        if query.choices.town.is_some() {
            tips.push(lang.t("empty_clear_town"));
        }
        tips.into_iter().map(|tip| view! { <li>{tip}</li> }).collect_view()
    };
    view! {
        <div class="empty" part="empty">
            <p class="empty-title">{move || lang.get().t("empty_heading")}</p>
            <p>{move || lang.get().t("empty_try")}</p>
            <ul>{tips}</ul>
            <button type="button" class="button" on:click=move |_| choices.clear()>{move || lang.get().t("clear_all")}</button>
        </div>
    }
}

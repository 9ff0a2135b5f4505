//! The result count, one card per program, and the empty state.

use std::sync::Arc;

use finder_core::catalogue::{Catalogue, Program};
use finder_core::filter::Filter;
use leptos::prelude::*;

use super::Choices;
use crate::text::{ages_served, phone_link, places_served, result_count, short_text, ENGLISH};

/// Longest description shown on a card, in characters.
const SHORT_DESCRIPTION: usize = 220;
/// Places listed on a card before "and N more".
const PLACES_ON_CARD: usize = 4;

#[component]
pub fn Results(catalogue: Arc<Catalogue>, filter: Memo<Filter>) -> impl IntoView {
    let total = catalogue.programs.len();
    let matching = {
        let catalogue = catalogue.clone();
        Memo::new(move |_| {
            let filter = filter.get();
            (0..catalogue.programs.len())
                .filter(|&i| filter.matches(&catalogue.programs[i]))
                .collect::<Vec<usize>>()
        })
    };
    let count = move || matching.with(Vec::len);

    view! {
        <div class="results-area">
            // A polite live region: screen readers announce the new count after each change.
            <p class="count" part="count" role="status" aria-live="polite">
                {move || result_count(count(), total)}
            </p>
            <Show when=move || count() == 0>
                <EmptyState filter />
            </Show>
            <ul class="results" part="results" hidden=move || count() == 0>
                <For each=move || matching.get() key=|index| *index let:index>
                    <ProgramCard program=catalogue.programs[index].clone() catalogue=catalogue.clone() />
                </For>
            </ul>
        </div>
    }
}

#[component]
fn ProgramCard(program: Program, catalogue: Arc<Catalogue>) -> impl IntoView {
    let need_labels = program
        .needs
        .iter()
        .filter_map(|id| catalogue.need(id))
        .map(|need| view! { <li class="tag">{need.label.clone()}</li> })
        .collect_view();
    let call = program.phone.as_deref().and_then(|phone| {
        phone_link(phone).map(|href| {
            view! {
                <a class="action call" part="call" href=href>
                    {ENGLISH.call}" "{phone.to_string()}
                </a>
            }
        })
    });
    let website = program.website.clone().map(|href| {
        view! {
            <a class="action website" part="website" href=href target="_blank" rel="noopener noreferrer">
                {ENGLISH.website}<span class="visually-hidden">" "{ENGLISH.website_new_tab}</span>
            </a>
        }
    });
    let heading_id = format!("pf-program-{}", program.id);
    let labelled_by = heading_id.clone();
    view! {
        <li class="card" part="card" data-program-id=program.id.clone()>
            <article aria-labelledby=labelled_by>
                <h3 class="name" id=heading_id>{program.name.clone()}</h3>
                {program.organization.clone().map(|org| view! { <p class="organization">{org}</p> })}
                {program.description.as_deref().map(|d| view! { <p class="description">{short_text(d, SHORT_DESCRIPTION)}</p> })}
                <ul class="tags" aria-label="Kinds of help">{need_labels}</ul>
                <dl class="facts">
                    <div><dt>{ENGLISH.ages}</dt><dd>{ages_served(&program)}</dd></div>
                    <div><dt>{ENGLISH.serves}</dt><dd>{places_served(&program, PLACES_ON_CARD)}</dd></div>
                    {program.cost.clone().map(|cost| view! { <div><dt>{ENGLISH.cost}</dt><dd>{cost}</dd></div> })}
                </dl>
                <div class="actions">{call}{website}</div>
            </article>
        </li>
    }
}

/// Says what to change, based on what is chosen, and offers to clear everything.
#[component]
fn EmptyState(filter: Memo<Filter>) -> impl IntoView {
    let choices = expect_context::<Choices>();
    let tips = move || {
        let filter = filter.get();
        let mut tips = Vec::new();
        if filter.age.is_some() {
            tips.push(ENGLISH.empty_remove_age);
        }
        if !filter.needs.is_empty() {
            tips.push(ENGLISH.empty_more_needs);
        }
        if filter.town.is_some() {
            tips.push(ENGLISH.empty_clear_town);
        }
        tips.into_iter()
            .map(|tip| view! { <li>{tip}</li> })
            .collect_view()
    };
    view! {
        <div class="empty" part="empty">
            <p class="empty-title">{ENGLISH.empty_heading}</p>
            <p>{ENGLISH.empty_try}</p>
            <ul>{tips}</ul>
            <button type="button" class="button" on:click=move |_| choices.clear()>{ENGLISH.clear_all}</button>
        </div>
    }
}

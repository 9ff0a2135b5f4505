//! The result count, one card per program, and the empty state.

use std::rc::Rc;
use std::sync::Arc;

use finder_core::catalogue::{Catalogue, Program};
use finder_search::highlight::{excerpt, marks};
use finder_search::{SearchIndex, SearchOptions, SearchResults};
use leptos::either::Either;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::details::details;
use super::pack::PackState;
use super::print::{self, Printing};
use super::saved::ListHead;
use super::{use_events, use_lang, use_layout, words, BrowserServices, ChoiceSignals, Saved, Showing};
use crate::i18n::Lang;
use crate::text::{
    ages_served, phone_link, places_served, plain_free, result_count, PLACES_ON_CARD, SHORT_DESCRIPTION,
};

/// A search that finds at most this many programs offers "Did you mean …?".
const ALMOST_NOTHING: usize = 2;

/// How long typing must pause before the new count is said.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(600);

#[component]
pub fn Results(
    catalogue: Arc<Catalogue>,
    index: Arc<SearchIndex>,
    results: Memo<SearchResults>,
    /// The catalogue pack's files and what is on its way (nothing for a JSON catalogue).
    pack: PackState,
    /// How many cards show (the search ranks that many).
    shown: RwSignal<usize>,
    browser: Option<Arc<dyn BrowserServices + Send + Sync>>,
    /// The count, which "See N programs" moves focus to.
    count_ref: NodeRef<leptos::html::P>,
) -> impl IntoView {
    let lang = use_lang();
    let choices = expect_context::<ChoiceSignals>();
    let saved = expect_context::<Saved>();
    let total = pack.program_count(&catalogue);
    let page = use_layout().page_size.max(1);
    // The list (saved or shared) as catalogue positions, in catalogue order, and how
    // many of its ids the catalogue no longer has.
    let list = {
        let catalogue = catalogue.clone();
        Memo::new(move |_| {
            saved.list().map(|ids| crate::saved_list::in_catalogue(&pack.catalogue(&catalogue), &ids))
        })
    };
    // How many cards the last "Show more" added, for screen readers.
    let added = RwSignal::new(None::<usize>);
    // A new search starts again at the first page.
    Effect::new(move |_| {
        choices.search_query();
        shown.set(page);
        added.set(None);
    });
    let count_memo = Memo::new(move |_| {
        list.with(|list| match list {
            Some((found, _)) => found.len(),
            None => results.with(|r| r.total),
        })
    });
    let count = move || count_memo.get();
    // "Did you mean dentist?" when the words found nothing or almost nothing, and the
    // closest catalogue words would find more with the same choices.
    let better_words = move || {
        let found = results.with(|r| r.total);
        if found > ALMOST_NOTHING || saved.is_list() {
            return None;
        }
        let mut query = choices.search_query();
        let index = pack.index(&index);
        query.text = index.did_you_mean(&query.text)?;
        let options = SearchOptions { limit: Some(0), ..SearchOptions::default() };
        (index.search(&query, &options).total > found).then_some(query.text)
    };
    // The cards whose text is here (a pack brings it by chunk: the results wait for the
    // first ones; the others, and a saved list's, join in order as their text comes, so
    // the list only grows at its end; one whose text failed is left out, which the list
    // says once, with "Try again").
    let visible = move || {
        let programs = match list.get() {
            Some((found, _)) => found,
            None => results.with(|r| {
                r.hits.iter().take(shown.get()).map(|hit| hit.program as usize).collect::<Vec<usize>>()
            }),
        };
        let here = programs.into_iter().map_while(|at| Some((at, pack.text(at)?)));
        here.filter_map(|(at, text)| text.then_some(at)).collect::<Vec<usize>>()
    };
    // Cards still joining the page: the list is busy (assistive technologies may wait for
    // it) and "Show more" waits under it. (A failed chunk's cards are left out for good.)
    let joining = move || {
        let coming = |r: &SearchResults| {
            r.hits.iter().take(shown.get()).any(|hit| pack.text(hit.program as usize).is_none())
        };
        !pack.failed() && results.with(coming)
    };
    // "Show more" removes itself when the last page shows, and in any case leaves the
    // family far from the new cards: focus goes to the first new card (its article, named
    // by its heading), and a polite status says how many were added.
    let cards = NodeRef::<leptos::html::Ul>::new();
    let show_more = move |_| {
        let first_new = shown.get_untracked();
        shown.update(|n| *n += page);
        added.set(Some(count_memo.get_untracked().min(first_new + page) - first_new));
        // After this render, when the new cards exist.
        // (A pack's card may still wait for its text: focus goes to it when it comes.)
        until_done(Rc::new(move |last| focus_card(cards, first_new) || last), 50);
    };
    let count_text = move || {
        let n = count();
        // A pack's search waiting for its files: the cards shown are the last results, and
        // before the first search nothing is found yet, not "none". (After a file failed,
        // the last count stays, with the sentence that says so.)
        let starting = pack.waiting() && !pack.failed();
        match saved.showing.get() {
            Showing::Search if starting => lang.get().t("loading").to_string(),
            // A saved or shared list names programs by id: a pack's facts know them.
            Showing::Saved | Showing::Shared(_) if !pack.ready() => lang.get().t("loading").to_string(),
            Showing::Search => result_count(lang.get(), n, total),
            Showing::Saved => lang.get().count("saved_count", n, &[("total", &n.to_string())]),
            Showing::Shared(_) => lang.get().count("shared_count", n, &[("total", &n.to_string())]),
        }
    };
    // The count is a live region: each change is spoken. While the family types (search
    // words, town, age), it changes at every keystroke, so it follows once typing pauses;
    // a click (a need, a switch) changes it at once. The list itself never waits.
    let said = RwSignal::new(count_text());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    on_cleanup(cancel);
    Effect::new(move |keystrokes_before: Option<u32>| {
        let keystrokes = choices.keystrokes.get();
        let text = count_text();
        cancel();
        if keystrokes_before.is_some_and(|before| before != keystrokes) {
            let timer = set_timeout_with_handle(move || _ = said.try_set(text), TYPING_PAUSE).ok();
            pending.set_value(timer);
        } else {
            said.set(text);
        }
        keystrokes
    });
    // After Share: Some(true) "Link copied", Some(false) the link could not be copied.
    let copied = RwSignal::new(None::<bool>);
    // Paper gets the whole list, not just the first page, and each card's full details.
    // Also when the family uses the browser's own Print: `beforeprint` comes first, and
    // the cards render before the page is laid out for paper.
    let printing = RwSignal::new(false);
    provide_context(Printing(printing));
    let for_paper = move || {
        shown.set(usize::MAX);
        printing.set(true);
    };
    let before_print = window_event_listener(leptos::ev::beforeprint, move |_| for_paper());
    on_cleanup(move || before_print.remove());
    let print_browser = browser.clone();
    let print = move |_| {
        for_paper();
        if let Some(browser) = &print_browser {
            // After this render, so the printed page has every card: a pack's once their
            // text has come (30 s at most, then what has come is printed).
            let browser = browser.clone();
            let print_if_whole = move |last| {
                let whole = last || !untrack(joining);
                if whole {
                    browser.print();
                }
                whole
            };
            until_done(Rc::new(print_if_whole), 150);
        }
    };
    let print_summary = {
        let catalogue = catalogue.clone();
        move || {
            printing.get().then(
                || view! { <p class="print-only print-summary">{print::summary(&catalogue, lang.get())}</p> },
            )
        }
    };
    let share = move |_| {
        if let Some(browser) = &browser {
            // In a list, the link opens exactly its programs (by id), not the search.
            // Emptied, then said again a moment later: a live region only speaks when its
            // text changes, and a second Share deserves a second "Link copied".
            copied.set(None);
            let said = Box::new(move |worked: bool| {
                set_timeout(move || _ = copied.try_set(Some(worked)), std::time::Duration::from_millis(150));
            });
            browser.share(lang.get_untracked().t("heading"), saved.list().as_deref(), said);
        }
    };

    let for_empty = catalogue.clone();
    view! {
        <div class="results-area">
            {print_summary}
            <Show when=move || saved.is_list()>
                <ListHead
                    found=Signal::from(count_memo)
                    missing=Signal::derive(move || list.with(|l| l.as_ref().map_or(0, |(_, missing)| *missing)))
                />
            </Show>
            // A polite live region: screen readers announce the new count after each change.
            <p class="count" part="count" role="status" aria-live="polite" tabindex="-1" node_ref=count_ref>
                {move || said.get()}
            </p>
            <div class="toolbar" role="group" aria-label=words("list_tools")>
                <button type="button" class="tool" node_ref=saved.opener hidden=move || saved.is_list()
                    on:click=move |_| saved.open()>
                    {words("saved_only")}" ("{move || saved.ids.with(Vec::len)}")"
                </button>
                <button type="button" class="tool" on:click=print>{words("print")}</button>
                <button type="button" class="tool" on:click=share>{words("share")}</button>
                <span class="copied" role="status">{move || copied.get().map(|worked| lang.get().t(if worked { "link_copied" } else { "link_not_copied" }))}</span>
            </div>
            <super::hours::UnknownHoursNote results />
            {move || better_words().map(|text| {
                let search = text.clone();
                let run = move |_| {
                    choices.typed(choices.query, search.clone());
                    // The button goes with the new results: focus to their count, as
                    // "See N programs" does, rather than nowhere.
                    if let Some(count) = count_ref.get_untracked() {
                        let _ = count.focus();
                    }
                };
                view! {
                    <p class="did-you-mean">
                        {words("did_you_mean")}" "<button type="button" class="link" on:click=run>{text}</button>"?"
                    </p>
                }
            })}
            <Show when=move || count() == 0 && !saved.is_list() && !pack.waiting()>
                <EmptyState catalogue=for_empty.clone() pack />
            </Show>
            {part_failed(pack)}
            <ul class="results" part="results" hidden=move || count() == 0 node_ref=cards
                data-stale=move || pack.waiting().then_some("") aria-busy=move || (pack.waiting() || joining()).then_some("true")>
                <For each=visible key=|index| *index let:index>
                    <ProgramCard program=pack.program(&catalogue, index) catalogue=catalogue.clone()
                        results at=index />
                </For>
            </ul>
            <button type="button" class="button more-results" on:click=show_more
                hidden=move || saved.is_list() || count() <= shown.get() || joining()>
                {words("show_more")}
            </button>
            // Says how many cards "Show more" added; the focus is already on the first of them.
            <p class="visually-hidden" role="status">
                {move || added.get().map(|n| lang.get().count("more_shown", n, &[("count", &n.to_string())]))}
            </p>
        </div>
    }
}

#[component]
fn ProgramCard(
    program: Program,
    catalogue: Arc<Catalogue>,
    /// The search, for the words this program matched (none for the fallback cards).
    #[prop(optional)]
    results: Option<Memo<SearchResults>>,
    /// The program's place in the catalogue.
    #[prop(optional)]
    at: usize,
) -> impl IntoView {
    let lang = use_lang();
    let id = program.id.clone();
    // Outside the card body, so an open card stays open when the language changes.
    let open = RwSignal::new(false);
    // The card is rebuilt when the family switches language (rare); simpler than a signal per field.
    view! {
        <li class="card" part="card" data-program-id=id>
            {move || card_body(&program, &catalogue, lang.get(), open, move || matched_words(results, at))}
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

fn card_body(
    program: &Program,
    catalogue: &Catalogue,
    lang: Lang,
    open: RwSignal<bool>,
    matched: impl Fn() -> Vec<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let translation = program.translations.get(lang.code());
    let (name, name_lang) = in_language(translation.and_then(|t| t.name.as_ref()), &program.name, lang);
    let description = program.description.as_deref().map(|english| {
        let (text, text_lang) = in_language(translation.and_then(|t| t.description.as_ref()), english, lang);
        let note = text_lang.map(|_| view! { <span class="note">" "{lang.t("in_english_only")}</span> });
        // The part of a long description where the search words are, not always its start.
        let excerpted = move || {
            let words = matched();
            marked(&excerpt(&text, &words, SHORT_DESCRIPTION), &words)
        };
        view! { <p class="description"><span lang=text_lang>{excerpted}</span>{note}</p> }
    });
    let cost = program.cost.as_deref().map(|english| {
        let (text, text_lang) = match (translation.and_then(|t| t.cost.as_ref()), plain_free(english, lang)) {
            // "free" is a word the widget knows in every language: no "English only" mark.
            (None, Some(free)) => (free.to_string(), None),
            (translated, _) => in_language(translated, english, lang),
        };
        view! { <div><dt>{lang.t("cost")}</dt><dd lang=text_lang>{text}</dd></div> }
    });
    let need_labels = program
        .needs
        .iter()
        .filter_map(|id| catalogue.need(id))
        .map(|need| {
            let label = need.label_in(lang.code()).to_string();
            view! { <li class="tag" lang=need.fallback_language(lang.code())>{label}</li> }
        })
        .collect_view();
    let call = program.phone.as_deref().and_then(|phone| {
        phone_link(phone).map(|href| {
            let (events, called) = (use_events(), program.clone());
            let on_call = move |_| {
                if let Some(events) = &events {
                    events.called(&called);
                }
            };
            view! {
                <a class="action call" part="call" href=href on:click=on_call>
                    {lang.t("call")}" "<span class="nowrap">{phone.to_string()}</span>
                </a>
            }
        })
    });
    let website = program.website.clone().map(|href| {
        let whose = lang.format("of_program", &[("name", &name)]);
        view! {
            <a class="action website" part="website" href=href target="_blank" rel="noopener noreferrer">
                {lang.t("website")}<span class="visually-hidden">" "{whose}" "{lang.t("new_tab")}</span>
            </a>
        }
    });
    let heading_id = format!("pf-program-{}", program.id);
    let marked_name = {
        let name = name.clone();
        move || marked(&name, &matched())
    };
    let labelled_by = heading_id.clone();
    view! {
        // tabindex -1: "Show more" moves focus here.
        <article aria-labelledby=labelled_by tabindex="-1">
            <h3 class="name" id=heading_id lang=name_lang>{marked_name}</h3>
            {program.organization.clone().map(|org| view! { <p class="organization">{org}</p> })}
            {description}
            <ul class="tags" aria-label=lang.t("kinds_of_help")>{need_labels}</ul>
            <dl class="facts">
                <div><dt>{lang.t("ages")}</dt><dd>{ages_served(program, lang)}</dd></div>
                <div><dt>{lang.t("serves")}</dt><dd>{places_served(program, PLACES_ON_CARD, lang)}</dd></div>
                {super::hours::on_card(program, lang)}
                {cost}
            </dl>
            <div class="actions">{call}{website}{save_button(&program.id, lang)}{details(program, &name, lang, open)}</div>
        </article>
    }
}

/// The words program `at` of the catalogue matched the search with (folded), tracked;
/// none without words. The search keeps them for its first hits only (more than a page).
fn matched_words(results: Option<Memo<SearchResults>>, at: usize) -> Vec<String> {
    let limit = SearchOptions::default().matched_limit;
    let Some(results) = results else { return Vec::new() };
    results.with(|r| {
        let hit = r.hits.iter().take(limit).find(|hit| hit.program as usize == at);
        hit.map(|hit| hit.matched.clone()).unwrap_or_default()
    })
}

/// `text` with the whole words the search matched in `<mark>`: text nodes only, whatever
/// the catalogue's text holds (never parsed as HTML), and a word at a time, so a screen
/// reader reads words, not letters.
fn marked(text: &str, words: &[String]) -> impl IntoView {
    let ranges = marks(text, words);
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in ranges {
        let (Some(before), Some(word)) = (text.get(at..start), text.get(start..end)) else { continue };
        parts.push(Either::Left(before.to_string()));
        parts.push(Either::Right(view! { <mark>{word.to_string()}</mark> }));
        at = end;
    }
    parts.push(Either::Left(text.get(at..).unwrap_or_default().to_string()));
    parts
}

/// Save or unsave a program (kept in this browser only). Screen readers hear the
/// program's name too ("Save Help Me Grow", the button's words then the card's heading),
/// not thirty identical "Save" buttons.
fn save_button(id: &str, lang: Lang) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let (check, toggle) = (id.to_string(), id.to_string());
    let saved_memo = Memo::new(move |_| saved.ids.with(|ids| ids.contains(&check)));
    let is_saved = move || saved_memo.get();
    view! {
        <button type="button" class="action secondary save" aria-pressed=move || is_saved().to_string()
            aria-labelledby=format!("pf-save-{id} pf-program-{id}")
            on:click=move |_| saved.toggle(&toggle)>
            // The star is decoration: screen readers hear "Save" / "Saved" and the pressed state.
            <span aria-hidden="true">{move || if is_saved() { "★ " } else { "☆ " }}</span>
            <span id=format!("pf-save-{id}")>{move || if is_saved() { lang.t("saved") } else { lang.t("save") }}</span>
        </button>
    }
}

/// Says what to change, based on what is chosen, and offers to clear everything.
#[component]
fn EmptyState(catalogue: Arc<Catalogue>, pack: PackState) -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let lang = use_lang();
    // Only tips the family can follow: not for what the page locked or hid.
    let layout = use_layout();
    let hidden = layout.hidden;
    let can_change_needs = layout.locked_needs.is_none() && !hidden.needs;
    let can_change_town = layout.locked_town.is_none() && !hidden.town;
    let tips = move || {
        let query = choices.search_query();
        let lang = lang.get();
        let mut tips = Vec::new();
        if !query.text.trim().is_empty() && !hidden.search {
            tips.push(lang.t("empty_other_words"));
        }
        if query.choices.age.is_some() && !hidden.age {
            tips.push(lang.t("empty_remove_age"));
        }
        if !query.choices.needs.is_empty() && can_change_needs {
            tips.push(lang.t("empty_more_needs"));
        }
        if query.choices.town.is_some() && can_change_town {
            tips.push(lang.t("empty_clear_town"));
        }
        tips.into_iter().map(|tip| view! { <li>{tip}</li> }).collect_view()
    };
    view! {
        <div class="empty" part="empty">
            <p class="empty-title">{words("empty_heading")}</p>
            <p>{words("empty_try")}</p>
            <ul>{tips}</ul>
            <button type="button" class="button" on:click=move |_| choices.clear()>{words("clear_all")}</button>
            // Never a dead end: a need the catalogue does not cover (diapers, formula) still
            // has somewhere to go. 2-1-1 is the free, all-hours referral line.
            <p class="empty-211">
                {words("empty_call_211")}" "
                <a class="action call" href="tel:211">{words("call")}" 2-1-1"</a>
            </p>
            // The programs staff marked to show whatever was chosen (`"fallback": true`).
            {fallbacks(&catalogue, pack)}
        </div>
    }
}

/// A pack's file that could not be fetched: one sentence with 2-1-1 and "Try again"; the
/// last results stay, and the cards that came.
#[cfg(feature = "pack")]
fn part_failed(pack: PackState) -> impl IntoView {
    move || {
        pack.failed().then(|| {
            view! {
                <div class="part-failed" role="alert">
                    <p>{words("part_failed")}</p>
                    <button type="button" class="button" on:click=move |_| pack.retry()>{words("retry")}</button>
                </div>
            }
        })
    }
}

/// Runs `step` after this render, then every 200 ms until it says it is done, `tries`
/// times at most: for what waits on a pack's cards, which come by chunk. (One function
/// for both of its uses: each copy of such a loop costs the module its bytes.)
fn until_done(step: Rc<dyn Fn(bool) -> bool>, tries: u8) {
    request_animation_frame(move || {
        if !step(tries == 0) && tries > 0 {
            set_timeout(move || until_done(step, tries - 1), std::time::Duration::from_millis(200));
        }
    });
}

/// Moves focus to the card at `at` (its article, named by its heading) if it is in the
/// list; whether it is.
fn focus_card(cards: NodeRef<leptos::html::Ul>, at: usize) -> bool {
    let card = cards.get_untracked().and_then(|ul| ul.children().item(at as u32));
    let article = card.and_then(|li| li.first_element_child());
    if let Some(article) = article.as_ref().and_then(|a| a.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = article.focus();
    }
    article.is_some()
}

/// Nothing can fail part-way with a catalogue read whole (`program-finder.js`).
#[cfg(not(feature = "pack"))]
fn part_failed(_: PackState) -> impl IntoView {}

/// The catalogue's fallback programs as cards, under a heading; nothing when it has none.
/// (From a pack, the results wait for their text when nothing is found.)
fn fallbacks(catalogue: &Arc<Catalogue>, pack: PackState) -> Option<impl IntoView> {
    let all = pack.catalogue(catalogue);
    let cards: Vec<_> = (0..all.programs.len())
        .filter(|&at| all.programs[at].fallback && pack.text(at) == Some(true))
        .map(|at| view! { <ProgramCard program=pack.program(catalogue, at) catalogue=catalogue.clone() /> })
        .collect();
    let any = !cards.is_empty();
    any.then(|| {
        view! {
            <h3 class="fallback-heading">{words("empty_fallbacks")}</h3>
            <ul class="results fallbacks">{cards}</ul>
        }
    })
}

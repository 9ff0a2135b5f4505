//! A program's full details, opened in place under its card: everything the catalogue
//! holds, with ways to call, text, email, visit and get directions.
//!
//! An expanding section rather than a modal dialog: on a phone it keeps the family's place
//! in the list, and it needs no focus trap. Opening moves focus to the details; Escape (or
//! the button again) closes them and returns focus to the button.

use finder_core::catalogue::Program;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::Lang;
use crate::text::{
    ages_served, language_name, phone_link, places_served, plain_free, PLACES_ON_CARD, SHORT_DESCRIPTION,
};

/// The "More details" button and the section it opens.
pub fn details(program: &Program, name: &str, lang: Lang, open: RwSignal<bool>) -> impl IntoView {
    let region_id = format!("pf-details-{}", program.id);
    let button = NodeRef::<html::Button>::new();
    let region = NodeRef::<html::Div>::new();
    let (events, opened) = (super::use_events(), program.clone());
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        // Move focus only on a change made here, not when the card first renders.
        if was_open.is_some() {
            if is_open {
                if let (Some(events), Some(false)) = (&events, was_open) {
                    events.opened(&opened);
                }
                if let Some(region) = region.get() {
                    let _ = region.focus();
                }
            } else if let Some(button) = button.get() {
                let _ = button.focus();
            }
        }
        is_open
    });
    // Built when first opened, not with every card: thirty cards' facts (each review date
    // formatted by the browser's Intl) held the first cards back by ~0.2 s on a slow phone.
    // Printing builds them too: paper has no "More details" button.
    let printing = use_context::<super::print::Printing>();
    let ever_opened = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || open.get() || printing.is_some_and(|printing| printing.0.get())
    });
    let shown = program.clone();
    let body = move || ever_opened.get().then(|| full_details(&shown, lang));
    // Thirty "More details" buttons sound alike: each names its program for screen
    // readers ("More details about Help Me Grow"), starting with the words on screen:
    // its words, then a hidden "about …".
    let (words_id, about_id) = (format!("pf-more-{}", program.id), format!("pf-about-{}", program.id));
    let labelled_by = format!("{words_id} {about_id}");
    view! {
        <button type="button" class="action more" node_ref=button aria-expanded=move || open.get().to_string()
            aria-labelledby=labelled_by aria-controls=region_id.clone() on:click=move |_| open.update(|o| *o = !*o)>
            <span id=words_id>{move || if open.get() { lang.t("less_details") } else { lang.t("more_details") }}</span>
        </button>
        <span id=about_id hidden>{lang.format("about_program", &[("name", name)])}</span>
        <div id=region_id class="details" part="details" tabindex="-1" node_ref=region hidden=move || !open.get()
            role="region" aria-label=lang.format("details_label", &[("name", name)])
            on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); open.set(false); }>
            {body}
        </div>
    }
}

fn full_details(program: &Program, lang: Lang) -> impl IntoView {
    let translation = program.translations.get(lang.code());
    // (text, Some("en") when it is the English text shown in another language).
    let pick = |translated: Option<&Option<String>>,
                english: &Option<String>|
     -> Option<(String, Option<&'static str>)> {
        match translated.and_then(|t| t.clone()) {
            Some(text) => Some((text, None)),
            None => english.clone().map(|text| (text, (lang.code() != "en").then_some("en"))),
        }
    };
    // The card shows the start of the description; repeat it here only if it was cut.
    let description = pick(translation.map(|t| &t.description), &program.description)
        .filter(|(text, _)| text.chars().count() > SHORT_DESCRIPTION);
    let eligibility = pick(translation.map(|t| &t.eligibility), &program.eligibility);
    let hours = pick(translation.map(|t| &t.hours), &program.hours);
    let cost = match (
        translation.and_then(|t| t.cost.as_ref()),
        program.cost.as_deref().and_then(|c| plain_free(c, lang)),
    ) {
        (None, Some(free)) => Some((free.to_string(), None)),
        _ => pick(translation.map(|t| &t.cost), &program.cost),
    };
    let fact = |label: &'static str, value: Option<(String, Option<&'static str>)>| {
        value.map(|(value, language)| view! { <div><dt>{label}</dt><dd lang=language>{value}</dd></div> })
    };
    let languages = (!program.languages.is_empty())
        .then(|| program.languages.iter().map(|c| language_name(c)).collect::<Vec<_>>().join(", "));
    let address = program.address.clone().map(|address| {
        let directions =
            format!("https://www.google.com/maps/search/?api=1&query={}", crate::url_state::encode(&address));
        view! {
            <div><dt>{lang.t("address")}</dt><dd>{address}" "
                <a href=directions target="_blank" rel="noopener noreferrer">{lang.t("directions")}
                    <span class="visually-hidden">" "{lang.t("new_tab")}</span></a></dd></div>
        }
    });
    let contact = contact_links(program, lang);
    view! {
        {description.map(|(d, language)| view! { <p class="full-description" lang=language>{d}</p> })}
        <dl class="facts full">
            {fact(lang.t("eligibility"), eligibility)}
            // The card names the first few places ("… and 1 more"); here, every one.
            {fact(lang.t("serves"), (program.towns.len() > PLACES_ON_CARD)
                .then(|| (places_served(program, usize::MAX, lang), None)))}
            <div><dt>{lang.t("ages")}</dt><dd>{ages_served(program, lang)}</dd></div>
            {fact(lang.t("hours"), hours)}
            {super::hours::week(program, lang)}
            {address}
            // On paper the card's "Website" button means nothing: the address itself shows.
            {program.website.clone().map(|url| view! { <div class="print-only"><dt>{lang.t("website")}</dt><dd>{url}</dd></div> })}
            {fact(lang.t("languages_spoken"), languages.map(|l| (l, None)))}
            {fact(lang.t("cost"), cost)}
            {fact(lang.t("last_reviewed"), program.last_reviewed.as_deref().map(|d| (super::dates::catalogue_date(d, lang), None)))}
        </dl>
        <div class="actions">{contact}</div>
    }
}

/// Text and email links (calling and the website are on the card itself).
fn contact_links(program: &Program, lang: Lang) -> impl IntoView {
    // Only mobile numbers take texts, but a family cannot tell which; offer it for 10-digit ones.
    let text = program.phone.as_deref().and_then(phone_link).filter(|tel| tel.len() >= 14).map(|tel| {
        let sms = tel.replacen("tel:", "sms:", 1);
        view! { <a class="action secondary" href=sms>{lang.t("text")}</a> }
    });
    let email = program.email.clone().map(|email| {
        let href = format!("mailto:{email}");
        view! { <a class="action secondary" href=href>{lang.t("email")}" "{email}</a> }
    });
    view! { {text}{email} }
}

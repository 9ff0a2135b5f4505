//! The town box: type a few letters, pick a town from the suggestions (the shared
//! combobox, `super::combobox`). Village names are suggested too (a family in Willimantic
//! may not know it is part of Windham), and so are the places outside Connecticut the
//! catalogue declares ("Springfield, MA"): every answer comes from the catalogue's places
//! (`ChoiceSignals::places`).

use finder_core::towns::zip_towns;
use leptos::prelude::*;

use super::combobox::Combobox;
use super::{use_lang, words, ChoiceSignals};

const MAX_SUGGESTIONS: usize = 8;

#[component]
pub fn TownBox() -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let has_declared = choices.with_places(|places| places.has_declared());
    let lang = use_lang();
    let focused = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    let suggestions = Memo::new(move |_| {
        let text = choices.town.get();
        choices.with_places(|places| {
            // An exact town needs no list; it would only cover the results.
            if places.town_named(&text).is_some() {
                Vec::new()
            } else {
                // A village says which town it is in: "Willimantic (Windham)".
                let suggested = places.suggest(&text, MAX_SUGGESTIONS).into_iter();
                suggested
                    .map(|name| (name.to_string(), finder_core::towns::village_town(name).map(String::from)))
                    .collect()
            }
        })
    });
    let unknown = move || {
        let text = choices.town.get();
        !focused.get()
            && !text.trim().is_empty()
            && choices.with_places(|places| places.family_town(&text).is_none())
    };
    // A ZIP code shared by several towns (06355: Groton and Stonington) is not a mistake:
    // the family is asked which town, not told that nothing matches.
    let zip_split = move || unknown() && !zip_towns(&choices.town.get()).is_empty();
    let pick = move |name: &str| choices.town.set(name.to_string());
    view! {
        <div class="field town">
            <label class="label" for="pf-town">{words("town_label")}</label>
            <Combobox id="pf-town" value=choices.town suggestions list_label="town_suggestions" kind="text"
                focused input described_by="pf-town-hint" enter_takes_first=true
                invalid=Signal::derive(move || unknown() && !zip_split()) />
            // Leaving the box with a name no town has: the text stays as typed, the
            // message says so plainly, and the closest towns are a tap away.
            <div class="hint" class:problem=move || !zip_split() hidden=move || !unknown()>
                <p id="pf-town-hint">{move || {
                    // "No Connecticut town matches" is wrong where the catalogue serves
                    // places beyond Connecticut too.
                    let no_match = if has_declared { "town_no_place_match" } else { "town_no_match" };
                    let key = if zip_split() { "town_zip_pick" } else { no_match };
                    lang.get().format(key, &[("text", choices.town.get().trim())])
                }}</p>
                {move || {
                    let closest: Vec<String> = if unknown() {
                        let text = choices.town.get();
                        choices.with_places(|places| places.closest_places(&text, 3).into_iter().map(String::from).collect())
                    } else {
                        Vec::new()
                    };
                    let label = if zip_split() { "town_zip_towns" } else { "town_closest" };
                    (!closest.is_empty()).then(|| {
                        let buttons = closest.into_iter().map(|name| {
                            let chosen = name.clone();
                            view! {
                                <button type="button" class="tool" on:click=move |_| {
                                    pick(&chosen);
                                    // The buttons go once a town is chosen: focus back to the box.
                                    if let Some(input) = input.get_untracked() {
                                        let _ = input.focus();
                                    }
                                }>{name}</button>
                            }
                        }).collect_view();
                        view! {
                            <div class="closest" role="group" aria-label=lang.get().t(label)>
                                <span>{lang.get().t(label)}</span>{buttons}
                            </div>
                        }
                    })
                }}
            </div>
        </div>
    }
}

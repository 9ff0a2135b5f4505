//! The town box: type a few letters, pick a town from the suggestions.
//!
//! Built on the ARIA 1.2 combobox pattern (input + listbox) rather than `<datalist>`,
//! whose look and screen-reader support vary too much between phones. Arrow keys move
//! through suggestions, Enter picks, Escape closes. Village names are suggested too
//! (a family in Willimantic may not know it is part of Windham), and so are the places
//! outside Connecticut the catalogue declares ("Springfield, MA"): every answer comes from
//! the catalogue's places (`ChoiceSignals::places`).

use finder_core::towns::zip_towns;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::{use_lang, words, ChoiceSignals};

const MAX_SUGGESTIONS: usize = 8;

#[component]
pub fn TownBox() -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let has_declared = choices.with_places(|places| places.has_declared());
    let lang = use_lang();
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let focused = RwSignal::new(false);
    let list = NodeRef::<leptos::html::Ul>::new();
    let input = NodeRef::<leptos::html::Input>::new();

    let suggestions = Memo::new(move |_| {
        let text = choices.town.get();
        choices.with_places(|places| {
            // An exact town needs no list; it would only cover the results.
            if places.town_named(&text).is_some() {
                Vec::new()
            } else {
                places.suggest(&text, MAX_SUGGESTIONS).into_iter().map(String::from).collect::<Vec<_>>()
            }
        })
    });
    let expanded = move || open.get() && !suggestions.with(Vec::is_empty);
    let unknown = move || {
        let text = choices.town.get();
        !focused.get()
            && !text.trim().is_empty()
            && choices.with_places(|places| places.family_town(&text).is_none())
    };
    // A ZIP code shared by several towns (06355: Groton and Stonington) is not a mistake:
    // the family is asked which town, not told that nothing matches.
    let zip_split = move || unknown() && !zip_towns(&choices.town.get()).is_empty();
    let pick = move |name: &str| {
        choices.town.set(name.to_string());
        open.set(false);
        active.set(None);
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let count = suggestions.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                let down = ev.key() == "ArrowDown";
                active.update(|a| {
                    *a = Some(match (*a, down) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(i), true) => (i + 1) % count,
                        (Some(i), false) => (i + count - 1) % count,
                    })
                });
                // Keep the highlighted town in sight in a list that scrolls (not the page).
                let at = active.get_untracked().unwrap_or(0);
                request_animation_frame(move || {
                    let Some(ul) = list.get_untracked() else { return };
                    let Some(li) =
                        ul.children().item(at as u32).and_then(|li| li.dyn_into::<HtmlElement>().ok())
                    else {
                        return;
                    };
                    let (top, bottom) = (li.offset_top(), li.offset_top() + li.offset_height());
                    if top < ul.scroll_top() {
                        ul.set_scroll_top(top);
                    } else if bottom > ul.scroll_top() + ul.client_height() {
                        ul.set_scroll_top(bottom - ul.client_height());
                    }
                });
            }
            "Enter" if expanded() => {
                ev.prevent_default();
                let chosen = active.get().unwrap_or(0);
                if let Some(name) = suggestions.with(|s| s.get(chosen).cloned()) {
                    pick(&name);
                }
            }
            // The combobox pattern: Tab takes the highlighted town and moves on, or, with
            // none highlighted, leaves the text as typed and moves on. The default action
            // (focus to the next control) is kept either way.
            "Tab" if expanded() => {
                if let Some(name) = active.get().and_then(|i| suggestions.with(|s| s.get(i).cloned())) {
                    pick(&name);
                } else {
                    open.set(false);
                }
            }
            "Escape" if expanded() => {
                ev.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };

    view! {
        <div class="field town">
            <label class="label" for="pf-town">{words("town_label")}</label>
            <div class="combobox">
                <input id="pf-town" class="input" type="text" role="combobox" autocomplete="off" node_ref=input
                    spellcheck="false" aria-autocomplete="list" aria-controls="pf-town-list"
                    aria-describedby="pf-town-hint"
                    aria-expanded=move || if expanded() { "true" } else { "false" }
                    aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("pf-town-{i}"))
                    aria-invalid=move || (unknown() && !zip_split()).then_some("true")
                    prop:value=move || choices.town.get()
                    on:input:target=move |ev| {
                        choices.typed(choices.town, ev.target().value());
                        open.set(true);
                        active.set(None);
                    }
                    on:keydown=on_keydown
                    on:focus=move |_| focused.set(true)
                    on:blur=move |_| { focused.set(false); open.set(false); active.set(None); } />
                // tabindex -1: a scrolling list is otherwise a Tab stop in Chromium, and Tab
                // would land in it just as it closes, leaving focus nowhere.
                <ul id="pf-town-list" class="suggestions" role="listbox" tabindex="-1" node_ref=list aria-label=words("town_suggestions")
                    hidden=move || !expanded()>
                    {move || suggestions.get().into_iter().enumerate().map(|(i, name)| {
                        // A village says which town it is in: "Willimantic (Windham)".
                        let village = finder_core::towns::village_town(&name);
                        let chosen = name.clone();
                        view! {
                            <li id=format!("pf-town-{i}") role="option" class="suggestion"
                                class:active=move || active.get() == Some(i)
                                aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                // mousedown, not click: it comes before the input's blur closes the list.
                                on:mousedown=move |ev| { ev.prevent_default(); pick(&chosen); }>
                                {name}
                                {village.map(|town| view! { <span class="village">" ("{town}")"</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
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

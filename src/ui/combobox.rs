//! A text box with suggestions: the town box and the search box.
//!
//! Built on the ARIA 1.2 combobox pattern (input + listbox) rather than `<datalist>`,
//! whose look and screen-reader support vary too much between phones. Focus never leaves
//! the box: the highlighted suggestion is announced through `aria-activedescendant`.
//! Arrow keys move through the suggestions, Enter picks, Escape closes, Tab takes the
//! highlighted one (or none) and moves on. Typing is never blocked: the list follows the
//! text, and picking with the mouse or a finger uses `mousedown`, which comes before the
//! box's blur would close the list.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::{use_lang, words, ChoiceSignals};

/// One suggestion: what the box will hold once picked, and an optional note shown after
/// it ("Willimantic (Windham)").
pub type Suggestion = (String, Option<String>);

/// The box itself. `id` names the input (`pf-town`); the list is `{id}-list` and its
/// options `{id}-0`, `{id}-1`, … `value` is the text as typed; `suggestions` follow it.
#[component]
pub fn Combobox(
    id: &'static str,
    value: RwSignal<String>,
    suggestions: Memo<Vec<Suggestion>>,
    /// The interface word that names the list for screen readers.
    list_label: &'static str,
    /// The input's `type`: "text" or "search".
    kind: &'static str,
    /// Set while the box has focus (the town box checks the text when the family leaves).
    focused: RwSignal<bool>,
    input: NodeRef<leptos::html::Input>,
    /// Called with the chosen suggestion's text, after the box holds it.
    #[prop(optional)]
    on_pick: Option<Callback<String>>,
    /// Enter with no suggestion highlighted takes the first one (the town box: a family
    /// who typed "hartf" means Hartford) rather than keeping the text as typed (the
    /// search box: the words typed are the search).
    #[prop(optional)]
    enter_takes_first: bool,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(optional)] invalid: Option<Signal<bool>>,
    #[prop(optional)] placeholder: Option<&'static str>,
) -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let lang = use_lang();
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let list = NodeRef::<leptos::html::Ul>::new();
    let list_id = format!("{id}-list");
    let expanded = move || open.get() && !suggestions.with(Vec::is_empty);
    let pick = move |text: String| {
        value.set(text.clone());
        open.set(false);
        active.set(None);
        if let Some(on_pick) = on_pick {
            on_pick.run(text);
        }
    };
    let chosen = move |at: Option<usize>| {
        at.and_then(|i| suggestions.with(|s| s.get(i).map(|(text, _)| text.clone())))
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
                // Keep the highlighted suggestion in sight in a list that scrolls (not the page).
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
                let at = active.get().or(enter_takes_first.then_some(0));
                if let Some(text) = chosen(at) {
                    ev.prevent_default();
                    pick(text);
                } else {
                    open.set(false);
                }
            }
            // The combobox pattern: Tab takes the highlighted suggestion and moves on, or,
            // with none highlighted, leaves the text as typed and moves on. The default
            // action (focus to the next control) is kept either way.
            "Tab" if expanded() => match chosen(active.get()) {
                Some(text) => pick(text),
                None => open.set(false),
            },
            "Escape" if expanded() => {
                ev.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let option_id = move |i: usize| format!("{id}-{i}");

    view! {
        <div class="combobox">
            <input id=id class="input" type=kind role="combobox" autocomplete="off" node_ref=input
                spellcheck="false" aria-autocomplete="list" aria-controls=list_id.clone()
                maxlength="200" enterkeyhint=(kind == "search").then_some("search") placeholder=move || placeholder.map(|key| lang.get().t(key))
                aria-describedby=described_by
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                aria-invalid=move || invalid.is_some_and(|invalid| invalid.get()).then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| {
                    choices.typed(value, ev.target().value());
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_keydown
                on:focus=move |_| focused.set(true)
                on:blur=move |_| { focused.set(false); open.set(false); active.set(None); } />
            // tabindex -1: a scrolling list is otherwise a Tab stop in Chromium, and Tab
            // would land in it just as it closes, leaving focus nowhere.
            <ul id=list_id class="suggestions" role="listbox" tabindex="-1" node_ref=list aria-label=words(list_label)
                hidden=move || !expanded()>
                {move || suggestions.get().into_iter().enumerate().map(|(i, (text, note))| {
                    let picked = text.clone();
                    view! {
                        <li id=option_id(i) role="option" class="suggestion"
                            class:active=move || active.get() == Some(i)
                            aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                            on:mousedown=move |ev| { ev.prevent_default(); pick(picked.clone()); }>
                            {text}
                            {note.map(|note| view! { <span class="note">" ("{note}")"</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

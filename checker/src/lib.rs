//! The checker page for staff (`check.html`): paste or drop a catalogue, see every
//! problem the command-line checker would report, click one to see its line, and preview
//! the widget on that catalogue. Everything runs in the page; nothing is uploaded.
//!
//! A separate wasm module from the widget, so families never download the checker.

mod preview;

use finder_core::check::{check, CheckOptions, Diagnostic, Report};
use finder_core::{Effect, Severity};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the checker into the element with id `checker`.
pub fn start() {
    let Some(root) = document().get_element_by_id("checker") else {
        leptos::logging::error!("check.html needs an element with id=\"checker\"");
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else { return };
    leptos::mount::mount_to(root, CheckerPage).forget();
}

/// Today's date from the browser, for "not reviewed in 12 months".
fn today() -> (u32, u32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_full_year(), now.get_month() + 1, now.get_date())
}

#[component]
fn CheckerPage() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let file_name = RwSignal::new(None::<String>);
    // A pack's entry (`pack.json`) is not a catalogue: `catalogue pack` checked the catalogue
    // it came from, and the pack is previewed by its address (section 4).
    let is_pack = Memo::new(move |_| text.with(|text| is_pack_entry(text)));
    let report = Memo::new(move |_| {
        let text = text.get();
        (!text.trim().is_empty() && !is_pack.get())
            .then(|| check(&text, &CheckOptions { today: Some(today()) }))
    });
    let editor = NodeRef::<html::Textarea>::new();
    let show_line = move |diagnostic: &Diagnostic| {
        if let Some(editor) = editor.get() {
            select_position(&editor, &text.get_untracked(), diagnostic.line, diagnostic.column);
        }
    };
    preview::keep_updated(text, report);

    view! {
        <section class="input" aria-labelledby="input-heading">
            <h2 id="input-heading">"1. Your catalogue"</h2>
            <FilePicker text file_name />
            <label class="label" for="catalogue-text">"Or paste the catalogue JSON here"</label>
            <textarea id="catalogue-text" node_ref=editor spellcheck="false" rows="16" wrap="off"
                prop:value=move || text.get()
                on:input:target=move |ev| { file_name.set(None); text.set(ev.target().value()); }></textarea>
        </section>
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">"2. Problems"</h2>
            {move || match report.get() {
                None if is_pack.get() => view! {
                    <p class="pack-entry" role="status">"This is a catalogue pack's entry file ("<code>"pack.json"</code>
                        "), not a catalogue: "<code>"catalogue pack"</code>" checked the catalogue it was made from. "
                        "To see the pack as families will, give its address under 4."</p>
                }.into_any(),
                None => view! { <p class="muted">"Choose, drop or paste a catalogue to check it."</p> }.into_any(),
                Some(report) => view! { <ReportView report file_name=file_name.get() show_line /> }.into_any(),
            }}
        </section>
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">"3. Preview"</h2>
            <p class="muted">"The finder as families will see it with this catalogue (programs with errors are left out)."</p>
            <div id="preview"></div>
        </section>
        <PackPreview />
    }
}

/// Whether `text` is a catalogue pack's entry: a JSON object with the pack's key.
fn is_pack_entry(text: &str) -> bool {
    matches!(finder_core::json::parse(text), Ok(finder_core::json::Json::Object(top)) if top.get("program_finder_pack").is_some())
}

/// A published catalogue pack (`catalogue pack`), previewed by the address of its
/// `pack.json`: the pack's files are many, so they are read where they are published, as
/// families' browsers will read them (the server must allow this page's origin).
#[component]
fn PackPreview() -> impl IntoView {
    let address = RwSignal::new(String::new());
    view! {
        <section class="pack-preview" aria-labelledby="pack-heading">
            <h2 id="pack-heading">"4. Preview a published pack"</h2>
            <p class="muted">"A big catalogue published with "<code>"catalogue pack"</code>
                " (which checks it first): the finder as families will see it, with "
                <code>"program-finder-pack.js"</code>"."</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                preview::show_pack(&address.get_untracked());
            }>
                <label class="label" for="pack-address">"Address of the pack's pack.json"</label>
                <input id="pack-address" type="url" required placeholder="https://www.example.org/programs/pack.json"
                    on:input:target=move |ev| address.set(ev.target().value()) />
                <button type="submit">"Preview the pack"</button>
            </form>
            <div id="pack-preview"></div>
        </section>
    }
}

/// A file input and a drop zone; reading happens in the page.
#[component]
fn FilePicker(text: RwSignal<String>, file_name: RwSignal<Option<String>>) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let read = move |file: web_sys::File| {
        let name = file.name();
        leptos::task::spawn_local(async move {
            let promise = file.text();
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(contents) => {
                    file_name.set(Some(name));
                    text.set(contents.as_string().unwrap_or_default());
                }
                Err(error) => leptos::logging::error!("could not read {name}: {error:?}"),
            }
        });
    };
    view! {
        <div class="drop" class:dragging=move || dragging.get()
            on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    read(file);
                }
            }>
            <label class="label" for="catalogue-file">"Choose a catalogue file, or drop it here"</label>
            <input id="catalogue-file" type="file" accept=".json,application/json"
                on:change:target=move |ev| {
                    if let Some(file) = ev.target().files().and_then(|f| f.get(0)) {
                        read(file);
                    }
                } />
            <p class="muted">"The file stays on this computer: it is checked in this page and never uploaded."</p>
        </div>
    }
}

#[component]
fn ReportView(
    report: Report,
    file_name: Option<String>,
    show_line: impl Fn(&Diagnostic) + Copy + 'static,
) -> impl IntoView {
    let shown = report.catalogue.as_ref().map(|c| c.programs.len());
    let summary = format!(
        "{}{} error{}, {} warning{}{}",
        file_name.map(|n| format!("{n}: ")).unwrap_or_default(),
        report.errors(),
        if report.errors() == 1 { "" } else { "s" },
        report.warnings(),
        if report.warnings() == 1 { "" } else { "s" },
        shown
            .map(|s| format!(" — families see {s} of {} programs", report.programs_listed))
            .unwrap_or_default(),
    );
    let status = if report.errors() > 0 { "summary has-errors" } else { "summary clean" };
    let items = report
        .diagnostics
        .into_iter()
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => "Error",
                Severity::Warning => "Warning",
            };
            let effect = match d.effect {
                Effect::Skipped => " (program left out)",
                Effect::Ignored => " (value ignored)",
                Effect::Kept => "",
            };
            let class = if d.severity == Severity::Error { "diagnostic error" } else { "diagnostic warning" };
            let place = format!("Line {}, column {}", d.line, d.column);
            let hint = d.hint.clone();
            let path = d.path.clone();
            view! {
                <li class=class>
                    <button type="button" on:click=move |_| show_line(&d)>
                        <span class="severity">{severity}</span>
                        <span class="place">{place}</span>
                        {(!path.is_empty()).then(|| view! { <code class="path">{path}</code> })}
                        <span class="message">{d.message.clone()}{effect}</span>
                        {hint.map(|h| view! { <span class="hint">"Fix: "{h}</span> })}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class=status role="status">{summary}</p>
        <ol class="diagnostics">{items}</ol>
    }
}

/// Puts the cursor at a line and column of the textarea and scrolls it into view.
fn select_position(editor: &web_sys::HtmlTextAreaElement, text: &str, line: usize, column: usize) {
    // Textarea offsets count UTF-16 code units.
    let mut offset = 0u32;
    let mut line_end = 0u32;
    for (number, content) in text.split('\n').enumerate() {
        let length = content.encode_utf16().count() as u32;
        if number + 1 == line {
            let before: u32 =
                content.chars().take(column.saturating_sub(1)).map(|c| c.len_utf16() as u32).sum();
            line_end = offset + length;
            offset += before;
            break;
        }
        offset += length + 1;
    }
    let _ = editor.focus();
    let _ = editor.set_selection_range(offset, line_end.max(offset));
    // Scroll so the line sits near the top: line height times line number.
    let line_height = 20.0;
    editor.set_scroll_top(((line.saturating_sub(3)) as f64 * line_height) as i32);
}

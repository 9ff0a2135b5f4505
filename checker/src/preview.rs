//! The live preview: the real widget, fed the catalogue being checked.
//!
//! The checker page also loads the widget (`program-finder-pack.js`, which reads
//! catalogue packs too, for the pack preview); the preview is a fresh
//! `<div data-program-finder>` whose catalogue is a `blob:` URL of the text, so the
//! widget reads it exactly as it would read the published file. The widget's loader
//! notices the new element and mounts it.

use std::time::Duration;

use finder_core::check::Report;
use leptos::prelude::*;

/// Wait this long after the last keystroke before rebuilding the preview.
const SETTLE: Duration = Duration::from_millis(400);

pub(super) fn keep_updated(text: RwSignal<String>, report: Memo<Option<Report>>) {
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let blob_url = StoredValue::new_local(None::<String>);
    Effect::new(move |_| {
        let usable = report.with(|r| r.as_ref().is_some_and(|r| r.catalogue.is_some()));
        let text = text.get();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || show(usable.then_some(text.as_str()), blob_url), SETTLE);
        pending.set_value(handle.ok());
    });
}

fn show(text: Option<&str>, blob_url: StoredValue<Option<String>, LocalStorage>) {
    let Some(container) = document().get_element_by_id("preview") else { return };
    container.set_inner_html("");
    if let Some(old) = blob_url.get_value() {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
    let Some(text) = text else {
        container.set_text_content(Some("The preview appears when the catalogue can be read."));
        return;
    };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(host) = document().create_element("div") {
        let _ = host.set_attribute("data-program-finder", "");
        let _ = host.set_attribute("data-catalogue", &url);
        let _ = container.append_child(&host);
    }
    blob_url.set_value(Some(url));
}

/// Shows the pack whose entry is at `address` in the pack preview (the page loads
/// `program-finder-pack.js`, which reads packs and catalogues alike).
pub(super) fn show_pack(address: &str) {
    let Some(container) = document().get_element_by_id("pack-preview") else { return };
    container.set_inner_html("");
    if let Ok(host) = document().create_element("div") {
        let _ = host.set_attribute("data-program-finder", "");
        let _ = host.set_attribute("data-catalogue", address.trim());
        let _ = container.append_child(&host);
    }
}

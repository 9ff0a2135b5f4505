//! The embed layer: the only code that knows about the host page.
//!
//! `program-finder.js` (a small classic script, see `src/embed/loader.js`) loads the
//! wasm module and calls [`boot`] with its own base URL. `boot` finds every
//! `<div data-program-finder>` on the page, and for each one: reads its `data-*`
//! attributes, attaches an open shadow root (so the page's CSS stays out and ours stays
//! in), adopts the widget's stylesheet, and mounts an independent Leptos app.

mod address;
mod browser;
mod styles;

use finder_core::towns::family_town;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::i18n::Lang;
use crate::presets::Presets;
use crate::ui::{FinderConfig, ProgramFinder};

/// The attribute that marks a host element.
const HOST_SELECTOR: &str = "[data-program-finder]";
/// The bundled sample catalogue, next to `program-finder.js`.
const SAMPLE_CATALOGUE: &str = "sample-catalogue.json";

/// Mounts a widget in every host element on the page that does not have one yet.
/// Called by `program-finder.js` once the module is ready, with the URL of the folder
/// the script was served from (used to find the bundled sample catalogue).
#[wasm_bindgen]
pub fn boot(script_base: String) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else {
        return;
    };
    let single = hosts.length() == 1;
    for index in 0..hosts.length() {
        let Some(host) = hosts.get(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if host.shadow_root().is_some() {
            continue; // already mounted (boot may be called again for late content)
        }
        if let Err(error) = mount(&document, &host, &script_base, single) {
            web_sys::console::error_2(&"Program Finder could not start in this element:".into(), &error);
        }
    }
}

/// Shows a friendly console line instead of a bare "unreachable" when Rust panics.
pub fn install_panic_hook() {
    console_error_panic_hook::set_once();
}

fn mount(
    document: &web_sys::Document,
    host: &Element,
    script_base: &str,
    single: bool,
) -> Result<(), JsValue> {
    let mut config = read_config(document, host, script_base);
    // The address keeps one widget's choices: on by default when it is alone on the page,
    // opt-in with data-url-state="on" when there are several, off with "off".
    let url_state = match host.get_attribute("data-url-state").as_deref().map(str::trim) {
        Some("off") => false,
        Some("on") => true,
        _ => single,
    };
    if url_state {
        config.address = Some(std::sync::Arc::new(address::PageAddress));
    }
    for rejected in &config.presets.rejected {
        web_sys::console::warn_1(&format!("Program Finder: {rejected}").into());
    }
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    styles::adopt(document, &shadow)?;
    let container: HtmlElement = document.create_element("div")?.dyn_into()?;
    container.set_class_name("root");
    shadow.append_child(&container)?;
    leptos::mount::mount_to(container, move || view! { <ProgramFinder config /> }).forget();
    Ok(())
}

/// Reads a host element's attributes into the widget's configuration.
fn read_config(document: &web_sys::Document, host: &Element, script_base: &str) -> FinderConfig {
    let attribute = |name: &str| host.get_attribute(name);
    // A page's own catalogue is relative to the page; the sample is relative to the script.
    let catalogue_url = match attribute("data-catalogue").filter(|url| !url.trim().is_empty()) {
        Some(url) => resolve(url.trim(), &document.base_uri().ok().flatten().unwrap_or_default()),
        None => resolve(SAMPLE_CATALOGUE, script_base),
    };
    let mut presets = Presets::from_attributes(
        attribute("data-need").as_deref(),
        attribute("data-town").as_deref(),
        attribute("data-age").as_deref(),
    )
    .with_query(attribute("data-q").as_deref());
    if !presets.town.is_empty() && family_town(&presets.town).is_none() {
        presets.rejected.push(format!(
            "data-town=\"{}\" is not a Connecticut town; the town filter starts empty",
            presets.town
        ));
        presets.town.clear();
    }
    let browser = Some(std::sync::Arc::new(browser::Browser::new(&catalogue_url)) as _);
    FinderConfig { catalogue_url, presets, lang: choose_language(document, host), address: None, browser }
}

/// `data-lang` on the host element, else the page's `<html lang>`, else English.
fn choose_language(document: &web_sys::Document, host: &Element) -> Lang {
    let page = document.document_element().and_then(|html| html.get_attribute("lang"));
    host.get_attribute("data-lang")
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| page.and_then(|code| Lang::from_code(&code)))
        .unwrap_or_else(Lang::english)
}

/// `url` made absolute against `base`; unchanged if either cannot be parsed.
fn resolve(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

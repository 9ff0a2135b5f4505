//! The embed layer: the only code that knows about the host page.
//!
//! `program-finder.js` (a small classic script, see `src/embed/loader.js`) loads the
//! wasm module, and while it downloads, paints each widget's frame (shadow root,
//! stylesheet, heading, loading line) and starts each widget's catalogue request. It
//! offers the three ways in: `<div data-program-finder>`, the
//! `<program-finder>` custom element and `ProgramFinder.mount(element, options)`. Each
//! ends in [`mount`] with the host element and its options as name/value pairs
//! ([`HostOptions`]), the stylesheet and the early catalogue request. `mount` takes over
//! the open shadow root (so the page's CSS stays out and ours stays in), replaces the
//! frame with an independent Leptos app in the same task (no flash); the [`Widget`] it returns follows option changes and takes everything away
//! again on [`Widget::destroy`].

mod address;
mod browser;
mod events;
mod styles;

use std::any::Any;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::host_options::HostOptions;
use crate::i18n::Lang;
use crate::presets::Presets;
use crate::ui::{
    EarlyRequest, FinderConfig, Hidden, Layout, ProgramFinder, DEFAULT_PAGE_SIZE, DEFAULT_TIMEOUT,
};

/// The bundled sample catalogue, next to `program-finder.js`.
const SAMPLE_CATALOGUE: &str = "sample-catalogue.json";

/// One widget on the page, as `program-finder.js` holds it.
#[wasm_bindgen]
pub struct Widget {
    host: Element,
    shadow: ShadowRoot,
    /// The widget's stylesheet as `program-finder.js` made it (see [`styles`]).
    styles: JsValue,
    /// The catalogue request the loader started, until the first start uses it.
    early: Option<(String, EarlyRequest)>,
    script_base: String,
    /// Whether it is the only widget on the page (the address keeps its choices then).
    single: bool,
    options: HostOptions,
    presets: ArcRwSignal<Presets>,
    lang: ArcRwSignal<Lang>,
    running: Option<Running>,
}

/// What a mounted app holds on to; dropping it takes the app away.
struct Running {
    /// The Leptos app's `UnmountHandle`: dropping it unmounts the view and disposes
    /// every signal, effect and resource of the app.
    _app: Box<dyn Any>,
    address: Option<Arc<address::PageAddress>>,
    events: Arc<events::PageEvents>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(address) = &self.address {
            address.stop();
        }
        self.events.stop();
    }
}

/// Mounts a widget in `host` with `options` (`[name, value, …]`, see [`HostOptions`]).
/// `script_base` is the folder `program-finder.js` came from; `single` says whether this
/// is the only widget on the page; `styles` is the stylesheet (see [`styles::adopt`]);
/// `early` is `{url, response, controller}` for the catalogue request the loader started
/// (or undefined), used if it is for the catalogue this widget shows.
#[wasm_bindgen]
pub fn mount(
    host: Element,
    options: Vec<String>,
    script_base: String,
    single: bool,
    styles: JsValue,
    early: JsValue,
) -> Result<Widget, JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let options = HostOptions::from_pairs(&options);
    report(&options);
    // A host keeps its shadow root for good, so a widget mounted again reuses it.
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    // A language the family chose, from a shared link or before a reload, wins over the
    // page's (only where this widget keeps its choices in the address).
    let from_address = options.url_state.unwrap_or(single).then(address::language).flatten();
    let lang = ArcRwSignal::new(from_address.unwrap_or_else(|| choose_language(&document, &options)));
    let mut widget = Widget {
        presets: ArcRwSignal::new(options.presets.clone()),
        host,
        shadow,
        styles,
        early: early_request(&early),
        script_base,
        single,
        options,
        lang,
        running: None,
    };
    widget.start(&document)?;
    Ok(widget)
}

#[wasm_bindgen]
impl Widget {
    /// Takes new options. Starting choices and language change in place (the family's
    /// list follows at once); a new catalogue, lock, hidden control, page size, town
    /// limit or address setting rebuilds the widget.
    pub fn update(&mut self, options: Vec<String>) -> Result<(), JsValue> {
        let options = HostOptions::from_pairs(&options);
        report(&options);
        let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
        let rebuild = self.options.needs_remount(&options) || self.running.is_none();
        if options.presets != self.options.presets {
            self.presets.set(options.presets.clone());
        }
        let lang = choose_language(&document, &options);
        if options.lang != self.options.lang && lang != self.lang.get_untracked() {
            self.lang.set(lang);
        }
        self.options = options;
        if rebuild {
            self.stop();
            self.start(&document)?;
        }
        Ok(())
    }

    /// Removes the widget: its nodes, its stylesheet, its listeners and its timers. The
    /// host element is left as it was (with an empty shadow root, which cannot be removed).
    pub fn destroy(&mut self) {
        self.stop();
    }
}

impl Widget {
    fn start(&mut self, document: &web_sys::Document) -> Result<(), JsValue> {
        let catalogue_url = match &self.options.catalogue {
            // A page's own catalogue is relative to the page; the sample to the script.
            Some(url) => resolve(url, &document.base_uri().ok().flatten().unwrap_or_default()),
            None => resolve(SAMPLE_CATALOGUE, &self.script_base),
        };
        // The loader's frame goes, and the app comes, in this one task: nothing paints between.
        self.shadow.set_inner_html("");
        styles::adopt(document, &self.shadow, &self.styles)?;
        let container: HtmlElement = document.create_element("div")?.dyn_into()?;
        container.set_class_name("root");
        self.shadow.append_child(&container)?;
        let early = self.early.take().filter(|(url, _)| *url == catalogue_url).map(|(_, request)| request);
        let address =
            self.options.url_state.unwrap_or(self.single).then(|| Arc::new(address::PageAddress::new()));
        let events = Arc::new(events::PageEvents::new(&self.host));
        let config = FinderConfig {
            browser: Some(Arc::new(browser::Browser::new(&catalogue_url, early)) as _),
            catalogue_url,
            presets: self.presets.clone(),
            lang: self.lang.clone(),
            layout: layout(&self.options, choose_language(document, &self.options)),
            address: address.clone().map(|a| a as _),
            events: Some(events.clone() as _),
        };
        let app = leptos::mount::mount_to(container, move || view! { <ProgramFinder config /> });
        self.running = Some(Running { _app: Box::new(app), address, events });
        Ok(())
    }

    fn stop(&mut self) {
        let Some(running) = self.running.take() else { return };
        // Silence it at once: no more events, address changes or Back/Forward.
        if let Some(address) = &running.address {
            address.stop();
        }
        running.events.stop();
        self.shadow.set_inner_html("");
        styles::release(&self.shadow);
        // The app itself is dropped (its signals disposed) after the reactive work already
        // queued has run: dropping it now would leave that work reading disposed signals.
        set_timeout(move || drop(running), std::time::Duration::ZERO);
    }
}

/// The layout the options ask for.
fn layout(options: &HostOptions, page_lang: Lang) -> Layout {
    let hides = |control: &str| options.hide.iter().any(|c| c == control);
    Layout {
        locked_needs: options.lock_needs.clone(),
        locked_town: options.lock_town,
        hidden: Hidden {
            search: hides("search"),
            needs: hides("needs"),
            town: hides("town"),
            age: hides("age"),
            more: hides("more"),
            languages: hides("languages"),
        },
        page_size: options.page_size.unwrap_or(DEFAULT_PAGE_SIZE),
        towns: options.towns.clone(),
        debug: options.debug,
        timeout: options.timeout.map_or(DEFAULT_TIMEOUT, |s| std::time::Duration::from_secs(s.into())),
        page_lang,
    }
}

/// Tells staff in the console what in the options could not be used.
fn report(options: &HostOptions) {
    for rejected in &options.rejected {
        web_sys::console::warn_1(&format!("Program Finder: {rejected}").into());
    }
}

/// Marks in the page's performance timeline when the module started
/// (`program-finder:module`), for web teams and the start-up benchmark to see.
pub fn module_started() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("program-finder:module");
    }
}

/// The `lang` option, else the page's `<html lang>`, else English.
fn choose_language(document: &web_sys::Document, options: &HostOptions) -> Lang {
    let page = document.document_element().and_then(|html| html.get_attribute("lang"));
    options
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .or_else(|| page.and_then(|code| Lang::from_code(&code)))
        .unwrap_or_else(Lang::english)
}

/// The loader's `{url, response, controller}`, as the URL it asked for and the request.
fn early_request(early: &JsValue) -> Option<(String, EarlyRequest)> {
    let field = |name: &str| js_sys::Reflect::get(early, &name.into()).ok();
    let url = field("url")?.as_string()?;
    let response = field("response")?.dyn_into::<js_sys::Promise>().ok()?;
    let controller = field("controller").and_then(|c| c.dyn_into::<web_sys::AbortController>().ok());
    Some((url, EarlyRequest { response, controller }))
}

/// `url` made absolute against `base`; unchanged if either cannot be parsed.
fn resolve(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

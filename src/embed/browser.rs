//! What the widget asks of the browser outside its own box: remembering saved programs,
//! printing, and sharing a link. Nothing here is sent anywhere.

use std::sync::Mutex;

use finder_core::json::{self, Json, Object};
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::ui::{BrowserServices, EarlyRequest};

/// Saved programs live in this browser only, under a key per catalogue so two widgets
/// (or two sites on one origin) never mix their lists.
pub struct Browser {
    key: String,
    /// Where the last good copy of the catalogue is kept.
    catalogue_key: String,
    /// False for a catalogue at a `blob:` or `data:` address (the staff checker's live
    /// preview makes a new one on every edit): nothing is written for it, or each edit
    /// would leave a copy behind until the page's storage is full.
    lasting: bool,
    /// The catalogue request `program-finder.js` started, for the first load to use.
    early: Mutex<Option<SendWrapper<EarlyRequest>>>,
}

/// The largest catalogue kept for offline use, in characters: localStorage belongs to the
/// host page's origin and holds about 5 MB in all, so the widget takes at most a part.
const MAX_KEPT_CATALOGUE: usize = 1_500_000;

impl Browser {
    pub fn new(catalogue_url: &str, early: Option<EarlyRequest>) -> Browser {
        Browser {
            early: Mutex::new(early.map(SendWrapper::new)),
            key: format!("program-finder:saved:{catalogue_url}"),
            catalogue_key: format!("program-finder:catalogue:{catalogue_url}"),
            lasting: !(catalogue_url.starts_with("blob:") || catalogue_url.starts_with("data:")),
        }
    }

    /// Where to write: only for a catalogue with a lasting address.
    fn writable(&self) -> Option<web_sys::Storage> {
        self.lasting.then(Browser::storage).flatten()
    }

    fn storage() -> Option<web_sys::Storage> {
        // Storage can be switched off or full (private windows): then nothing is kept.
        web_sys::window().and_then(|w| w.local_storage().ok().flatten())
    }
}

/// At most this many saved programs; a family's shortlist, not a copy of the catalogue.
const MAX_SAVED: usize = 200;

impl BrowserServices for Browser {
    fn saved(&self) -> Vec<String> {
        let stored = Browser::storage().and_then(|s| s.get_item(&self.key).ok().flatten());
        // A list of ids as JSON; anything else stored under the key (an older format, a
        // hand edit) reads as nothing saved rather than as an error.
        let list = stored.and_then(|text| json::parse(&text).ok());
        let ids = list.as_ref().and_then(Json::as_array).map(Vec::as_slice).unwrap_or_default();
        ids.iter()
            .filter_map(Json::as_str)
            .filter(|id| id.len() <= 200)
            .take(MAX_SAVED)
            .map(String::from)
            .collect()
    }

    fn save(&self, ids: &[String]) {
        if let Some(storage) = self.writable() {
            let list = Json::Array(ids.iter().take(MAX_SAVED).cloned().map(Json::String).collect());
            let _ = storage.set_item(&self.key, &list.to_string());
        }
    }

    fn last_good_catalogue(&self) -> Option<(String, f64)> {
        let stored = Browser::storage()?.get_item(&self.catalogue_key).ok()??;
        let Json::Object(kept) = json::parse(&stored).ok()? else { return None };
        Some((kept.get("text")?.as_str()?.to_string(), kept.get("saved_at")?.as_f64()?))
    }

    fn keep_catalogue(&self, text: &str) {
        let Some(storage) = self.writable() else { return };
        if text.len() > MAX_KEPT_CATALOGUE {
            // Too big to keep: drop an older copy rather than show it later.
            let _ = storage.remove_item(&self.catalogue_key);
            return;
        }
        let mut kept = Object::default();
        let now = json::Number::from_f64(js_sys::Date::now()).map_or(Json::Null, Json::Number);
        kept.insert("saved_at".into(), now);
        kept.insert("text".into(), Json::String(text.into()));
        let kept = Json::Object(kept);
        // A full storage refuses: then no copy is kept, and nothing else changes.
        let _ = storage.set_item(&self.catalogue_key, &kept.to_string());
    }

    fn take_early_request(&self) -> Option<EarlyRequest> {
        self.early.lock().ok()?.take().map(SendWrapper::take)
    }

    fn print(&self) {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }

    fn share(&self, title: &str, programs: Option<&[String]>, copied: Box<dyn FnOnce(bool)>) {
        let Some(window) = web_sys::window() else { return copied(false) };
        let url = match programs {
            Some(ids) => link_to_programs(&window.location(), ids),
            None => window.location().href().unwrap_or_default(),
        };
        let navigator = window.navigator();
        // The system share sheet where there is one (phones), else copy the link.
        let has_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
        if has_share {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
            let _ = js_sys::Reflect::set(&data, &"url".into(), &url.clone().into());
            if let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) {
                if let Ok(share) = share.dyn_into::<js_sys::Function>() {
                    // A cancelled share sheet rejects; nothing to do about it.
                    if let Ok(promise) = share.call1(&navigator, &data) {
                        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                            let ignore = Closure::once(|_: JsValue| {});
                            let _ = promise.catch(&ignore);
                            ignore.forget();
                        }
                        return;
                    }
                }
            }
        }
        // The clipboard is missing outside secure pages; writing can also be refused.
        // Either way the family must not read "Link copied".
        if !js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false) {
            return copied(false);
        }
        let once = std::rc::Rc::new(std::cell::Cell::new(Some(copied)));
        let answer = move |worked: bool| {
            if let Some(copied) = once.take() {
                copied(worked);
            }
        };
        let failed = answer.clone();
        let worked = Closure::once(move |_: JsValue| answer(true));
        let refused = Closure::once(move |_: JsValue| failed(false));
        let _ = navigator.clipboard().write_text(&url).then2(&worked, &refused);
        worked.forget();
        refused.forget();
    }
}

/// This page's address with only the language and `ids` as the widget's parameters: the
/// list opens as it is, whatever search was made before it.
fn link_to_programs(location: &web_sys::Location, ids: &[String]) -> String {
    let search = location.search().unwrap_or_default();
    let lang = crate::url_state::from_query(&search).lang;
    let choices = crate::url_state::UrlChoices { saved: ids.to_vec(), lang, ..Default::default() };
    format!(
        "{}{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        crate::url_state::to_query(&search, &choices),
        location.hash().unwrap_or_default()
    )
}

//! The page address: where a widget keeps its choices (see `crate::url_state`), so a search
//! can be shared and Back/Forward work. Only the widget's own `pf-` parameters change.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::ui::AddressBar;
use crate::url_state::{from_query, to_query, UrlChoices};

/// The real address bar of the host page.
pub struct PageAddress;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

impl AddressBar for PageAddress {
    fn read(&self) -> UrlChoices {
        let search = window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        from_query(&search)
    }

    fn write(&self, choices: &UrlChoices, new_entry: bool) {
        let Some(window) = window() else { return };
        let location = window.location();
        let search = location.search().unwrap_or_default();
        let wanted = to_query(&search, choices);
        if wanted == search {
            return;
        }
        let path = location.pathname().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let url = format!("{path}{wanted}{hash}");
        let Ok(history) = window.history() else { return };
        // Keep whatever state the host page keeps in history entries.
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = if new_entry {
            history.push_state_with_url(&state, "", Some(&url))
        } else {
            history.replace_state_with_url(&state, "", Some(&url))
        };
    }

    fn on_back_forward(&self, react: Rc<dyn Fn(UrlChoices)>) {
        let Some(window) = window() else { return };
        let listener = Closure::<dyn Fn()>::new(move || react(PageAddress.read()));
        let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        // The widget lives as long as the page (a JS API with destroy() will own this instead).
        listener.forget();
    }
}

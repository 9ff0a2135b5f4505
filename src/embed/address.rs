//! The page address: where a widget keeps its choices (see `crate::url_state`), so a search
//! can be shared and Back/Forward work. Only the widget's own `pf-` parameters change.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::ui::AddressBar;
use crate::url_state::{from_query, to_query, UrlChoices};

/// A `popstate` listener, kept so that it can be removed.
type Listener = Closure<dyn Fn()>;

/// The real address bar of the host page, and the Back/Forward listener of one widget.
pub struct PageAddress {
    listener: SendWrapper<RefCell<Option<Listener>>>,
    /// Set when the widget goes away: the address is not changed after that.
    stopped: SendWrapper<Cell<bool>>,
}

impl Default for PageAddress {
    fn default() -> PageAddress {
        PageAddress::new()
    }
}

impl PageAddress {
    pub fn new() -> PageAddress {
        PageAddress {
            listener: SendWrapper::new(RefCell::new(None)),
            stopped: SendWrapper::new(Cell::new(false)),
        }
    }

    /// Stops listening to Back/Forward (the widget is going away).
    pub fn stop(&self) {
        self.stopped.set(true);
        if let (Some(listener), Some(window)) = (self.listener.borrow_mut().take(), window()) {
            let _ = window.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        }
    }
}

/// The interface language the address names (`pf-lang`), if it is one of the widget's.
pub fn language() -> Option<crate::i18n::Lang> {
    crate::i18n::Lang::from_code(&read_address().lang)
}

fn read_address() -> UrlChoices {
    let search = window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    from_query(&search)
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

impl AddressBar for PageAddress {
    fn read(&self) -> UrlChoices {
        read_address()
    }

    fn write(&self, choices: &UrlChoices, new_entry: bool) {
        let Some(window) = window().filter(|_| !self.stopped.get()) else { return };
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
        if let Some(old) = self.listener.borrow_mut().take() {
            let _ = window.remove_event_listener_with_callback("popstate", old.as_ref().unchecked_ref());
        }
        let listener = Closure::<dyn Fn()>::new(move || react(read_address()));
        let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        // Kept until `stop`, which `Widget::destroy` calls.
        *self.listener.borrow_mut() = Some(listener);
    }
}

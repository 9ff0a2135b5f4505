//! The widget's news for the host page, as DOM events on the host element.
//!
//! Every event is a `CustomEvent` that bubbles and is composed (it crosses the shadow
//! boundary), so a page can listen on the element or on `document`. Nothing is sent
//! anywhere: what a page does with an event is its own choice. The detail of each
//! event is documented in EMBEDDING.md.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use finder_core::catalogue::Program;
use js_sys::{Array, Object, Reflect};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::ui::{HostEvents, SearchSummary};

/// How long the results must stay the same before `pf-search` is sent, so that typing a
/// word sends one event rather than one per letter.
const SEARCH_SETTLES: Duration = Duration::from_millis(300);

/// Dispatches the widget's events on its host element.
pub struct PageEvents {
    host: SendWrapper<Element>,
    /// The `pf-search` waiting for the results to settle.
    pending: SendWrapper<RefCell<Option<TimeoutHandle>>>,
    /// Set when the widget goes away: nothing is sent after that.
    stopped: SendWrapper<Cell<bool>>,
}

impl PageEvents {
    pub fn new(host: &Element) -> PageEvents {
        PageEvents {
            host: SendWrapper::new(host.clone()),
            pending: SendWrapper::new(RefCell::new(None)),
            stopped: SendWrapper::new(Cell::new(false)),
        }
    }

    /// Cancels a `pf-search` not sent yet and sends nothing more (the widget is going away).
    pub fn stop(&self) {
        self.stopped.set(true);
        self.cancel();
    }

    fn cancel(&self) {
        if let Some(pending) = self.pending.borrow_mut().take() {
            pending.clear();
        }
    }

    fn send(&self, name: &str, detail: &Object) {
        if !self.stopped.get() {
            dispatch(&self.host, name, detail);
        }
    }
}

impl HostEvents for PageEvents {
    fn searched(&self, search: &SearchSummary) {
        self.cancel();
        if self.stopped.get() {
            return;
        }
        let host = (*self.host).clone();
        let detail = search_detail(search);
        let send = move || dispatch(&host, "pf-search", &detail);
        *self.pending.borrow_mut() = set_timeout_with_handle(send, SEARCH_SETTLES).ok();
    }

    fn opened(&self, program: &Program) {
        self.send("pf-open-program", &program_detail(program));
    }

    fn called(&self, program: &Program) {
        let detail = program_detail(program);
        set(&detail, "phone", program.phone.as_deref().unwrap_or_default());
        self.send("pf-call", &detail);
    }

    fn failed(&self, message: &str, saved_copy: bool) {
        let detail = Object::new();
        set(&detail, "message", message);
        set(&detail, "savedCopy", saved_copy);
        self.send("pf-error", &detail);
    }
}

fn dispatch(host: &Element, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &key.into(), &value.into());
}

fn strings(items: &[String]) -> Array {
    items.iter().map(|item| JsValue::from_str(item)).collect()
}

fn search_detail(search: &SearchSummary) -> Object {
    let detail = Object::new();
    set(&detail, "query", search.query.as_str());
    set(&detail, "needs", strings(&search.needs));
    set(&detail, "town", search.town.as_deref().map_or(JsValue::NULL, JsValue::from_str));
    set(&detail, "age", search.age.as_deref().map_or(JsValue::NULL, JsValue::from_str));
    set(&detail, "languages", strings(&search.languages));
    set(&detail, "freeOnly", search.free_only);
    set(&detail, "total", search.total as f64);
    detail
}

fn program_detail(program: &Program) -> Object {
    let detail = Object::new();
    set(&detail, "id", program.id.as_str());
    set(&detail, "name", program.name.as_str());
    detail
}

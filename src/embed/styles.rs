//! The widget's stylesheet, applied inside each shadow root.
//!
//! A constructed stylesheet (`new CSSStyleSheet()` + `adoptedStyleSheets`) is used where
//! the browser has one: it is shared by every widget on the page and is not subject to
//! a page's `style-src` content security policy, unlike a `<style>` element. Older
//! browsers get a `<style>` element instead.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document, ShadowRoot};

/// The whole widget stylesheet (style/finder.css without its comments, see build.rs),
/// compiled into the wasm so there is no second request.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/finder.css"));

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            Some(sheet)
        })
        .clone()
    })
}

/// Gives the shadow root the widget's styles.
pub fn adopt(document: &Document, shadow: &ShadowRoot) -> Result<(), JsValue> {
    if let Some(sheet) = shared_sheet() {
        let sheets = js_sys::Array::of1(&sheet);
        if js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets).is_ok() {
            return Ok(());
        }
    }
    let style = document.create_element("style")?;
    style.set_text_content(Some(CSS));
    shadow.append_child(&style)?;
    Ok(())
}

/// Takes the widget's styles away from a shadow root (the widget was destroyed).
pub fn release(shadow: &ShadowRoot) {
    let _ = js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &js_sys::Array::new());
}

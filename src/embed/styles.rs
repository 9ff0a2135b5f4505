//! The widget's stylesheet, applied inside each shadow root.
//!
//! `program-finder.js` holds the stylesheet (style/finder.css without its comments, put
//! there by tools/write-loader.mjs), so the frame it paints before the module arrives
//! already has the widget's look, and the wasm carries no CSS. Where the browser has
//! constructed stylesheets, the loader makes one `CSSStyleSheet`, shared by every widget
//! on the page and not subject to a page's `style-src` content security policy, unlike a
//! `<style>` element; older browsers get the CSS text and a `<style>` element.

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document, ShadowRoot};

/// Gives the shadow root the widget's styles: `styles` is the loader's `CSSStyleSheet`,
/// or the CSS text where the browser cannot construct one.
pub fn adopt(document: &Document, shadow: &ShadowRoot, styles: &JsValue) -> Result<(), JsValue> {
    if let Some(sheet) = styles.dyn_ref::<CssStyleSheet>() {
        let sheets = js_sys::Array::of1(sheet);
        if js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets).is_ok() {
            return Ok(());
        }
    }
    let style = document.create_element("style")?;
    style.set_text_content(styles.as_string().as_deref());
    shadow.append_child(&style)?;
    Ok(())
}

/// Takes the widget's styles away from a shadow root (the widget was destroyed).
pub fn release(shadow: &ShadowRoot) {
    let _ = js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &js_sys::Array::new());
}

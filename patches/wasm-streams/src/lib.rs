//! A stand-in for `wasm-streams` with what `server_fn` (Leptos's client for server
//! functions) calls, and nothing the widget downloads for nothing (Cargo.toml says why).
//!
//! The widget has no server functions, so none of this ever runs. If a future Leptos
//! calls something else of `wasm-streams`, the build fails here, which is the time to
//! look again; if a server function were ever added, its streams would need the real
//! crate back (remove the `[patch.crates-io]` entry).

use futures_util::stream::{empty, Empty, Stream};
use wasm_bindgen::JsValue;

/// A browser's `ReadableStream`, as `server_fn` holds a response body.
pub struct ReadableStream(web_sys::ReadableStream);

impl ReadableStream {
    /// Wraps a response body.
    pub fn from_raw(raw: web_sys::ReadableStream) -> ReadableStream {
        ReadableStream(raw)
    }

    /// The body back, as the browser's stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.0
    }

    /// A streaming request body from a Rust stream: needs the exported classes this crate
    /// leaves out, so it stops here (no server function means no call).
    pub fn from_stream<St>(_stream: St) -> ReadableStream
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        panic!("Program Finder has no server functions: streaming request bodies are not built in")
    }

    /// A streaming response body as a Rust stream: empty, as nothing reads one.
    pub fn into_stream(self) -> Empty<Result<JsValue, JsValue>> {
        empty()
    }
}

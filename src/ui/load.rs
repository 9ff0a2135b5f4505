//! Fetching and reading a catalogue, with every failure told apart, retries that back
//! off, and the last good copy when the network lets a family down.
//!
//! Families see one calm message for any failure (or the saved list); staff get the
//! exact reason in the browser console, including each program that was skipped and why.
//!
//! - The timeout measures silence, not size: a request is abandoned (`AbortController`)
//!   when no answer comes within it, or when the answer stops sending bytes for that long.
//!   A big catalogue that keeps arriving at phone speed is never cut off, and the loading
//!   line says how much has arrived.
//! - Failures that may pass (no network, a timeout, HTTP 5xx, 408, 429) are retried after
//!   1 s and then 3 s; a 404 or a file that is not a catalogue is not: it will not fix
//!   itself, and staff need to hear about it at once.
//! - The browser revalidates with the server (`cache: no-cache`: `If-None-Match` /
//!   `If-Modified-Since` from its HTTP cache), so an unchanged catalogue is not downloaded
//!   twice and a changed one is never served stale. (Adding those headers by hand would
//!   make every cross-origin request need a CORS preflight that many servers refuse.)
//! - The first request may already be on its way: `program-finder.js` starts it while the
//!   module downloads ([`EarlyRequest`]); it is read exactly like one made here.
//! - A big catalogue is read [`SLICE`] programs at a time, with a break between slices.
//! - Each catalogue that loads is kept in the browser ([`BrowserServices::keep_catalogue`]);
//!   when every attempt fails, that copy is shown with the date it was saved.

use std::sync::Arc;
use std::time::Duration;

use finder_core::catalogue::{Catalogue, LoadError, Loading};
use finder_core::Problem;
#[cfg(feature = "pack")]
use finder_search::pack::{PackEntry, PackError};
use leptos::logging::{error, warn};
use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::JsCast;
use web_sys::RequestCache;

use super::pack::PackFiles;
use super::BrowserServices;

/// Why a catalogue could not be shown.
#[derive(Clone, Debug)]
pub enum LoadFailure {
    /// No response at all: offline, refused by CORS, or a bad address.
    Network(String),
    /// No response within the time allowed.
    Timeout(u32),
    /// The answer came, then no bytes for this many seconds.
    Stalled(u32),
    /// The server answered with an error status.
    Http(u16),
    /// The response was not a usable catalogue.
    Catalogue(LoadError),
    /// A file of a catalogue pack was not what the pack wrote (even fetched again).
    #[cfg(feature = "pack")]
    Pack(PackError),
}

impl LoadFailure {
    /// Whether trying again soon might work.
    fn may_pass(&self) -> bool {
        match self {
            LoadFailure::Network(_) | LoadFailure::Timeout(_) | LoadFailure::Stalled(_) => true,
            LoadFailure::Http(status) => *status >= 500 || matches!(status, 408 | 429),
            LoadFailure::Catalogue(_) => false,
            #[cfg(feature = "pack")]
            LoadFailure::Pack(_) => false,
        }
    }
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadFailure::Network(why) => write!(f, "the request failed ({why})"),
            LoadFailure::Timeout(seconds) => write!(f, "the server did not answer within {seconds} s"),
            LoadFailure::Stalled(seconds) => write!(f, "the download stopped: no bytes came for {seconds} s"),
            LoadFailure::Http(status) => write!(f, "the server answered HTTP {status}"),
            LoadFailure::Catalogue(why) => write!(f, "{why}"),
            #[cfg(feature = "pack")]
            LoadFailure::Pack(why) => write!(f, "{why}"),
        }
    }
}

/// A catalogue ready to show.
#[derive(Clone, Debug)]
pub struct LoadedCatalogue {
    pub catalogue: Arc<Catalogue>,
    /// Skipped programs and dropped values (also written to the console).
    pub problems: Vec<Problem>,
    /// Set when this is the copy kept in the browser: when it was saved (milliseconds
    /// since 1970), because the latest could not be loaded.
    pub saved_at: Option<f64>,
    /// With `saved_at`: why the latest could not be used (for staff, in English).
    pub failure: Option<String>,
    /// A catalogue pack's files, when the address was a pack's entry: `catalogue` then
    /// has every program's facts but not its text (see `pack.rs`).
    pub pack: Option<Arc<PackFiles>>,
}

/// A catalogue request started by `program-finder.js` before the module arrived, so the
/// catalogue and the module download at the same time.
pub struct EarlyRequest {
    /// `fetch(url, {cache: "no-cache", signal})`: a promise of the `Response`.
    pub response: js_sys::Promise,
    /// Aborts it when the timeout passes.
    pub controller: Option<web_sys::AbortController>,
}

/// Waits between attempts: the first retry after 1 s, the second after 3 s.
const BACKOFF_MS: [i32; 2] = [1_000, 3_000];

/// Fetches the catalogue at `url` and reads it, retrying and falling back as described
/// in the module documentation. Problems inside a usable catalogue go to the console.
pub async fn load_catalogue(
    url: String,
    timeout: Duration,
    browser: Option<Arc<dyn BrowserServices + Send + Sync>>,
    progress: &dyn Fn(u64),
) -> Result<LoadedCatalogue, LoadFailure> {
    let early = browser.as_ref().and_then(|b| b.take_early_request());
    let fetched = fetch_with_retries(&url, timeout, early, progress, RequestCache::NoCache).await;
    let text = fetched.map(text_of);
    let failure = match text {
        Ok(text) => match open(&url, &text, timeout).await {
            Ok((catalogue, problems, pack)) => {
                report_problems(&url, &problems);
                // A pack's entry is what is kept: its files stay in the browser's cache,
                // named for ever, so the pack opens again offline as far as it was used.
                if let Some(browser) = &browser {
                    browser.keep_catalogue(&text);
                }
                return Ok(LoadedCatalogue { catalogue, problems, saved_at: None, failure: None, pack });
            }
            Err(failure) => failure,
        },
        Err(failure) => failure,
    };
    error!("Program Finder could not use the catalogue at {url}: {failure}");
    let saved = browser.as_ref().and_then(|b| b.last_good_catalogue());
    if let Some((text, saved_at)) = saved {
        if let Ok((catalogue, problems, pack)) = open(&url, &text, timeout).await {
            warn!("Program Finder: showing the copy of {url} this browser kept");
            return Ok(LoadedCatalogue {
                catalogue,
                problems,
                saved_at: Some(saved_at),
                failure: Some(failure.to_string()),
                pack,
            });
        }
    }
    Err(failure)
}

/// A catalogue's text, or a pack's entry (its first screen; the rest follows).
type Opened = (Arc<Catalogue>, Vec<Problem>, Option<Arc<PackFiles>>);

// (`url` and `timeout` open a pack's files, in `program-finder-pack.js`.)
#[cfg_attr(not(feature = "pack"), allow(unused_variables))]
async fn open(url: &str, text: &str, timeout: Duration) -> Result<Opened, LoadFailure> {
    // Without packs, a pack's entry is only told apart, to say what to do (its key, as the
    // first one `catalogue pack` writes, is enough: reading it would cost bytes).
    #[cfg(not(feature = "pack"))]
    if text.trim_start().starts_with(concat!("{\"", "program_finder_pack", "\"")) {
        let why = "it is a catalogue pack: load it with program-finder-pack.js instead of program-finder.js";
        return Err(LoadFailure::Catalogue(LoadError::NotACatalogue(why.into())));
    }
    #[cfg(not(feature = "pack"))]
    return read(text).await.map(|(catalogue, problems)| (Arc::new(catalogue), problems, None));
    #[cfg(feature = "pack")]
    match PackEntry::read(text) {
        None => read(text).await.map(|(catalogue, problems)| (Arc::new(catalogue), problems, None)),
        Some(Err(why)) => Err(LoadFailure::Pack(why)),
        Some(Ok(entry)) => {
            let pack = super::pack::open(url, entry, text, timeout)?;
            Ok((pack.catalogue.clone(), Vec::new(), Some(pack)))
        }
    }
}

fn report_problems(url: &str, problems: &[Problem]) {
    if !problems.is_empty() {
        // Without hints (see finder-core's `hints` feature): the checker gives them.
        warn!("Program Finder: the catalogue at {url} has {} problem(s) (the checker page says how to fix each):", problems.len());
        for problem in problems {
            warn!("  {problem}");
        }
    }
}

/// Programs read between two breaks: about 30 ms of work on a phone, so a catalogue of
/// 50,000 programs loads without freezing the page (the browser can paint and take taps
/// between slices).
const SLICE: usize = 2_000;

pub(super) async fn read(text: &str) -> Result<(Catalogue, Vec<Problem>), LoadFailure> {
    let mut loading = Loading::start(text).map_err(LoadFailure::Catalogue)?;
    while !loading.step(SLICE) {
        sleep(0).await;
    }
    let loaded = loading.finish();
    Ok((loaded.catalogue, loaded.problems))
}

/// A response body as text: as `Response.text()` does, a broken byte sequence becomes
/// U+FFFD, never a failure.
fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The response body, or why there is none. Gives up when no answer comes within
/// `timeout`, or no bytes for that long (see the module docs); `progress` hears the bytes
/// read so far. Uses `early`, the request the loader already started, when there is one.
async fn fetch_bytes(
    url: &str,
    timeout: Duration,
    early: Option<EarlyRequest>,
    progress: &dyn Fn(u64),
    cache: RequestCache,
) -> Result<Vec<u8>, LoadFailure> {
    let (controller, started) = match early {
        Some(early) => (early.controller, Some(early.response)),
        None => (web_sys::AbortController::new().ok(), None),
    };
    let signal = controller.as_ref().map(|c| c.signal());
    let answered = std::cell::Cell::new(false);
    let answer = async {
        let silence = Silence::start(&controller, timeout);
        let response = match started {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map(|response| response.unchecked_into::<web_sys::Response>())
                .map_err(|e| LoadFailure::Network(js_message(&e)))?,
            None => web_sys::Response::from(
                gloo_net::http::Request::get(url)
                    .cache(cache)
                    .abort_signal(signal.as_ref())
                    .send()
                    .await
                    // Only the browser's own words: gloo's error type would bring its
                    // JSON errors' texts into the module for a case fetch never has.
                    .map_err(|e| match e {
                        gloo_net::Error::JsError(e) => LoadFailure::Network(e.to_string()),
                        _ => LoadFailure::Network(String::new()),
                    })?,
            ),
        };
        drop(silence);
        answered.set(true);
        if !response.ok() {
            return Err(LoadFailure::Http(response.status()));
        }
        read_body(&response, &controller, timeout, progress).await
    }
    .await;
    let timed_out = signal.as_ref().is_some_and(|s| s.aborted());
    let seconds = timeout.as_secs() as u32;
    answer.map_err(|failure| match (timed_out, answered.get()) {
        (false, _) => failure,
        (true, false) => LoadFailure::Timeout(seconds),
        (true, true) => LoadFailure::Stalled(seconds),
    })
}

/// Fetches `url` as [`fetch_bytes`] does, trying again after 1 s and 3 s when the failure
/// may pass: the catalogue, a pack's entry, and each of a pack's files.
pub(super) async fn fetch_with_retries(
    url: &str,
    timeout: Duration,
    mut early: Option<EarlyRequest>,
    progress: &dyn Fn(u64),
    cache: RequestCache,
) -> Result<Vec<u8>, LoadFailure> {
    let mut attempt = 0;
    loop {
        match fetch_bytes(url, timeout, early.take(), progress, cache).await {
            Err(failure) if failure.may_pass() && attempt < BACKOFF_MS.len() => {
                let wait = BACKOFF_MS[attempt];
                warn!("Program Finder: {url}: {failure}; trying again in {} s", wait / 1000);
                sleep(wait).await;
                attempt += 1;
            }
            done => return done,
        }
    }
}

/// Reads the body a chunk at a time, as it arrives, so that the timeout can start again
/// at each chunk. (Browsers without body streams read it whole, with the timeout over it.)
async fn read_body(
    response: &web_sys::Response,
    controller: &Option<web_sys::AbortController>,
    timeout: Duration,
    progress: &dyn Fn(u64),
) -> Result<Vec<u8>, LoadFailure> {
    let failed = |e: wasm_bindgen::JsValue| LoadFailure::Network(js_message(&e));
    let Some(body) = response.body() else {
        let _silence = Silence::start(controller, timeout);
        let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(failed)?).await;
        return Ok(js_sys::Uint8Array::new(&buffer.map_err(failed)?).to_vec());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let silence = Silence::start(controller, timeout);
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read()).await.map_err(failed)?;
        drop(silence);
        let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).unwrap_or_default();
        if field("done").is_truthy() {
            break;
        }
        let value = js_sys::Uint8Array::new(&field("value"));
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
        progress(bytes.len() as u64);
    }
    Ok(bytes)
}

/// Aborts the request if it is still alive when `timeout` has passed; dropping it (the
/// next answer or chunk came) clears the timer.
struct Silence(Option<leptos::prelude::TimeoutHandle>);

impl Silence {
    fn start(controller: &Option<web_sys::AbortController>, timeout: Duration) -> Silence {
        let stop = controller.clone();
        let timer = set_timeout_with_handle(
            move || {
                if let Some(stop) = &stop {
                    stop.abort();
                }
            },
            timeout,
        );
        Silence(timer.ok())
    }
}

impl Drop for Silence {
    fn drop(&mut self) {
        if let Some(timer) = self.0.take() {
            timer.clear();
        }
    }
}

/// What a rejected promise says ("TypeError: Failed to fetch").
fn js_message(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => error.as_string().unwrap_or_else(|| "no response".into()),
    }
}

pub(super) async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

//! Fetching and reading a catalogue, with every failure told apart.
//!
//! Families see one calm message for any failure; staff get the exact reason in the
//! browser console, including each program that was skipped and why.

use std::sync::Arc;

use finder_core::catalogue::{load, Catalogue, LoadError};
use leptos::logging::{error, warn};

/// Why a catalogue could not be shown.
#[derive(Clone, Debug)]
pub enum LoadFailure {
    /// No response at all: offline, refused by CORS, or a bad address.
    Network(String),
    /// The server answered with an error status.
    Http(u16),
    /// The response was not a usable catalogue.
    Catalogue(LoadError),
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadFailure::Network(why) => write!(f, "the request failed ({why})"),
            LoadFailure::Http(status) => write!(f, "the server answered HTTP {status}"),
            LoadFailure::Catalogue(why) => write!(f, "{why}"),
        }
    }
}

/// Fetches the catalogue at `url` and reads it. Problems inside a usable catalogue
/// are written to the console; the catalogue is still returned.
pub async fn load_catalogue(url: String) -> Result<Arc<Catalogue>, LoadFailure> {
    let result = fetch_and_read(&url).await;
    match &result {
        Err(failure) => error!("Program Finder could not use the catalogue at {url}: {failure}"),
        Ok((_, problems)) if !problems.is_empty() => {
            warn!("Program Finder: the catalogue at {url} has {} problem(s):", problems.len());
            for problem in problems {
                warn!("  {problem}");
            }
        }
        Ok(_) => {}
    }
    result.map(|(catalogue, _)| Arc::new(catalogue))
}

async fn fetch_and_read(url: &str) -> Result<(Catalogue, Vec<finder_core::Problem>), LoadFailure> {
    let response =
        gloo_net::http::Request::get(url).send().await.map_err(|e| LoadFailure::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadFailure::Http(response.status()));
    }
    let text = response.text().await.map_err(|e| LoadFailure::Network(e.to_string()))?;
    let loaded = load(&text).map_err(LoadFailure::Catalogue)?;
    Ok((loaded.catalogue, loaded.problems))
}

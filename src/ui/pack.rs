//! A catalogue pack as the widget uses it (`finder_search::pack` has the format): the
//! entry names the pack; its facts and its index's terms come first, and then only what
//! the family's steps need, each file fetched once for the page's life:
//!
//! - the text of the programs shown (cards, details, the saved list, paper), a chunk at
//!   a time, when a card first needs it;
//! - the postings of the words typed: a search notes which fragments it lacked
//!   (`SearchIndex::missing`); they are fetched in parallel, and the search runs again.
//!   Until then the results shown stay those of the last complete search, marked busy:
//!   a result missing programs is never shown.
//!
//! Every file is fetched with the catalogue's rules (the timeout measures silence; 1 s and
//! 3 s retries when a failure may pass), from the browser's cache when it has the file:
//! names never change meaning. A file that is missing, cut short or of another version is
//! fetched once more from the network; if it still fails, the family reads one plain
//! sentence with 2-1-1 and "Try again", and keeps what is shown.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use finder_core::catalogue::{Catalogue, Program};
use finder_search::pack::{PackEntry, PackError};
use finder_search::{Query, SearchIndex, SearchOptions, SearchResults};
use leptos::logging::error;
use leptos::prelude::*;
use web_sys::RequestCache;

use super::load::{fetch_with_retries, read, LoadFailure};

/// An open pack: its entry, where it is, its facts as a catalogue, and its index.
#[derive(Debug)]
pub struct PackFiles {
    pub entry: PackEntry,
    /// The entry's address: the pack's files are named relative to it.
    base: String,
    timeout: Duration,
    /// Every program with its facts; the names are a dash until a chunk brings the text.
    pub catalogue: Arc<Catalogue>,
    /// The index's terms, with postings arriving fragment by fragment.
    pub index: Arc<SearchIndex>,
}

impl PackFiles {
    fn address(&self, name: &str) -> String {
        web_sys::Url::new_with_base(name, &self.base).map_or_else(|_| name.to_string(), |url| url.href())
    }

    /// Fetches a pack file and checks it with `check`; a file that fails (missing, cut
    /// short, another version) is fetched once more past every cache.
    async fn fetch<T>(
        &self,
        name: &str,
        check: impl Fn(&[u8]) -> Result<T, PackError>,
    ) -> Result<T, LoadFailure> {
        let address = self.address(name);
        let first = fetch_with_retries(&address, self.timeout, RequestCache::Default).await;
        if let Ok(Ok(done)) = first.as_deref().map(&check) {
            return Ok(done);
        }
        let again = fetch_with_retries(&address, self.timeout, RequestCache::Reload).await?;
        check(&again).map_err(LoadFailure::Pack)
    }
}

/// Opens the pack whose entry is at `url`: its facts (read as a catalogue) and its index's
/// terms, fetched at the same time.
pub(super) async fn open(
    url: &str,
    entry: PackEntry,
    timeout: Duration,
) -> Result<Arc<PackFiles>, LoadFailure> {
    let mut files = PackFiles {
        base: url.to_string(),
        timeout,
        catalogue: Arc::default(),
        index: Arc::new(SearchIndex::new(&Catalogue::default())),
        entry,
    };
    let facts_name = files.entry.facts_file();
    let facts = files.fetch(&facts_name, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        files.entry.check_facts(&text).map(|()| text.into_owned())
    });
    // The index's terms need the facts to be read; its bytes need not wait for them.
    let index_name = files.entry.index_file();
    let index_bytes = files.fetch(&index_name, |bytes| Ok(bytes.to_vec()));
    let (facts, index_bytes) = futures::future::join(facts, index_bytes).await;
    let (catalogue, problems) = read(&facts?).await?;
    if !problems.is_empty() {
        return Err(LoadFailure::Pack(PackError::Damaged(facts_name)));
    }
    let index = files.entry.read_index(&index_bytes?, &catalogue).map_err(LoadFailure::Pack)?;
    files.catalogue = Arc::new(catalogue);
    files.index = Arc::new(index);
    Ok(Arc::new(files))
}

/// A chunk of programs' text: asked for, here, or failed.
#[derive(Clone)]
enum Chunk {
    Asked,
    Here(Arc<Vec<Program>>),
    Failed,
}

/// What the widget has of its pack and what it waits for; with a JSON catalogue,
/// everything is here and every question is answered at once.
#[derive(Clone, Copy)]
pub struct PackState {
    files: StoredValue<Option<Arc<PackFiles>>>,
    chunks: StoredValue<HashMap<usize, Chunk>>,
    /// Fragments of postings on their way.
    fragments: StoredValue<Vec<usize>>,
    /// Bumped when a file arrives or fails: what waits on one looks again.
    arrived: RwSignal<u32>,
    /// A fragment failed after every retry: the results say so, with "Try again".
    pub failed: RwSignal<bool>,
    /// A search waits for fragments: the results shown are the last complete ones.
    pub waiting: RwSignal<bool>,
}

impl PackState {
    pub fn new(files: Option<Arc<PackFiles>>) -> PackState {
        PackState {
            files: StoredValue::new(files),
            chunks: StoredValue::new(HashMap::new()),
            fragments: StoredValue::new(Vec::new()),
            arrived: RwSignal::new(0),
            failed: RwSignal::new(false),
            waiting: RwSignal::new(false),
        }
    }

    /// Program `at` with its text, or `None` while its chunk is on its way (then asked
    /// for) or failed. Tracked: a caller runs again when a chunk arrives.
    pub fn program(&self, catalogue: &Catalogue, at: usize) -> Option<Program> {
        let Some(files) = self.files.get_value() else {
            return catalogue.programs.get(at).cloned();
        };
        self.arrived.track();
        let chunk = files.entry.chunk_of(at);
        match self.chunks.with_value(|chunks| chunks.get(&chunk).cloned()) {
            Some(Chunk::Here(programs)) => programs.get(at - chunk * files.entry.chunk).cloned(),
            Some(Chunk::Asked | Chunk::Failed) => None,
            None => {
                self.fetch_chunk(files, chunk);
                None
            }
        }
    }

    /// Whether program `at`'s text could not be loaded (tracked).
    pub fn program_failed(&self, at: usize) -> bool {
        self.arrived.track();
        let chunk = self.files.with_value(|files| files.as_ref().map(|files| files.entry.chunk_of(at)));
        chunk.is_some_and(|chunk| self.chunks.with_value(|c| matches!(c.get(&chunk), Some(Chunk::Failed))))
    }

    fn fetch_chunk(&self, files: Arc<PackFiles>, chunk: usize) {
        self.chunks.update_value(|chunks| _ = chunks.insert(chunk, Chunk::Asked));
        let state = *self;
        leptos::task::spawn_local(async move {
            let name = files.entry.chunk_file(chunk);
            let read = files.fetch(&name, |bytes| {
                files.entry.read_chunk(&String::from_utf8_lossy(bytes), chunk, &files.catalogue)
            });
            let got = match read.await {
                Ok(programs) => Chunk::Here(Arc::new(programs)),
                Err(failure) => {
                    error!("Program Finder could not load {name}: {failure}");
                    Chunk::Failed
                }
            };
            // The widget may have gone while the chunk came.
            if state.chunks.try_update_value(|chunks| _ = chunks.insert(chunk, got)).is_some() {
                state.arrived.update(|n| *n = n.wrapping_add(1));
            }
        });
    }

    /// The results of `query`, or `None` while postings it needs are on their way (they
    /// are asked for here). Tracked: the caller runs again when they arrive.
    pub fn search(
        &self,
        index: &SearchIndex,
        query: &Query,
        options: &SearchOptions,
    ) -> Option<SearchResults> {
        self.arrived.track();
        let results = index.search(query, options);
        let missing = index.missing();
        let Some(files) = self.files.get_value().filter(|_| !missing.is_empty()) else {
            // A complete search: what failed before is no longer in the way.
            for flag in [self.waiting, self.failed] {
                if flag.get_untracked() {
                    flag.set(false);
                }
            }
            return Some(results);
        };
        if !self.waiting.get_untracked() {
            self.waiting.set(true);
        }
        if self.failed.get_untracked() {
            return None;
        }
        for fragment in missing {
            if self.fragments.with_value(|asked| asked.contains(&fragment)) {
                continue;
            }
            self.fragments.update_value(|asked| asked.push(fragment));
            let (state, files) = (*self, files.clone());
            leptos::task::spawn_local(async move {
                let name = files.entry.fragment_file(fragment);
                let added =
                    files.fetch(&name, |bytes| files.entry.add_fragment(&files.index, fragment, bytes));
                let failed =
                    added.await.map_err(|failure| error!("Program Finder could not load {name}: {failure}"));
                if state.fragments.try_update_value(|asked| asked.retain(|&f| f != fragment)).is_some() {
                    if failed.is_err() {
                        state.failed.set(true);
                    }
                    state.arrived.update(|n| *n = n.wrapping_add(1));
                }
            });
        }
        None
    }

    /// "Try again": every file that failed is asked for again.
    pub fn retry(&self) {
        self.chunks.update_value(|chunks| chunks.retain(|_, chunk| !matches!(chunk, Chunk::Failed)));
        self.failed.set(false);
        self.arrived.update(|n| *n = n.wrapping_add(1));
    }
}

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

#[cfg(feature = "pack")]
pub use reading::*;
#[cfg(not(feature = "pack"))]
pub use stand_in::*;

/// The widget as most pages load it (`program-finder.js`): catalogue JSON only, and none
/// of the bytes packs need (BENCHMARKS.md, "Size"). Everything is here at once.
#[cfg(not(feature = "pack"))]
mod stand_in {
    use std::sync::Arc;

    use finder_core::catalogue::{Catalogue, Program};
    use finder_search::SearchIndex;

    /// Never made: a JSON catalogue has no pack files.
    #[derive(Debug)]
    pub struct PackFiles {
        pub catalogue: Arc<Catalogue>,
        pub index: Arc<SearchIndex>,
    }

    /// A JSON catalogue's answers to what the results ask a pack.
    #[derive(Clone, Copy)]
    pub struct PackState;

    impl PackState {
        pub fn new(_: Option<Arc<PackFiles>>) -> PackState {
            PackState
        }

        pub fn has_text(&self, _: usize) -> bool {
            true
        }

        pub fn program(&self, catalogue: &Catalogue, at: usize) -> Program {
            catalogue.programs[at].clone()
        }

        pub fn waiting(&self) -> bool {
            false
        }
    }
}

/// `program-finder-pack.js`: the widget that also reads catalogue packs.
#[cfg(feature = "pack")]
mod reading {
    use std::cell::RefCell;
    use std::sync::Arc;
    use std::time::Duration;

    use finder_core::catalogue::{Catalogue, Program};
    use finder_search::pack::{PackEntry, PackError};
    use finder_search::{Query, SearchIndex, SearchOptions, SearchResults};
    use leptos::logging::error;
    use leptos::prelude::*;
    use web_sys::RequestCache;

    use super::super::load::{fetch_with_retries, read, LoadFailure};

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
        async fn fetch(
            &self,
            name: &str,
            take: &dyn Fn(&[u8]) -> Result<(), PackError>,
        ) -> Result<(), LoadFailure> {
            fetch_file(&self.base, self.timeout, name, take).await
        }
    }

    /// Fetches a pack file (`name`, relative to the entry's address `base`) and gives it to
    /// `take`, which checks and keeps it; a file that fails (missing, cut short, another
    /// version) is fetched once more past every cache. (One function for every kind of file:
    /// each copy of an async function costs the module about a kilobyte.)
    async fn fetch_file(
        base: &str,
        timeout: Duration,
        name: &str,
        take: &dyn Fn(&[u8]) -> Result<(), PackError>,
    ) -> Result<(), LoadFailure> {
        let address =
            web_sys::Url::new_with_base(name, base).map_or_else(|_| name.to_string(), |url| url.href());
        let first = fetch_with_retries(&address, timeout, None, &|_| {}, RequestCache::Default).await;
        if first.is_ok_and(|bytes| take(&bytes).is_ok()) {
            return Ok(());
        }
        let again = fetch_with_retries(&address, timeout, None, &|_| {}, RequestCache::Reload).await?;
        take(&again).map_err(LoadFailure::Pack)
    }

    /// Opens the pack whose entry is at `url`: its start file, the index's terms and the
    /// facts (read as a catalogue), in one request.
    pub async fn open(url: &str, entry: PackEntry, timeout: Duration) -> Result<Arc<PackFiles>, LoadFailure> {
        let name = entry.start_file();
        let bytes = RefCell::new(Vec::new());
        let take = |got: &[u8]| {
            entry.split_start(got)?;
            *bytes.borrow_mut() = got.to_vec();
            Ok(())
        };
        fetch_file(url, timeout, &name, &take).await?;
        let bytes = bytes.take();
        let (terms, facts) = entry.split_start(&bytes).map_err(LoadFailure::Pack)?;
        let damaged = || LoadFailure::Pack(PackError::Damaged(name.clone()));
        let (catalogue, problems) = read(&String::from_utf8_lossy(facts)).await.map_err(|_| damaged())?;
        if !problems.is_empty() {
            return Err(damaged());
        }
        let index = Arc::new(entry.read_index(terms, &catalogue).map_err(LoadFailure::Pack)?);
        Ok(Arc::new(PackFiles {
            entry,
            base: url.to_string(),
            timeout,
            catalogue: Arc::new(catalogue),
            index,
        }))
    }

    /// A file of the pack fetched after the start: a fragment of postings, or a chunk of
    /// programs' text, by number.
    #[derive(Clone, Copy)]
    enum File {
        Postings(usize),
        Text(usize),
    }

    /// A chunk of programs' text: not asked for yet, on its way, here, or failed.
    #[derive(Clone, Default)]
    enum Chunk {
        #[default]
        Unasked,
        Asked,
        Here(Arc<Vec<Program>>),
        Failed,
    }

    /// Cards the results wait for before they show: a page and then some. Beyond (paper with
    /// hundreds of programs), cards join the list as their text arrives.
    const WAIT_FOR_TEXT: usize = 60;

    /// What the widget has of its pack and what it is waiting for.
    #[derive(Default)]
    struct Held {
        /// `None`: a JSON catalogue, where everything is here.
        files: Option<Arc<PackFiles>>,
        chunks: Vec<Chunk>,
        /// Fragments of postings on their way.
        fragments: Vec<usize>,
        /// The fallback programs, shown under an empty result.
        fallbacks: Vec<usize>,
    }

    /// The widget's pack, shared through context; with a JSON catalogue every question is
    /// answered at once.
    #[derive(Clone, Copy)]
    pub struct PackState {
        held: StoredValue<Held>,
        /// Changes when a file arrives or fails: what waits on one looks again.
        arrived: RwSignal<bool>,
        /// A file failed after every retry: the results say so once, with "Try again" (the
        /// cards of a failed chunk are left out, not each an alert).
        failed: RwSignal<bool>,
        /// A search waits for files: the results shown are the last complete ones.
        waiting: RwSignal<bool>,
    }

    impl PackState {
        pub fn new(files: Option<Arc<PackFiles>>) -> PackState {
            let (chunks, fallbacks) = files.as_ref().map_or_else(Default::default, |f| {
                let fallbacks =
                    f.catalogue.programs.iter().enumerate().filter(|(_, p)| p.fallback).map(|(at, _)| at);
                (vec![Chunk::Unasked; f.entry.programs.div_ceil(f.entry.chunk)], fallbacks.collect())
            });
            PackState {
                held: StoredValue::new(Held { files, chunks, fragments: Vec::new(), fallbacks }),
                arrived: RwSignal::new(false),
                failed: RwSignal::new(false),
                waiting: RwSignal::new(false),
            }
        }

        /// Whether program `at`'s text is here (`Some(true)`), failed (`Some(false)`) or on its
        /// way (`None`; asked for the first time). Tracked: a caller runs again when a chunk
        /// arrives or fails.
        fn text(&self, at: usize) -> Option<bool> {
            // A JSON catalogue (this build reads those too) has every text.
            let Some(files) = self.held.with_value(|held| held.files.clone()) else {
                return Some(true);
            };
            self.arrived.track();
            let chunk = files.entry.chunk_of(at);
            match self.held.with_value(|held| held.chunks.get(chunk).cloned()).unwrap_or(Chunk::Failed) {
                Chunk::Here(_) => Some(true),
                Chunk::Failed => Some(false),
                Chunk::Asked => None,
                Chunk::Unasked => {
                    self.fetch(files, File::Text(chunk));
                    None
                }
            }
        }

        /// Whether program `at` can show as a card: always from a JSON catalogue; from a pack
        /// once its chunk has come (asked for here). Tracked.
        pub fn has_text(&self, at: usize) -> bool {
            self.text(at).unwrap_or(false)
        }

        /// Program `at` with its text (its facts alone if [`PackState::has_text`] is false).
        pub fn program(&self, catalogue: &Catalogue, at: usize) -> Program {
            self.held
                .with_value(|held| {
                    let files = held.files.as_ref()?;
                    match held.chunks.get(files.entry.chunk_of(at)) {
                        Some(Chunk::Here(programs)) => programs.get(at % files.entry.chunk).cloned(),
                        _ => None,
                    }
                })
                .or_else(|| catalogue.programs.get(at).cloned())
                .unwrap_or_default()
        }

        /// Fetches a fragment of postings or a chunk of programs' text, once.
        fn fetch(&self, files: Arc<PackFiles>, file: File) {
            self.held.update_value(|held| match file {
                File::Postings(fragment) => held.fragments.push(fragment),
                File::Text(chunk) => held.chunks[chunk] = Chunk::Asked,
            });
            let state = *self;
            leptos::task::spawn_local(async move {
                let name = match file {
                    File::Postings(fragment) => files.entry.fragment_file(fragment),
                    File::Text(chunk) => files.entry.chunk_file(chunk),
                };
                let programs = RefCell::new(Vec::new());
                let take = |bytes: &[u8]| match file {
                    File::Postings(fragment) => files.entry.add_fragment(&files.index, fragment, bytes),
                    File::Text(chunk) => {
                        let text = String::from_utf8_lossy(bytes);
                        *programs.borrow_mut() = files.entry.read_chunk(&text, chunk, &files.catalogue)?;
                        Ok(())
                    }
                };
                let done = files.fetch(&name, &take).await;
                if let Err(failure) = &done {
                    error!("Program Finder could not load {name}: {failure}");
                }
                // The widget may have gone while the file came.
                let kept = state.held.try_update_value(|held| match file {
                    File::Postings(fragment) => held.fragments.retain(|&f| f != fragment),
                    File::Text(chunk) => {
                        held.chunks[chunk] = match done {
                            Ok(()) => Chunk::Here(Arc::new(programs.take())),
                            Err(_) => Chunk::Failed,
                        }
                    }
                });
                if kept.is_some() {
                    if done.is_err() {
                        state.failed.set(true);
                    }
                    state.arrived.update(|flip| *flip = !*flip);
                }
            });
        }

        /// The results of `query`, or `None` while what they need is on its way: the postings
        /// of its words, and the text of the first cards (and of the fallback programs when
        /// nothing is found). What is missing is asked for here. Tracked: the caller runs
        /// again when it arrives.
        pub fn search(
            &self,
            index: &SearchIndex,
            query: &Query,
            options: &SearchOptions,
        ) -> Option<SearchResults> {
            self.arrived.track();
            let results = index.search(query, options);
            let missing = index.missing();
            let Some(files) = self.held.with_value(|held| held.files.clone()) else {
                return Some(results);
            };
            let failed = self.failed.get_untracked();
            for fragment in missing.iter().copied() {
                if !failed && !self.held.with_value(|held| held.fragments.contains(&fragment)) {
                    self.fetch(files.clone(), File::Postings(fragment));
                }
            }
            let mut cards: Vec<usize> =
                results.hits.iter().take(WAIT_FOR_TEXT).map(|hit| hit.program as usize).collect();
            if results.total == 0 {
                cards.extend(self.held.with_value(|held| held.fallbacks.clone()));
            }
            // Every card's text asked for at once (no short cut), so the chunks come together.
            let coming = cards.into_iter().filter(|&at| self.text(at).is_none()).count();
            let complete = missing.is_empty() && coming == 0;
            if self.waiting.get_untracked() == complete {
                self.waiting.set(!complete);
            }
            complete.then_some(results)
        }

        /// Whether a file failed after every retry (tracked).
        pub fn failed(&self) -> bool {
            self.failed.get()
        }

        /// Whether the results wait for files (tracked).
        pub fn waiting(&self) -> bool {
            self.waiting.get()
        }

        /// "Try again": every file that failed is asked for again.
        pub fn retry(&self) {
            self.held.update_value(|held| {
                for chunk in held.chunks.iter_mut().filter(|c| matches!(c, Chunk::Failed)) {
                    *chunk = Chunk::Unasked;
                }
            });
            self.failed.set(false);
            self.arrived.update(|flip| *flip = !*flip);
        }
    }
}

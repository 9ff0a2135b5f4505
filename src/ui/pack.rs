//! A catalogue pack as the widget uses it (`finder_search::pack` has the format): the
//! entry names the pack and carries the first screen (the catalogue's needs and places,
//! the counts with nothing chosen), so the first cards need only their chunk. Its facts
//! and its index's terms (the start file) follow at once, and then only what the
//! family's steps need, each file fetched once for the page's life:
//!
//! - the text of the programs shown (cards, details, the saved list, paper), a chunk at
//!   a time, when a card first needs it. A page's cards are scattered over as many
//!   chunks, and HTTP/1.1 fetches six at a time: the results wait for the first
//!   [`FIRST_CARDS`] (the screen's), and the rest of the page joins in order as it comes,
//!   with the first cards of the next page asked for too, so "Show more" shows at once;
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

/// Cards the results wait for before they show: what the first screen holds, and what
/// HTTP/1.1 fetches in one go (six files at a time). The search ranks this many more than
/// the page, and their text is asked for with the page's: "Show more" then has its first
/// cards here. (Packs only.)
#[cfg(feature = "pack")]
pub const FIRST_CARDS: usize = 6;

/// A count not known yet ("open now" on a pack's first screen, before the facts came):
/// shown as no count.
pub const NOT_COUNTED_YET: usize = usize::MAX;
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

        pub fn text(&self, _: usize) -> Option<bool> {
            Some(true)
        }

        pub fn program(&self, catalogue: &Catalogue, at: usize) -> Program {
            catalogue.programs[at].clone()
        }

        pub fn waiting(&self) -> bool {
            false
        }

        pub fn failed(&self) -> bool {
            false
        }

        pub fn index(&self, index: &Arc<SearchIndex>) -> Arc<SearchIndex> {
            index.clone()
        }

        pub fn catalogue(&self, catalogue: &Arc<Catalogue>) -> Arc<Catalogue> {
            catalogue.clone()
        }

        pub fn program_count(&self, catalogue: &Catalogue) -> usize {
            catalogue.programs.len()
        }

        pub fn ready(&self) -> bool {
            true
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
    use finder_search::pack::{FirstScreen, PackEntry, PackError, Screen};
    use finder_search::{Hit, Query, SearchIndex, SearchOptions, SearchResults};
    use leptos::logging::error;
    use leptos::prelude::*;
    use web_sys::RequestCache;

    use super::super::load::{fetch_with_retries, LoadFailure};
    use super::{FIRST_CARDS, NOT_COUNTED_YET};

    /// An open pack: its entry and its first screen, and where its files are.
    #[derive(Debug)]
    pub struct PackFiles {
        pub entry: PackEntry,
        /// The entry's address: the pack's files are named relative to it.
        base: String,
        timeout: Duration,
        /// The catalogue's own keys (needs, places) and no program: what the filters show
        /// and chunks are read against. Programs come from the chunks (text) and the start
        /// file (facts).
        pub catalogue: Arc<Catalogue>,
        /// The same, as the entry wrote it: the facts are read into it.
        own: String,
        /// The results with nothing chosen.
        first: Screen,
        /// The results of each need chosen alone, in the catalogue's order.
        by_need: Vec<Screen>,
        /// Whether any program lists structured hours ("open now" and its clock).
        pub hours: bool,
    }

    impl PackFiles {
        async fn fetch(
            &self,
            name: &str,
            take: &dyn Fn(&[u8]) -> Result<(), PackError>,
        ) -> Result<(), LoadFailure> {
            fetch_file(&self.base, self.timeout, name, take).await
        }

        /// The results with no words and no choice but one need at most, from the entry:
        /// with none, the first programs in catalogue order (the ranking without words or
        /// town); with one, the cards the entry lists for it (when it lists enough). "Open
        /// now" is counted at the family's minute, from the facts: unknown until then.
        fn first_screen(&self, query: &Query, options: &SearchOptions) -> Option<SearchResults> {
            let mut bare = query.clone();
            bare.choices.now = None;
            let need = match &bare.choices.needs[..] {
                [] => None,
                [one] => Some(self.catalogue.needs.iter().position(|need| need.id == *one)?),
                _ => return None,
            };
            bare.choices.needs.clear();
            if bare != Query::default() {
                return None;
            }
            let screen = match need {
                Some(at) => self.by_need.get(at)?,
                None => &self.first,
            };
            let shown = options.limit.unwrap_or(screen.total).min(screen.total);
            let hit = |&program: &u32| Hit { program, score: 0.0, tier: 0, typos: 0, matched: Vec::new() };
            let hits = screen.cards.get(..shown)?.iter().map(hit).collect();
            let mut counts = screen.counts.clone();
            if self.hours {
                counts.open_now = NOT_COUNTED_YET;
            }
            Some(SearchResults {
                hits,
                total: screen.total,
                counts: options.counts.then_some(counts),
                terms: Vec::new(),
            })
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

    /// Opens the pack whose entry (`text`, at `url`) says `entry`: nothing to fetch yet,
    /// the first screen is in the entry. An entry without one is of an older `catalogue
    /// pack`: it is refused with what to do.
    pub fn open(
        url: &str,
        entry: PackEntry,
        text: &str,
        timeout: Duration,
    ) -> Result<Arc<PackFiles>, LoadFailure> {
        let FirstScreen { catalogue, own, first, hours, by_need } = PackEntry::first_screen(text)
            .ok_or_else(|| {
                LoadFailure::Pack(PackError::NotAPack(
                    "it has no first screen: write it again with `catalogue pack`".into(),
                ))
            })?;
        Ok(Arc::new(PackFiles {
            entry,
            base: url.to_string(),
            timeout,
            catalogue: Arc::new(catalogue),
            own,
            first,
            by_need,
            hours,
        }))
    }

    /// The start file read: the index (terms, postings to come) and every program's facts.
    type Start = (Arc<SearchIndex>, Arc<Catalogue>);

    /// Reads the start file's `bytes`: the facts into a catalogue (the entry's, with every
    /// program), then the index over them.
    fn read_start(files: &PackFiles, bytes: &[u8]) -> Result<Start, PackError> {
        let (terms, facts) = files.entry.split_start(bytes)?;
        let catalogue = files.entry.read_facts(facts, &files.own)?;
        let index = files.entry.read_index(terms, &catalogue)?;
        Ok((Arc::new(index), Arc::new(catalogue)))
    }

    /// A file of the pack: the start file, a fragment of postings, or a chunk of programs'
    /// text, by number.
    #[derive(Clone, Copy)]
    enum File {
        Start,
        Postings(usize),
        Text(usize),
    }

    /// A file asked for once: not asked for yet, on its way, here, or failed.
    #[derive(Clone, Default)]
    enum Coming<T> {
        #[default]
        Unasked,
        Asked,
        Here(T),
        Failed,
    }

    /// What the widget has of its pack and what it is waiting for.
    #[derive(Default)]
    struct Held {
        /// `None`: a JSON catalogue, where everything is here.
        files: Option<Arc<PackFiles>>,
        /// The index and the facts: every search but the first screen's waits for them.
        start: Coming<Start>,
        chunks: Vec<Coming<Arc<Vec<Program>>>>,
        /// Fragments of postings on their way.
        fragments: Vec<usize>,
        /// The fallback programs, shown under an empty result (from the facts).
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
        /// The widget's pack; the start file is asked for at once.
        #[inline(never)]
        pub fn new(files: Option<Arc<PackFiles>>) -> PackState {
            let chunks = files
                .as_ref()
                .map_or_else(Vec::new, |f| vec![Coming::Unasked; f.entry.programs.div_ceil(f.entry.chunk)]);
            let start = files.clone();
            let state = PackState {
                held: StoredValue::new(Held { files, chunks, ..Held::default() }),
                arrived: RwSignal::new(false),
                failed: RwSignal::new(false),
                waiting: RwSignal::new(false),
            };
            if let Some(files) = start {
                state.fetch(files, File::Start);
            }
            state
        }

        /// The index and facts once the start file came (tracked); always `None` for a
        /// JSON catalogue.
        fn start(&self) -> Option<Start> {
            self.arrived.track();
            self.held.with_value(|held| match &held.start {
                Coming::Here(start) => Some(start.clone()),
                _ => None,
            })
        }

        /// The search index: the pack's once its start file came. Tracked.
        pub fn index(&self, index: &Arc<SearchIndex>) -> Arc<SearchIndex> {
            self.start().map_or_else(|| index.clone(), |(index, _)| index)
        }

        /// The catalogue with every program (their facts): the pack's once its start file
        /// came. Tracked.
        pub fn catalogue(&self, catalogue: &Arc<Catalogue>) -> Arc<Catalogue> {
            self.start().map_or_else(|| catalogue.clone(), |(_, facts)| facts)
        }

        /// How many programs the catalogue has.
        pub fn program_count(&self, catalogue: &Catalogue) -> usize {
            self.held
                .with_value(|held| held.files.as_ref().map(|f| f.entry.programs))
                .unwrap_or(catalogue.programs.len())
        }

        /// Whether every program's facts are here (always, for a JSON catalogue). Tracked.
        pub fn ready(&self) -> bool {
            self.held.with_value(|held| held.files.is_none()) || self.start().is_some()
        }

        /// Whether program `at`'s text is here (`Some(true)`), failed (`Some(false)`) or on its
        /// way (`None`; asked for the first time). Tracked: a caller runs again when a chunk
        /// arrives or fails.
        pub fn text(&self, at: usize) -> Option<bool> {
            // A JSON catalogue (this build reads those too) has every text.
            let Some(files) = self.held.with_value(|held| held.files.clone()) else {
                return Some(true);
            };
            self.arrived.track();
            let chunk = files.entry.chunk_of(at);
            match self.held.with_value(|held| held.chunks.get(chunk).cloned()).unwrap_or(Coming::Failed) {
                Coming::Here(_) => Some(true),
                Coming::Failed => Some(false),
                Coming::Asked => None,
                Coming::Unasked => {
                    self.fetch(files, File::Text(chunk));
                    None
                }
            }
        }

        /// Program `at` with its text (its facts alone until [`PackState::text`] says it is here).
        pub fn program(&self, catalogue: &Catalogue, at: usize) -> Program {
            self.held
                .with_value(|held| {
                    let files = held.files.as_ref()?;
                    match held.chunks.get(files.entry.chunk_of(at)) {
                        Some(Coming::Here(programs)) => programs.get(at % files.entry.chunk).cloned(),
                        _ => None,
                    }
                })
                .or_else(|| catalogue.programs.get(at).cloned())
                .unwrap_or_default()
        }

        /// Fetches the start file, a fragment of postings or a chunk of programs' text, once.
        #[inline(never)]
        fn fetch(&self, files: Arc<PackFiles>, file: File) {
            self.held.update_value(|held| match file {
                File::Start => held.start = Coming::Asked,
                File::Postings(fragment) => held.fragments.push(fragment),
                File::Text(chunk) => held.chunks[chunk] = Coming::Asked,
            });
            let state = *self;
            let index = self.held.with_value(|held| match &held.start {
                Coming::Here((index, _)) => Some(index.clone()),
                _ => None,
            });
            leptos::task::spawn_local(async move {
                let name = match file {
                    File::Start => files.entry.start_file(),
                    File::Postings(fragment) => files.entry.fragment_file(fragment),
                    File::Text(chunk) => files.entry.chunk_file(chunk),
                };
                let programs = RefCell::new(Vec::new());
                let start = RefCell::new(None);
                let take = |bytes: &[u8]| match (file, &index) {
                    (File::Start, _) => {
                        *start.borrow_mut() = Some(read_start(&files, bytes)?);
                        Ok(())
                    }
                    (File::Postings(fragment), Some(index)) => {
                        files.entry.add_fragment(index, fragment, bytes)
                    }
                    (File::Postings(_), None) => Err(PackError::Damaged(name.clone())),
                    (File::Text(chunk), _) => {
                        let text = String::from_utf8_lossy(bytes);
                        *programs.borrow_mut() = files.entry.read_chunk(&text, chunk, &files.catalogue)?;
                        Ok(())
                    }
                };
                let done = files.fetch(&name, &take).await;
                if let Err(failure) = &done {
                    error!("Program Finder could not load {name}: {failure}");
                }
                let worked = done.is_ok();
                // The widget may have gone while the file came.
                let kept = state.held.try_update_value(|held| match (file, done, start.take()) {
                    (File::Postings(fragment), ..) => held.fragments.retain(|&f| f != fragment),
                    (File::Text(chunk), Ok(_), _) => {
                        held.chunks[chunk] = Coming::Here(Arc::new(programs.take()))
                    }
                    (File::Start, Ok(_), Some((index, facts))) => {
                        let fallbacks = facts.programs.iter().enumerate().filter(|(_, p)| p.fallback);
                        held.fallbacks = fallbacks.map(|(at, _)| at).collect();
                        held.start = Coming::Here((index, facts));
                    }
                    (File::Text(chunk), Err(_), _) => held.chunks[chunk] = Coming::Failed,
                    (File::Start, ..) => held.start = Coming::Failed,
                });
                if kept.is_some() {
                    if !worked {
                        state.failed.set(true);
                    }
                    state.arrived.update(|flip| *flip = !*flip);
                }
            });
        }

        /// The results of `query`, or `None` while what they need is on its way: the facts
        /// and index (except for the first screen, which the entry carries), the postings of
        /// its words, and the text of the first [`FIRST_CARDS`] cards (or of the fallback
        /// programs when nothing is found). The text of every card ranked is asked for here,
        /// with what else is missing. Tracked: the caller runs again when any arrives.
        pub fn search(
            &self,
            index: &SearchIndex,
            query: &Query,
            options: &SearchOptions,
        ) -> Option<SearchResults> {
            self.arrived.track();
            let Some(files) = self.held.with_value(|held| held.files.clone()) else {
                return Some(index.search(query, options));
            };
            let found = match self.start() {
                Some((index, _)) => Some((index.search(query, options), index.missing())),
                None => files.first_screen(query, options).map(|results| (results, Vec::new())),
            };
            let Some((results, missing)) = found else {
                self.waiting.set(true);
                return None;
            };
            let failed = self.failed.get_untracked();
            for fragment in missing.iter().copied() {
                if !failed && !self.held.with_value(|held| held.fragments.contains(&fragment)) {
                    self.fetch(files.clone(), File::Postings(fragment));
                }
            }
            let mut cards: Vec<usize> = results.hits.iter().map(|hit| hit.program as usize).collect();
            if results.total == 0 {
                cards.extend(self.held.with_value(|held| held.fallbacks.clone()));
            }
            // Every card's text asked for at once (no short cut), in order, so the first
            // cards come first; the results wait for those.
            let first_coming = cards.into_iter().enumerate().fold(false, |before, (i, at)| {
                let coming = self.text(at).is_none();
                before || (coming && i < FIRST_CARDS)
            });
            let complete = missing.is_empty() && !first_coming;
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
            let start = self.held.try_update_value(|held| {
                for chunk in held.chunks.iter_mut().filter(|c| matches!(c, Coming::Failed)) {
                    *chunk = Coming::Unasked;
                }
                matches!(held.start, Coming::Failed).then(|| held.files.clone()).flatten()
            });
            if let Some(files) = start.flatten() {
                self.fetch(files, File::Start);
            }
            self.failed.set(false);
            self.arrived.update(|flip| *flip = !*flip);
        }
    }
}

//! The widget's Leptos components. They render state and turn clicks into state
//! changes; they know nothing about the host page (that is `embed`'s job).
//!
//! - [`ProgramFinder`]: loads the catalogue and shows loading, error or the finder.
//! - `filters`: search box, need choices with counts, age entry, language and cost, clear-all.
//! - `town_box`: the town box that suggests towns as you type.
//! - `results`: the count, the program cards, the empty state.

mod combobox;
mod dates;
mod details;
mod filters;
mod hours;
mod load;
mod pack;
mod print;
mod results;
mod saved;
mod town_box;

use std::rc::Rc;
use std::sync::Arc;

use finder_core::catalogue::{Catalogue, Program};
use finder_core::towns::{Places, Town};
use finder_search::{Query, SearchIndex, SearchOptions, SearchResults};
use leptos::prelude::*;

use crate::choices::{FamilyChoices, Locks};
use crate::i18n::Lang;
use crate::presets::{AgeUnit, Presets};
use crate::url_state::UrlChoices;

/// A search, as the host page hears of it (plain data, in `crate::choices`).
pub use crate::choices::SearchSummary;
pub use load::{load_catalogue, EarlyRequest, LoadFailure, LoadedCatalogue};
pub use saved::{Saved, Showing};

/// The loading line says how much of the catalogue has arrived from this many bytes on.
const SAY_PROGRESS_FROM: u64 = 200_000;

/// What one widget needs to start: where its catalogue is and its starting choices.
#[derive(Clone)]
pub struct FinderConfig {
    /// Absolute URL of the catalogue JSON.
    pub catalogue_url: String,
    /// The host page's choices. The page may change them later: the widget follows.
    pub presets: ArcRwSignal<Presets>,
    /// The interface language; the family can switch, and so can the page.
    pub lang: ArcRwSignal<Lang>,
    /// What the page fixed or hid, and how many cards a page of results shows.
    pub layout: Layout,
    /// Where to keep the choices for sharing and Back/Forward, if anywhere.
    pub address: Option<Arc<dyn AddressBar + Send + Sync>>,
    pub browser: Option<Arc<dyn BrowserServices + Send + Sync>>,
    /// Who to tell about searches, opened programs, calls and errors.
    pub events: Option<Arc<dyn HostEvents + Send + Sync>>,
}

/// How the host page shapes the widget, fixed for its life (a change remounts it).
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Needs the page fixed (`data-lock-need`): always applied, their control hidden.
    pub locked_needs: Option<Vec<String>>,
    /// A town the page fixed (`data-lock-town`): always applied, its box hidden.
    pub locked_town: Option<Town>,
    /// Controls the page hid (`data-hide`).
    pub hidden: Hidden,
    /// Cards shown at first and added by each "Show more".
    pub page_size: usize,
    /// Only programs serving one of these towns (or statewide) are shown; empty: all.
    pub towns: Vec<Town>,
    /// Show staff a banner with the catalogue's problems (`data-debug`).
    pub debug: bool,
    /// How long to wait for the catalogue before trying again.
    pub timeout: std::time::Duration,
    /// The language the page asks for (its option, else `<html lang>`): the address only
    /// names a language the family chose that differs from it.
    pub page_lang: Lang,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            locked_needs: None,
            locked_town: None,
            hidden: Hidden::default(),
            page_size: DEFAULT_PAGE_SIZE,
            towns: Vec::new(),
            debug: false,
            timeout: DEFAULT_TIMEOUT,
            page_lang: Lang::english(),
        }
    }
}

/// Cards shown at first: enough to scan on a phone, few enough that a keystroke never
/// waits for thousands of cards to render.
pub const DEFAULT_PAGE_SIZE: usize = 30;

/// How long to wait for the catalogue by default: long enough for a slow phone network.
pub const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Controls a host page can hide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hidden {
    pub search: bool,
    pub needs: bool,
    pub town: bool,
    pub age: bool,
    /// Language spoken and free-of-charge.
    pub more: bool,
    /// The English/Spanish switch.
    pub languages: bool,
}

/// What the widget tells the host page (the embed layer turns these into DOM events).
pub trait HostEvents {
    /// The results changed: new words or choices (also once when the list first shows).
    fn searched(&self, search: &SearchSummary);
    /// A family opened a program's details.
    fn opened(&self, program: &Program);
    /// A family tapped a program's phone number.
    fn called(&self, program: &Program);
    /// The catalogue could not be loaded; `message` is for staff. `saved_copy`: the
    /// family sees the copy this browser kept instead of an error.
    fn failed(&self, message: &str, saved_copy: bool);
}

/// The host page's listener, shared through context (absent: nobody listens).
#[derive(Clone)]
pub struct Events(pub Option<Arc<dyn HostEvents + Send + Sync>>);

/// The listener of the widget this component is in, if any.
pub fn use_events() -> Option<Arc<dyn HostEvents + Send + Sync>> {
    use_context::<Events>().and_then(|events| events.0)
}

/// The layout of the widget this component is in.
pub fn use_layout() -> Layout {
    use_context::<Layout>().unwrap_or_default()
}

/// A place outside the widget that holds its choices: the host page's address. The embed
/// layer provides it; the UI only asks it to read, write and report Back/Forward.
pub trait AddressBar {
    fn read(&self) -> UrlChoices;
    /// `new_entry`: a step Back should return to (a choice made), rather than typing.
    fn write(&self, choices: &UrlChoices, new_entry: bool);
    fn on_back_forward(&self, react: Rc<dyn Fn(UrlChoices)>);
}

/// What the widget asks of the browser: saved programs, printing, sharing. Provided by
/// the embed layer; absent in tests of the UI alone.
pub trait BrowserServices {
    /// The ids of the programs this family saved.
    fn saved(&self) -> Vec<String>;
    fn save(&self, ids: &[String]);
    fn print(&self);
    /// Shares the page's address, or with `programs` a link that opens exactly those
    /// programs. Where there is no share sheet the link is copied, and `copied` hears
    /// whether that worked (it is not called when a share sheet took the link).
    fn share(&self, title: &str, programs: Option<&[String]>, copied: Box<dyn FnOnce(bool)>);
    /// The last catalogue that loaded here, and when it was saved (ms since 1970).
    fn last_good_catalogue(&self) -> Option<(String, f64)>;
    /// Keeps a catalogue that loaded, for when the network fails.
    fn keep_catalogue(&self, text: &str);
    /// The catalogue request `program-finder.js` started before the module arrived, once.
    fn take_early_request(&self) -> Option<EarlyRequest> {
        None
    }
}

/// The widget's interface language, shared through context.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// The current language signal of the widget this component is in.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<Language>().0
}

/// A word or phrase of the interface in the family's language, following a switch of
/// language. Every such text shares this one closure type, so Leptos's renderer is
/// compiled once for all of them rather than once per text (a `move ||` closure at each
/// place is a type of its own, and each type its own copy of the rendering code).
pub fn words(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().t(key)
}

/// A family's choices, as the controls hold them. Shared through context, so every
/// control writes here and the results read from here.
#[derive(Clone, Copy)]
pub struct ChoiceSignals {
    /// The search box's words.
    pub query: RwSignal<String>,
    pub needs: RwSignal<Vec<String>>,
    /// The town box's text, as typed.
    pub town: RwSignal<String>,
    /// The age box's text, as typed.
    pub age: RwSignal<String>,
    pub age_unit: RwSignal<AgeUnit>,
    /// A language code staff must speak; empty for any.
    pub language: RwSignal<String>,
    pub free_only: RwSignal<bool>,
    /// Counts keystrokes in the text boxes, so the spoken count can wait for a pause.
    pub keystrokes: RwSignal<u32>,
    /// The hours choices (shown when the catalogue has structured hours).
    pub open_now: RwSignal<bool>,
    pub unknown_hours_too: RwSignal<bool>,
    pub evenings: RwSignal<bool>,
    pub weekends: RwSignal<bool>,
    /// Needs and town the host page fixed: they win over the controls.
    locked: StoredValue<Locks>,
    /// The catalogue, whose places the town box's text is read against.
    catalogue: StoredValue<Arc<Catalogue>>,
}

impl ChoiceSignals {
    fn new(presets: &Presets, layout: &Layout, catalogue: Arc<Catalogue>) -> ChoiceSignals {
        let start = FamilyChoices::from_presets(presets);
        ChoiceSignals {
            locked: StoredValue::new(Locks { needs: layout.locked_needs.clone(), town: layout.locked_town }),
            catalogue: StoredValue::new(catalogue),
            query: RwSignal::new(start.query),
            needs: RwSignal::new(start.needs),
            town: RwSignal::new(start.town),
            age: RwSignal::new(start.age),
            age_unit: RwSignal::new(start.age_unit),
            language: RwSignal::new(start.language),
            free_only: RwSignal::new(start.free_only),
            keystrokes: RwSignal::new(0),
            open_now: RwSignal::new(start.open_now),
            unknown_hours_too: RwSignal::new(start.unknown_hours_too),
            evenings: RwSignal::new(start.evenings),
            weekends: RwSignal::new(start.weekends),
        }
    }

    /// A text box's new text, as the family types it.
    pub fn typed(&self, field: RwSignal<String>, text: String) {
        field.set(text);
        self.keystrokes.update(|n| *n = n.wrapping_add(1));
    }

    /// Every control's value now, as plain data (tracked: a reactive caller re-runs when
    /// any of them changes). The rules live in [`FamilyChoices`], tested natively.
    pub fn snapshot(&self) -> FamilyChoices {
        FamilyChoices {
            query: self.query.get(),
            needs: self.needs.get(),
            town: self.town.get(),
            age: self.age.get(),
            age_unit: self.age_unit.get(),
            language: self.language.get(),
            free_only: self.free_only.get(),
            open_now: self.open_now.get(),
            unknown_hours_too: self.unknown_hours_too.get(),
            evenings: self.evenings.get(),
            weekends: self.weekends.get(),
        }
    }

    /// What the host page fixed.
    pub fn locks(&self) -> Locks {
        self.locked.get_value()
    }

    /// An answer from the catalogue's places (Connecticut's towns and the catalogue's own),
    /// without copying them.
    pub fn with_places<T>(&self, answer: impl FnOnce(&Places) -> T) -> T {
        self.catalogue.with_value(|catalogue| answer(&catalogue.places))
    }

    /// The search these choices describe (see [`FamilyChoices::search_query`]).
    pub fn search_query(&self) -> Query {
        self.with_places(|places| self.snapshot().search_query(&self.locks(), places))
    }

    /// The search as the host page hears of it.
    fn summary(&self, total: usize) -> SearchSummary {
        self.with_places(|places| self.snapshot().summary(&self.locks(), total, places))
    }

    /// Whether the family has typed or chosen anything.
    pub fn anything_chosen(&self) -> bool {
        self.snapshot().anything_chosen()
    }

    /// The choices as they travel in an address.
    pub fn to_url(&self) -> UrlChoices {
        self.with_places(|places| self.snapshot().to_url(places))
    }

    /// Takes choices from an address (a shared link, Back or Forward). The language
    /// spoken and "free only" are not in addresses, so they stay as they are.
    pub fn set_from_url(&self, url: &UrlChoices) {
        let from = FamilyChoices::from_url(url);
        self.set_searched(&from);
        self.open_now.set(from.open_now);
        self.evenings.set(from.evenings);
        self.weekends.set(from.weekends);
    }

    /// Takes the choices a host page set (presets, or a change of them later).
    pub fn set_presets(&self, presets: Presets) {
        self.set_searched(&FamilyChoices::from_presets(&presets));
    }

    /// The words, needs, town and age of `choices`.
    fn set_searched(&self, choices: &FamilyChoices) {
        self.query.set(choices.query.clone());
        self.needs.set(choices.needs.clone());
        self.town.set(choices.town.clone());
        self.age.set(choices.age.clone());
        self.age_unit.set(choices.age_unit);
    }

    pub fn clear(&self) {
        let empty = FamilyChoices::default();
        self.set_searched(&empty);
        self.language.set(empty.language);
        self.free_only.set(empty.free_only);
        self.open_now.set(empty.open_now);
        self.unknown_hours_too.set(empty.unknown_hours_too);
        self.evenings.set(empty.evenings);
        self.weekends.set(empty.weekends);
    }
}

/// One whole widget: fetches its catalogue, then shows the finder.
#[component]
pub fn ProgramFinder(config: FinderConfig) -> impl IntoView {
    // The catalogue as it loads (`None` until it has loaded or failed). A signal that a task
    // fills, rather than a `LocalResource` under `<Suspense>`: the family sees the same, and
    // the module is smaller by Leptos's async machinery, which this one load used alone.
    let catalogue = RwSignal::new_local(None::<Result<LoadedCatalogue, LoadFailure>>);
    // Says how much of the catalogue has arrived, under the loading line (written straight
    // into it: a signal and a reactive text for this one line cost the module 1 KB).
    let arrived = NodeRef::<leptos::html::Span>::new();
    let lang = RwSignal::from(config.lang);
    let load = {
        let url = config.catalogue_url.clone();
        let (timeout, loader) = (config.layout.timeout, config.browser.clone());
        move || {
            catalogue.set(None);
            let (url, loader) = (url.clone(), loader.clone());
            leptos::task::spawn_local(async move {
                let progress = move |bytes| {
                    // Once it is worth saying: a big catalogue on a slow phone.
                    if let (true, Some(line), Some(lang)) = (
                        bytes >= SAY_PROGRESS_FROM,
                        arrived.try_get_untracked().flatten(),
                        lang.try_get_untracked(),
                    ) {
                        line.set_text_content(Some(
                            &lang.format("loading_received", &[("size", &lang.size(bytes))]),
                        ));
                    }
                };
                let loaded = load_catalogue(url, timeout, loader, &progress).await;
                // The widget may have gone (removed from the page) while it loaded.
                let _ = catalogue.try_set(Some(loaded));
            });
        }
    };
    load();
    let presets = config.presets;
    let address = config.address;
    let browser = config.browser;
    let layout = config.layout;
    provide_context(Language(lang));
    provide_context(Events(config.events.clone()));
    provide_context(layout.clone());
    let events = config.events;
    let languages_hidden = layout.hidden.languages;
    let number = WidgetNumber::take();
    provide_context(number);
    // The second widget on a page is "Find community programs 2" to a screen reader (a
    // hidden number after the heading), so no two landmarks share a name. Sighted
    // families see each widget's place on the page; the page's own headings say more.
    let labelled_by = if number.0 > 1 { "pf-heading pf-number" } else { "pf-heading" };

    view! {
        // The same frame program-finder.js paints before the module arrives (busy until
        // the catalogue is read), so the takeover shows no flash.
        <section
            class="finder"
            part="finder"
            aria-labelledby=labelled_by
            aria-busy=move || catalogue.with(Option::is_none).then_some("true")
            lang=move || lang.get().code()
        >
            <div class="top">
                <h2 id="pf-heading" class="heading">{words("heading")}</h2>
                {(!languages_hidden).then(|| view! { <LanguageSwitch /> })}
            </div>
            {(number.0 > 1).then(|| view! { <span id="pf-number" hidden>{number.0}</span> })}
            {move || {
                let Some(loaded) = catalogue.get() else {
                    // How much has arrived: not part of the status, or a screen reader would
                    // read out every change.
                    return view! {
                        <p class="loading" role="status">
                            {words("loading")}<span class="loading-progress" aria-hidden="true" node_ref=arrived></span>
                        </p>
                    }
                    .into_any();
                };
                let retry = load.clone();
                match loaded {
                    Ok(loaded) => {
                        if let (Some(events), Some(failure)) = (&events, &loaded.failure) {
                            events.failed(failure, true);
                        }
                        let banners = banners(&loaded, layout.debug, retry);
                        let pack = loaded.pack.clone();
                        let loaded = match &pack {
                            // A pack's programs are numbered by its files: it is shown whole.
                            Some(_) if !layout.towns.is_empty() => {
                                leptos::logging::warn!("Program Finder: towns does not apply to a catalogue pack; make a pack of those towns' programs instead");
                                loaded.catalogue
                            }
                            _ => only_towns(loaded.catalogue, &layout.towns),
                        };
                        let (presets, address, browser, layout) =
                            (presets.clone(), address.clone(), browser.clone(), layout.clone());
                        view! { {banners}<Finder catalogue=loaded pack presets address browser layout /> }.into_any()
                    }
                    Err(failure) => {
                        if let Some(events) = &events {
                            events.failed(&failure.to_string(), false);
                        }
                        view! { <LoadError on_retry=retry /> }.into_any()
                    }
                }
            }}
        </section>
    }
}

/// Above the list: that it is the saved copy (with Retry), and for staff the problems.
fn banners(
    loaded: &LoadedCatalogue,
    debug: bool,
    retry: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let saved = loaded.saved_at.map(|saved_at| {
        let date = move || {
            let text = dates::long_date(&js_sys::Date::new(&saved_at.into()), lang.get(), dates::Zone::Local);
            lang.get().format("saved_copy", &[("date", &text)])
        };
        view! {
            <div class="saved-copy" role="status">
                <p>{date}</p>
                <button type="button" class="button" on:click=move |_| retry()>{words("retry")}</button>
            </div>
        }
    });
    let problems = loaded.problems.clone();
    let staff = (debug && !problems.is_empty()).then(|| {
        let count = problems.len();
        let list = problems.iter().take(50).map(|p| view! { <li lang="en">{p.to_string()}</li> }).collect_view();
        view! {
            <details class="debug">
                <summary>{move || lang.get().count("debug_problems", count, &[("count", &count.to_string())])}</summary>
                <ul>{list}</ul>
            </details>
        }
    });
    view! { {saved}{staff} }
}

/// Buttons to switch the interface language; the current one is pressed.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let buttons = Lang::all()
        .map(|option| {
            view! {
                <button type="button" class="language" lang=option.code()
                    aria-pressed=move || if lang.get() == option { "true" } else { "false" }
                    on:click=move |_| lang.set(option)>
                    {option.t("language_name")}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="languages" role="group" aria-label=words("language_switch")>{buttons}</div>
    }
}

/// The catalogue with only the programs serving one of `towns` (or statewide); all of
/// it when `towns` is empty.
fn only_towns(catalogue: Arc<Catalogue>, towns: &[Town]) -> Arc<Catalogue> {
    if towns.is_empty() {
        return catalogue;
    }
    let mut limited = (*catalogue).clone();
    limited.programs.retain(|p| p.statewide || towns.iter().any(|&town| p.serves.contains(town)));
    Arc::new(limited)
}

/// Preset needs the catalogue has; the others would empty the list, so they are dropped.
/// A preset town outside Connecticut ("Springfield, MA") could only be kept as text until
/// now: one the catalogue's places do not have starts the town box empty, as an unknown
/// Connecticut town does.
fn known_presets(mut presets: Presets, catalogue: &Catalogue) -> Presets {
    presets.needs.retain(|id| {
        let known = catalogue.need(id).is_some();
        if !known {
            leptos::logging::warn!("Program Finder: need=\"{id}\" is not a need in this catalogue");
        }
        known
    });
    if !presets.town.is_empty() && catalogue.places.family_town(&presets.town).is_none() {
        leptos::logging::warn!("Program Finder: town=\"{}\" is not a place in this catalogue", presets.town);
        presets.town.clear();
    }
    presets
}

/// Locked needs the catalogue has. A mistyped lock (`lock-need="mental_health"`) would
/// show an empty list with no way out; it is dropped and explained in the console, and
/// with no lock left the family chooses needs as usual.
fn known_locks(mut layout: Layout, catalogue: &Catalogue) -> Layout {
    if let Some(needs) = &mut layout.locked_needs {
        needs.retain(|id| {
            let known = catalogue.need(id).is_some();
            if !known {
                leptos::logging::warn!(
                    "Program Finder: lock-need=\"{id}\" is not a need in this catalogue; ignored"
                );
            }
            known
        });
        if needs.is_empty() {
            layout.locked_needs = None;
        }
    }
    layout
}

/// The finder on a loaded catalogue: filters beside results.
#[component]
fn Finder(
    catalogue: Arc<Catalogue>,
    pack: Option<Arc<pack::PackFiles>>,
    presets: ArcRwSignal<Presets>,
    address: Option<Arc<dyn AddressBar + Send + Sync>>,
    browser: Option<Arc<dyn BrowserServices + Send + Sync>>,
    layout: Layout,
) -> impl IntoView {
    let lang = use_lang();
    let layout = known_locks(layout, &catalogue);
    // What the controls and results below see: the locks as they apply to this catalogue.
    provide_context(layout.clone());
    let choices =
        ChoiceSignals::new(&known_presets(presets.get_untracked(), &catalogue), &layout, catalogue.clone());
    provide_context(choices);
    // Hours only where the catalogue has them: no clock, no choices, no lines otherwise.
    let has_hours = catalogue.programs.iter().any(|p| p.schedule.is_some());
    // A pack's programs come later: its entry says.
    #[cfg(feature = "pack")]
    let has_hours = has_hours || pack.as_ref().is_some_and(|pack| pack.hours);
    if has_hours {
        provide_context(hours::start_clock(catalogue.time_zone));
        // "Show them too" lasts while "open now" does.
        Effect::new(move |_| {
            if !choices.open_now.get() {
                choices.unknown_hours_too.set(false);
            }
        });
    }
    // The host page changed its presets (an attribute, or `update()`): take them.
    let page_presets = RwSignal::from(presets);
    let known = catalogue.clone();
    Effect::new(move |first: Option<()>| {
        let presets = page_presets.get();
        if first.is_some() {
            choices.set_presets(known_presets(presets, &known));
        }
    });
    let saved = Saved::new(browser.clone());
    provide_context(saved);
    if let Some(address) = address {
        keep_in_address(choices, saved, address, lang, layout.page_lang, catalogue.clone());
    }
    // Built once per catalogue; every keystroke then only queries it. (A pack's catalogue
    // here has no program: its index comes with its start file, `PackState::index`.)
    let index = Arc::new(SearchIndex::new(&catalogue));
    let pack = pack::PackState::new(pack);
    let search_index = index.clone();
    let search_catalogue = catalogue.clone();
    let results_index = index.clone();
    let clock = use_context::<hours::Clock>();
    // How many cards show: a page, more after each "Show more", all for paper. The
    // search ranks only that many (the rest are counted, not sorted): at 50,000 programs
    // sorting every hit was most of a keystroke's time.
    let shown = RwSignal::new(layout.page_size.max(1));
    #[cfg(not(feature = "pack"))]
    let results: Memo<SearchResults> = Memo::new(move |_| {
        let options = SearchOptions { counts: true, limit: Some(shown.get()), ..SearchOptions::default() };
        let mut query = choices.search_query();
        // "Open now" means the catalogue's clock, which ticks each minute.
        query.choices.now = clock.and_then(|clock| clock.0.get());
        index.search(&query, &options)
    });
    // The same, except that a pack's search may wait for files: the last complete results
    // stay meanwhile.
    #[cfg(feature = "pack")]
    let results: Memo<SearchResults> = Memo::new_owning(move |before: Option<SearchResults>| {
        // The first cards of the next page too: their text comes with this page's.
        let limit = shown.get().saturating_add(pack::FIRST_CARDS);
        let options = SearchOptions { counts: true, limit: Some(limit), ..SearchOptions::default() };
        let mut query = choices.search_query();
        query.choices.now = clock.and_then(|clock| clock.0.get());
        match pack.search(&index, &query, &options) {
            Some(found) => {
                let changed = before.as_ref() != Some(&found);
                (found, changed)
            }
            None => (before.unwrap_or_default(), false),
        }
    });
    if let Some(events) = use_events() {
        Effect::new(move |_| {
            let total = results.with(|r| r.total);
            events.searched(&choices.summary(total));
        });
    }
    let notice = catalogue.notice.clone();
    let hidden = layout.hidden;
    let (show_needs, show_town) =
        (!hidden.needs && layout.locked_needs.is_none(), !hidden.town && layout.locked_town.is_none());
    let needs = catalogue.needs.clone();
    let count_ref = NodeRef::<leptos::html::P>::new();

    view! {
        // A list of saved or shared programs is a place of its own: the filters, which
        // would change nothing there, are hidden and the list takes the whole width.
        <div class="layout" class:listing=move || saved.is_list()>
            <form class="filters" part="filters" role="search" aria-label=move || use_number(lang.get().t("filters_label"))
                hidden=move || saved.is_list() on:submit=|ev| ev.prevent_default()>
                {(!hidden.search).then(|| view! { <filters::SearchBox index=search_index catalogue=search_catalogue pack /> })}
                {show_needs.then(|| view! { <filters::NeedChoices needs results /> })}
                <div class="row">
                    {show_town.then(|| view! { <town_box::TownBox /> })}
                    {(!hidden.age).then(|| view! { <filters::AgeEntry /> })}
                </div>
                <filters::SeeResults results count_ref />
                {(!hidden.more).then(|| view! { <filters::MoreChoices results /> })}
                {(has_hours && !hidden.more).then(|| view! { <hours::HoursChoices results /> })}
                <filters::ClearAll />
            </form>
            <results::Results catalogue index=results_index results pack shown browser count_ref />
        </div>
        {notice.map(|text| view! { <p class="notice">{text}</p> })}
    }
}

/// This widget's number among those on the page (1 for the first), so that each one's
/// landmarks have their own names. A number is given back when its widget goes.
#[derive(Clone, Copy)]
pub struct WidgetNumber(pub usize);

thread_local! {
    static NUMBERS_IN_USE: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl WidgetNumber {
    /// The lowest number no live widget has; released when the widget's owner is dropped.
    fn take() -> WidgetNumber {
        let number = NUMBERS_IN_USE.with_borrow_mut(|used| {
            let free = (1..).find(|n| !used.contains(n)).unwrap_or(1);
            used.push(free);
            free
        });
        on_cleanup(move || NUMBERS_IN_USE.with_borrow_mut(|used| used.retain(|&n| n != number)));
        WidgetNumber(number)
    }
}

/// A landmark's name with this widget's number when it is not the first: "Search and choose 2".
pub fn use_number(name: &str) -> String {
    match use_context::<WidgetNumber>() {
        Some(WidgetNumber(n)) if n > 1 => format!("{name} {n}"),
        _ => name.to_string(),
    }
}

/// A shared link's choices win over the page's presets; then every change is written back
/// (a new history entry for a choice, the same entry while typing), and Back/Forward
/// bring earlier choices back.
fn keep_in_address(
    choices: ChoiceSignals,
    saved: Saved,
    address: Arc<dyn AddressBar + Send + Sync>,
    lang: RwSignal<Lang>,
    page_lang: Lang,
    catalogue: Arc<Catalogue>,
) {
    // The language goes in the address only when the family's differs from the page's.
    let current = move || {
        let mut url = choices.to_url();
        let chosen = lang.get();
        url.lang = if chosen == page_lang { String::new() } else { chosen.code().to_string() };
        url.saved = saved.list().unwrap_or_default();
        url
    };
    // A link may name needs or a town this catalogue does not have (an old link, a typo):
    // they are dropped, as the page's presets are, rather than emptying the list.
    let take = move |url: &UrlChoices| {
        let mut url = url.clone();
        url.needs.retain(|id| catalogue.need(id).is_some());
        // A place outside Connecticut passed the address's first reading on its shape
        // ("Springfield, MA"); this catalogue's places decide.
        if catalogue.places.family_town(&url.town).is_none() {
            url.town.clear();
        }
        choices.set_from_url(&url);
        saved.open_link(&url.saved);
        lang.set(Lang::from_code(&url.lang).unwrap_or(page_lang));
    };
    let from_link = address.read();
    if from_link != UrlChoices::default() {
        take(&from_link);
    }
    let last = StoredValue::new_local(current());
    let writer = address.clone();
    Effect::new(move |_| {
        let now = current();
        let before = last.get_value();
        if now != before {
            let typing_only = UrlChoices { query: before.query.clone(), ..now.clone() } == before;
            writer.write(&now, !typing_only);
            last.set_value(now);
        }
    });
    address.on_back_forward(Rc::new(move |url| {
        last.set_value(url.clone());
        take(&url);
    }));
}

/// Shown when the catalogue cannot be used; the details are in the console.
#[component]
fn LoadError(on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <p class="load-error-title">{words("load_failed")}</p>
            <p>{words("load_failed_help")}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>{words("retry")}</button>
        </div>
    }
}

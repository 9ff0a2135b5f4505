//! The widget's Leptos components. They render state and turn clicks into state
//! changes; they know nothing about the host page (that is `embed`'s job).
//!
//! - [`ProgramFinder`]: loads the catalogue and shows loading, error or the finder.
//! - `filters`: search box, need choices with counts, age entry, language and cost, clear-all.
//! - `town_box`: the town box that suggests towns as you type.
//! - `results`: the count, the program cards, the empty state.

mod details;
mod filters;
mod load;
mod results;
mod town_box;

use std::rc::Rc;
use std::sync::Arc;

use finder_core::age::ChildAge;
use finder_core::catalogue::Catalogue;
use finder_core::search::{Choices as SearchChoices, Query, SearchIndex, SearchOptions, SearchResults};
use finder_core::towns::family_town;
use leptos::prelude::*;

use crate::i18n::Lang;
use crate::presets::{age_from_entry, AgeUnit, Presets};
use crate::url_state::UrlChoices;

pub use load::{load_catalogue, LoadFailure};

/// What one widget needs to start: where its catalogue is and its starting choices.
#[derive(Clone)]
pub struct FinderConfig {
    /// Absolute URL of the catalogue JSON.
    pub catalogue_url: String,
    pub presets: Presets,
    /// The interface language to start in; the family can switch.
    pub lang: Lang,
    /// Where to keep the choices for sharing and Back/Forward, if anywhere.
    pub address: Option<Arc<dyn AddressBar + Send + Sync>>,
    pub browser: Option<Arc<dyn BrowserServices + Send + Sync>>,
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
    /// Shares the page's address; `true` if it was copied (no share sheet on this device).
    fn share(&self, title: &str) -> bool;
}

/// The widget's interface language, shared through context.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// The current language signal of the widget this component is in.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<Language>().0
}

/// A family's choices, as the controls hold them. Shared through context, so every
/// control writes here and the results read from here.
#[derive(Clone, Copy)]
pub struct Choices {
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
}

impl Choices {
    fn new(presets: &Presets) -> Choices {
        Choices {
            query: RwSignal::new(presets.query.clone()),
            needs: RwSignal::new(presets.needs.clone()),
            town: RwSignal::new(presets.town.clone()),
            age: RwSignal::new(presets.age_text.clone()),
            age_unit: RwSignal::new(presets.age_unit),
            language: RwSignal::new(String::new()),
            free_only: RwSignal::new(false),
        }
    }

    /// The search these choices describe. A town or age that cannot be read yet
    /// (half typed) filters nothing; the controls say what is wrong.
    pub fn search_query(&self) -> Query {
        let language = self.language.get();
        Query {
            text: self.query.get(),
            choices: SearchChoices {
                needs: self.needs.get(),
                town: family_town(&self.town.get()),
                age: age_from_entry(&self.age.get(), self.age_unit.get()).ok().flatten(),
                languages: if language.is_empty() { Vec::new() } else { vec![language] },
                free_only: self.free_only.get(),
            },
        }
    }

    /// Whether the family has typed or chosen anything.
    pub fn anything_chosen(&self) -> bool {
        !self.query.with(|q| q.trim().is_empty())
            || !self.needs.with(Vec::is_empty)
            || !self.town.with(|t| t.trim().is_empty())
            || !self.age.with(|a| a.trim().is_empty())
            || !self.language.with(String::is_empty)
            || self.free_only.get()
    }

    /// The choices as they travel in an address: only values that can be read.
    pub fn to_url(&self) -> UrlChoices {
        let age = match age_from_entry(&self.age.get(), self.age_unit.get()) {
            Ok(Some(ChildAge::Years(years))) => years.to_string(),
            Ok(Some(ChildAge::Months(months))) => format!("{months}m"),
            _ => String::new(),
        };
        let town = self.town.get();
        UrlChoices {
            needs: self.needs.get(),
            town: if family_town(&town).is_some() { town.trim().to_string() } else { String::new() },
            age,
            query: self.query.get().trim().to_string(),
        }
    }

    /// Takes choices from an address (a shared link, Back or Forward).
    pub fn set_from_url(&self, url: &UrlChoices) {
        let presets = Presets::from_attributes(Some(&url.needs.join(",")), Some(&url.town), Some(&url.age))
            .with_query(Some(&url.query));
        self.query.set(presets.query);
        self.needs.set(presets.needs);
        self.town.set(presets.town);
        self.age.set(presets.age_text);
        self.age_unit.set(presets.age_unit);
    }

    pub fn clear(&self) {
        self.query.set(String::new());
        self.needs.set(Vec::new());
        self.town.set(String::new());
        self.age.set(String::new());
        self.age_unit.set(AgeUnit::Years);
        self.language.set(String::new());
        self.free_only.set(false);
    }
}

/// One whole widget: fetches its catalogue, then shows the finder.
#[component]
pub fn ProgramFinder(config: FinderConfig) -> impl IntoView {
    let url = config.catalogue_url.clone();
    let catalogue = LocalResource::new(move || load_catalogue(url.clone()));
    let presets = config.presets;
    let address = config.address;
    let browser = config.browser;
    let lang = RwSignal::new(config.lang);
    provide_context(Language(lang));

    view! {
        <section class="finder" part="finder" aria-labelledby="pf-heading" lang=move || lang.get().code()>
            <div class="top">
                <h2 id="pf-heading" class="heading">{move || lang.get().t("heading")}</h2>
                <LanguageSwitch />
            </div>
            <Suspense fallback=move || view! { <p class="loading" role="status">{move || lang.get().t("loading")}</p> }>
                {move || {
                    let presets = presets.clone();
                    let address = address.clone();
                    let browser = browser.clone();
                    Suspend::new(async move {
                        match catalogue.await {
                            Ok(loaded) => view! { <Finder catalogue=loaded presets address browser /> }.into_any(),
                            Err(_) => view! { <LoadError on_retry=move || catalogue.refetch() /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
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
        <div class="languages" role="group" aria-label=move || lang.get().t("language_switch")>{buttons}</div>
    }
}

/// The finder on a loaded catalogue: filters beside results.
#[component]
fn Finder(
    catalogue: Arc<Catalogue>,
    mut presets: Presets,
    address: Option<Arc<dyn AddressBar + Send + Sync>>,
    browser: Option<Arc<dyn BrowserServices + Send + Sync>>,
) -> impl IntoView {
    let lang = use_lang();
    // A preset need the catalogue does not have would empty the list; drop it instead.
    presets.needs.retain(|id| {
        let known = catalogue.need(id).is_some();
        if !known {
            leptos::logging::warn!("Program Finder: data-need \"{id}\" is not a need in this catalogue");
        }
        known
    });
    let choices = Choices::new(&presets);
    provide_context(choices);
    if let Some(address) = address {
        keep_in_address(choices, address);
    }
    let saved = Saved::new(browser.clone());
    provide_context(saved);
    // Built once per catalogue; every keystroke then only queries it.
    let index = Arc::new(SearchIndex::new(&catalogue));
    let results: Memo<SearchResults> = Memo::new(move |_| {
        let options = SearchOptions { counts: true, ..SearchOptions::default() };
        index.search(&choices.search_query(), &options)
    });
    let notice = catalogue.notice.clone();

    view! {
        <div class="layout">
            <form class="filters" part="filters" role="search" aria-label=move || lang.get().t("heading")
                on:submit=|ev| ev.prevent_default()>
                <filters::SearchBox />
                <filters::NeedChoices needs=catalogue.needs.clone() results />
                <div class="row">
                    <town_box::TownBox />
                    <filters::AgeEntry />
                </div>
                <filters::MoreChoices results />
                <filters::ClearAll />
            </form>
            <results::Results catalogue results browser />
        </div>
        {notice.map(|text| view! { <p class="notice">{text}</p> })}
    }
}

/// The programs this family saved, kept in the browser when it can.
#[derive(Clone, Copy)]
pub struct Saved {
    pub ids: RwSignal<Vec<String>>,
    /// Show only saved programs.
    pub only: RwSignal<bool>,
}

impl Saved {
    fn new(browser: Option<Arc<dyn BrowserServices + Send + Sync>>) -> Saved {
        let ids = RwSignal::new(browser.as_ref().map(|b| b.saved()).unwrap_or_default());
        if let Some(browser) = browser {
            Effect::new(move |first: Option<()>| {
                let ids = ids.get();
                if first.is_some() {
                    browser.save(&ids);
                }
            });
        }
        Saved { ids, only: RwSignal::new(false) }
    }

    pub fn toggle(&self, id: &str) {
        self.ids.update(|ids| {
            if let Some(at) = ids.iter().position(|i| i == id) {
                ids.remove(at);
            } else {
                ids.push(id.to_string());
            }
        });
    }
}

/// A shared link's choices win over the page's presets; then every change is written back
/// (a new history entry for a choice, the same entry while typing), and Back/Forward
/// bring earlier choices back.
fn keep_in_address(choices: Choices, address: Arc<dyn AddressBar + Send + Sync>) {
    let from_link = address.read();
    if from_link != UrlChoices::default() {
        choices.set_from_url(&from_link);
    }
    let last = StoredValue::new_local(choices.to_url());
    let writer = address.clone();
    Effect::new(move |_| {
        let now = choices.to_url();
        let before = last.get_value();
        if now != before {
            let typing_only = UrlChoices { query: before.query.clone(), ..now.clone() } == before;
            writer.write(&now, !typing_only);
            last.set_value(now);
        }
    });
    address.on_back_forward(Rc::new(move |url| {
        last.set_value(url.clone());
        choices.set_from_url(&url);
    }));
}

/// Shown when the catalogue cannot be used; the details are in the console.
#[component]
fn LoadError(on_retry: impl Fn() + 'static) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="load-error" role="alert">
            <p class="load-error-title">{move || lang.get().t("load_failed")}</p>
            <p>{move || lang.get().t("load_failed_help")}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>{move || lang.get().t("retry")}</button>
        </div>
    }
}

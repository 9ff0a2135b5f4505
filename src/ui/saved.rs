//! Saved programs, and the list view that shows them: a place of its own, not a mode of
//! the search. While it shows, the filters are hidden (they would change nothing), a
//! heading says what the list is, and "Back to all programs" returns to the search as
//! it was. The same view shows programs somebody shared by link (`pf-saved=a,b`).

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::{use_lang, words, BrowserServices};
pub use crate::saved_list::Showing;

/// The programs this family saved, kept in the browser when it can, and which list shows.
#[derive(Clone, Copy)]
pub struct Saved {
    pub ids: RwSignal<Vec<String>>,
    pub showing: RwSignal<Showing>,
    /// The list's heading, which takes focus when the list opens.
    pub heading: NodeRef<html::H3>,
    /// "Saved programs (N)", which takes focus back when the family leaves the list.
    pub opener: NodeRef<html::Button>,
}

impl Saved {
    pub fn new(browser: Option<Arc<dyn BrowserServices + Send + Sync>>) -> Saved {
        let ids = RwSignal::new(browser.as_ref().map(|b| b.saved()).unwrap_or_default());
        if let Some(browser) = browser {
            Effect::new(move |first: Option<()>| {
                let ids = ids.get();
                if first.is_some() {
                    browser.save(&ids);
                }
            });
        }
        Saved {
            ids,
            showing: RwSignal::new(Showing::Search),
            heading: NodeRef::new(),
            opener: NodeRef::new(),
        }
    }

    pub fn toggle(&self, id: &str) {
        self.ids.update(|ids| crate::saved_list::toggle(ids, id));
    }

    /// Whether a list (saved or shared) shows instead of the search.
    pub fn is_list(&self) -> bool {
        self.showing.with(|showing| *showing != Showing::Search)
    }

    /// The ids of the list that shows; `None` while the search shows.
    pub fn list(&self) -> Option<Vec<String>> {
        self.showing.with(|showing| self.ids.with(|ids| showing.ids(ids)))
    }

    /// Shows the list a link names (none: the search). It is "your saved programs" when
    /// it holds exactly the programs saved here, so a reload of the Saved view stays one.
    pub fn open_link(&self, linked: &[String]) {
        self.showing.set(self.ids.with_untracked(|ids| Showing::for_link(ids, linked)));
    }

    /// Opens the Saved view and moves focus to its heading, once it shows.
    pub fn open(&self) {
        self.showing.set(Showing::Saved);
        let heading = self.heading;
        request_animation_frame(move || {
            if let Some(heading) = heading.get_untracked() {
                let _ = heading.focus();
            }
        });
    }

    /// Back to the search; focus returns to the button that opened the list.
    pub fn close(&self) {
        self.showing.set(Showing::Search);
        let opener = self.opener;
        request_animation_frame(move || {
            if let Some(button) = opener.get_untracked() {
                let _ = button.focus();
            }
        });
    }
}

/// Above a list: "Back to all programs", the heading, and what the family should know
/// about it (how to save, or that some linked programs are gone).
#[component]
pub fn ListHead(
    /// How many of the list's programs the catalogue no longer has.
    missing: Signal<usize>,
    /// How many of its programs show.
    found: Signal<usize>,
) -> impl IntoView {
    let lang = use_lang();
    let saved = expect_context::<Saved>();
    let heading = move || match saved.showing.get() {
        Showing::Shared(_) => lang.get().t("shared_heading"),
        _ => lang.get().t("saved_heading"),
    };
    let empty = move || {
        (found.get() == 0 && saved.showing.with(|s| *s == Showing::Saved))
            .then(|| view! { <p class="list-empty">{lang.get().t("saved_empty")}</p> })
    };
    let gone = move || {
        let n = missing.get();
        (n > 0).then(|| view! { <p class="list-gone">{lang.get().count("list_gone", n, &[("count", &n.to_string())])}</p> })
    };
    view! {
        <div class="list-head">
            <button type="button" class="button back" on:click=move |_| saved.close()>
                <span aria-hidden="true">"← "</span>{words("back_to_all")}
            </button>
            <h3 class="list-heading" tabindex="-1" node_ref=saved.heading>{heading}</h3>
            {empty}
            {gone}
        </div>
    }
}

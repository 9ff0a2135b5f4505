//! Saved programs, and the list view that shows them: a place of its own, not a mode of
//! the search. While it shows, the filters are hidden (they would change nothing), a
//! heading says what the list is, and "Back to all programs" returns to the search as
//! it was. The same view shows programs somebody shared by link (`pf-saved=a,b`).

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::{use_lang, words, BrowserServices};

/// What the results area shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Showing {
    /// The search's results.
    Search,
    /// The programs this family saved in this browser.
    Saved,
    /// Programs somebody shared as a link, which may not be this family's own.
    Shared(Vec<String>),
}

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
        self.ids.update(|ids| {
            if let Some(at) = ids.iter().position(|i| i == id) {
                ids.remove(at);
            } else {
                ids.push(id.to_string());
            }
        });
    }

    /// Whether a list (saved or shared) shows instead of the search.
    pub fn is_list(&self) -> bool {
        self.showing.with(|showing| *showing != Showing::Search)
    }

    /// The ids of the list that shows; `None` while the search shows.
    pub fn list(&self) -> Option<Vec<String>> {
        match self.showing.get() {
            Showing::Search => None,
            Showing::Saved => Some(self.ids.get()),
            Showing::Shared(ids) => Some(ids),
        }
    }

    /// Shows the list a link names (none: the search). It is "your saved programs" when
    /// it holds exactly the programs saved here, so a reload of the Saved view stays one.
    pub fn open_link(&self, linked: &[String]) {
        let showing = if linked.is_empty() {
            Showing::Search
        } else if self.ids.with_untracked(|ids| same_programs(ids, linked)) {
            Showing::Saved
        } else {
            Showing::Shared(linked.to_vec())
        };
        self.showing.set(showing);
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

fn same_programs(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|id| b.contains(id))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_with_this_familys_own_programs_opens_their_saved_view() {
        let owner = Owner::new();
        owner.set();
        let saved = Saved::new(None);
        saved.ids.set(vec!["wic".into(), "books".into()]);
        saved.open_link(&["books".into(), "wic".into()]);
        assert_eq!(saved.showing.get_untracked(), Showing::Saved, "same programs, any order");
        saved.open_link(&["books".into()]);
        assert_eq!(saved.showing.get_untracked(), Showing::Shared(vec!["books".into()]));
        assert_eq!(saved.list(), Some(vec!["books".to_string()]));
        saved.open_link(&[]);
        assert_eq!(saved.showing.get_untracked(), Showing::Search);
        assert_eq!(saved.list(), None);
    }
}

//! The programs a family saved, and which list the results area shows, as plain data:
//! the rules of the Saved view and of shared lists (`pf-saved`), tested natively. The
//! widget's `ui::Saved` holds them in signals.

use finder_core::catalogue::Catalogue;

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

impl Showing {
    /// What a link's list (`pf-saved`) opens: none, the search; exactly the programs saved
    /// here (in any order), the family's own Saved view, so a reload of it stays one;
    /// otherwise somebody else's list.
    pub fn for_link(saved_here: &[String], linked: &[String]) -> Showing {
        if linked.is_empty() {
            Showing::Search
        } else if saved_here.len() == linked.len() && saved_here.iter().all(|id| linked.contains(id)) {
            Showing::Saved
        } else {
            Showing::Shared(linked.to_vec())
        }
    }

    /// The ids of the list shown; `None` while the search shows.
    pub fn ids(&self, saved_here: &[String]) -> Option<Vec<String>> {
        match self {
            Showing::Search => None,
            Showing::Saved => Some(saved_here.to_vec()),
            Showing::Shared(ids) => Some(ids.clone()),
        }
    }
}

/// Saves `id`, or un-saves it if it was saved. A new one goes last.
pub fn toggle(saved: &mut Vec<String>, id: &str) {
    match saved.iter().position(|i| i == id) {
        Some(at) => {
            saved.remove(at);
        }
        None => saved.push(id.to_string()),
    }
}

/// The catalogue positions of `ids`' programs, in catalogue order, and how many of `ids`
/// the catalogue no longer has (a program removed since it was saved or shared).
pub fn in_catalogue(catalogue: &Catalogue, ids: &[String]) -> (Vec<usize>, usize) {
    let found: Vec<usize> =
        (0..catalogue.programs.len()).filter(|&i| ids.contains(&catalogue.programs[i].id)).collect();
    let missing = ids.len().saturating_sub(found.len());
    (found, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_link_opens_the_search_the_familys_saved_view_or_a_shared_list() {
        let here = ids(&["wic", "books"]);
        let cases = [
            (ids(&[]), Showing::Search),
            (ids(&["books", "wic"]), Showing::Saved),
            (ids(&["books"]), Showing::Shared(ids(&["books"]))),
            (ids(&["books", "wic", "211"]), Showing::Shared(ids(&["books", "wic", "211"]))),
        ];
        for (linked, expected) in cases {
            assert_eq!(Showing::for_link(&here, &linked), expected, "{linked:?}");
        }
        assert_eq!(Showing::for_link(&[], &ids(&["a"])), Showing::Shared(ids(&["a"])), "nothing saved here");
    }

    #[test]
    fn the_list_shown_is_the_saved_one_or_the_shared_one() {
        let here = ids(&["wic"]);
        assert_eq!(Showing::Search.ids(&here), None);
        assert_eq!(Showing::Saved.ids(&here), Some(ids(&["wic"])));
        assert_eq!(Showing::Shared(ids(&["a"])).ids(&here), Some(ids(&["a"])));
    }

    #[test]
    fn saving_twice_unsaves_and_new_ones_go_last() {
        let mut saved = ids(&["a", "b"]);
        toggle(&mut saved, "c");
        assert_eq!(saved, ids(&["a", "b", "c"]));
        toggle(&mut saved, "a");
        assert_eq!(saved, ids(&["b", "c"]));
    }

    #[test]
    fn a_list_keeps_catalogue_order_and_counts_programs_gone() {
        let catalogue = finder_core::catalogue::load(
            r#"{ "version": 1, "needs": [{ "id": "food", "label": "Food" }], "programs": [
                { "id": "first", "name": "First", "needs": ["food"], "statewide": true },
                { "id": "second", "name": "Second", "needs": ["food"], "statewide": true } ] }"#,
        )
        .unwrap()
        .catalogue;
        assert_eq!(in_catalogue(&catalogue, &ids(&["second", "gone", "first"])), (vec![0, 1], 1));
        assert_eq!(in_catalogue(&catalogue, &[]), (vec![], 0));
    }
}

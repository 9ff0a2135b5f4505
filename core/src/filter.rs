//! What a family has chosen, and which programs fit it.
//!
//! Choices combine with AND; within needs, any chosen need is enough. A filter with
//! nothing chosen matches every program.
//!
//! ```
//! use finder_core::{age::ChildAge, catalogue::load, filter::Filter, towns::town_named};
//! let loaded = load(r#"{ "version": 1, "needs": [{ "id": "food", "label": "Food" }],
//!   "programs": [{ "id": "a", "name": "A", "needs": ["food"], "towns": ["Windham County"],
//!                  "minimum_age": 0, "maximum_age": 5 }] }"#).unwrap();
//! let filter = Filter {
//!     needs: vec!["food".into()],
//!     town: town_named("Killingly"),
//!     age: Some(ChildAge::Years(5)),
//! };
//! assert_eq!(filter.apply(&loaded.catalogue).count(), 1);
//! ```

use crate::age::ChildAge;
use crate::catalogue::{Catalogue, Program};
use crate::towns::Town;

/// A family's choices. The default chooses nothing and matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Need ids; a program matches if it has any of them. Empty means any need.
    pub needs: Vec<String>,
    /// Where the family lives; a program matches if it serves the town, or is statewide and
    /// the town is in Connecticut.
    pub town: Option<Town>,
    /// The child's age; a program matches if its age range includes it.
    pub age: Option<ChildAge>,
}

impl Filter {
    /// Whether nothing is chosen.
    pub fn is_empty(&self) -> bool {
        self.needs.is_empty() && self.town.is_none() && self.age.is_none()
    }

    /// Whether the program fits every choice.
    pub fn matches(&self, program: &Program) -> bool {
        let need_fits = self.needs.is_empty() || program.needs.iter().any(|need| self.needs.contains(need));
        let town_fits = self
            .town
            .is_none_or(|town| (program.statewide && town.in_connecticut()) || program.serves.contains(town));
        let age_fits = self.age.is_none_or(|age| program.ages.serves(age));
        need_fits && town_fits && age_fits
    }

    /// The catalogue's programs that fit, in catalogue order.
    pub fn apply<'a>(&'a self, catalogue: &'a Catalogue) -> impl Iterator<Item = &'a Program> + 'a {
        catalogue.programs.iter().filter(move |p| self.matches(p))
    }
}

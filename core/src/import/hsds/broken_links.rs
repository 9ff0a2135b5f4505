//! Broken links between the tables of a data package, counted: one note per kind of
//! problem, with how many rows have it and up to three examples, however many rows there
//! are. A 4,000-service export with one missing organization should say so once, not
//! 4,000 times. Nothing here stops an import.

use crate::import::ImportNote;

/// How many examples a note gives.
const EXAMPLES: usize = 3;

/// The problems found so far, in the order first met.
#[derive(Default)]
pub(super) struct BrokenLinks {
    kinds: Vec<Kind>,
}

struct Kind {
    /// The table the rows are in: `phones.csv`.
    place: String,
    /// Which rows: "rows naming a service that is not in services.csv".
    what: &'static str,
    /// What it costs: "they were not used".
    consequence: &'static str,
    count: usize,
    examples: Vec<String>,
}

impl BrokenLinks {
    /// One more row with this problem; `example` names it (`"s-99" (row 4)`).
    pub fn add(&mut self, place: &str, what: &'static str, consequence: &'static str, example: String) {
        let kind = match self.kinds.iter().position(|k| k.place == place && k.what == what) {
            Some(i) => &mut self.kinds[i],
            None => {
                self.kinds.push(Kind {
                    place: place.to_string(),
                    what,
                    consequence,
                    count: 0,
                    examples: Vec::new(),
                });
                self.kinds.last_mut().expect("just pushed")
            }
        };
        kind.count += 1;
        if kind.examples.len() < EXAMPLES && !kind.examples.contains(&example) {
            kind.examples.push(example);
        }
    }

    /// One note per kind: `phones.csv: rows naming a service that is not in services.csv:
    /// 2, such as "s-99" (row 4), "s-98" (row 9); they were not used`.
    pub fn into_notes(self) -> Vec<ImportNote> {
        self.kinds
            .into_iter()
            .map(|k| {
                let such_as = if k.count > k.examples.len() { "such as " } else { "" };
                ImportNote::new(
                    k.place,
                    format!("{}: {}, {such_as}{}; {}", k.what, k.count, k.examples.join(", "), k.consequence),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_one_note_with_a_count_and_three_examples() {
        let mut links = BrokenLinks::default();
        for i in 0..5 {
            links.add(
                "phones.csv",
                "rows naming a missing service",
                "they were not used",
                format!("\"s{i}\""),
            );
        }
        links.add("services.csv", "rows without an id", "nothing can link to them", "row 3".into());
        let notes: Vec<String> = links.into_notes().iter().map(ToString::to_string).collect();
        assert_eq!(
            notes,
            [
                "phones.csv: rows naming a missing service: 5, such as \"s0\", \"s1\", \"s2\"; they were not used",
                "services.csv: rows without an id: 1, row 3; nothing can link to them",
            ]
        );
    }
}

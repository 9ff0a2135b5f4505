//! Edit distance, and "did you mean …?": the closest known name to a misspelled one.
//!
//! Staff type need ids and town names by hand. A near miss ("Hartfrod", "fod") is almost
//! always a typo, and naming the intended value makes the fix a one-second job.

/// The candidate closest to `typed` (ignoring case), if it is close enough to be a likely
/// typo: at most 1 edit for short words, 2 for 5+ letters, 3 for 9+.
///
/// ```
/// use finder_core::spelling::closest;
/// assert_eq!(closest("Hartfrod", ["Hartford", "Hartland"]), Some("Hartford"));
/// assert_eq!(closest("fod", ["food", "housing"]), Some("food"));
/// assert_eq!(closest("Atlantis", ["Hartford"]), None);
/// ```
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.trim().to_lowercase();
    let allowed = match typed.chars().count() {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(&typed, &candidate.to_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counting a swap of two neighbouring letters as one edit
/// (the most common typo: "Hartfrod").
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    EditDistance::default().within(&a, &b, usize::MAX).unwrap_or(usize::MAX)
}

/// [`edit_distance`] for many pairs in a row, as the search compares a typed word with
/// thousands of terms: the rows are kept from one pair to the next (no allocation once
/// they are wide enough), and [`EditDistance::within`] gives up as soon as the distance
/// must exceed a bound.
///
/// ```
/// use finder_core::spelling::EditDistance;
/// let mut distance = EditDistance::default();
/// let chars = |word: &str| word.chars().collect::<Vec<char>>();
/// assert_eq!(distance.within(&chars("hartfrod"), &chars("hartford"), 1), Some(1));
/// assert_eq!(distance.within(&chars("kitten"), &chars("sitting"), 2), None);
/// ```
#[derive(Clone, Debug, Default)]
pub struct EditDistance {
    // rows[i][j] = distance between a[..i] and b[..j]; three rows are enough for swaps.
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl EditDistance {
    /// The distance between `a` and `b` as [`edit_distance`] counts it, or `None` as
    /// soon as it must exceed `max`.
    // Inlined so that it is compiled with its caller: the search (compiled for speed)
    // runs it for every candidate term of every typo.
    #[inline]
    pub fn within(&mut self, a: &[char], b: &[char], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let width = b.len() + 1;
        self.before.clear();
        self.before.resize(width, 0);
        self.previous.clear();
        self.previous.extend(0..width);
        self.current.clear();
        self.current.resize(width, 0);
        for i in 1..=a.len() {
            self.current[0] = i;
            let mut row_min = i;
            for j in 1..=b.len() {
                let substitution = self.previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
                let mut best = substitution.min(self.previous[j] + 1).min(self.current[j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(self.before[j - 2] + 1);
                }
                self.current[j] = best;
                row_min = row_min.min(best);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(&mut self.before, &mut self.previous);
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        let distance = self.previous[b.len()];
        (distance <= max).then_some(distance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let check =
            |a: &str, b: &str, expected: usize| assert_eq!(edit_distance(a, b), expected, "{a} → {b}");
        check("", "", 0);
        check("food", "food", 0);
        check("fod", "food", 1);
        check("hartfrod", "hartford", 1);
        check("kitten", "sitting", 3);
        check("", "abc", 3);
        check("niño", "nino", 1);
    }

    #[test]
    fn bounded_distances() {
        let mut rows = EditDistance::default();
        let mut check = |a: &str, b: &str, max: usize, expected: Option<usize>| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(rows.within(&a, &b, max), expected, "{a:?} {b:?}");
        };
        check("hartfrod", "hartford", 1, Some(1));
        check("counseling", "counselling", 2, Some(1));
        check("kitten", "sitting", 2, None);
        check("kitten", "sitting", 3, Some(3));
        check("food", "food", 1, Some(0));
        check("", "ab", 2, Some(2));
    }

    #[test]
    fn bounded_agrees_with_unbounded() {
        let words = ["", "a", "ab", "ba", "food", "fodo", "good", "hartford", "hartfrod", "niño", "nino"];
        let mut rows = EditDistance::default();
        for a in words {
            for b in words {
                let exact = edit_distance(a, b);
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                for max in 0..4 {
                    let expected = (exact <= max).then_some(exact);
                    assert_eq!(rows.within(&ca, &cb, max), expected, "{a:?} {b:?} within {max}");
                }
            }
        }
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let towns = ["Hartford", "Hartland", "Windham", "Windsor"];
        let check =
            |typed: &str, expected: Option<&str>| assert_eq!(closest(typed, towns), expected, "{typed}");
        check("hartfrod", Some("Hartford"));
        check("HARTFORD ", Some("Hartford"));
        check("Windam", Some("Windham"));
        check("Windsr", Some("Windsor"));
        check("Boston", None);
        check("", None);
    }
}

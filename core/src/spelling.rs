//! "Did you mean …?": the closest known name to a misspelled one.
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
    // rows[i][j] = distance between a[..i] and b[..j]; three rows are enough for swaps.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitution.min(previous[j] + 1).min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
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

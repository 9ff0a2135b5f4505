//! The catalogue's needs as rows name them: ids, needs written another way, new needs.

use std::collections::HashMap;

use super::cells::comma_parts;
use crate::format::NeedEntry;
use crate::import::ImportNote;
use crate::letters::fold;
use crate::spelling::closest;

/// The catalogue's needs, growing as rows name new ones.
pub(super) struct NeedList {
    pub entries: Vec<NeedEntry>,
    /// Written forms that were not an id, and the ids they were read as (noted once each).
    read_as: HashMap<String, Vec<String>>,
}

impl NeedList {
    pub fn new(entries: Vec<NeedEntry>) -> NeedList {
        NeedList { entries, read_as: HashMap::new() }
    }

    fn has(&self, id: &str) -> bool {
        self.entries.iter().any(|need| need.id == id)
    }

    /// The id of the need written some other way: "Mental Health" (the id with spaces and
    /// capitals) or "Food & nutrition" (a label, in any language).
    fn matching(&self, text: &str) -> Option<String> {
        let wanted = need_key(text);
        self.entries
            .iter()
            .find(|need| {
                need_key(&need.id) == wanted
                    || need_key(&need.label) == wanted
                    || need.labels.values().any(|label| need_key(label) == wanted)
            })
            .map(|need| need.id.clone())
    }

    /// The need ids one list item stands for, noting anything that was not an exact id.
    pub fn resolve(&mut self, item: &str, place: &str, notes: &mut Vec<ImportNote>) -> Vec<String> {
        if self.has(item) {
            return vec![item.to_string()];
        }
        if let Some(ids) = self.read_as.get(item) {
            return ids.clone();
        }
        let (ids, message) = if let Some(id) = self.matching(item) {
            let message = format!("\"{item}\" read as the need \"{id}\"");
            (vec![id], message)
        } else if let Some(ids) = self.split_commas(item) {
            let listed: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
            (ids, format!("\"{item}\" read as the needs {}: separate needs with ;", listed.join(", ")))
        } else {
            let id = need_id(item);
            let hint = closest(item, self.entries.iter().map(|n| n.id.as_str()))
                .map(|known| format!(" Did you mean \"{known}\"?"))
                .unwrap_or_default();
            let message = format!(
                "\"{item}\" is not one of the catalogue's needs; it was added as the need \"{id}\" labelled \"{item}\": give it a proper label (and a Spanish one) in the catalogue.{hint}"
            );
            if !self.has(&id) {
                self.entries.push(NeedEntry {
                    id: id.clone(),
                    label: item.to_string(),
                    ..NeedEntry::default()
                });
            }
            (vec![id], message)
        };
        notes.push(ImportNote::new(place, message));
        self.read_as.insert(item.to_string(), ids.clone());
        ids
    }

    /// "food, housing" when both are needs: staff used a comma for the `;`.
    fn split_commas(&self, item: &str) -> Option<Vec<String>> {
        let parts = comma_parts(item);
        if parts.len() < 2 {
            return None;
        }
        parts
            .iter()
            .map(|part| if self.has(part) { Some(part.clone()) } else { self.matching(part) })
            .collect()
    }
}

/// "Mental Health" and "mental-health" alike: lower case, spaces, dashes and underscores as one.
fn need_key(text: &str) -> String {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// An id for a new need: lower case letters, digits and dashes ("Legal Aid" → `legal-aid`),
/// as catalogue need ids are written. Text with no letters or digits is kept as written.
fn need_id(text: &str) -> String {
    let mut id = String::new();
    for c in fold(text).chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if !(c == '-' && (id.is_empty() || id.ends_with('-'))) {
            id.push(c);
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        text.to_string()
    } else {
        id.to_string()
    }
}

//! Deterministic queries: a third choices only, a third words only, a third both.
//!
//! Words are taken from a synthetic catalogue's own text (a random word of a random
//! program, so common words come up more often, as in what families type), and then
//! some are misspelt, cut short as while typing, or replaced by a Spanish synonym.

use finder_core::age::ChildAge;
use finder_core::random::Random;
use finder_core::towns::Town;
use finder_search::text::{is_stop_word, words};
use finder_search::{synthetic, Choices, Query};
use serde_json::{json, Map, Value};

/// Spanish words families type, each in a synonym group of `search/data/synonyms.json`.
/// Some also occur in the synthetic catalogues' Spanish text; others never do, so only
/// the synonyms can find anything for them.
const SPANISH: &[&str] = &[
    "comida",
    "vivienda",
    "despensa",
    "alquiler",
    "refugio",
    "salud mental",
    "guardería",
    "niños",
    "embarazo",
    "transporte",
    "médico",
    "consejería",
    "vacunas",
    "pañales",
    "empleo",
    "ayuda legal",
];

/// Language choices; Spanish is the one most families pick.
const LANGUAGES: &[&str] = &["es", "es", "es", "es", "pt", "zh", "pl", "ht", "vi"];

/// The words of a synthetic catalogue, per program.
struct Vocabulary {
    /// Folded words of each program's name, organization and description (no stop words).
    texts: Vec<Vec<String>>,
    /// Place names as programs list them ("Windham County", "Willimantic").
    places: Vec<String>,
    need_ids: Vec<String>,
}

impl Vocabulary {
    fn new(seed: u64) -> Vocabulary {
        let catalogue = synthetic::catalogue(1000, seed);
        let texts = catalogue
            .programs
            .iter()
            .map(|p| {
                let text = [Some(&p.name), p.organization.as_ref(), p.description.as_ref()];
                let all: Vec<String> = text.into_iter().flatten().flat_map(|t| words(t)).collect();
                all.into_iter()
                    .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
                    .filter(|w| !is_stop_word(w))
                    .collect()
            })
            .filter(|words: &Vec<String>| words.len() >= 2)
            .collect();
        let mut places: Vec<String> = catalogue.programs.iter().flat_map(|p| p.towns.clone()).collect();
        places.sort();
        places.dedup();
        let need_ids = catalogue.needs.iter().map(|n| n.id.clone()).collect();
        Vocabulary { texts, places, need_ids }
    }

    fn program<'a>(&'a self, random: &mut Random) -> &'a [String] {
        &self.texts[random.below(self.texts.len())]
    }

    fn word(&self, random: &mut Random) -> String {
        let text = self.program(random);
        text[random.below(text.len())].clone()
    }

    /// A word of at least four letters (typos and prefixes only make sense there).
    fn long_word(&self, random: &mut Random) -> String {
        loop {
            let word = self.word(random);
            if word.chars().count() >= 4 {
                return word;
            }
        }
    }
}

/// Words and what kind of words they are.
fn keywords(vocabulary: &Vocabulary, random: &mut Random) -> (String, String) {
    match random.below(100) {
        0..=24 => ("word".into(), vocabulary.word(random)),
        25..=39 => {
            // Two words of the same program, so that both together usually find something.
            let text = vocabulary.program(random);
            let (a, b) = (&text[random.below(text.len())], &text[random.below(text.len())]);
            ("two words".into(), format!("{a} {b}"))
        }
        40..=54 => {
            let word = vocabulary.long_word(random);
            let (kind, typo) = misspell(&word, random);
            (format!("typo ({kind}) of {word:?}"), typo)
        }
        55..=69 => {
            // Cut short as while typing: the text does not end in a space.
            let word = vocabulary.long_word(random);
            let keep = 2 + random.below(word.chars().count() - 2);
            let cut: String = word.chars().take(keep).collect();
            if random.chance(50) {
                (format!("typing {word:?}"), cut)
            } else {
                (format!("typing {word:?} after a word"), format!("{} {cut}", vocabulary.word(random)))
            }
        }
        70..=84 => ("Spanish".into(), SPANISH[random.below(SPANISH.len())].to_string()),
        85..=92 => {
            // A program's invented name, as someone who heard of it would type it.
            ("name".into(), vocabulary.program(random)[0].clone())
        }
        _ => {
            let place = vocabulary.places[random.below(vocabulary.places.len())].clone();
            if random.chance(50) {
                ("place".into(), place)
            } else {
                ("word and place".into(), format!("{} {place}", vocabulary.word(random)))
            }
        }
    }
}

/// One typo: two neighbouring letters swapped, a letter dropped, or a letter changed.
fn misspell(word: &str, random: &mut Random) -> (&'static str, String) {
    let mut chars: Vec<char> = word.chars().collect();
    let kind = match random.below(3) {
        0 => {
            let at = random.below(chars.len() - 1);
            chars.swap(at, at + 1);
            "swap"
        }
        1 => {
            chars.remove(random.below(chars.len()));
            "drop"
        }
        _ => {
            let at = random.below(chars.len());
            let letter = (chars[at] as u8).wrapping_sub(b'a').min(25);
            chars[at] = (b'a' + (letter + 1 + random.below(25) as u8) % 26) as char;
            "change"
        }
    };
    (kind, chars.into_iter().collect())
}

/// Choices, as JSON fields; at least one when `at_least_one`.
fn choices(vocabulary: &Vocabulary, random: &mut Random, at_least_one: bool) -> Map<String, Value> {
    let mut fields = Map::new();
    loop {
        if random.chance(40) {
            let mut needs = vec![vocabulary.need_ids[random.below(vocabulary.need_ids.len())].clone()];
            if random.chance(30) {
                needs.push(vocabulary.need_ids[random.below(vocabulary.need_ids.len())].clone());
                needs.dedup();
            }
            fields.insert("needs".into(), json!(needs));
        }
        if random.chance(45) {
            let town = random.below(Town::all().count());
            fields.insert("town".into(), json!(town));
            fields.insert("town_name".into(), json!(Town::all().nth(town).map(Town::name)));
        }
        if random.chance(35) {
            let age = if random.chance(70) {
                ChildAge::Years(random.below(18) as u32)
            } else {
                ChildAge::Months(random.below(24) as u32)
            };
            let (start, end) = age.months();
            let spelled = match age {
                ChildAge::Years(years) => json!({ "years": years }),
                ChildAge::Months(months) => json!({ "months": months }),
            };
            fields.insert("age".into(), spelled);
            fields.insert("age_months".into(), json!([start, end]));
        }
        if random.chance(15) {
            fields.insert("languages".into(), json!([LANGUAGES[random.below(LANGUAGES.len())]]));
        }
        if random.chance(20) {
            fields.insert("free".into(), json!(true));
        }
        if !fields.is_empty() || !at_least_one {
            return fields;
        }
    }
}

/// `count` queries as a JSON array of objects: `kind` ("choices", "words" or "both"),
/// `text`, `note` (how the words were made), and the choices: `needs`, `town` (a town
/// number, with `town_name`), `age` (`{"years": n}` or `{"months": n}`, with
/// `age_months` as `[start, end)`), `languages`, `free`.
pub fn generate(count: usize, seed: u64) -> String {
    let vocabulary = Vocabulary::new(seed);
    let mut random = Random::new(seed ^ 0xbe4c);
    let queries: Vec<Value> = (0..count)
        .map(|i| {
            let kind = ["choices", "words", "both"][i % 3];
            let (note, text) = match kind {
                "choices" => (String::new(), String::new()),
                _ => keywords(&vocabulary, &mut random),
            };
            let mut fields = match kind {
                "words" => Map::new(),
                _ => choices(&vocabulary, &mut random, true),
            };
            fields.insert("kind".into(), json!(kind));
            fields.insert("text".into(), json!(text));
            fields.insert("note".into(), json!(note));
            Value::Object(fields)
        })
        .collect();
    Value::Array(queries).to_string()
}

/// Reads the queries of [`generate`] into core queries.
pub fn parse(json: &str) -> Result<Vec<Query>, String> {
    let list: Vec<Value> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(list.iter().map(query).collect())
}

fn query(raw: &Value) -> Query {
    let strings = |key: &str| -> Vec<String> {
        let list = raw.get(key).and_then(Value::as_array);
        list.into_iter().flatten().filter_map(Value::as_str).map(String::from).collect()
    };
    let number = |value: Option<&Value>| value.and_then(Value::as_u64).map(|n| n as u32);
    let age = raw.get("age").and_then(|age| {
        let years = number(age.get("years")).map(ChildAge::Years);
        years.or_else(|| number(age.get("months")).map(ChildAge::Months))
    });
    let choices = Choices {
        needs: strings("needs"),
        town: number(raw.get("town")).and_then(|n| Town::all().nth(n as usize)),
        age,
        languages: strings("languages"),
        free_only: raw.get("free").and_then(Value::as_bool).unwrap_or(false),
        // The synthetic catalogues have no structured hours: no hours choices.
        ..Choices::default()
    };
    Query::new(raw.get("text").and_then(Value::as_str).unwrap_or_default()).with_choices(choices)
}
